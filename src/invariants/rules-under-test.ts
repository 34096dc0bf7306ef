/**
 * The clause logic under test, injectable. Invariants, `dealsim check` and `dealsim fuzz` run
 * against an {@link Engine}; these helpers build one from an altered copy of the chart or of the
 * initial rules, so a test can break the logic on purpose and watch every check catch it.
 */
import { type AnyStateMachine, createMachine, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { type DealMachine, dealMachine } from '../../machines/deal.machine.ts';
import type { Rules } from '../domain/rules.ts';
import { type Engine, xstateEngine } from '../replay/engine.ts';

type DealSnapshot = SnapshotFrom<DealMachine>;

/**
 * An engine on XState's pure `transition` for `machine`, which must keep the deal chart's
 * regions and context (a copy of `dealMachine` with some states, guards or actions changed).
 */
export function engineFor(machine: AnyStateMachine, name = 'xstate-transition (altered chart)'): Engine<DealSnapshot> {
  const chart = machine as unknown as DealMachine;
  return {
    ...xstateEngine,
    name,
    start: (input) => initialTransition(chart, input)[0],
    step: (snapshot, event) => transition(chart, snapshot, event)[0],
    persist: (snapshot) => JSON.parse(JSON.stringify(chart.getPersistedSnapshot(snapshot))),
    restore: (persisted) => chart.resolveState(persisted as Parameters<DealMachine['resolveState']>[0]),
  };
}

/** The machine's config as plain data a test may edit: a deep copy whose functions are shared. */
export type ChartConfig = Record<string, unknown> & { states: Record<string, ChartConfig> };

/**
 * A copy of `dealMachine` whose config `edit` changed, with the chart's own guards and actions.
 * Use it to plant a bug in the chart (a transition added, a target moved) without touching it.
 */
export function alteredMachine(edit: (config: ChartConfig) => void): AnyStateMachine {
  const config = structuredCloneWithFunctions(dealMachine.config) as ChartConfig;
  edit(config);
  return createMachine(config as never, dealMachine.implementations as never);
}

/**
 * An engine whose initial rules are `edit(rules)`: the same chart, with the October 2025 rules
 * read differently (a sunset moved, a flag flipped). Works with any engine that can persist.
 */
export function withRules<S>(engine: Engine<S>, edit: (rules: Rules) => Rules, name?: string): Engine<S> {
  return {
    ...engine,
    name: name ?? `${engine.name} (altered rules)`,
    start: (input) => {
      const persisted = engine.persist(engine.start(input)) as { context: { rules: Rules } };
      persisted.context.rules = edit(persisted.context.rules);
      return engine.restore(persisted, input);
    },
  };
}

/** Deep copy of plain data that keeps functions (the context factory) by reference. */
function structuredCloneWithFunctions(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(structuredCloneWithFunctions);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, structuredCloneWithFunctions(inner)]));
}

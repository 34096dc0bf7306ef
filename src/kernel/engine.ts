/**
 * The compiled kernel as an {@link Engine}: a state is a configuration id and the context, and a
 * step is one table lookup, the guards of the candidates, and the machine's own assign actions.
 * Semantics follow XState's microstep for this chart: every region picks its first enabled
 * transition with guards seeing the context before the event, then the actions run in document
 * order, each seeing the context the previous one left.
 */
import { type DealContext, type DealInput, dealMachine } from '../../machines/deal.machine.ts';
import type { DealEvent } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { AgiStatus, Engine } from '../replay/engine.ts';
import { type CompiledTransition, compileKernel, type Kernel, STATUS_CODES } from './compile.ts';

/** The deal statechart, compiled once per process. */
export const DEAL_KERNEL: Kernel = compileKernel(dealMachine, TERM_IDS);

export interface KernelState {
  readonly config: number;
  readonly context: DealContext;
}

const TERM_INDEX = Object.fromEntries(TERM_IDS.map((term, index) => [term, index])) as Record<TermId, number>;
const REGION_COUNT = DEAL_KERNEL.regions.length;
const EVENT_COUNT = DEAL_KERNEL.eventTypes.length;
/** Scratch for the chosen transition of each region; steps never nest, so one buffer serves all. */
const chosen: (CompiledTransition | undefined)[] = new Array(REGION_COUNT);

type BusyEntry = readonly (readonly CompiledTransition[])[];

/**
 * The table with each entry cut down to the regions that have candidates, in region order (so
 * actions still run in document order): most events concern two or three of the ten regions.
 * Filled as configurations are met (null: not met yet), so starting costs nothing.
 */
const BUSY: (BusyEntry | null)[] = new Array(DEAL_KERNEL.idSpace * EVENT_COUNT).fill(null);

/** Nothing can happen. */
const IDLE: BusyEntry = [];

function busyEntry(config: number, e: number): BusyEntry {
  const entry = DEAL_KERNEL.entry(config, e)?.filter((candidates) => candidates.length > 0) ?? IDLE;
  BUSY[config * EVENT_COUNT + e] = entry;
  return entry;
}

/** Where {@link kernelMove} leaves the configuration and context it moved to; read it at once. */
export const moved: { config: number; context: DealContext } = {
  config: 0,
  context: undefined as unknown as DealContext,
};

/**
 * One step from `config` and `context` on `event`: false when no transition is enabled,
 * otherwise true with the new configuration and context in {@link moved}. Allocates nothing of
 * its own, so the lean fold can keep its state in place.
 */
export function kernelMove(config: number, before: DealContext, event: DealEvent): boolean {
  const e = DEAL_KERNEL.eventIndex.get(event.type);
  if (e === undefined) return false;
  const entry = BUSY[config * EVENT_COUNT + e] ?? busyEntry(config, e);
  if (entry.length === 0) return false;
  let any = false;
  for (let r = 0; r < entry.length; r++) {
    chosen[r] = undefined;
    const candidates = entry[r] as readonly CompiledTransition[];
    for (let i = 0; i < candidates.length; i++) {
      const t = candidates[i] as CompiledTransition;
      if (t.guard === null || t.guard(before, event)) {
        chosen[r] = t;
        any = true;
        break;
      }
    }
  }
  if (!any) return false;
  let context = before;
  for (let r = 0; r < entry.length; r++) {
    const t = chosen[r];
    if (t === undefined) continue;
    config += t.delta;
    for (let a = 0; a < t.actions.length; a++)
      context = (t.actions[a] as (c: DealContext, e: DealEvent) => DealContext)(context, event);
  }
  moved.config = config;
  moved.context = context;
  return true;
}

/**
 * The configuration and context after `event`; the same object when nothing is enabled, as
 * XState returns the same snapshot.
 */
export function kernelStep(state: KernelState, event: DealEvent): KernelState {
  return kernelMove(state.config, state.context, event) ? { config: moved.config, context: moved.context } : state;
}

const contextFactory = dealMachine.config.context as unknown as (args: { input: DealInput }) => DealContext;

/** The context a machine starts with: the machine's own `context` factory, called as XState calls it. */
export function initialContext(input: DealInput): DealContext {
  return contextFactory({ input });
}

const AGI_REGION = DEAL_KERNEL.regionIndex.agi as number;

function regionState(config: number, r: number): string {
  const region = DEAL_KERNEL.regions[r];
  if (!region) throw new TypeError(`kernel: no region ${r}`);
  return region.states[Math.floor(config / region.stride) % region.states.length] as string;
}

/** The AGI state of every configuration id, so reading it is one array lookup (filled run by run, as the AGI region keeps its state for `stride` ids in a row). */
const AGI_OF: readonly AgiStatus[] = ((): AgiStatus[] => {
  const { stride, states } = DEAL_KERNEL.regions[AGI_REGION] as (typeof DEAL_KERNEL.regions)[number];
  const of = new Array<AgiStatus>(DEAL_KERNEL.idSpace);
  for (let run = 0; run * stride < of.length; run++)
    of.fill(states[run % states.length] as AgiStatus, run * stride, (run + 1) * stride);
  return of;
})();

export function kernelAgiStatus(config: number): AgiStatus {
  return AGI_OF[config] as AgiStatus;
}

function stateValue(config: number): Record<string, string> {
  return Object.fromEntries(DEAL_KERNEL.regions.map((region, r) => [region.key, regionState(config, r)]));
}

function configOf(value: Record<string, string>): number {
  let config = 0;
  for (const region of DEAL_KERNEL.regions) {
    const index = region.states.indexOf(value[region.key] ?? '');
    if (index < 0) throw new TypeError(`kernel: cannot restore ${region.key} = ${value[region.key]}`);
    config += index * region.stride;
  }
  return config;
}

/** The compiled kernel behind the {@link Engine} interface, so the replay fold runs on it unchanged. */
export const kernelEngine: Engine<KernelState> = {
  name: 'compiled-kernel',
  start: (input) => ({ config: DEAL_KERNEL.initialConfig, context: initialContext(input) }),
  step: kernelStep,
  termStatus: (state, term) =>
    STATUS_CODES[DEAL_KERNEL.termStatusCode[state.config * TERM_IDS.length + TERM_INDEX[term]] as number] as never,
  agiStatus: (state) => kernelAgiStatus(state.config),
  context: (state) => state.context,
  stateValue: (state) => stateValue(state.config),
  persist: (state) => JSON.parse(JSON.stringify({ value: stateValue(state.config), context: state.context })),
  restore: (persisted) => {
    const { value, context } = persisted as { value: Record<string, string>; context: DealContext };
    return { config: configOf(value), context };
  },
};

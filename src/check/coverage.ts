/**
 * State and transition coverage of the deal statechart, derived from `dealMachine` itself: the
 * atomic states of every region, and every transition a state declares (one per candidate, so
 * each guarded branch counts on its own). A step is matched to the candidate that fired by the
 * state it moved to.
 */
import type { AnyStateNode } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';

interface TransitionInfo {
  readonly label: string;
  readonly target: string | null;
}

/** `agi.pending`, `research-ip.holding`, …: the chart's atomic states, in document order. */
export const CHART_STATES: readonly string[] = atomicStates(dealMachine.root);

/** `<state> --event[guard]--> <target>` for every candidate transition of every atomic state. */
const TRANSITIONS_BY_STATE: ReadonlyMap<string, ReadonlyMap<string, readonly TransitionInfo[]>> = transitionsOf(
  dealMachine.root,
);

export const CHART_TRANSITIONS: readonly string[] = [...TRANSITIONS_BY_STATE.values()].flatMap((byEvent) =>
  [...byEvent.values()].flatMap((list) => list.map((transition) => transition.label)),
);

function path(node: AnyStateNode): string {
  return node.path.join('.');
}

function atomicStates(node: AnyStateNode): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) return [path(node)];
  return children.flatMap(atomicStates);
}

function transitionsOf(root: AnyStateNode): Map<string, Map<string, TransitionInfo[]>> {
  const result = new Map<string, Map<string, TransitionInfo[]>>();
  const visit = (node: AnyStateNode) => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (children.length > 0) {
      for (const child of children) visit(child);
      return;
    }
    const byEvent = new Map<string, TransitionInfo[]>();
    for (const [event, definitions] of node.transitions) {
      byEvent.set(
        event,
        definitions.map((definition) => {
          const target = definition.target?.[0] ? path(definition.target[0]) : null;
          const guard = definition.guard;
          const guardName =
            guard === undefined
              ? ''
              : `[${typeof guard === 'string' ? guard : ((guard as { type?: string }).type ?? 'guard')}]`;
          return { label: `${path(node)} --${event}${guardName}--> ${target ?? '(stays)'}`, target };
        }),
      );
    }
    result.set(path(node), byEvent);
  };
  visit(root);
  return result;
}

/** Collects the states and transitions a run of the chart visited and fired. */
export class CoverageRecorder {
  readonly states = new Set<string>();
  readonly transitions = new Set<string>();

  /** Records a step of the chart: the state value before, the event type, the state value after. */
  step(before: Readonly<Record<string, string>>, event: string, after: Readonly<Record<string, string>>): void {
    for (const [region, state] of Object.entries(after)) {
      this.states.add(`${region}.${state}`);
      const from = before[region];
      const candidates = TRANSITIONS_BY_STATE.get(`${region}.${from}`)?.get(event);
      if (!candidates) continue;
      const moved = from !== state;
      const fired = candidates.find((candidate) =>
        moved ? candidate.target === `${region}.${state}` : candidate.target === null,
      );
      if (fired) this.transitions.add(fired.label);
    }
  }

  visit(value: Readonly<Record<string, string>>): void {
    for (const [region, state] of Object.entries(value)) this.states.add(`${region}.${state}`);
  }

  merge(other: CoverageRecorder): void {
    for (const state of other.states) this.states.add(state);
    for (const transition of other.transitions) this.transitions.add(transition);
  }
}

/** Covered and total, with the lists, as reports print them. */
export interface CoverageReport {
  readonly states: {
    readonly visited: number;
    readonly total: number;
    readonly covered: readonly string[];
    readonly missed: readonly string[];
  };
  readonly transitions: {
    readonly fired: number;
    readonly total: number;
    readonly covered: readonly string[];
    readonly missed: readonly string[];
  };
}

export function coverageReport(recorder: CoverageRecorder): CoverageReport {
  const missedStates = CHART_STATES.filter((state) => !recorder.states.has(state));
  const missedTransitions = CHART_TRANSITIONS.filter((transition) => !recorder.transitions.has(transition));
  return {
    states: {
      visited: CHART_STATES.length - missedStates.length,
      total: CHART_STATES.length,
      covered: CHART_STATES.filter((state) => recorder.states.has(state)),
      missed: missedStates,
    },
    transitions: {
      fired: CHART_TRANSITIONS.length - missedTransitions.length,
      total: CHART_TRANSITIONS.length,
      covered: CHART_TRANSITIONS.filter((transition) => recorder.transitions.has(transition)),
      missed: missedTransitions,
    },
  };
}

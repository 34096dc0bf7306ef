/**
 * The statechart as plain data for diagrams, derived by walking `dealMachine.root`: every
 * region, state, clause, tag and transition (event, guard with its params, actions) comes from
 * the machine definition itself, so no diagram can drift from the chart the replay runs.
 */
import type { AnyStateNode } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';

/** One transition of a state, as the machine defines it. */
export interface ChartTransition {
  readonly event: string;
  /** The target's full ID (`deal.research-ip.ended`); null for a targetless (internal) transition. */
  readonly target: string | null;
  readonly guard: ChartGuard | null;
  readonly actions: readonly string[];
}

export interface ChartGuard {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
}

/** A state node: the root, a region, or an atomic state. */
export interface ChartNode {
  /** Its key among its siblings, e.g. `holding`. */
  readonly key: string;
  /** Its full ID, e.g. `deal.research-ip.holding`. */
  readonly id: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Full ID of the initial child of a compound node. */
  readonly initial: string | null;
  readonly clause: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
  readonly children: readonly ChartNode[];
  readonly transitions: readonly ChartTransition[];
}

interface GuardLike {
  readonly type?: unknown;
  readonly params?: unknown;
}

function guardOf(guard: unknown): ChartGuard | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return { name: guard, params: {} };
  if (typeof guard === 'function') return { name: guard.name || 'inline guard', params: {} };
  const { type, params } = guard as GuardLike;
  const entries = params && typeof params === 'object' ? Object.entries(params as Record<string, unknown>) : [];
  return { name: String(type), params: Object.fromEntries(entries.map(([key, value]) => [key, String(value)])) };
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') return action.name || 'inline action';
  return String((action as { type?: unknown }).type ?? 'action');
}

function nodeOf(state: AnyStateNode): ChartNode {
  const meta = state.meta as { clause?: string; description?: string } | undefined;
  const transitions: ChartTransition[] = [];
  for (const [event, list] of state.transitions) {
    for (const transition of list) {
      transitions.push({
        event,
        target: transition.target?.[0]?.id ?? null,
        guard: guardOf(transition.guard),
        actions: (transition.actions as readonly unknown[]).map(actionName),
      });
    }
  }
  return {
    key: state.key,
    id: state.id,
    type: state.type,
    initial: state.type === 'compound' ? (state.initial?.target?.[0]?.id ?? null) : null,
    clause: meta?.clause ?? null,
    description: meta?.description ?? null,
    tags: [...state.tags],
    children: Object.values(state.states).map(nodeOf),
    transitions,
  };
}

/** The chart of any XState machine root; {@link dealChart} is the one the CLI draws. */
export function chartOf(root: AnyStateNode): ChartNode {
  return nodeOf(root);
}

/** The partnership's statechart, walked from `dealMachine.root`. */
export function dealChart(): ChartNode {
  return chartOf(dealMachine.root as AnyStateNode);
}

/** `endsOnVerification(term=research-ip)`; a guard without params is just its name. */
export function formatGuard(guard: ChartGuard): string {
  const params = Object.entries(guard.params).map(([key, value]) => `${key}=${value}`);
  return params.length === 0 ? guard.name : `${guard.name}(${params.join(', ')})`;
}

/** `panel.verified [endsOnVerification(term=research-ip)] / recordVerification`. */
export function transitionLabel(transition: ChartTransition): string {
  const guard = transition.guard ? ` [${formatGuard(transition.guard)}]` : '';
  const actions = transition.actions.length > 0 ? ` / ${transition.actions.join(', ')}` : '';
  return `${transition.event}${guard}${actions}`;
}

/** Every node below `node`, depth first, `node` included. */
export function allNodes(node: ChartNode): ChartNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** The atomic states, leaves of the tree. */
export function leafStates(node: ChartNode): ChartNode[] {
  return allNodes(node).filter((candidate) => candidate.children.length === 0);
}

/**
 * The statechart as plain data for diagrams, derived by walking `dealMachine.root`: every
 * region, state, clause, tag and transition (event, guard with its params, actions) comes from
 * the machine definition itself, so no diagram can drift from the chart the replay runs.
 */
import type { AnyStateNode } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';
import { chartTransition } from '../coverage/chart.ts';
import { reachableTransitions } from '../coverage/reachable.ts';
import { type AmendmentCatalog, BUILT_IN_AMENDMENTS } from '../domain/amendments.ts';

/** One transition of a state, as the machine defines it. */
export interface ChartTransition {
  readonly event: string;
  /** The target's full ID (`deal.research-ip.ended`); null for a targetless (internal) transition. */
  readonly target: string | null;
  readonly guard: ChartGuard | null;
  readonly actions: readonly string[];
  /** Its coverage ID (src/coverage/chart.ts) when it is one of `dealMachine`'s; null for another machine's. */
  readonly rule: string | null;
  /**
   * Whether the built-in rules (and the amendments the picture is drawn for) can fire it at all;
   * false for a branch only a user's hypothetical amendment could reach. See {@link picturedChart}.
   */
  readonly firable: boolean;
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
        rule: chartTransition(transition)?.id ?? null,
        firable: true,
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

export interface PictureOptions {
  /**
   * The amendments the picture is drawn for: the built-in ones (default), plus those of a user's
   * file that a log applies. Their guards decide which transitions can fire.
   */
  readonly amendments?: AmendmentCatalog;
  /** Keep the transitions no rule can fire (marked `firable: false`) instead of dropping them. */
  readonly all?: boolean;
}

/**
 * The chart as the pictures draw it (issue 10): each transition marked with whether the rules
 * can fire it, asked of the chart's own guards by src/coverage/reachable.ts. By default only
 * those that can fire are kept, and the states they no longer reach are dropped; with `all` every
 * transition stays, the others marked for drawing dashed.
 */
export function picturedChart(chart: ChartNode, options: PictureOptions = {}): ChartNode {
  const firable = reachableTransitions({ ...BUILT_IN_AMENDMENTS, ...options.amendments });
  const marked = markFirable(chart, (transition) => transition.rule === null || firable.has(transition.rule));
  return options.all ? marked : withoutUnfirable(marked);
}

function markFirable(node: ChartNode, fires: (transition: ChartTransition) => boolean): ChartNode {
  return {
    ...node,
    transitions: node.transitions.map((transition) => ({ ...transition, firable: fires(transition) })),
    children: node.children.map((child) => markFirable(child, fires)),
  };
}

/** Drops the transitions that cannot fire, then the states no initial state reaches without them. */
function withoutUnfirable(chart: ChartNode): ChartNode {
  const reached = new Set<string>();
  const visit = (node: ChartNode): void => {
    if (node.initial) reached.add(node.initial);
    node.children.forEach(visit);
  };
  visit(chart);
  const leaves = new Map(leafStates(chart).map((leaf) => [leaf.id, leaf]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of [...reached]) {
      for (const transition of leaves.get(id)?.transitions ?? []) {
        if (transition.firable && transition.target !== null && !reached.has(transition.target)) {
          reached.add(transition.target);
          grew = true;
        }
      }
    }
  }
  const prune = (node: ChartNode): ChartNode => ({
    ...node,
    transitions: node.transitions.filter((transition) => transition.firable),
    children: node.children.filter((child) => child.children.length > 0 || reached.has(child.id)).map(prune),
  });
  return prune(chart);
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

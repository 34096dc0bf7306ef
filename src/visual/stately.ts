/**
 * The statechart as the machine-config JSON that Stately's editor imports (and `createMachine`
 * accepts): states with `initial`, `type`, `tags`, `meta`, `description` and `on`, guards as
 * `{type, params}` and actions by name. Implementations stay in the code; the names say which.
 */
import type { ChartNode, ChartTransition } from './statechart.ts';

export interface StatelyTransition {
  readonly target?: string;
  readonly guard?: { readonly type: string; readonly params?: Readonly<Record<string, string>> };
  readonly actions?: readonly string[];
}

export interface StatelyState {
  readonly id?: string;
  readonly type?: 'parallel';
  readonly initial?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly meta?: { readonly clause: string; readonly description: string };
  readonly on?: Readonly<Record<string, readonly StatelyTransition[]>>;
  readonly states?: Readonly<Record<string, StatelyState>>;
}

/** Sibling targets by key, others by `#id`, as XState resolves them. */
function targetOf(source: ChartNode, target: string): string {
  const parent = source.id.slice(0, source.id.lastIndexOf('.'));
  const targetParent = target.slice(0, target.lastIndexOf('.'));
  return parent === targetParent ? target.slice(parent.length + 1) : `#${target}`;
}

function transitionOf(source: ChartNode, transition: ChartTransition): StatelyTransition {
  return {
    ...(transition.target !== null && { target: targetOf(source, transition.target) }),
    ...(transition.guard && {
      guard: {
        type: transition.guard.name,
        ...(Object.keys(transition.guard.params).length > 0 && { params: transition.guard.params }),
      },
    }),
    ...(transition.actions.length > 0 && { actions: transition.actions }),
  };
}

function stateOf(node: ChartNode, root: boolean): StatelyState {
  const on: Record<string, StatelyTransition[]> = {};
  for (const transition of node.transitions) (on[transition.event] ??= []).push(transitionOf(node, transition));
  const initial = node.initial ? node.initial.slice(node.id.length + 1) : undefined;
  return {
    ...(root && { id: node.id }),
    ...(node.type === 'parallel' && { type: 'parallel' as const }),
    ...(initial && { initial }),
    ...(node.description && { description: `${node.clause ? `${node.clause}: ` : ''}${node.description}` }),
    ...(node.tags.length > 0 && { tags: node.tags }),
    ...(node.clause && node.description && { meta: { clause: node.clause, description: node.description } }),
    ...(Object.keys(on).length > 0 && { on }),
    ...(node.children.length > 0 && {
      states: Object.fromEntries(node.children.map((child) => [child.key, stateOf(child, false)])),
    }),
  };
}

/** The machine config for Stately's editor, as a JSON-safe object. */
export function toStatelyJson(chart: ChartNode): StatelyState {
  return stateOf(chart, true);
}

/**
 * The machine config as the JavaScript module Stately's editor imports (its importer reads a
 * `createMachine({...})` call, not bare JSON). Guards and actions are named, as in `setup`.
 */
export function toStatelyModule(chart: ChartNode): string {
  const config = JSON.stringify(toStatelyJson(chart), null, 2);
  return `import { createMachine } from 'xstate';\n\nexport const machine = createMachine(${config});\n`;
}

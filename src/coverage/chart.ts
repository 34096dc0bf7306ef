/**
 * The universe coverage is measured against, derived from `dealMachine` (never re-typed): every
 * atomic state of every region, and every transition candidate a state declares — one per
 * guarded branch, so `holding --panel.verified[endsOnVerification]--> ended` and the same event
 * in another state count apart. Each carries the clauses it stands for.
 */
import type { AnyStateNode } from 'xstate';
import { dealMachine, type StateMeta } from '../../machines/deal.machine.ts';
import type { ClauseId } from '../domain/clauses.ts';
import { TERM_IDS, TERMS, type TermId } from '../domain/terms.ts';

export interface ChartState {
  /** `agi.pending`, `research-ip.holding`. */
  readonly id: string;
  readonly region: string;
  readonly clauses: readonly ClauseId[];
}

export interface ChartTransition {
  /** `research-ip.holding --panel.verified[endsOnVerification]--> research-ip.ended`. */
  readonly id: string;
  readonly region: string;
  readonly event: string;
  readonly clauses: readonly ClauseId[];
}

const CLAUSE_ID = /^C(\d|1[0-2])$/;

/** The clause a state's meta cites, when it is one of C0–C12 (S4 and the like are sources). */
function metaClauses(node: AnyStateNode): ClauseId[] {
  const clause = (node.meta as StateMeta | undefined)?.clause;
  return clause !== undefined && CLAUSE_ID.test(clause) ? [clause as ClauseId] : [];
}

/** A term region stands for every clause its term draws on (CLAUSES.md, Terms). */
function regionClauses(region: string): ClauseId[] {
  return (TERM_IDS as readonly string[]).includes(region) ? [...TERMS[region as TermId].clauses] : [];
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function atomic(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(atomic);
}

const ATOMIC = atomic(dealMachine.root);

export const CHART_STATES: readonly ChartState[] = ATOMIC.map((node) => ({
  id: node.path.join('.'),
  region: node.path[0] as string,
  clauses: unique([...metaClauses(node), ...regionClauses(node.path[0] as string)]),
}));

/** Transition definitions by identity, so that the ones XState selects map back to their IDs. */
const BY_DEFINITION = new Map<unknown, ChartTransition>();

for (const node of ATOMIC) {
  for (const [event, definitions] of node.transitions) {
    for (const definition of definitions) {
      const guard = definition.guard as string | { type?: string } | undefined;
      const guardName = guard === undefined ? '' : `[${typeof guard === 'string' ? guard : (guard.type ?? 'guard')}]`;
      const targets = definition.target ?? [];
      const target = targets.length === 0 ? '(stays)' : targets.map((t) => t.path.join('.')).join(',');
      const region = node.path[0] as string;
      BY_DEFINITION.set(definition, {
        id: `${node.path.join('.')} --${event}${guardName}--> ${target}`,
        region,
        event,
        clauses: unique([...metaClauses(node), ...targets.flatMap(metaClauses), ...regionClauses(region)]),
      });
    }
  }
}

export const CHART_TRANSITIONS: readonly ChartTransition[] = [...BY_DEFINITION.values()];

/** The chart transition for a definition XState selected; undefined for one outside the chart. */
export function chartTransition(definition: unknown): ChartTransition | undefined {
  return BY_DEFINITION.get(definition);
}

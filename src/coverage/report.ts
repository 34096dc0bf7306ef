/**
 * Coverage as numbers and lists: how many of the chart's states and transitions, and which of
 * the clauses C1–C12, a set of futures exercised, with what is missing. Recordings serialise to
 * plain JSON and merge by union, so a test run split over workers adds up.
 */
import { CLAUSES, type ClauseId } from '../domain/clauses.ts';
import { CHART_STATES, CHART_TRANSITIONS } from './chart.ts';
import { type Exercised, emptyExercised } from './recorder.ts';

/** The clauses coverage is reported for: C0 is a fact about equity with no behaviour to exercise. */
export const REPORTED_CLAUSES: readonly ClauseId[] = CLAUSES.map((clause) => clause.id).filter((id) => id !== 'C0');

export interface Tally {
  readonly covered: number;
  readonly total: number;
  readonly missing: readonly string[];
}

export interface CoverageReport {
  readonly futures: number;
  readonly clauses: Tally & { readonly evidence: Readonly<Record<string, string>> };
  readonly states: Tally;
  readonly transitions: Tally;
  /** The transitions that can fire under the built-in rules and amendments (see reachable.ts). */
  readonly reachableTransitions: Tally;
}

function tally(universe: readonly string[], seen: ReadonlySet<string>): Tally {
  const missing = universe.filter((id) => !seen.has(id));
  return { covered: universe.length - missing.length, total: universe.length, missing };
}

/**
 * Sums up what `futures` futures exercised against the chart and the clause list; `reachable`
 * names the transitions that can fire without a user's amendment.
 */
export function coverageReport(exercised: Exercised, futures: number, reachable: ReadonlySet<string>): CoverageReport {
  const evidence: Record<string, string> = {};
  for (const id of REPORTED_CLAUSES) {
    const seen = exercised.clauseEvidence.get(id);
    if (seen !== undefined) evidence[id] = seen;
  }
  return {
    futures,
    clauses: { ...tally(REPORTED_CLAUSES, exercised.clauses), evidence },
    states: tally(
      CHART_STATES.map((state) => state.id),
      exercised.states,
    ),
    transitions: tally(
      CHART_TRANSITIONS.map((transition) => transition.id),
      exercised.transitions,
    ),
    reachableTransitions: tally(
      CHART_TRANSITIONS.map((transition) => transition.id).filter((id) => reachable.has(id)),
      exercised.transitions,
    ),
  };
}

/** A recording as JSON: the test-suite recorder writes these, `dealsim coverage` reads them. */
export interface ExercisedJson {
  readonly futures: number;
  readonly states: readonly string[];
  readonly transitions: readonly string[];
  readonly clauses: Readonly<Record<string, string>>;
}

export function toExercisedJson(exercised: Exercised, futures: number): ExercisedJson {
  return {
    futures,
    states: [...exercised.states].sort(),
    transitions: [...exercised.transitions].sort(),
    clauses: Object.fromEntries(exercised.clauseEvidence),
  };
}

/** Adds a recording into `into` (union), returning the number of futures it holds. */
export function mergeExercised(into: Exercised, json: ExercisedJson): number {
  for (const state of json.states) into.states.add(state);
  for (const transition of json.transitions) into.transitions.add(transition);
  for (const [clause, evidence] of Object.entries(json.clauses)) {
    into.clauses.add(clause as ClauseId);
    if (!into.clauseEvidence.has(clause as ClauseId)) into.clauseEvidence.set(clause as ClauseId, evidence);
  }
  return json.futures;
}

export { emptyExercised };

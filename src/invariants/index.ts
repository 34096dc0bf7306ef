/**
 * The eight invariants of CLAUSES.md as executable checks. `checkFuture` replays a valid future
 * with the engine under test and runs them all; the explorer (`dealsim check`) and the fuzzer
 * (`dealsim fuzz`) and the property tests all go through here.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { determinism } from './determinism.ts';
import { endedForGood } from './ended-for-good.ts';
import { exclusivityUntilVerification } from './exclusivity.ts';
import { invalidLogRejected } from './invalid-log.ts';
import type { FutureRun, Invariant, Violation } from './invariant.ts';
import { modelProductIpHolds } from './model-product-ip.ts';
import { researchIpEnds } from './research-ip.ts';
import { revenueShareEnds } from './revenue-share.ts';
import { buildRun, type RunOptions } from './run.ts';
import { timeTravel } from './time-travel.ts';

export type { FutureRun, Invariant, InvariantId, PrefixRun, Violation } from './invariant.ts';
export { alteredMachine, engineFor, withRules } from './rules-under-test.ts';
export { buildRun, type RunOptions } from './run.ts';

/** Invariants 1–8, in CLAUSES.md order. */
export const INVARIANTS: readonly Invariant[] = [
  researchIpEnds,
  modelProductIpHolds,
  revenueShareEnds,
  exclusivityUntilVerification,
  endedForGood,
  timeTravel,
  determinism,
  invalidLogRejected,
];

export interface CheckOptions<S = unknown> extends RunOptions<S> {
  /** Only these invariants (default: all eight). */
  readonly invariants?: readonly Invariant[];
}

/** Runs `invariants` on a replayed future; an empty list means the future keeps them all. */
export function checkRun(run: FutureRun, invariants: readonly Invariant[] = INVARIANTS): Violation[] {
  const violations: Violation[] = [];
  for (const invariant of invariants) {
    const violation = invariant.check(run);
    if (violation) violations.push(violation);
  }
  return violations;
}

/**
 * Replays a valid future (`events` must follow C2 under `input.assumptions`) with the engine
 * under test and checks every invariant. Returns the violations, none when all hold.
 */
export function checkFuture<S>(
  events: readonly LoggedEvent[],
  input: Partial<DealInput> = {},
  options: CheckOptions<S> = {},
): Violation[] {
  const run = buildRun(events, input, options);
  if (!('events' in run)) return [run];
  return checkRun(run as FutureRun, options.invariants);
}

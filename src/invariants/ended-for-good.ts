/** Invariant 5: nothing that ended for good comes back after verification. */
import { TERM_IDS } from '../domain/terms.ts';
import type { Invariant } from './invariant.ts';
import {
  AGI_BOUND_TERMS,
  baseRulesUntil,
  clipSpans,
  cutEvidence,
  firstHoldingFrom,
  firstViolation,
  spansOf,
  verificationDate,
  where,
} from './scope.ts';

/**
 * After verification no AGI-bound term (research IP, both exclusivities, the revenue share, the
 * compute threshold) holds on any day, and no term of any kind starts holding again. Each term
 * is judged in its base-rules window (S4 unties the revenue share from AGI from its date).
 */
export const endedForGood: Invariant = {
  id: 5,
  name: 'ended-for-good',
  statement: 'nothing that ended for good comes back: after verification no AGI-bound term holds again',
  check(run) {
    const name = this.name;
    return firstViolation(run, (future) => {
      const verified = verificationDate(future);
      if (!verified) return null;
      for (const term of TERM_IDS) {
        const window = baseRulesUntil(future, term);
        const intervals = future.replayed.timelines[term];
        const spans = clipSpans(spansOf(intervals), window);
        const after = (AGI_BOUND_TERMS as readonly string[]).includes(term) && firstHoldingFrom(spans, verified);
        if (after) {
          return {
            invariant: 5,
            name,
            message: `${term} holds on ${after}, after the verification of ${verified} ended it for good${where(future)}`,
            evidence: {
              ...cutEvidence(future),
              term,
              verifiedOn: verified,
              actual: spans,
            },
          };
        }
        const restarted = intervals.find(
          (interval) =>
            interval.startedBy !== null && interval.from >= verified && (window === null || interval.from < window),
        );
        if (restarted) {
          return {
            invariant: 5,
            name,
            message: `${term} starts holding again on ${restarted.from} (${restarted.startedBy?.event}), after the verification of ${verified}${where(future)}`,
            evidence: {
              ...cutEvidence(future),
              term,
              verifiedOn: verified,
              actual: spansOf(intervals),
              restartedBy: restarted.startedBy,
            },
          };
        }
      }
      return null;
    });
  },
};

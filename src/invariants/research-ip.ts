/** Invariant 1 (C4): research IP ends exactly on the earlier of the verification date and 2031-01-01. */
import { minDate } from '../domain/dates.ts';
import type { Invariant } from './invariant.ts';
import {
  baseRulesUntil,
  clipSpans,
  cutEvidence,
  firstViolation,
  fromEffective,
  RESEARCH_SUNSET,
  sameSpans,
  showSpans,
  spansOf,
  verificationDate,
  where,
} from './scope.ts';

/**
 * Holds for every valid future and every assumption. With `--at D` the future is the log's
 * events dated up to D (invariant 6 makes that replay equal the prefix's), so a verification
 * after D does not count: like invariants 2-5, this one is judged on every prefix as well. An amendment that re-times research IP (none of the built-in ones
 * does) ends the base-rules window: from its date on, this invariant makes no claim.
 */
export const researchIpEnds: Invariant = {
  id: 1,
  name: 'research-ip-ends',
  statement: 'research-ip ends exactly on the earlier of the verification date and 2031-01-01',
  check(run) {
    const name = this.name;
    return firstViolation(run, (future) => {
      const verified = verificationDate(future);
      const window = baseRulesUntil(future, 'research-ip');
      const expected = clipSpans(
        fromEffective(verified ? minDate(verified, RESEARCH_SUNSET) : RESEARCH_SUNSET),
        window,
      );
      const actual = clipSpans(spansOf(future.replayed.timelines['research-ip']), window);
      if (sameSpans(actual, expected)) return null;
      return {
        invariant: 1,
        name,
        message: `research-ip (C4) holds ${showSpans(actual)}, but with ${verified ? `verification on ${verified}` : 'no verification'} it must hold ${showSpans(expected)}${where(future)}`,
        evidence: {
          ...cutEvidence(future),
          term: 'research-ip',
          verifiedOn: verified,
          actual,
          expected,
          ...(window && { baseRulesUntil: window }),
        },
      };
    });
  },
};

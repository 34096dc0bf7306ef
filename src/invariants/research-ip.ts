/** Invariant 1 (C4): research IP ends exactly on the earlier of the verification date and 2031-01-01. */
import { minDate } from '../domain/dates.ts';
import type { Invariant } from './invariant.ts';
import { firstViolation, RESEARCH_SUNSET, spansViolation, verificationDate, verificationPhrase } from './scope.ts';

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
      const until = verified ? minDate(verified, RESEARCH_SUNSET) : RESEARCH_SUNSET;
      return spansViolation(
        future,
        { invariant: 1, name, term: 'research-ip', clause: 'C4' },
        until,
        verificationPhrase(verified),
      );
    });
  },
};

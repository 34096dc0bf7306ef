/** Invariant 3 (C9): the revenue share ends on the verification date and never before it. */
import type { Invariant } from './invariant.ts';
import { firstViolation, spansViolation, verificationDate, verificationPhrase } from './scope.ts';

/**
 * Base rules only: the 2026-04-27 amendment (S4) unties the revenue share from AGI, so for a
 * future that applies it the invariant covers only the days before the amendment's date.
 * A declaration, a rejection or a lapse never ends it.
 */
export const revenueShareEnds: Invariant = {
  id: 3,
  name: 'revenue-share-ends',
  statement:
    'revenue-share ends on the verification date and never before it; a declaration alone, or a rejection, never ends it',
  check(run) {
    const name = this.name;
    return firstViolation(run, (future) => {
      const verified = verificationDate(future);
      return spansViolation(
        future,
        { invariant: 3, name, term: 'revenue-share', clause: 'C9' },
        verified,
        verificationPhrase(verified),
      );
    });
  },
};

/** Invariant 4 (C1, C6): exclusivity holds until verification, and never on or after it. */
import type { Invariant } from './invariant.ts';
import {
  baseRulesUntil,
  clipSpans,
  cutEvidence,
  firstHoldingFrom,
  firstViolation,
  spansOf,
  spansViolation,
  verificationDate,
  verificationPhrase,
  where,
} from './scope.ts';

const TERMS = ['ip-exclusivity', 'azure-api-exclusivity'] as const;

/**
 * Under `agi-ends-exclusivity=verification` both exclusivities hold every day before
 * verification; under either reading neither holds on or after it. Base rules only: the
 * 2026-04-27 amendment ends both on its date, after which the invariant makes no claim.
 */
export const exclusivityUntilVerification: Invariant = {
  id: 4,
  name: 'exclusivity-until-verification',
  statement:
    'under agi-ends-exclusivity=verification, ip-exclusivity and azure-api-exclusivity hold until verification; under either reading they never hold on or after verification',
  check(run) {
    const name = this.name;
    return firstViolation(run, (future) => {
      const verified = verificationDate(future);
      const reading = future.input.assumptions['agi-ends-exclusivity'];
      for (const term of TERMS) {
        const window = baseRulesUntil(future, term);
        const actual = clipSpans(spansOf(future.replayed.timelines[term]), window);
        const evidence = {
          ...cutEvidence(future),
          term,
          reading,
          verifiedOn: verified,
          actual,
          ...(window && { baseRulesUntil: window }),
        };
        if (reading === 'verification') {
          const wrong = spansViolation(
            future,
            { invariant: 4, name, term, clause: 'C1' },
            verified,
            `under agi-ends-exclusivity=verification ${verificationPhrase(verified)}`,
            { reading },
          );
          if (wrong) return wrong;
        }
        const after = verified && firstHoldingFrom(actual, verified);
        if (after) {
          return {
            invariant: 4,
            name,
            message: `${term} (C1) holds on ${after}, on or after the verification of ${verified}${where(future)}`,
            evidence,
          };
        }
      }
      return null;
    });
  },
};

/** Invariant 2 (C3): model and product IP holds every day 2025-10-28..2032-12-31 and no day after. */
import type { Invariant } from './invariant.ts';
import {
  baseRulesUntil,
  clipSpans,
  cutEvidence,
  firstViolation,
  fromEffective,
  MODEL_PRODUCT_SUNSET,
  sameSpans,
  showSpans,
  spansOf,
  where,
} from './scope.ts';

/**
 * Holds whatever the AGI events and assumptions. The 2026-04-27 amendment restates the 2032 date,
 * so it leaves the window open; an amendment that really re-times the term closes it.
 */
export const modelProductIpHolds: Invariant = {
  id: 2,
  name: 'model-product-ip-holds',
  statement: 'model-product-ip holds on every day from 2025-10-28 to 2032-12-31 and on no day after',
  check(run) {
    const name = this.name;
    return firstViolation(run, (future) => {
      const window = baseRulesUntil(future, 'model-product-ip');
      const expected = clipSpans(fromEffective(MODEL_PRODUCT_SUNSET), window);
      const actual = clipSpans(spansOf(future.replayed.timelines['model-product-ip']), window);
      if (sameSpans(actual, expected)) return null;
      return {
        invariant: 2,
        name,
        message: `model-product-ip (C3) holds ${showSpans(actual)}, but it must hold ${showSpans(expected)} whatever happens to AGI${where(future)}`,
        evidence: {
          ...cutEvidence(future),
          term: 'model-product-ip',
          actual,
          expected,
          ...(window && { baseRulesUntil: window }),
        },
      };
    });
  },
};

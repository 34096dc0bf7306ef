/** Every reading of CLAUSES.md's assumptions, with small and large panel deadlines, thresholds and caps. */
import fc from 'fast-check';
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../../domain/assumptions.ts';

/** Random assumptions; the keys in `fixed` (e.g. from `--assume`) keep the given value. */
export function assumptionsArbitrary(fixed: Partial<Assumptions> = {}): fc.Arbitrary<Assumptions> {
  const drawn = fc.record({
    'agi-ends-exclusivity': fc.constantFrom('verification', 'declaration'),
    'compute-cap-lifts': fc.constantFrom('declaration', 'verification', 'first-declaration'),
    'after-rejection': fc.constantFrom('redeclare', 'final'),
    'panel-deadline-days': fc.constantFrom(null, 1, 30, 90, 365),
    'post-agi-without-guardrails': fc.constantFrom('excluded', 'included'),
    'compute-threshold-flop': fc.constantFrom(DEFAULT_ASSUMPTIONS['compute-threshold-flop'], 5e26),
    'revenue-share-rate': fc.constantFrom(0.2, 0.1),
    'revenue-share-cap-usd': fc.constantFrom(DEFAULT_ASSUMPTIONS['revenue-share-cap-usd'], 1e9),
    'revenue-share-cap-counts': fc.constantFrom('since-effective', 'since-amendment'),
    's3-first-party': fc.constantFrom('restates', 'azure-only'),
    'stateful-api': fc.constantFrom('outside', 'inside'),
    's4-exception': fc.constantFrom('cannot-and-chooses-not', 'cannot-or-chooses-not'),
    's4-agi-clause': fc.constantFrom('revenue-share-only', 'removed'),
  });
  return Object.keys(fixed).length === 0 ? drawn : drawn.map((assumptions) => ({ ...assumptions, ...fixed }));
}

/** Invariant 5 (C1, C4, C8, C9): nothing that ended for good comes back after verification. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { endedForGood } from '../../src/invariants/ended-for-good.ts';
import { checkFuture, withRules } from '../../src/invariants/index.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C8 and AGI-bound terms (invariant 5): nothing comes back after verification', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(endedForGood, { assumptions, numRuns: 12 });
  });

  it('holds on random futures and assumptions with the reference XState engine', () => {
    assertInvariant(endedForGood, { numRuns: 60, engine: REFERENCE, depth: 'all' });
  });

  it('is broken when verification lifts the compute cap back into force (compute-cap-lifts=declaration)', () => {
    const restoring = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: {
        ...rules.terms,
        'compute-threshold': { ...rules.terms['compute-threshold'], endsOnVerification: false },
      },
    }));
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2028-06-01' });
    const [violation] = checkFuture(
      events,
      { assumptions: DEFAULT_ASSUMPTIONS },
      { engine: restoring, invariants: [endedForGood] },
    );
    expect(violation).toMatchObject({
      invariant: 5,
      evidence: { term: 'compute-threshold', verifiedOn: '2028-06-01' },
    });
  });
});

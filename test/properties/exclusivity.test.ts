/** Invariant 4 (C1, C6): exclusivity holds until verification (one reading) and never on or after it (both). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { exclusivityUntilVerification } from '../../src/invariants/exclusivity.ts';
import { checkFuture, withRules } from '../../src/invariants/index.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C1 exclusivity (invariant 4): until verification, never on or after it', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(exclusivityUntilVerification, { assumptions, numRuns: 12 });
  });

  it('holds on random futures and assumptions with the reference XState engine', () => {
    assertInvariant(exclusivityUntilVerification, { numRuns: 60, engine: REFERENCE, depth: 'all' });
  });

  const declaredThenVerified = log(
    { type: 'agi.declared', date: '2028-01-01' },
    { type: 'panel.verified', date: '2028-06-01' },
  );

  it('is broken when a declaration suspends exclusivity under agi-ends-exclusivity=verification', () => {
    const suspending = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: { ...rules.terms, 'ip-exclusivity': { ...rules.terms['ip-exclusivity'], suspendsOnDeclaration: true } },
    }));
    const [violation] = checkFuture(
      declaredThenVerified,
      {},
      { engine: suspending, invariants: [exclusivityUntilVerification] },
    );
    expect(violation).toMatchObject({ invariant: 4, evidence: { term: 'ip-exclusivity', reading: 'verification' } });
  });

  it('is broken under agi-ends-exclusivity=declaration when verification restores it', () => {
    const restoring = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: {
        ...rules.terms,
        'azure-api-exclusivity': { ...rules.terms['azure-api-exclusivity'], endsOnVerification: false },
      },
    }));
    const input = { assumptions: { ...DEFAULT_ASSUMPTIONS, 'agi-ends-exclusivity': 'declaration' as const } };
    const [violation] = checkFuture(declaredThenVerified, input, {
      engine: restoring,
      invariants: [exclusivityUntilVerification],
    });
    expect(violation).toMatchObject({ invariant: 4, evidence: { term: 'azure-api-exclusivity' } });
    expect(violation?.message).toContain('on or after the verification of 2028-06-01');
  });
});

/** Invariant 2 (C3): model and product IP holds every day from 2025-10-28 to 2032-12-31 and no day after. */
import { describe, expect, it } from 'vitest';
import { checkFuture, withRules } from '../../src/invariants/index.ts';
import { modelProductIpHolds } from '../../src/invariants/model-product-ip.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C3 model and product IP (invariant 2): through 2032, whatever happens to AGI', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(modelProductIpHolds, { assumptions, numRuns: 12 });
  });

  it('holds on random futures and assumptions with the reference XState engine', () => {
    assertInvariant(modelProductIpHolds, { numRuns: 60, engine: REFERENCE, depth: 'all' });
  });

  it('holds when AGI is verified on the effective date and after the 2026-04-27 amendment', () => {
    const events = log(
      { type: 'agi.declared', date: '2025-10-28' },
      { type: 'panel.verified', date: '2025-10-28' },
      { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' },
    );
    expect(checkFuture(events, {}, { invariants: [modelProductIpHolds] })).toEqual([]);
  });

  it('is broken when verification ends it', () => {
    const ended = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: { ...rules.terms, 'model-product-ip': { ...rules.terms['model-product-ip'], endsOnVerification: true } },
    }));
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2028-06-01' });
    const [violation] = checkFuture(events, {}, { engine: ended, invariants: [modelProductIpHolds] });
    expect(violation).toMatchObject({
      invariant: 2,
      evidence: { actual: [{ from: '2025-10-28', until: '2028-06-01' }] },
    });
  });
});

/** Invariant 1 (C4): research IP ends exactly on the earlier of the verification date and 2031-01-01. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { isoDate } from '../../src/domain/dates.ts';
import { checkFuture, withRules } from '../../src/invariants/index.ts';
import { researchIpEnds } from '../../src/invariants/research-ip.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C4 research IP (invariant 1): ends on the earlier of verification and 2031-01-01', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(researchIpEnds, { assumptions, numRuns: 12 });
  });

  it('holds on random futures and assumptions with the reference XState engine', () => {
    assertInvariant(researchIpEnds, { numRuns: 60, engine: REFERENCE, depth: 'all' });
  });

  it.each([
    ['2030-12-30', []],
    ['2030-12-31', []],
    ['2031-01-01', []],
    ['2031-01-02', []],
  ])('keeps it when AGI is verified on %s, either side of the sunset', (verified, expected) => {
    const events = log({ type: 'agi.declared', date: '2030-06-01' }, { type: 'panel.verified', date: verified });
    expect(checkFuture(events, {}, { invariants: [researchIpEnds] })).toEqual(expected);
  });

  it('makes no claim after an amendment that re-times research IP (a dated exception, not a bug)', () => {
    const amendments = {
      extend: {
        id: 'extend',
        title: 'Research IP through 2031',
        source: 'hypothetical',
        summary: 'Research IP runs one more year.',
        retime: { 'research-ip': { sunset: isoDate('2032-01-01') } },
      },
    };
    const events = log({ type: 'agreement.amended', date: '2029-01-01', amendment: 'extend' });
    const input = { assumptions: DEFAULT_ASSUMPTIONS, amendments };
    expect(checkFuture(events, input, { invariants: [researchIpEnds] })).toEqual([]);
    // Before the amendment the base rules still bind: a sunset moved into that window is caught.
    const early = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: { ...rules.terms, 'research-ip': { ...rules.terms['research-ip'], sunset: isoDate('2028-01-01') } },
    }));
    expect(checkFuture(events, input, { engine: early, invariants: [researchIpEnds] })).toMatchObject([
      { invariant: 1, evidence: { baseRulesUntil: '2029-01-01' } },
    ]);
  });

  it('is broken by a research sunset moved one day later', () => {
    const late = withRules(kernelEngine, (rules) => ({
      ...rules,
      terms: { ...rules.terms, 'research-ip': { ...rules.terms['research-ip'], sunset: isoDate('2031-01-02') } },
    }));
    const [violation] = checkFuture([], {}, { engine: late, invariants: [researchIpEnds] });
    expect(violation).toMatchObject({ invariant: 1, evidence: { actual: [{ until: '2031-01-02' }] } });
  });
});

/** Invariant 3 (C9): the revenue share ends on the verification date and never before it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { alteredMachine, checkFuture, engineFor } from '../../src/invariants/index.ts';
import { revenueShareEnds } from '../../src/invariants/revenue-share.ts';
import { replay } from '../../src/replay/replay.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C9 revenue share (invariant 3): ends on verification, never on a declaration or rejection', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(revenueShareEnds, { assumptions, numRuns: 12 });
  });

  it('holds on random futures and assumptions with the reference XState engine', () => {
    assertInvariant(revenueShareEnds, { numRuns: 60, engine: REFERENCE, depth: 'all' });
  });

  it('scopes itself to the base rules: after the 2026-04-27 amendment (S4) it makes no claim', () => {
    const events = log(
      { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' },
      { type: 'agi.declared', date: '2028-01-01' },
      { type: 'panel.verified', date: '2028-06-01' },
    );
    expect(checkFuture(events, {}, { invariants: [revenueShareEnds] })).toEqual([]);
  });

  it('is broken by a chart in which a rejection ends the revenue share', () => {
    const engine = engineFor(
      alteredMachine((config) => {
        const region = config.states['revenue-share'] as unknown as { states: { holding: { on: object } } };
        region.states.holding.on = { ...region.states.holding.on, 'panel.rejected': { target: 'ended' } };
      }),
    );
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.rejected', date: '2028-03-01' });
    const [violation] = checkFuture(events, {}, { engine, invariants: [revenueShareEnds] });
    expect(violation).toMatchObject({ invariant: 3, evidence: { actual: [{ until: '2028-03-01' }] } });
  });

  it('revenue-share-cap-counts (S4): since-amendment accrues at least as much and ends the share no earlier; nothing else changes', () => {
    fc.assert(
      fc.property(futureArbitrary({ amendments: true, maxEvents: 12 }), ({ assumptions, events }) => {
        const effective = replay(events, {
          assumptions: { ...assumptions, 'revenue-share-cap-counts': 'since-effective' },
        });
        const amendment = replay(events, {
          assumptions: { ...assumptions, 'revenue-share-cap-counts': 'since-amendment' },
        });
        const accrued = (r: typeof effective) => r.context.ledger.revenueShareAccruedUsd;
        expect(accrued(amendment)).toBeGreaterThanOrEqual(accrued(effective));
        const end = (r: typeof effective) => r.timelines['revenue-share'].at(-1)?.until ?? '9999-12-31';
        expect(end(amendment) >= end(effective)).toBe(true);
        for (const term of ['research-ip', 'ip-exclusivity', 'compute-threshold', 'model-product-ip'] as const) {
          expect(amendment.timelines[term]).toEqual(effective.timelines[term]);
        }
        // Without amendment events the two readings agree on everything.
        if (!events.some(({ event }) => event.type === 'agreement.amended')) {
          expect(amendment.timelines).toEqual(effective.timelines);
        }
      }),
      { numRuns: process.env.DEALSIM_MUTATION ? 40 : 200 },
    );
  });
});

/** Invariant 5 (C1, C4, C8, C9): nothing that ended for good comes back after verification. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { AGI_PROCESS_EVENTS } from '../../src/domain/events.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { endedForGood } from '../../src/invariants/ended-for-good.ts';
import { checkFuture, withRules } from '../../src/invariants/index.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { replay } from '../../src/replay/replay.ts';
import { logOf } from '../support/given.ts';
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

  const RUNS = process.env.DEALSIM_MUTATION ? 40 : 200;

  it('compute-cap-lifts=first-declaration (C8): the cap ends for good on the first declaration, whatever the panel rules', () => {
    fc.assert(
      fc.property(futureArbitrary({ amendments: true, maxEvents: 12 }), ({ assumptions, events }) => {
        const first = events.find(({ event }) => event.type === 'agi.declared')?.event.date;
        const replayed = replay(events, { assumptions: { ...assumptions, 'compute-cap-lifts': 'first-declaration' } });
        const cap = replayed.timelines['compute-threshold'];
        expect(cap.length).toBeLessThanOrEqual(1);
        // Before S4 under s4-agi-clause=removed, or with no declaration, it may run on; never past the first declaration.
        if (first !== undefined) expect(cap[0]?.until === null || (cap[0]?.until ?? first) <= first).toBe(true);
        if (first !== undefined && assumptions['s4-agi-clause'] === 'revenue-share-only') {
          expect(cap.map((i) => i.until)).toEqual(cap.length ? [first] : []);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('s4-agi-clause=removed (S4, R2): from S4’s date no AGI event ends or suspends any term', () => {
    // Lines of one day apply in log order: a first declaration above S4's line on its date ends the cap before S4 applies.
    const sameDay = logOf([
      { type: 'agi.declared', date: '2031-01-01' },
      { type: 'agreement.amended', date: '2031-01-01', amendment: '2026-04-27' },
    ]);
    const assumed = {
      ...DEFAULT_ASSUMPTIONS,
      'compute-cap-lifts': 'first-declaration',
      's4-agi-clause': 'removed',
    } as const;
    expect(replay(sameDay, { assumptions: assumed }).timelines['compute-threshold'].at(-1)?.until).toBe('2031-01-01');
    fc.assert(
      fc.property(futureArbitrary({ amendments: true, maxEvents: 12 }), ({ assumptions, events }) => {
        const s4 = events.find(({ event }) => event.type === 'agreement.amended' && event.amendment === '2026-04-27');
        const replayed = replay(events, { assumptions: { ...assumptions, 's4-agi-clause': 'removed' } });
        for (const intervals of Object.values(replayed.timelines)) {
          for (const { until, endedBy } of intervals) {
            // Lines of one day apply in log order: an AGI line above S4's on S4's own date comes before it.
            if (s4 === undefined || until === null || until < s4.event.date) continue;
            if (endedBy?.line != null && endedBy.line < s4.line) continue;
            expect((AGI_PROCESS_EVENTS as readonly string[]).includes(endedBy?.event ?? '')).toBe(false);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

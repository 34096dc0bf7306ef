/**
 * The compiled kernel against the XState reference: on random valid futures for every
 * combination of the assumptions that change term logic (C1, C2, C8, C3, S4's AGI clause), with and without the
 * S3/S4 amendments, the kernel engine under the shared fold and the lean fold give the same
 * term intervals, findings (verdict counts for the lean fold), AGI state and context.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { foldEvents } from '../../src/kernel/fold.ts';
import { replay } from '../../src/replay/replay.ts';

const COMBINATIONS: Assumptions[] = [];
for (const exclusivity of ['verification', 'declaration'] as const)
  for (const cap of ['declaration', 'verification', 'first-declaration'] as const)
    for (const rejection of ['redeclare', 'final'] as const)
      for (const deadline of [null, 1, 30, 90, 365])
        for (const agiClause of ['revenue-share-only', 'removed'] as const)
          COMBINATIONS.push({
            ...DEFAULT_ASSUMPTIONS,
            'agi-ends-exclusivity': exclusivity,
            'compute-cap-lifts': cap,
            'after-rejection': rejection,
            'panel-deadline-days': deadline,
            's4-agi-clause': agiClause,
          });

/** The figures that only move thresholds, and the readings that only judge conduct or count the cap, drawn on top of each combination. */
const figures = fc.record({
  'compute-threshold-flop': fc.constantFrom(DEFAULT_ASSUMPTIONS['compute-threshold-flop'], 5e26),
  'revenue-share-rate': fc.constantFrom(0.2, 0.1),
  'revenue-share-cap-usd': fc.constantFrom(DEFAULT_ASSUMPTIONS['revenue-share-cap-usd'], 1e9),
  'revenue-share-cap-counts': fc.constantFrom('since-effective' as const, 'since-amendment' as const),
  'post-agi-without-guardrails': fc.constantFrom('excluded' as const, 'included' as const),
  's3-first-party': fc.constantFrom('restates' as const, 'azure-only' as const),
  'stateful-api': fc.constantFrom('outside' as const, 'inside' as const),
  's4-exception': fc.constantFrom('cannot-and-chooses-not' as const, 'cannot-or-chooses-not' as const),
});

// 120 combinations × 2 amendment settings × 42 runs = 10,080 futures.
const RUNS = 42;

describe('C0–C12 compiled kernel equals the XState path', () => {
  for (const amendments of [false, true]) {
    it(`gives the same intervals, findings and context on every assumption combination (amendments ${amendments ? 'on' : 'off'})`, () => {
      for (const combination of COMBINATIONS) {
        fc.assert(
          fc.property(
            futureArbitrary({ assumptions: combination, amendments, maxEvents: 14 }),
            figures,
            (future, figure) => {
              const input = { assumptions: { ...future.assumptions, ...figure } };
              const reference = replay(future.events, input);
              const kernel = replay(future.events, input, { engine: kernelEngine });
              expect(kernel).toEqual(reference);
              const lean = foldEvents(future.events, input);
              expect(lean.timelines).toEqual(reference.timelines);
              expect(lean.context).toEqual(reference.context);
              expect(lean.agi).toBe(reference.agi);
              const count = (verdict: string) => reference.findings.filter((f) => f.verdict === verdict).length;
              expect(lean.verdicts).toEqual({
                permitted: count('permitted'),
                breach: count('breach'),
                undetermined: count('undetermined'),
                info: count('info'),
              });
              const breaches: Record<string, number> = {};
              const undetermined: Record<string, number> = {};
              for (const f of reference.findings) {
                if (f.verdict === 'breach') breaches[f.clause] = (breaches[f.clause] ?? 0) + 1;
                if (f.verdict === 'undetermined') undetermined[f.clause] = (undetermined[f.clause] ?? 0) + 1;
              }
              expect(lean.breaches).toEqual(breaches);
              expect(lean.undetermined).toEqual(undetermined);
            },
          ),
          { numRuns: RUNS },
        );
      }
    });
  }
});

/**
 * Verdicts never stronger than the facts, and every reading an assumption (CLAUSES.md,
 * "Conduct events and their verdicts", "Assumptions"): properties over random valid futures with
 * conduct and the 2026 amendments. The conduct readings change verdicts only, and only one way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import type { Finding } from '../../src/replay/findings.ts';
import { replay } from '../../src/replay/replay.ts';

const futures = futureArbitrary({ amendments: true, maxEvents: 12 });
const NUM_RUNS = process.env.DEALSIM_MUTATION ? 40 : 200;

const run = (events: readonly LoggedEvent[], assumptions: Assumptions) => replay(events, { assumptions });
const spans = (replayed: ReturnType<typeof run>) => JSON.stringify(replayed.timelines);
const ORDER = { permitted: 0, info: 0, undetermined: 1, breach: 2 } as const;

/** Findings of two runs of the same log, paired by position (the same events give the same number). */
function paired(a: readonly Finding[], b: readonly Finding[]): [Finding, Finding][] {
  expect(b).toHaveLength(a.length);
  return a.map((finding, i) => [finding, b[i] as Finding]);
}

/** The future with each assumption's two readings: the same terms, verdicts that move only one way. */
function oneWay(key: keyof Assumptions, lenient: string, strict: string) {
  fc.assert(
    fc.property(futures, ({ assumptions, events }) => {
      const a = run(events, { ...assumptions, [key]: lenient });
      const b = run(events, { ...assumptions, [key]: strict });
      expect(spans(a)).toBe(spans(b));
      for (const [x, y] of paired(a.findings, b.findings))
        expect(ORDER[x.verdict]).toBeLessThanOrEqual(ORDER[y.verdict]);
    }),
    { numRuns: NUM_RUNS },
  );
}

describe('Verdicts never stronger than the facts', () => {
  it('an undetermined finding’s outcomes are exactly the verdicts the event gets with the fact given each value', () => {
    fc.assert(
      fc.property(futures, ({ assumptions, events }) => {
        const replayed = run(events, assumptions);
        for (const finding of replayed.findings.filter((f) => f.verdict === 'undetermined')) {
          expect(finding.missingFacts?.length).toBe(1);
          const fact = finding.missingFacts?.[0] as string;
          const index = events.findIndex(({ line }) => line === finding.line);
          const logged = events[index] as LoggedEvent;
          expect((logged.event as Record<string, unknown>)[fact]).toBeUndefined();
          for (const outcome of finding.outcomes ?? []) {
            const value = outcome.facts[fact as keyof typeof outcome.facts];
            const given = [...events];
            given[index] = { ...logged, event: { ...logged.event, [fact]: value } as LogEvent };
            const settled = run(given, assumptions).findings.filter(
              (f) => f.line === finding.line && f.clause === outcome.clause && f.verdict === outcome.verdict,
            );
            expect(settled.map((f) => f.reason)).toContain(outcome.reason);
          }
          expect(new Set(finding.outcomes?.map((o) => `${o.verdict}|${o.reason}`)).size).toBe(2);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('only an undetermined finding names missing facts, and its outcomes never agree on a breach', () => {
    fc.assert(
      fc.property(futures, ({ assumptions, events }) => {
        for (const finding of run(events, assumptions).findings) {
          if (finding.verdict !== 'undetermined') expect(finding.missingFacts).toBeUndefined();
          else expect(finding.outcomes?.map((o) => o.verdict)).not.toEqual(['breach', 'breach']);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('Every reading an assumption: the conduct readings change verdicts only, one way', () => {
  it('s3-first-party: azure-only is never more lenient than restates', () => {
    oneWay('s3-first-party', 'restates', 'azure-only');
  });

  it('stateful-api: inside is never more lenient than outside', () => {
    oneWay('stateful-api', 'outside', 'inside');
  });

  it('s4-exception: cannot-and-chooses-not is never more lenient than cannot-or-chooses-not', () => {
    oneWay('s4-exception', 'cannot-or-chooses-not', 'cannot-and-chooses-not');
  });

  it('post-agi-without-guardrails: changes coverage notes only, never a term', () => {
    fc.assert(
      fc.property(futures, ({ assumptions, events }) => {
        const a = run(events, { ...assumptions, 'post-agi-without-guardrails': 'excluded' });
        const b = run(events, { ...assumptions, 'post-agi-without-guardrails': 'included' });
        expect(spans(a)).toBe(spans(b));
        for (const [x, y] of paired(a.findings, b.findings)) {
          if (x.type !== 'model.released') expect(y).toEqual(x);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

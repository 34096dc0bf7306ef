/**
 * Amendments are dated overlays: a future that applies none must give exactly what the October
 * 2025 terms gave before amendments could change anything.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DealInput } from '../../machines/deal.machine.ts';
import { parseAmendmentFile } from '../../src/domain/amendment-file.ts';
import { BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { baseRules } from '../../src/domain/rules.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { asBeforeIssue10, projectResult } from './base-projection.ts';

interface Recorded {
  readonly assumptions: Assumptions;
  readonly events: LoggedEvent[];
  readonly expected: unknown;
}

/** Recorded by fixtures/record-base-corpus.ts from the core as it was before issue 6 changed the core (b3590ee). */
const CORPUS = JSON.parse(
  readFileSync(new URL('./fixtures/base-corpus.json', import.meta.url), 'utf8'),
) as readonly Recorded[];

const USER_AMENDMENTS = parseAmendmentFile(
  readFileSync('simulations/amendments/agi-clause-returns.json', 'utf8'),
  'agi-clause-returns.json',
);

describe('C0 the October 2025 terms without amendment events', () => {
  it('the recorded corpus covers many futures and assumptions', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(CORPUS.filter((future) => future.events.length >= 4).length).toBeGreaterThan(40);
    expect(CORPUS.every((future) => future.events.every(({ event }) => event.type !== 'agreement.amended'))).toBe(true);
  });

  it('gives exactly the results recorded before amendments existed, whatever amendments are on offer', () => {
    const catalogues: DealInput['amendments'][] = [undefined, {}, BUILT_IN_AMENDMENTS, USER_AMENDMENTS];
    for (const [index, { assumptions: recordedAssumptions, events, expected }] of CORPUS.entries()) {
      // Assumptions added since (issue 10) take their defaults, which read the October terms as recorded.
      const assumptions = { ...DEFAULT_ASSUMPTIONS, ...recordedAssumptions };
      for (const amendments of catalogues) {
        const input = amendments === undefined ? { assumptions } : { assumptions, amendments };
        const { agiDates: _dates, ...recorded } = expected as Record<string, unknown>;
        const compared = asBeforeIssue10(projectResult(replay(events, input)), recorded);
        expect(compared.projected, `future ${index}`).toEqual(compared.recorded);
      }
    }
  });

  it('keeps the base rules in force at every step of any amendment-free future', () => {
    fc.assert(
      fc.property(futureArbitrary({ maxEvents: 16 }), ({ assumptions, events }) => {
        const rules = baseRules(assumptions);
        const seen: unknown[] = [];
        const replayed = replay(
          events,
          { assumptions, amendments: USER_AMENDMENTS },
          {
            onStep: (step) => {
              seen.push(step.stateValue.agreement);
            },
          },
        );
        expect(replayed.context.rules).toEqual(rules);
        expect(replayed.context.applied).toEqual([]);
        expect(new Set(seen)).toEqual(new Set(seen.length ? ['as-signed'] : []));
        expect(replayed.timelines['revenue-share-to-openai'].map((i) => [i.from, i.until])).toEqual([
          ['2025-10-28', null],
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

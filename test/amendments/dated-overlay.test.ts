/**
 * Amendments in the manner of Catala's dated exceptions: one applies from its date and never
 * reaches back, and a user's re-timing of one term moves that term and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmendmentFile } from '../../src/domain/amendment-file.ts';
import { type AmendmentCatalog, BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { EFFECTIVE_DATE, type IsoDate } from '../../src/domain/dates.ts';
import { PRODUCT_LAUNCH_RULES } from '../../src/domain/rules.ts';
import { TERM_IDS, type TermId } from '../../src/domain/terms.ts';
import { assumptionsArbitrary } from '../../src/fuzz/arbitraries/assumptions.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { intervalOn } from '../../src/replay/intervals.ts';
import { replay } from '../../src/replay/replay.ts';
import { allSpans, amendmentDateArbitrary, before, insertInOrder, spans } from './support.ts';

/** Sunsets a file may give: after the effective date (the parser refuses others). */
const laterDate = dateArbitrary().filter((date) => date > EFFECTIVE_DATE);

/** A hypothetical amendment as a user would write it in a file. */
const userAmendmentArbitrary = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      ends: fc.subarray([...TERM_IDS], { maxLength: 2 }),
      retime: fc.dictionary(
        fc.constantFrom(...TERM_IDS),
        fc.record(
          {
            sunset: fc.oneof(
              laterDate.map((d) => d as string | null),
              fc.constant(null),
            ),
            endsOnVerification: fc.boolean(),
            suspendsOnDeclaration: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 2 },
      ),
      productLaunch: fc.constantFrom(...PRODUCT_LAUNCH_RULES),
    },
    { requiredKeys: ['id'] },
  );

/** User amendments written to JSON text and read back through the file parser. */
const catalogueArbitrary = fc
  .tuple(userAmendmentArbitrary('user-a'), userAmendmentArbitrary('user-b'))
  .filter((list) =>
    list.every((a) => {
      const retimed = Object.entries(a.retime ?? {}).filter(([, change]) => Object.keys(change).length > 0);
      const clash = retimed.some(([term]) => (a.ends ?? []).includes(term as TermId));
      return !clash && ((a.ends ?? []).length > 0 || retimed.length > 0 || a.productLaunch !== undefined);
    }),
  )
  .map((list) =>
    list.map((a) => ({
      ...a,
      retime: Object.fromEntries(Object.entries(a.retime ?? {}).filter(([, change]) => Object.keys(change).length > 0)),
    })),
  )
  .map((list) => parseAmendmentFile(JSON.stringify(list, null, 2), 'user.json'));

/** A future with built-in and user amendment events mixed in at boundary-seeking dates. */
const amendedFutureArbitrary = fc
  .tuple(
    futureArbitrary({ maxEvents: 12, amendments: true }),
    catalogueArbitrary,
    fc.array(fc.tuple(amendmentDateArbitrary(), fc.constantFrom('user-a', 'user-b')), { maxLength: 2 }),
  )
  .map(([{ assumptions, events }, amendments, extra]) => {
    let log = events;
    const used = new Set<string>();
    for (const [date, amendment] of extra) {
      if (used.has(amendment)) continue;
      used.add(amendment);
      log = insertInOrder(log, { type: 'agreement.amended', date, amendment } as never);
    }
    return { assumptions, events: log, amendments: amendments as AmendmentCatalog };
  });

describe('S3, S4 and user amendments as dated overlays', () => {
  it('an amendment never changes the status of any day before its date', () => {
    fc.assert(
      fc.property(amendedFutureArbitrary, ({ assumptions, events, amendments }) => {
        const input = { assumptions, amendments };
        const whole = replay(events, input);
        for (const entry of events) {
          if (entry.event.type !== 'agreement.amended') continue;
          const date = entry.event.date;
          const without = replay(
            events.filter((other) => other !== entry),
            input,
          );
          for (const term of TERM_IDS) {
            expect(before(whole.timelines[term], date), `${term} before ${entry.event.amendment} on ${date}`).toEqual(
              before(without.timelines[term], date),
            );
          }
          // A coverage finding names the date the covering rights end, which later events may
          // move (that is a forecast, not the status of a day); its verdict and clause may not change.
          const earlier = (r: typeof whole) =>
            r.findings
              .filter((f) => f.date < date)
              .map(({ line, verdict, clause, reason, coveredBy }) => [line, verdict, clause, coveredBy ?? reason]);
          expect(earlier(whole)).toEqual(earlier(without));
        }
      }),
      { numRuns: 250 },
    );
  });

  it('a user amendment file that re-times a term moves exactly that term', () => {
    const noSuspension = assumptionsArbitrary().map((a) => ({
      ...a,
      'agi-ends-exclusivity': 'verification' as const,
      'compute-cap-lifts': 'verification' as const,
    }));
    const termArbitrary = fc.constantFrom(...TERM_IDS.filter((term) => term !== 'azure-commitment'));
    fc.assert(
      fc.property(
        noSuspension.chain((assumptions) => futureArbitrary({ maxEvents: 12, assumptions })),
        termArbitrary,
        laterDate,
        amendmentDateArbitrary(),
        ({ assumptions, events }, term, sunset, date) => {
          const file = JSON.stringify({
            id: 'moved',
            title: `${term} re-timed`,
            retime: { [term]: { sunset, endsOnVerification: false, suspendsOnDeclaration: false } },
          });
          const amendments = parseAmendmentFile(file, 'moved.json');
          expect(Object.keys(amendments).sort()).toEqual([...Object.keys(BUILT_IN_AMENDMENTS), 'moved'].sort());
          const base = replay(events, { assumptions });
          const amended = replay(
            insertInOrder(events, { type: 'agreement.amended', date, amendment: 'moved' } as never),
            {
              assumptions,
              amendments,
            },
          );
          const others = (r: typeof base) => {
            const all = allSpans(r);
            delete (all as Partial<typeof all>)[term];
            return all;
          };
          expect(others(amended)).toEqual(others(base));
          expect(before(amended.timelines[term], date)).toEqual(before(base.timelines[term], date));
          const holding = intervalOn(base.timelines[term], date);
          if (holding === undefined) {
            expect(spans(amended.timelines[term])).toEqual(spans(base.timelines[term]));
          } else {
            const until: IsoDate = sunset > date ? sunset : date;
            const expected = until > holding.from ? [[holding.from, until]] : [];
            expect(spans(amended.timelines[term])).toEqual(expected);
            expect(holding.from).toBe(EFFECTIVE_DATE);
            // A sunset moved to the amendment's day or before ends the term that day, by the
            // amendment's line: no calendar sunset of a day before it is invented.
            const endedBy = amended.timelines[term].at(-1)?.endedBy;
            if (expected.length > 0) {
              expect(endedBy?.event).toBe(sunset > date ? 'calendar.sunset' : 'agreement.amended');
              expect(endedBy?.date).toBe(until);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

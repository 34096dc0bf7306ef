/**
 * Metamorphic relations between futures: change the log in a way whose effect on the terms is
 * known without knowing the answer, and check the replay moves exactly that way.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, test as plain } from 'vitest';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import { addDays, EFFECTIVE_DATE, type IsoDate } from '../../src/domain/dates.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { baseRules } from '../../src/domain/rules.ts';
import { TERM_IDS, type TermId } from '../../src/domain/terms.ts';
import { conductArbitrary } from '../../src/fuzz/arbitraries/conduct.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { foldEvents } from '../../src/kernel/fold.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import type { Interval } from '../../src/replay/intervals.ts';
import { changesRules } from '../../src/replay/refusals.ts';
import { replay } from '../../src/replay/replay.ts';
import { runs } from '../mutation-killers/budget.ts';

const AGI_TYPES = new Set(['agi.declared', 'panel.verified', 'panel.rejected']);
/** Conduct that only gets a verdict; purchases and revenue move the ledger, which can end a term. */
const LEDGER_TYPES = new Set(['azure.purchased', 'revenue.recognized']);
const LEDGER_TERMS: readonly TermId[] = ['azure-commitment', 'revenue-share'];

const numbered = (events: readonly LogEvent[]): LoggedEvent[] => events.map((event, i) => ({ line: i + 1, event }));
const spans = (intervals: readonly Interval[]) => intervals.map(({ from, until }) => ({ from, until }));
const timelinesOf = (events: readonly LogEvent[], assumptions: Assumptions) => {
  const { timelines } = replay(numbered(events), { assumptions });
  return Object.fromEntries(TERM_IDS.map((term) => [term, spans(timelines[term])])) as Record<
    TermId,
    { from: IsoDate; until: IsoDate | null }[]
  >;
};

/** Merges `extra` into `events` by date; `extra[i]` goes after `slots[i]` events of its day. */
function mergeByDate(events: readonly LogEvent[], extra: readonly LogEvent[], slots: readonly number[]): LogEvent[] {
  const merged = [...events];
  extra.forEach((event, i) => {
    const firstLater = merged.findIndex((other) => other.date > event.date);
    const end = firstLater === -1 ? merged.length : firstLater;
    const sameDay = merged.slice(0, end).filter((other) => other.date === event.date).length;
    merged.splice(end - sameDay + Math.min(slots[i] ?? 0, sameDay), 0, event);
  });
  return merged;
}

const conductAnyDay = dateArbitrary().chain((date) => conductArbitrary(date));

describe('C5–C12 conduct is judged, it does not move the terms', () => {
  test.prop(
    [
      futureArbitrary({ maxEvents: 10, amendments: true }),
      fc.array(fc.tuple(conductAnyDay, fc.nat(3)), { maxLength: 8 }),
    ],
    { numRuns: runs(300) },
  )(
    'adding conduct events never changes term intervals (ledger events only touch the ledger terms)',
    (future, added) => {
      const events = future.events.map((logged) => logged.event);
      const extra = added.map(([event]) => event);
      const withConduct = mergeByDate(
        events,
        extra,
        added.map(([, slot]) => slot),
      );
      const before = timelinesOf(events, future.assumptions);
      const after = timelinesOf(withConduct, future.assumptions);
      const touchesLedger = extra.some((event) => LEDGER_TYPES.has(event.type));
      for (const term of TERM_IDS) {
        if (touchesLedger && LEDGER_TERMS.includes(term)) continue;
        expect(after[term], term).toEqual(before[term]);
      }
    },
  );
});

describe('C1, C4, C8, C9 AGI-bound ends move with the AGI events', () => {
  const agiOnly = futureArbitrary({ maxEvents: 8, conduct: false });

  test.prop([agiOnly, fc.integer({ min: -1500, max: 1500 })], { numRuns: runs(400) })(
    'shifting every AGI event by d days, on the same side of each sunset, shifts the AGI-bound ends by d',
    (future, shift) => {
      const events = future.events.map((logged) => logged.event);
      const deadline = future.assumptions['panel-deadline-days'];
      // The effective date is a boundary too: an event on it empties the interval it ends.
      const boundaries = [
        addDays(EFFECTIVE_DATE, 1),
        ...Object.values(baseRules(future.assumptions).terms).flatMap((rule) =>
          rule.sunset === null ? [] : [rule.sunset],
        ),
      ];
      // Every date that matters: the events, and the lapse each declaration would reach.
      const moments = events.flatMap((event) =>
        event.type === 'agi.declared' && deadline !== null ? [event.date, addDays(event.date, deadline)] : [event.date],
      );
      const sameSide = moments.every((date) => {
        const moved = addDays(date, shift);
        return moved >= EFFECTIVE_DATE && boundaries.every((boundary) => date < boundary === moved < boundary);
      });
      fc.pre(sameSide);
      const shifted = events.map((event) => ({ ...event, date: addDays(event.date, shift) }));
      const { timelines } = replay(numbered(events), { assumptions: future.assumptions });
      const after = timelinesOf(shifted, future.assumptions);
      const byAgi = (cause: Interval['startedBy']) =>
        cause !== null && (AGI_TYPES.has(cause.event) || cause.event === 'panel.lapsed');
      for (const term of TERM_IDS) {
        const expected = timelines[term].map((interval) => ({
          from: byAgi(interval.startedBy) ? addDays(interval.from, shift) : interval.from,
          until: interval.until !== null && byAgi(interval.endedBy) ? addDays(interval.until, shift) : interval.until,
        }));
        expect(after[term], term).toEqual(expected);
      }
    },
  );
});

describe('C2 a rejected declaration only matters while it is pending', () => {
  /** A future with at least one declaration followed by its rejection, and which such pair to drop. */
  const withRejection = futureArbitrary({ maxEvents: 12, amendments: true })
    .map((future) => {
      const events = future.events.map((logged) => logged.event);
      const pairs: [number, number][] = [];
      let declared: number | null = null;
      events.forEach((event, i) => {
        if (event.type === 'agi.declared') declared = i;
        else if (event.type === 'panel.verified') declared = null;
        else if (event.type === 'panel.rejected' && declared !== null) {
          pairs.push([declared, i]);
          declared = null;
        }
      });
      return { future, events, pairs };
    })
    .filter(({ pairs }) => pairs.length > 0)
    .chain((value) => fc.record({ value: fc.constant(value), pick: fc.nat(value.pairs.length - 1) }));

  test.prop([withRejection], { numRuns: runs(300) })(
    'dropping a rejected declaration and its ruling changes the intervals only between the two dates',
    ({ value: { future, events, pairs }, pick }) => {
      const [declaration, ruling] = pairs[pick] as [number, number];
      const declaredOn = (events[declaration] as LogEvent).date;
      const rejectedOn = (events[ruling] as LogEvent).date;
      const dropped = events.filter((_, i) => i !== declaration && i !== ruling);
      const before = timelinesOf(events, future.assumptions);
      const after = timelinesOf(dropped, future.assumptions);
      const holds = (intervals: readonly { from: IsoDate; until: IsoDate | null }[], day: IsoDate) =>
        intervals.some((interval) => interval.from <= day && (interval.until === null || day < interval.until));
      for (const term of TERM_IDS) {
        // Under compute-cap-lifts=first-declaration a declaration ends the cap for good, rejected or not
        // (CLAUSES.md): the one term a rejected declaration may change after its ruling.
        if (term === 'compute-threshold' && future.assumptions['compute-cap-lifts'] === 'first-declaration') continue;
        // Holding is constant between interval ends, so the ends and the days before them decide it.
        const days = [...before[term], ...after[term]].flatMap(({ from, until }) =>
          [from, addDays(from, -1), ...(until === null ? [] : [until, addDays(until, -1)])].filter(
            (day) => day >= EFFECTIVE_DATE,
          ),
        );
        for (const day of days) {
          if (declaredOn <= day && day < rejectedOn) continue;
          expect(holds(after[term], day), `${term} on ${day}`).toBe(holds(before[term], day));
        }
      }
    },
  );
});

describe('an event dated D takes effect on D: a day’s AGI steps and amendments come before its conduct', () => {
  /** The same lines, each day's AGI steps and amendments moved above its conduct (the order a fold takes them). */
  const rulesFirst = (events: readonly LoggedEvent[]) =>
    [...events].sort(
      (a, b) =>
        a.event.date.localeCompare(b.event.date) || Number(!changesRules(a.event)) - Number(!changesRules(b.event)),
    );
  const sameDayMix = (events: readonly LoggedEvent[]) =>
    events.some(
      (logged, i) =>
        !changesRules(logged.event) &&
        events.slice(i + 1).some((later) => later.event.date === logged.event.date && changesRules(later.event)),
    );

  test.prop([futureArbitrary({ amendments: true, maxEvents: 12 })], { numRuns: runs(300) })(
    'moving them above the day’s conduct changes nothing: not a verdict, an interval or the ledger, on either fold',
    (future) => {
      const input = { assumptions: future.assumptions };
      const moved = rulesFirst(future.events);
      expect(JSON.stringify(replay(moved, input))).toBe(JSON.stringify(replay(future.events, input)));
      const lean = (events: readonly LoggedEvent[]) => {
        const findings: unknown[] = [];
        const observer = { finding: (found: unknown) => findings.push(found), step: () => {} };
        const folded = foldEvents(events, input, { observer });
        return JSON.stringify([folded.timelines, findings, folded.context.ledger]);
      };
      expect(lean(moved)).toBe(lean(future.events));
    },
  );

  plain('the futures drawn put conduct above a same-day AGI step or amendment often enough to test it', () => {
    const drawn = fc.sample(futureArbitrary({ amendments: true, maxEvents: 12 }), { numRuns: 300, seed: 5 });
    expect(drawn.filter((future) => sameDayMix(future.events)).length).toBeGreaterThan(10);
  });
});

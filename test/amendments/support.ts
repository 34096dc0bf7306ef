/**
 * Shared by the amendment tests: the history log, futures that continue it, the CLI as a
 * function, and term timelines clipped to the days before a date.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runInMemory } from '../../src/cli/main.ts';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import { addDays, type IsoDate, isoDate } from '../../src/domain/dates.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { TERM_IDS, type TermId } from '../../src/domain/terms.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary, keepValid } from '../../src/fuzz/arbitraries/future.ts';
import { type LoggedEvent, parseLog } from '../../src/log/parse.ts';
import type { Interval } from '../../src/replay/intervals.ts';
import type { Replayed } from '../../src/replay/replay.ts';

export const HISTORY_FILE = 'test/amendments/fixtures/history-2026.jsonl';

export function historyLog(): LoggedEvent[] {
  return parseLog(readFileSync(HISTORY_FILE, 'utf8'), HISTORY_FILE);
}

/** The boundary-seeking dates, and the days around the two amendments. */
export function amendmentDateArbitrary(): fc.Arbitrary<IsoDate> {
  const around = fc
    .tuple(fc.constantFrom(isoDate('2026-02-27'), isoDate('2026-04-27')), fc.integer({ min: -2, max: 2 }))
    .map(([date, shift]) => addDays(date, shift));
  return fc.oneof({ arbitrary: dateArbitrary(), weight: 3 }, { arbitrary: around, weight: 1 });
}

/**
 * Futures that continue a log: random valid events dated on or after `from`, appended after
 * `prefix` and numbered on from its last line.
 */
export function continuationArbitrary(
  prefix: readonly LoggedEvent[],
  from: IsoDate,
  options: { readonly assumptions?: Assumptions; readonly maxEvents?: number } = {},
): fc.Arbitrary<{ assumptions: Assumptions; events: LoggedEvent[] }> {
  return futureArbitrary({
    maxEvents: options.maxEvents ?? 14,
    ...(options.assumptions && { assumptions: options.assumptions }),
  }).map(({ assumptions, events }) => {
    const later = keepValid(
      events.map(({ event }) => event).filter((event) => event.date >= from),
      assumptions,
    );
    const start = prefix.at(-1)?.line ?? 0;
    return {
      assumptions,
      events: [...prefix, ...later.map(({ event }, index) => ({ line: start + index + 1, event }))],
    };
  });
}

/** Inserts `event` after every event dated on or before it, renumbering lines. */
export function insertInOrder(events: readonly LoggedEvent[], event: LogEvent): LoggedEvent[] {
  const all = events.map((entry) => entry.event);
  const at = all.findIndex((existing) => existing.date > event.date);
  all.splice(at === -1 ? all.length : at, 0, event);
  return all.map((e, index) => ({ line: index + 1, event: e }));
}

/** `[from, until)` pairs, without causes (line numbers differ between compared logs). */
export function spans(intervals: readonly Interval[]): [IsoDate, IsoDate | null][] {
  return intervals.map((interval) => [interval.from, interval.until]);
}

/** The term's holding days before `date`, as spans. */
export function before(intervals: readonly Interval[], date: IsoDate): [IsoDate, IsoDate][] {
  return intervals
    .filter((interval) => interval.from < date)
    .map((interval) => [interval.from, interval.until === null || interval.until > date ? date : interval.until]);
}

export function allSpans(replayed: Replayed): Record<TermId, [IsoDate, IsoDate | null][]> {
  return Object.fromEntries(TERM_IDS.map((term) => [term, spans(replayed.timelines[term])])) as Record<
    TermId,
    [IsoDate, IsoDate | null][]
  >;
}

/** Runs the CLI in-process; returns the exit code and both streams. */
/**
 * The CLI, on the deal as signed: these tests replay their own history fixture (S3, S4 and the
 * 2025–26 conduct) as the user's log, so the built-in history must not come first.
 */
export const cli = (...argv: string[]) => runInMemory([...argv, '--history', 'none']);

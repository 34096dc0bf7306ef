/**
 * The exact, mergeable summary of a set of simulated futures: counts, never samples. Per term
 * how many futures it ended in on each day and by what (an event or the calendar) and how many
 * it never ended in; per clause how many futures breached it, and how many had a verdict left
 * undetermined by a missing fact; the AGI state futures end in; and how many futures held the revenue share (C9) for
 * each whole number of days, and accrued each amount. Two tallies of disjoint futures add up to
 * the tally of their union, whatever the split, so shards merge into the bytes of one run.
 */
import { type IsoDate, parseIsoDate, toDayNumber } from '../domain/dates.ts';
import { LOG_EVENT_TYPES, type LogEventType } from '../domain/events.ts';
import { TERM_IDS } from '../domain/terms.ts';
import { AGI_CODES, BREACH_CLAUSES, CAUSE, NEVER, type Outcomes } from './outcomes.ts';
import { isoOf } from './sample.ts';

/** Futures per day, keyed by day number. */
export type DayCounts = Map<number, number>;

export interface TermTally {
  /** Futures in which the term stopped holding for good on that day by a log event. */
  readonly event: DayCounts;
  /** … on that day by the calendar (a sunset or a deadline). */
  readonly calendar: DayCounts;
  /** Futures in which it still holds at the end. */
  never: number;
  /** Futures in which a log event ended it, by event type. */
  readonly byEventType: Map<LogEventType, number>;
}

export interface Tally {
  futures: number;
  /** In {@link TERM_IDS} order. */
  readonly terms: readonly TermTally[];
  /** Futures with at least one breach of {@link BREACH_CLAUSES}[i]. */
  readonly breaches: number[];
  /** Futures with at least one verdict under {@link BREACH_CLAUSES}[i] left undetermined by a missing fact, apart from breaches. */
  readonly undetermined: number[];
  /** Futures ending in {@link AGI_CODES}[i]. */
  readonly agi: number[];
  /** Futures by whole days the revenue share held up to the horizon. */
  readonly revenueShareDays: Map<number, number>;
  /** Futures by amount accrued to Microsoft, in USD (exact doubles as keys). */
  readonly revenueShareUsd: Map<number, number>;
}

export function emptyTally(): Tally {
  return {
    futures: 0,
    terms: TERM_IDS.map(() => ({ event: new Map(), calendar: new Map(), never: 0, byEventType: new Map() })),
    breaches: BREACH_CLAUSES.map(() => 0),
    undetermined: BREACH_CLAUSES.map(() => 0),
    agi: AGI_CODES.map(() => 0),
    revenueShareDays: new Map(),
    revenueShareUsd: new Map(),
  };
}

function add(counts: Map<number, number>, key: number, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function addType(counts: Map<LogEventType, number>, key: LogEventType, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Event types with their counts, in the order of {@link LOG_EVENT_TYPES} (so merges keep one order). */
export function eventTypeCounts(counts: Map<LogEventType, number>): [LogEventType, number][] {
  return LOG_EVENT_TYPES.flatMap((type) => {
    const n = counts.get(type);
    return n === undefined ? [] : [[type, n] as [LogEventType, number]];
  });
}

/** Adds the first `count` futures of `outcomes` to `tally`. */
export function tallyOutcomes(tally: Tally, outcomes: Outcomes, count = outcomes.count): Tally {
  const T = TERM_IDS.length;
  for (let k = 0; k < count; k++) {
    for (let t = 0; t < T; t++) {
      const term = tally.terms[t] as TermTally;
      const day = outcomes.endDay[k * T + t] as number;
      const cause = outcomes.cause[k * T + t];
      if (day === NEVER || cause === CAUSE.never) term.never++;
      else add(cause === CAUSE.calendar ? term.calendar : term.event, day, 1);
      const endedBy = outcomes.endedBy[k * T + t] as number;
      if (endedBy > 0) addType(term.byEventType, LOG_EVENT_TYPES[endedBy - 1] as LogEventType, 1);
    }
    const mask = outcomes.breaches[k] as number;
    for (let bit = 0; bit < BREACH_CLAUSES.length; bit++) if ((mask >> bit) & 1) (tally.breaches[bit] as number)++;
    const open = outcomes.undetermined[k] as number;
    for (let bit = 0; bit < BREACH_CLAUSES.length; bit++) if ((open >> bit) & 1) (tally.undetermined[bit] as number)++;
    (tally.agi[outcomes.agi[k] as number] as number)++;
    add(tally.revenueShareDays, outcomes.revenueShareDays[k] as number, 1);
    add(tally.revenueShareUsd, outcomes.revenueShareUsd[k] as number, 1);
  }
  tally.futures += count;
  return tally;
}

/** Adds `other` into `into`: the tally of the union of two disjoint sets of futures. */
export function mergeTally(into: Tally, other: Tally): Tally {
  into.futures += other.futures;
  into.terms.forEach((term, t) => {
    const theirs = other.terms[t] as TermTally;
    for (const [day, n] of theirs.event) add(term.event, day, n);
    for (const [day, n] of theirs.calendar) add(term.calendar, day, n);
    term.never += theirs.never;
    for (const [type, n] of theirs.byEventType) addType(term.byEventType, type, n);
  });
  other.breaches.forEach((n, i) => {
    into.breaches[i] = (into.breaches[i] as number) + n;
  });
  other.undetermined.forEach((n, i) => {
    into.undetermined[i] = (into.undetermined[i] as number) + n;
  });
  other.agi.forEach((n, i) => {
    into.agi[i] = (into.agi[i] as number) + n;
  });
  for (const [days, n] of other.revenueShareDays) add(into.revenueShareDays, days, n);
  for (const [usd, n] of other.revenueShareUsd) add(into.revenueShareUsd, usd, n);
  return into;
}

/** A term's end days with their counts, ascending by day, both causes together. */
export function endDayCounts(term: TermTally): [day: number, futures: number][] {
  const all = new Map(term.event);
  for (const [day, n] of term.calendar) add(all, day, n);
  return ascending(all);
}

/** The entries of `counts`, ascending by key. */
export function ascending(counts: Map<number, number>): [number, number][] {
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** The JSON form of a tally, as written in a shard file: dates as ISO strings, keys ascending. */
export interface TallyJson {
  readonly futures: number;
  readonly terms: Readonly<
    Record<
      string,
      {
        readonly event: Readonly<Record<string, number>>;
        readonly calendar: Readonly<Record<string, number>>;
        readonly never: number;
        readonly byEventType: Readonly<Record<string, number>>;
      }
    >
  >;
  readonly breaches: Readonly<Record<string, number>>;
  readonly undetermined: Readonly<Record<string, number>>;
  readonly agi: Readonly<Record<string, number>>;
  /** `[days, futures]` pairs. */
  readonly revenueShareDays: readonly (readonly [number, number])[];
  /** `[usd, futures]` pairs. */
  readonly revenueShareUsd: readonly (readonly [number, number])[];
}

const byDate = (counts: DayCounts) =>
  Object.fromEntries(ascending(counts).map(([day, n]) => [isoOf(day), n])) as Record<string, number>;

export function tallyToJson(tally: Tally): TallyJson {
  return {
    futures: tally.futures,
    terms: Object.fromEntries(
      TERM_IDS.map((id, t) => {
        const term = tally.terms[t] as TermTally;
        return [
          id,
          {
            event: byDate(term.event),
            calendar: byDate(term.calendar),
            never: term.never,
            byEventType: Object.fromEntries(eventTypeCounts(term.byEventType)),
          },
        ];
      }),
    ),
    breaches: Object.fromEntries(BREACH_CLAUSES.map((clause, i) => [clause, tally.breaches[i] as number])),
    undetermined: Object.fromEntries(BREACH_CLAUSES.map((clause, i) => [clause, tally.undetermined[i] as number])),
    agi: Object.fromEntries(AGI_CODES.map((status, i) => [status, tally.agi[i] as number])),
    revenueShareDays: ascending(tally.revenueShareDays),
    revenueShareUsd: ascending(tally.revenueShareUsd),
  };
}

/** Thrown by {@link tallyFromJson} with the JSON path of what is wrong. */
export class TallyShapeError extends Error {}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TallyShapeError(`${path} must be a whole number of futures, found ${JSON.stringify(value)}`);
  }
  return value;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TallyShapeError(`${path} must be an object`);
  }
  return value as Record<string, unknown>;
}

function dayCounts(value: unknown, path: string): DayCounts {
  const counts: DayCounts = new Map();
  for (const [date, n] of Object.entries(record(value, path))) {
    if (parseIsoDate(date) === undefined) throw new TallyShapeError(`${path} has "${date}", not a date`);
    counts.set(toDayNumber(date as IsoDate), count(n, `${path}["${date}"]`));
  }
  return counts;
}

function eventTypes(value: unknown, path: string): Map<LogEventType, number> {
  const counts = new Map<LogEventType, number>();
  for (const [type, n] of Object.entries(record(value, path))) {
    if (!(LOG_EVENT_TYPES as readonly string[]).includes(type)) {
      throw new TallyShapeError(`${path} has "${type}", not an event type`);
    }
    counts.set(type as LogEventType, count(n, `${path}["${type}"]`));
  }
  return counts;
}

function pairs(value: unknown, path: string, key: (x: unknown, at: string) => number): Map<number, number> {
  if (!Array.isArray(value)) throw new TallyShapeError(`${path} must be a list of [value, futures] pairs`);
  const counts = new Map<number, number>();
  value.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new TallyShapeError(`${path}[${i}] must be [value, futures]`);
    counts.set(key(pair[0], `${path}[${i}][0]`), count(pair[1], `${path}[${i}][1]`));
  });
  return counts;
}

/** Reads a tally written by {@link tallyToJson}; throws {@link TallyShapeError} naming the path. */
export function tallyFromJson(json: unknown, path = 'tally'): Tally {
  const raw = record(json, path);
  const terms = record(raw.terms, `${path}.terms`);
  const breaches = record(raw.breaches, `${path}.breaches`);
  const undetermined = record(raw.undetermined, `${path}.undetermined`);
  const agi = record(raw.agi, `${path}.agi`);
  const finite = (x: unknown, at: string) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new TallyShapeError(`${at} must be a number`);
    return x;
  };
  return consistent(
    {
      futures: count(raw.futures, `${path}.futures`),
      terms: TERM_IDS.map((id) => {
        const term = record(terms[id], `${path}.terms["${id}"]`);
        return {
          event: dayCounts(term.event, `${path}.terms["${id}"].event`),
          calendar: dayCounts(term.calendar, `${path}.terms["${id}"].calendar`),
          never: count(term.never, `${path}.terms["${id}"].never`),
          byEventType: eventTypes(term.byEventType, `${path}.terms["${id}"].byEventType`),
        };
      }),
      breaches: BREACH_CLAUSES.map((clause) => count(breaches[clause], `${path}.breaches.${clause}`)),
      undetermined: BREACH_CLAUSES.map((clause) => count(undetermined[clause], `${path}.undetermined.${clause}`)),
      agi: AGI_CODES.map((status) => count(agi[status], `${path}.agi.${status}`)),
      revenueShareDays: pairs(raw.revenueShareDays, `${path}.revenueShareDays`, (x, at) => count(x, at)),
      revenueShareUsd: pairs(raw.revenueShareUsd, `${path}.revenueShareUsd`, finite),
    },
    path,
  );
}

const total = (counts: Iterable<number>) => {
  let sum = 0;
  for (const n of counts) sum += n;
  return sum;
};

/**
 * `tally` if its counts add up as every run's do: each future ends each term once (on a day, by
 * an event or the calendar, or never), ends in one AGI state, holds the revenue share some number
 * of days and accrues one amount; no clause is breached or left open in more futures than there are.
 */
function consistent(tally: Tally, path: string): Tally {
  const { futures } = tally;
  const expect = (sum: number, what: string) => {
    if (sum !== futures) throw new TallyShapeError(`${path}: ${what} add up to ${sum}, not the ${futures} futures`);
  };
  TERM_IDS.forEach((id, t) => {
    const term = tally.terms[t] as TermTally;
    const byEvent = total(term.event.values());
    expect(byEvent + total(term.calendar.values()) + term.never, `the ends of ${id}`);
    if (total(term.byEventType.values()) !== byEvent) {
      throw new TallyShapeError(
        `${path}: the event types that ended ${id} do not add up to the ${byEvent} futures it ended in by an event`,
      );
    }
  });
  expect(total(tally.agi), 'the AGI states');
  expect(total(tally.revenueShareDays.values()), 'the revenue share’s days');
  expect(total(tally.revenueShareUsd.values()), 'the revenue share’s amounts');
  BREACH_CLAUSES.forEach((clause, c) => {
    for (const [what, counts] of [
      ['breached', tally.breaches],
      ['left undetermined', tally.undetermined],
    ] as const) {
      if ((counts[c] as number) > futures) {
        throw new TallyShapeError(
          `${path}: ${clause} is ${what} in ${counts[c]} futures, more than the ${futures} there are`,
        );
      }
    }
  });
  return tally;
}

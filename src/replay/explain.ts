/**
 * `dealsim explain`: whether a term holds on a date, since when, what changed it last (with the
 * status and source of that line), the rule in force on that date, the clause text, and which
 * readings mattered: the categorical assumptions whose other values change this answer (one
 * replay per value, shared by every term asked about), and for the numeric ones the range of
 * values over which the answer stays the same, found by search over replays.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { type Amendment, amendmentsOf, retimingsOf } from '../domain/amendments.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
  type Assumptions,
  formatAssumption,
} from '../domain/assumptions.ts';
import { type Clause, clauseById } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import { DealsimError } from '../domain/errors.ts';
import type { EventStatus } from '../domain/events.ts';
import { TERMS, type TermId, type TermSpec } from '../domain/terms.ts';
import { type DatedReplay, foldUntil } from '../kernel/dated-fold.ts';
import { kernelEngine } from '../kernel/engine.ts';
import { foldEvents, JUDGE_NOTHING } from '../kernel/fold.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { watchAssumptions } from './assumption-reads.ts';
import type { Engine } from './engine.ts';
import { type Cause, describeCause, type Interval, intervalOn } from './intervals.ts';
import { replay } from './replay.ts';
import {
  NUMERIC_READINGS,
  type NumericRange,
  type NumericReading,
  type RangeEdge,
  searchRange,
} from './sensitivity.ts';

export type { NumericRange } from './sensitivity.ts';

/** A categorical reading whose other value changes the answer, and the answer under it. */
export interface AssumptionEffect {
  readonly key: AssumptionKey;
  readonly value: string;
  /** What the answer would be under this other value. */
  readonly wouldHold: boolean;
  readonly wouldUntil?: IsoDate | null;
}

/** A reading under which this future is not valid at all: said once, never as a change of one term. */
export interface InvalidReading {
  readonly key: AssumptionKey;
  readonly value: string;
  readonly error: string;
}

/** The rule that decides the term's end on the date: the October 2025 terms, or the amendment that changed them. */
export interface RuleInForce {
  /** `base` or the amendment's ID. */
  readonly by: string;
  /** Its CLAUSES.md source: `S1` for the base terms, `S3`/`S4` (or a URL) for an amendment. */
  readonly source: string;
  /** How the term ends under it, in one sentence. */
  readonly ends: string;
}

/**
 * Why a term holds or not on a date: since when, what changed it last, the rule in force, the
 * clauses, and the readings and figures that matter.
 */
export interface Explanation {
  readonly term: TermSpec;
  readonly date: IsoDate;
  readonly holds: boolean;
  /**
   * The interval holding on the date, or the last one before it, as the future stands on the
   * date: its `until` is the end scheduled then, before any line dated after it.
   */
  readonly interval: Interval | null;
  /**
   * What the lines dated after the date change, read on the whole future: the interval holding
   * on the date when they end it otherwise than scheduled, or, when the term does not hold, the
   * next interval they start. Null when they change neither (always, for a log that ends by the date).
   */
  readonly later: Interval | null;
  /**
   * The latest change on or before the date, with the status and source of the line that made it
   * (a calendar date has neither); null when the term has held since the effective date.
   */
  readonly lastChange: {
    readonly date: IsoDate;
    readonly by: string;
    readonly line: number | null;
    readonly origin: string | null;
    readonly status: EventStatus | null;
    readonly source: string | null;
  } | null;
  readonly rule: RuleInForce;
  readonly clauses: readonly Clause[];
  readonly assumptions: Readonly<Partial<Assumptions>>;
  /** Other categorical readings that would change the answer on this date, with the answer under each. */
  readonly mattered: readonly AssumptionEffect[];
  /**
   * For each numeric reading that bears on this answer: the values over which it stays the same;
   * null when the ranges were not searched (`ranges: false`, as the report asks).
   */
  readonly ranges: readonly NumericRange[] | null;
  /** Readings under which the future is invalid (the same for every term). */
  readonly invalidUnder: readonly InvalidReading[];
  /** Amendments applied by the date that end or re-time the term. */
  readonly amendedBy: readonly Amendment[];
}

/** How much {@link explain} and {@link explainTerms} search, and on which engine. */
export interface ExplainOptions {
  /** Search the numeric readings for their ranges (a few dozen replays each); default true. */
  readonly ranges?: boolean;
  readonly engine?: Engine<unknown>;
}

/** The answer a replay gives for a term on a date: whether it holds, and until when. */
interface Answer {
  readonly holds: boolean;
  readonly until: IsoDate | null;
}

function answerOf(replayed: DatedReplay, term: TermId, date: IsoDate): Answer {
  const interval = intervalOn(replayed.timelines[term], date);
  return { holds: interval !== undefined, until: interval?.until ?? null };
}

const sameAnswer = (a: Answer, b: Answer) => a.holds === b.holds && a.until === b.until;

/** Explains one term on one date. Throws the replay's `InputError` for an invalid future. */
export function explain(
  events: readonly LoggedEvent[],
  input: DealInput,
  term: TermId,
  date: IsoDate,
  options: ExplainOptions = {},
): Explanation {
  return explainTerms(events, input, [term], date, options)[0] as Explanation;
}

/**
 * Explains several terms on one date with one replay per assumption value tried, shared by all
 * of them (the report asks for every term). Numeric ranges, when asked for, are searched per term.
 */
export function explainTerms(
  events: readonly LoggedEvent[],
  input: DealInput,
  terms: readonly TermId[],
  date: IsoDate,
  options: ExplainOptions = {},
): Explanation[] {
  const engine = options.engine ?? (kernelEngine as Engine<unknown>);
  // On the kernel, the lean fold: an answer needs no verdicts, and a report replays once per reading.
  const run: (assumptions: Assumptions) => DatedReplay =
    engine === kernelEngine
      ? (assumptions) => foldUntil(events, { ...input, assumptions }, date)
      : (assumptions) => replay(events, { ...input, assumptions }, { until: date, engine });
  // Readings the replay never looks at cannot change its answers: only the others are replayed.
  const reads = watchAssumptions(input.assumptions);
  const replayed = run(reads.watched);
  const whole = events.some(({ event }) => event.date > date)
    ? engine === kernelEngine
      ? foldEvents(events, input, { judge: JUDGE_NOTHING })
      : replay(events, input, { engine })
    : replayed;
  const others = categoricalReplays(input.assumptions, run, reads.wasRead);
  const invalidUnder: InvalidReading[] = others.flatMap(({ key, value, result }) =>
    'error' in result ? [{ key, value, error: result.error }] : [],
  );
  // Where a numeric reading makes the whole future invalid is said once, for the future; each
  // term's range is then searched among the values that keep it valid.
  const readings =
    options.ranges === false
      ? []
      : NUMERIC_READINGS.map((reading) => validPart(reading, input.assumptions, run, invalidUnder));
  return terms.map((term) => {
    const timeline = replayed.timelines[term];
    const current = intervalOn(timeline, date);
    const previous = timeline.filter((interval) => interval.from <= date).at(-1) ?? null;
    const changes: Cause[] = timeline.flatMap((interval) =>
      [interval.startedBy, interval.endedBy].filter((cause): cause is Cause => cause !== null && cause.date <= date),
    );
    const last = changes.at(-1);
    const answer = answerOf(replayed, term, date);
    const mattered = others.flatMap(({ key, value, result }) => {
      if ('error' in result) return [];
      const other = answerOf(result.replayed, term, date);
      return sameAnswer(other, answer) ? [] : [{ key, value, wouldHold: other.holds, wouldUntil: other.until }];
    });
    const amendedBy = amendmentsOf(term, replayed.context.applied, replayed.context.amendments);
    const ranges =
      options.ranges === false
        ? null
        : readings.flatMap((reading) => {
            const range = searchRange(reading, input.assumptions, answer, (assumptions) => {
              try {
                return answerOf(run(assumptions), term, date);
              } catch (error) {
                if (error instanceof DealsimError) return null;
                throw error;
              }
            });
            return range ? [range] : [];
          });
    return {
      term: TERMS[term],
      date,
      holds: current !== undefined,
      interval: current ?? previous,
      later: laterInterval(current, whole.timelines[term], date),
      lastChange: last ? { date: last.date, by: describeCause(last), ...provenance(events, last) } : null,
      rule: ruleInForce(term, amendedBy, input.assumptions, events),
      clauses: TERMS[term].clauses.map(clauseById),
      assumptions: input.assumptions,
      mattered,
      ranges,
      invalidUnder,
      amendedBy,
    };
  });
}

type Tried = { replayed: DatedReplay } | { error: string };

/**
 * {@link Explanation.later}: from the whole future's `timeline`, the interval holding on `date`
 * when its end differs from `current`'s (the end scheduled on the date), or, when nothing holds
 * on the date, the first interval after it.
 */
function laterInterval(current: Interval | undefined, timeline: readonly Interval[], date: IsoDate): Interval | null {
  if (current !== undefined) {
    const whole = intervalOn(timeline, date);
    return whole !== undefined && whole.until !== current.until ? whole : null;
  }
  return timeline.find((interval) => interval.from > date) ?? null;
}

/**
 * The part of a numeric reading's values under which the future is valid; the values beyond
 * are recorded in `invalid` with the error they give (e.g. a panel deadline that lapses a
 * declaration before its ruling).
 */
function validPart(
  reading: NumericReading,
  assumptions: Assumptions,
  run: (assumptions: Assumptions) => DatedReplay,
  invalid: InvalidReading[],
): NumericReading {
  const errors = new Map<number, string>();
  const valid = { holds: true, until: null };
  const range = searchRange(reading, assumptions, valid, (tried) => {
    try {
      run(tried);
      return valid;
    } catch (error) {
      if (!(error instanceof DealsimError)) throw error;
      errors.set(tried[reading.key as keyof Assumptions] as number, error.describe());
      return null;
    }
  });
  if (!range) return reading;
  const error = (edge: RangeEdge) => {
    const near = [...errors.keys()].sort((a, b) => Math.abs(a - edge.value) - Math.abs(b - edge.value))[0];
    return errors.get(near as number) ?? 'the future is invalid';
  };
  if (range.below) invalid.push({ key: reading.key, value: `below ${range.below.shown}`, error: error(range.below) });
  if (range.above) invalid.push({ key: reading.key, value: `above ${range.above.shown}`, error: error(range.above) });
  return { ...reading, min: range.below?.value ?? reading.min, max: range.above?.value ?? reading.max };
}

/**
 * One replay for each other value of each categorical reading that the replay under `assumptions`
 * read (numeric ones are searched apart); under a reading it never read, every answer is its own.
 */
function categoricalReplays(
  assumptions: Assumptions,
  run: (assumptions: Assumptions) => DatedReplay,
  wasRead: (key: AssumptionKey) => boolean,
): { key: AssumptionKey; value: string; result: Tried }[] {
  const numeric = new Set<string>(NUMERIC_READINGS.map((reading) => reading.key));
  return ASSUMPTION_KEYS.filter((key) => !numeric.has(key) && wasRead(key)).flatMap((key) =>
    (ASSUMPTIONS[key].enumerable ?? [])
      .filter((value) => value !== assumptions[key])
      .map((value) => {
        const other = { ...assumptions, [key]: value } as Assumptions;
        let result: Tried;
        try {
          result = { replayed: run(other) };
        } catch (error) {
          if (!(error instanceof DealsimError)) throw error;
          result = { error: error.describe() };
        }
        return { key, value: formatAssumption(key, value as Assumptions[typeof key]), result };
      }),
  );
}

/** The line behind a change, its history and its provenance (all null for a calendar date). */
function provenance(events: readonly LoggedEvent[], cause: Cause) {
  const logged =
    cause.line === null ? undefined : events.find(({ line, origin }) => line === cause.line && origin === cause.origin);
  return {
    line: cause.line,
    origin: cause.origin ?? null,
    status: logged ? (logged.event.status ?? 'hypothetical') : null,
    source: logged?.event.source ?? null,
  };
}

/**
 * The rule in force on the date, stated once: the last applied amendment that ends or re-times
 * the term replaces the October 2025 ending (a dated exception over the base rule), else the base.
 * `events` are the future's, to find the day the amendment applied.
 */
function ruleInForce(
  term: TermId,
  amendedBy: readonly Amendment[],
  assumptions: Assumptions,
  events: readonly LoggedEvent[],
): RuleInForce {
  const amendment = amendedBy.at(-1);
  if (!amendment) return { by: 'base', source: 'S1', ends: TERMS[term].ends };
  const rule = (ends: string) => ({ by: amendment.id, source: amendment.source, ends });
  if ((amendment.ends ?? []).includes(term)) return rule(`ended by amendment ${amendment.id} on its date`);
  const retiming = retimingsOf(amendment, assumptions)[term] ?? {};
  const sunset = retiming.sunset && `${retiming.sunset} (through ${Number(retiming.sunset.slice(0, 4)) - 1})`;
  // An amendment never reaches back: a sunset it moves to its own day or before ends the term that day.
  const appliedOn = events.find(({ event }) => event.type === 'agreement.amended' && event.amendment === amendment.id)
    ?.event.date;
  if (retiming.sunset && appliedOn !== undefined && retiming.sunset <= appliedOn) {
    return rule(
      `ended by amendment ${amendment.id} on its date, ${appliedOn}: it moves the sunset to ${sunset}, already past`,
    );
  }
  const parts: string[] = [];
  if (sunset) parts.push(sunset);
  if (retiming.sunset === null) parts.push('no sunset');
  if (retiming.capUsd !== undefined && retiming.capUsd !== null) {
    parts.push('or earlier, when the accrued total reaches the cap (revenue-share-cap-usd)');
  }
  if (retiming.endsOnVerification === false) parts.push('whatever happens to AGI');
  if (retiming.endsOnVerification === true) parts.push('or on AGI verification');
  if (retiming.suspendsOnDeclaration === false) parts.push('never suspended by a declaration');
  return rule(parts.length ? parts.join(', ') : `as re-timed by amendment ${amendment.id}`);
}

/**
 * `dealsim explain`: whether a term holds on a date, since when, what changed it last, the
 * clause text, and which assumptions mattered: those whose other readings would change the
 * answer, found by replaying the same future under each of them.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { type Amendment, amendmentsOf } from '../domain/amendments.ts';
import { ASSUMPTION_KEYS, ASSUMPTIONS, type Assumptions, formatAssumption } from '../domain/assumptions.ts';
import { type Clause, clauseById } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import { DealsimError } from '../domain/errors.ts';
import type { EventStatus } from '../domain/events.ts';
import { TERMS, type TermId, type TermSpec } from '../domain/terms.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { type Cause, describeCause, type Interval, intervalOn } from './intervals.ts';
import { replay } from './replay.ts';

/** Whether another reading of one assumption would change the answer of {@link explain}. */
export interface AssumptionEffect {
  readonly key: keyof Assumptions;
  readonly value: string;
  /** What the answer would be under this other value. */
  readonly wouldHold: boolean | 'invalid future';
  readonly wouldUntil?: IsoDate | null;
}

/**
 * Why a term holds or not on a date: since when, what changed it last, the clauses, and the
 * assumptions that mattered.
 */
export interface Explanation {
  readonly term: TermSpec;
  readonly date: IsoDate;
  readonly holds: boolean;
  /** The interval holding on the date, or the last one before it. */
  readonly interval: Interval | null;
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
  readonly clauses: readonly Clause[];
  readonly assumptions: Readonly<Partial<Assumptions>>;
  /** Other readings that would change the answer on this date. */
  readonly mattered: readonly AssumptionEffect[];
  /** Amendments applied by the date that end or re-time the term (its October 2025 ending no longer applies). */
  readonly amendedBy: readonly Amendment[];
}

/**
 * Explains `term` on `date` for the future `events` (replayed up to `date`): the interval, the last
 * change and its cause, the clause texts, the amendments that re-timed it, and which other
 * assumption values would change the answer. Throws an {@link InputError} for an invalid future.
 */
export function explain(events: readonly LoggedEvent[], input: DealInput, term: TermId, date: IsoDate): Explanation {
  const replayed = replay(events, input, { until: date });
  const timeline = replayed.timelines[term];
  const current = intervalOn(timeline, date);
  const previous = timeline.filter((interval) => interval.from <= date).at(-1) ?? null;
  const changes: Cause[] = timeline.flatMap((interval) =>
    [interval.startedBy, interval.endedBy].filter((cause): cause is Cause => cause !== null && cause.date <= date),
  );
  const last = changes.at(-1);
  return {
    term: TERMS[term],
    date,
    holds: current !== undefined,
    interval: current ?? previous,
    lastChange: last ? { date: last.date, by: describeCause(last), ...provenance(events, last) } : null,
    clauses: TERMS[term].clauses.map(clauseById),
    assumptions: input.assumptions,
    mattered: alternatives(events, input, term, date, current),
    amendedBy: amendmentsOf(term, replayed.context.applied, replayed.context.amendments),
  };
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

function alternatives(
  events: readonly LoggedEvent[],
  input: DealInput,
  term: TermId,
  date: IsoDate,
  current: Interval | undefined,
): AssumptionEffect[] {
  const effects: AssumptionEffect[] = [];
  for (const key of ASSUMPTION_KEYS) {
    for (const value of ASSUMPTIONS[key].enumerable ?? []) {
      if (value === input.assumptions[key]) continue;
      const assumptions = { ...input.assumptions, [key]: value } as Assumptions;
      const shown = formatAssumption(key, value);
      try {
        const other = intervalOn(replay(events, { ...input, assumptions }, { until: date }).timelines[term], date);
        if ((other === undefined) !== (current === undefined) || other?.until !== current?.until) {
          effects.push({ key, value: shown, wouldHold: other !== undefined, wouldUntil: other?.until ?? null });
        }
      } catch (error) {
        if (!(error instanceof DealsimError)) throw error;
        effects.push({ key, value: shown, wouldHold: 'invalid future' });
      }
    }
  }
  return effects;
}

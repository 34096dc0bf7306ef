/**
 * From per-future outcomes to the answer: per term the fraction of futures in which it ends by
 * an event, by the calendar, or never, and quantiles of its end date; the revenue share's years
 * and amount (C9); the probability of each breach. Sums run in future order, so the result is
 * the same bytes whatever split the futures were computed in.
 */
import type { IsoDate } from '../domain/dates.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { AGI_CODES, BREACH_CLAUSES, CAUSE, NEVER, type Outcomes } from './outcomes.ts';
import { isoOf } from './sample.ts';

export const QUANTILES = [5, 25, 50, 75, 95] as const;
type QuantileKey = `p${(typeof QUANTILES)[number]}`;

export interface TermResult {
  readonly id: TermId;
  readonly endedByEventFraction: number;
  readonly endedByCalendarFraction: number;
  readonly neverEndsFraction: number;
  /** End-date quantiles; null where the quantile falls among futures in which it never ends. */
  readonly until: Readonly<Record<QuantileKey, IsoDate | null>>;
}

export interface Spread {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export interface MonteCarloJson {
  readonly futures: number;
  readonly seed: number;
  /** Set when Ctrl-C stopped the run: how many futures were asked for. */
  readonly requested?: number;
  readonly horizon: IsoDate;
  readonly terms: readonly TermResult[];
  /** Probability that a future has at least one breach of the clause. */
  readonly breaches: Readonly<Record<string, number>>;
  /** Probability that a future has at least one verdict under the clause left undetermined by a missing fact. */
  readonly undetermined: Readonly<Record<string, number>>;
  readonly revenueShare: { readonly years: Spread; readonly accruedUsd: Spread };
  readonly agi: Readonly<Record<string, number>>;
}

/** Six significant decimals: enough for any sampling error, and stable to read. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Nearest-rank quantile of sorted values (q in percent). */
function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The end days of `term` over the first `count` futures, sorted ({@link NEVER} last). */
export function sortedEndDays(outcomes: Outcomes, term: number, count = outcomes.count): Int32Array {
  const T = TERM_IDS.length;
  const days = new Int32Array(count);
  for (let k = 0; k < count; k++) days[k] = outcomes.endDay[k * T + term] as number;
  return days.sort();
}

function spread(values: Float64Array): Spread {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] as number;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? round(nearestRank(sorted, q)) : 0);
  return {
    mean: values.length ? round(sum / values.length) : 0,
    p5: at(5),
    p25: at(25),
    p50: at(50),
    p75: at(75),
    p95: at(95),
  };
}

/** Aggregates the first `count` futures of `outcomes`. */
export function aggregate(
  outcomes: Outcomes,
  run: { readonly seed: number; readonly horizon: IsoDate; readonly requested: number },
  count = outcomes.count,
): MonteCarloJson {
  const T = TERM_IDS.length;
  const share = (n: number) => (count ? round(n / count) : 0);
  const terms = TERM_IDS.map((id, t): TermResult => {
    let byEvent = 0;
    let byCalendar = 0;
    for (let k = 0; k < count; k++) {
      const cause = outcomes.cause[k * T + t];
      if (cause === CAUSE.event) byEvent++;
      else if (cause === CAUSE.calendar) byCalendar++;
    }
    const sorted = sortedEndDays(outcomes, t, count);
    const until = Object.fromEntries(
      QUANTILES.map((q) => {
        const day = count ? nearestRank(sorted, q) : NEVER;
        return [`p${q}`, day === NEVER ? null : isoOf(day)];
      }),
    ) as Record<QuantileKey, IsoDate | null>;
    return {
      id,
      endedByEventFraction: share(byEvent),
      endedByCalendarFraction: share(byCalendar),
      neverEndsFraction: share(count - byEvent - byCalendar),
      until,
    };
  });
  const byClause = (masks: Uint8Array) =>
    Object.fromEntries(
      BREACH_CLAUSES.map((clause, bit) => {
        let n = 0;
        for (let k = 0; k < count; k++) if (((masks[k] as number) >> bit) & 1) n++;
        return [clause, share(n)];
      }),
    );
  const breaches = byClause(outcomes.breaches);
  const undetermined = byClause(outcomes.undetermined);
  const agiCounts = new Float64Array(AGI_CODES.length);
  for (let k = 0; k < count; k++) {
    const code = outcomes.agi[k] as number;
    agiCounts[code] = (agiCounts[code] as number) + 1;
  }
  const agi = Object.fromEntries(AGI_CODES.map((status, i) => [`${status}Fraction`, share(agiCounts[i] as number)]));
  return {
    futures: count,
    seed: run.seed,
    ...(count < run.requested && { requested: run.requested }),
    horizon: run.horizon,
    terms,
    breaches,
    undetermined,
    revenueShare: {
      years: spread(outcomes.revenueShareYears.subarray(0, count)),
      accruedUsd: spread(outcomes.revenueShareUsd.subarray(0, count)),
    },
    agi,
  };
}

/** The per-term table of the results as CSV, one row per term. */
export function toCsv(result: MonteCarloJson): string {
  const header = [
    'term',
    'endedByEventFraction',
    'endedByCalendarFraction',
    'neverEndsFraction',
    ...QUANTILES.map((q) => `until_p${q}`),
  ];
  const rows = result.terms.map((term) => [
    term.id,
    term.endedByEventFraction,
    term.endedByCalendarFraction,
    term.neverEndsFraction,
    ...QUANTILES.map((q) => term.until[`p${q}`] ?? 'never'),
  ]);
  return `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

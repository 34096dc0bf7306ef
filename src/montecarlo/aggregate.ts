/**
 * From per-future outcomes to the answer: per term the fraction of futures in which it ends by
 * an event, by the calendar, or never, and quantiles of its end date; the revenue share's years
 * and amount (C9); the probability of each breach. Everything is computed from a {@link Tally}
 * (counts, summed in ascending order of value), so the result is the same bytes whatever split
 * the futures were computed in, on threads or on shards.
 */
import type { IsoDate } from '../domain/dates.ts';
import type { LogEventType } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { describeHistory, type HistoryUsed } from '../history/history.ts';
import { AGI_CODES, BREACH_CLAUSES } from './outcomes.ts';
import { isoOf } from './sample.ts';
import { ascending, endDayCounts, eventTypeCounts, type Tally, type TermTally } from './tally.ts';

const DAYS_PER_YEAR = 365.25;

export const QUANTILES = [5, 25, 50, 75, 95] as const;
type QuantileKey = `p${(typeof QUANTILES)[number]}`;

/**
 * One term over a Monte Carlo run: the fraction of futures in which an event ends it, the calendar
 * ends it, or it never ends by the horizon, and its end-date quantiles.
 */
export interface TermResult {
  readonly id: TermId;
  readonly endedByEventFraction: number;
  readonly endedByCalendarFraction: number;
  readonly neverEndsFraction: number;
  /** The share of futures in which each type of log event ended it (they add up to endedByEventFraction). */
  readonly endedByEventType: Readonly<Partial<Record<LogEventType, number>>>;
  /** End-date quantiles; null where the quantile falls among futures in which it never ends. */
  readonly until: Readonly<Record<QuantileKey, IsoDate | null>>;
}

/** The mean and quantiles (5th to 95th percentile) of a quantity over the futures of a run. */
export interface Spread {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/**
 * The result of a Monte Carlo run, as `dealsim montecarlo --json` prints it: per-term outcomes,
 * breach probabilities per clause, the revenue share's spread and the AGI statuses at the horizon.
 */
export interface MonteCarloJson {
  readonly futures: number;
  readonly seed: number;
  /** SHA-256 of the validated spec: names the spec whatever its file is called (the CLI's results always have it). */
  readonly specSha256?: string;
  /** Set when Ctrl-C stopped the run: how many futures were asked for. */
  readonly requested?: number;
  readonly horizon: IsoDate;
  /** What every future started from (issue 9): which history, to which date, with which amendments. */
  readonly history: HistoryUsed;
  /** The first day sampled events fell on. */
  readonly sampleFrom: IsoDate;
  readonly terms: readonly TermResult[];
  /** Probability that a future has at least one breach of the clause. */
  readonly breaches: Readonly<Record<string, number>>;
  /** Probability that a future has at least one verdict under the clause left undetermined by a missing fact: never counted as a breach. */
  readonly undetermined: Readonly<Record<string, number>>;
  readonly revenueShare: { readonly years: Spread; readonly accruedUsd: Spread };
  readonly agi: Readonly<Record<string, number>>;
}

/** Six significant decimals: enough for any sampling error, and stable to read. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Nearest-rank quantile (q in percent) of a multiset given as ascending `[value, count]` pairs
 * over `total` items, of which those not in the pairs rank last; undefined when it falls there.
 */
function nearestRank(pairs: readonly (readonly [number, number])[], total: number, q: number): number | undefined {
  const rank = Math.max(1, Math.ceil((q / 100) * total));
  let seen = 0;
  for (const [value, n] of pairs) {
    seen += n;
    if (seen >= rank) return value;
  }
  return undefined;
}

/** Mean and quantiles of a multiset of values given as counts; `scale` turns a value into the unit reported. */
function spread(counts: Map<number, number>, total: number, scale = 1): Spread {
  const pairs = ascending(counts);
  let sum = 0;
  for (const [value, n] of pairs) sum += value * n; // ascending order: the same sum however futures were split
  const at = (q: number) => (total ? round((nearestRank(pairs, total, q) ?? 0) / scale) : 0);
  return {
    mean: total ? round(sum / scale / total) : 0,
    p5: at(5),
    p25: at(25),
    p50: at(50),
    p75: at(75),
    p95: at(95),
  };
}

/** What a run was, as its results name it. */
export interface RunFacts {
  readonly seed: number;
  readonly specSha256?: string;
  readonly horizon: IsoDate;
  readonly history: HistoryUsed;
  readonly sampleFrom: IsoDate;
  /** Futures asked for; more than the tally's when Ctrl-C stopped the run. */
  readonly requested: number;
}

/**
 * The results of a run from its {@link Tally}: fractions from counts, end-date quantiles by
 * nearest rank over the counts per day. Only counts go in, so a merge of shards gives the bytes
 * of one run.
 */
export function aggregate(tally: Tally, run: RunFacts): MonteCarloJson {
  const count = tally.futures;
  const share = (n: number) => (count ? round(n / count) : 0);
  const terms = TERM_IDS.map((id, t): TermResult => {
    const term = tally.terms[t] as TermTally;
    const sum = (days: Map<number, number>) => [...days.values()].reduce((a, b) => a + b, 0);
    const byEvent = sum(term.event);
    const byCalendar = sum(term.calendar);
    const days = endDayCounts(term);
    const until = Object.fromEntries(
      QUANTILES.map((q) => {
        const day = count ? nearestRank(days, count, q) : undefined;
        return [`p${q}`, day === undefined ? null : isoOf(day)];
      }),
    ) as Record<QuantileKey, IsoDate | null>;
    return {
      id,
      endedByEventFraction: share(byEvent),
      endedByCalendarFraction: share(byCalendar),
      neverEndsFraction: share(count - byEvent - byCalendar),
      endedByEventType: Object.fromEntries(eventTypeCounts(term.byEventType).map(([type, n]) => [type, share(n)])),
      until,
    };
  });
  const breaches = Object.fromEntries(
    BREACH_CLAUSES.map((clause, bit) => [clause, share(tally.breaches[bit] as number)]),
  );
  const agi = Object.fromEntries(AGI_CODES.map((status, i) => [`${status}Fraction`, share(tally.agi[i] as number)]));
  return {
    futures: count,
    seed: run.seed,
    ...(run.specSha256 !== undefined && { specSha256: run.specSha256 }),
    ...(count < run.requested && { requested: run.requested }),
    horizon: run.horizon,
    history: run.history,
    sampleFrom: run.sampleFrom,
    terms,
    breaches,
    undetermined: Object.fromEntries(
      BREACH_CLAUSES.map((clause, bit) => [clause, share(tally.undetermined[bit] as number)]),
    ),
    revenueShare: {
      years: spread(tally.revenueShareDays, count, DAYS_PER_YEAR),
      accruedUsd: spread(tally.revenueShareUsd, count),
    },
    agi,
  };
}

/**
 * The per-term table of the results as CSV, one row per term, after one `#` comment line that
 * says what the futures started from (read it with e.g. pandas' `comment="#"`).
 */
export function toCsv(result: MonteCarloJson): string {
  const comment = `# ${describeHistory(result.history)}; futures sampled from ${result.sampleFrom} to ${result.horizon}; ${result.futures} futures, seed ${result.seed}`;
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
  return `${comment.replace(/[\r\n]/g, ' ')}\n${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

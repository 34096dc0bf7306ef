/**
 * Sensitivity of an answer to an undisclosed figure (CLAUSES.md, "Assumptions": the cap, the
 * rate, the compute threshold, the panel deadline): the range of values over which a term's
 * answer on a date stays what it is, found by bisection over replays. This is what a lawyer asks
 * when a figure is not public: "for any cap above $31.2B it still holds".
 */
import type { AssumptionKey, Assumptions } from '../domain/assumptions.ts';
import type { IsoDate } from '../domain/dates.ts';
import { formatUsd, MAX_USD } from '../domain/money.ts';
import { formatNumber } from '../domain/numbers.ts';

/** The answer compared: whether the term holds on the date, and until when. */
export interface RangeAnswer {
  readonly holds: boolean;
  readonly until: IsoDate | null;
}

/** A numeric reading and the values searched: `[min, max]`, whole numbers or a continuum. */
export interface NumericReading {
  readonly key: AssumptionKey;
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
  readonly format: (value: number) => string;
}

export const NUMERIC_READINGS: readonly NumericReading[] = [
  { key: 'revenue-share-cap-usd', min: 1e6, max: MAX_USD, whole: false, format: (v) => formatUsd(v) },
  { key: 'revenue-share-rate', min: 1e-4, max: 1, whole: false, format: (v) => `${Number((v * 100).toPrecision(3))}%` },
  { key: 'compute-threshold-flop', min: 1e20, max: 1e40, whole: false, format: formatNumber },
  { key: 'panel-deadline-days', min: 1, max: 36_500, whole: true, format: (v) => `${v} days` },
];

/** One side of a range: the last value tried with the same answer, and what the answer is past it. */
export interface RangeEdge {
  /** The boundary value: the answer is the same up to (and including) it, different beyond. */
  readonly value: number;
  readonly shown: string;
  /** The answer just beyond it; null when the future is invalid there. */
  readonly beyond: RangeAnswer | null;
}

/** The values of one reading for which the answer stays the same; null edges: it stays the same to the end searched. */
export interface NumericRange {
  readonly key: AssumptionKey;
  readonly current: string;
  readonly below: RangeEdge | null;
  readonly above: RangeEdge | null;
  /** The replays the search took. */
  readonly replays: number;
  /** The range in one sentence, e.g. "holds until 2031-01-01 for any revenue-share-cap-usd from $31.2B up; below it: ended". */
  readonly sentence: string;
}

const same = (a: RangeAnswer | null, b: RangeAnswer) => a !== null && a.holds === b.holds && a.until === b.until;

/** "holds until 2031-01-01", "holds with no end date", "does not hold", or "invalid". */
function answerWords(answer: RangeAnswer | null): string {
  if (answer === null) return 'the future is invalid';
  if (!answer.holds) return 'does not hold';
  return answer.until === null ? 'holds with no end date' : `holds until ${answer.until}`;
}

/**
 * Searches `reading` around its current value for where `answerFor` changes. Null when no value
 * in [min, max] changes the answer (the reading does not bear on it), or the current value is
 * not a number (a panel deadline of none is searched from the largest deadline down). Assumes the
 * answer changes at most once on each side between the current value and the end it differs at,
 * which holds for the cap, the rate and the threshold (each moves one date one way); a panel
 * deadline that crosses several rulings may change it more than once, and the nearest change is
 * what bisection finds only in that case — the sentence says "between" the values it tried.
 */
export function searchRange(
  reading: NumericReading,
  assumptions: Assumptions,
  current: RangeAnswer,
  answerFor: (assumptions: Assumptions) => RangeAnswer | null,
): NumericRange | null {
  let replays = 0;
  const at = (value: number) => {
    replays++;
    return answerFor({ ...assumptions, [reading.key]: value } as Assumptions);
  };
  const raw = assumptions[reading.key];
  const start = typeof raw === 'number' ? raw : reading.max;
  if (typeof raw !== 'number' && !same(at(start), current)) {
    // No deadline differs from the largest one: search below the largest deadline whose answer is the current one.
    return null;
  }
  // undefined: that side was not probed (the current value is its end); null: the future is invalid there.
  const low = start <= reading.min ? undefined : at(reading.min);
  const high = start >= reading.max ? undefined : at(reading.max);
  if ((low === undefined || same(low, current)) && (high === undefined || same(high, current))) return null;
  const edge = (far: number, farAnswer: RangeAnswer | null): RangeEdge | null => {
    if (same(farAnswer, current)) return null;
    let near = start;
    let beyond = far;
    let beyondAnswer = farAnswer;
    for (let step = 0; step < 60 && !close(near, beyond, reading.whole); step++) {
      const middle = midpoint(near, beyond, reading.whole);
      const answer = at(middle);
      if (same(answer, current)) near = middle;
      else {
        beyond = middle;
        beyondAnswer = answer;
      }
    }
    return { value: near, shown: reading.format(round(near, reading.whole)), beyond: beyondAnswer };
  };
  const below = low === undefined ? null : edge(reading.min, low);
  const above = high === undefined ? null : edge(reading.max, high);
  const shown = typeof raw === 'number' ? reading.format(raw) : 'none';
  return {
    key: reading.key,
    current: shown,
    below,
    above,
    replays,
    sentence: sentenceOf(reading, current, below, above),
  };
}

function close(a: number, b: number, whole: boolean): boolean {
  return whole ? Math.abs(a - b) <= 1 : Math.abs(a - b) <= Math.abs(a) * 1e-4;
}

/** Halfway in log space for a continuum (the figures span orders of magnitude), in whole steps for days. */
function midpoint(a: number, b: number, whole: boolean): number {
  return whole ? Math.floor((a + b) / 2) : Math.sqrt(a * b);
}

/** Three significant digits, as people quote an undisclosed figure. */
function round(value: number, whole: boolean): number {
  return whole ? value : Number(value.toPrecision(3));
}

function sentenceOf(
  reading: NumericReading,
  current: RangeAnswer,
  below: RangeEdge | null,
  above: RangeEdge | null,
): string {
  // A whole reading's edge is exact (the last value with this answer); a continuous one's is known
  // to within 0.01%, so a value on it belongs to neither side for sure: "about", and never "at".
  const about = reading.whole ? '' : 'about ';
  const from = below
    ? `${reading.whole ? 'from' : 'above about'} ${below.shown}`
    : `from ${reading.format(reading.min)}`;
  const to = above ? `up to ${about}${above.shown}` : `up to ${reading.format(reading.max)}`;
  const beyond = (side: string, edge: RangeEdge) =>
    `${side} ${about}${edge.shown}${edge.beyond === null ? '' : ' it'} ${answerWords(edge.beyond)}`;
  const outside = [below ? beyond('below', below) : null, above ? beyond('above', above) : null].filter(Boolean);
  return `${answerWords(current)} for any ${reading.key} ${from} ${to}${outside.length ? `; ${outside.join('; ')}` : ''}`;
}

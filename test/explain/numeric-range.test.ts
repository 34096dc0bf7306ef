/**
 * The range of an undisclosed figure over which an answer stays the same (issue 10, "Explanations
 * that say what mattered"; src/replay/sensitivity.ts). Each case gives the search a model of the
 * answer much simpler than a replay (one threshold, as the cap, the rate and the threshold move
 * one date one way) and checks what `searchRange` documents: the edge is the last value with the
 * same answer, within the precision people quote (three significant digits, whole days), the
 * answer beyond it is the model's, the sentence says both, and the search costs one replay per
 * value tried, bisecting, and always ends.
 */
import { describe, expect, it } from 'vitest';
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { branchFrom } from '../../src/history/history.ts';
import { explain } from '../../src/replay/explain.ts';
import { NUMERIC_READINGS, type NumericReading, type RangeAnswer, searchRange } from '../../src/replay/sensitivity.ts';
import { builtinHistory } from '../../src/store/history-file.ts';
import { logOf } from '../support/given.ts';

const d = (text: string) => text as IsoDate;

function reading(key: NumericReading['key']): NumericReading {
  const found = NUMERIC_READINGS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no numeric reading ${key}`);
  return found;
}

const CAP = reading('revenue-share-cap-usd');
const RATE = reading('revenue-share-rate');
const THRESHOLD = reading('compute-threshold-flop');
const DEADLINE = reading('panel-deadline-days');

const HOLDS_TO_SUNSET: RangeAnswer = { holds: true, until: d('2031-01-01') };
const ENDED: RangeAnswer = { holds: false, until: null };
const HOLDS_OPEN: RangeAnswer = { holds: true, until: null };

/**
 * A model answer with one change: `atOrBelow` for values up to `edge`, `above` past it. Records
 * every value tried, and refuses to be asked more than a search can need (a search that does not
 * end fails here instead of hanging).
 */
function oneChange(key: NumericReading['key'], edge: number, atOrBelow: RangeAnswer | null, above: RangeAnswer | null) {
  const tried: number[] = [];
  const answerFor = (assumptions: Assumptions) => {
    const value = assumptions[key] as number;
    tried.push(value);
    if (tried.length > 200) throw new Error('the search did not end');
    return value <= edge ? atOrBelow : above;
  };
  return { tried, answerFor };
}

const withValue = (key: NumericReading['key'], value: number | null) =>
  ({ ...DEFAULT_ASSUMPTIONS, [key]: value }) as Assumptions;

describe('explain: the undisclosed figures searched are the four of CLAUSES.md "Assumptions"', () => {
  it('searches the cap, the rate, the compute threshold and the panel deadline', () => {
    expect(NUMERIC_READINGS.map((candidate) => candidate.key)).toEqual([
      'revenue-share-cap-usd',
      'revenue-share-rate',
      'compute-threshold-flop',
      'panel-deadline-days',
    ]);
  });

  it('prints each figure as people write it: $38B, 20%, 1e28, 90 days', () => {
    expect(CAP.format(38e9)).toBe('$38B');
    expect(RATE.format(0.2)).toBe('20%');
    expect(RATE.format(0.125)).toBe('12.5%');
    expect(THRESHOLD.format(1e28)).toBe('1e28');
    expect(DEADLINE.format(90)).toBe('90 days');
  });
});

describe('explain: a numeric range ends at the last value with the same answer', () => {
  it('S4 cap: holds for any cap above the $31.2B accrued; ended at or below it (three significant digits)', () => {
    const accrued = 31_234_567_890;
    const model = oneChange('revenue-share-cap-usd', accrued, ENDED, HOLDS_TO_SUNSET);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, HOLDS_TO_SUNSET, model.answerFor);
    expect(range?.key).toBe('revenue-share-cap-usd');
    expect(range?.current).toBe('$38B');
    expect(range?.above).toBeNull();
    expect(range?.below?.value).toBeGreaterThan(accrued);
    expect(range?.below?.value).toBeLessThanOrEqual(accrued * (1 + 1e-4));
    expect(range?.below?.shown).toBe('$31.2B');
    expect(range?.below?.beyond).toEqual(ENDED);
    expect(range?.sentence).toBe(
      'holds until 2031-01-01 for any revenue-share-cap-usd above about $31.2B up to $1,000T; below about $31.2B it does not hold',
    );
  });

  it('S4 cap: a cap below the accrued amount is raised until the share would hold again', () => {
    const accrued = 45_678_901_234;
    const model = oneChange('revenue-share-cap-usd', accrued, ENDED, HOLDS_TO_SUNSET);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, ENDED, model.answerFor);
    expect(range?.below).toBeNull();
    expect(range?.above?.value).toBeLessThanOrEqual(accrued);
    expect(range?.above?.value).toBeGreaterThanOrEqual(accrued * (1 - 1e-4));
    expect(range?.above?.shown).toBe('$45.7B');
    expect(range?.above?.beyond).toEqual(HOLDS_TO_SUNSET);
    expect(range?.sentence).toBe(
      'does not hold for any revenue-share-cap-usd from $1M up to about $45.7B; above about $45.7B it holds until 2031-01-01',
    );
  });

  it('C9 rate: any rate above about 12.3% reaches the cap on the same date; a lower one reaches it later', () => {
    // Below the rate edge the cap is reached later: the share holds, but to a later date.
    const later: RangeAnswer = { holds: true, until: d('2030-06-30') };
    const early: RangeAnswer = { holds: true, until: d('2029-03-31') };
    const model = oneChange('revenue-share-rate', 0.123_456, later, early);
    const range = searchRange(RATE, DEFAULT_ASSUMPTIONS, early, model.answerFor);
    expect(range?.current).toBe('20%');
    expect(range?.below?.value).toBeGreaterThan(0.123_456);
    expect(range?.below?.value).toBeLessThanOrEqual(0.123_456 * (1 + 1e-4));
    expect(range?.below?.shown).toBe('12.3%');
    expect(range?.below?.beyond).toEqual(later);
    expect(range?.above).toBeNull();
    expect(range?.sentence).toBe(
      'holds until 2029-03-31 for any revenue-share-rate above about 12.3% up to 100%; below about 12.3% it holds until 2030-06-30',
    );
  });

  it('C8 compute threshold: any threshold at or above the 3.12e28-FLOP training run keeps the cap; one below it is crossed', () => {
    // A training run of 3.1234e28 FLOP crosses any threshold below it (C8: it must exceed the threshold).
    const model = oneChange('compute-threshold-flop', 3.1234e28, ENDED, HOLDS_OPEN);
    const above = searchRange(THRESHOLD, withValue('compute-threshold-flop', 1e30), HOLDS_OPEN, model.answerFor);
    expect(above?.current).toBe('1e30');
    expect(above?.below?.value).toBeGreaterThan(3.1234e28);
    expect(above?.below?.value).toBeLessThanOrEqual(3.1234e28 * (1 + 1e-4));
    expect(above?.below?.shown).toBe('3.12e28');
    expect(above?.sentence).toBe(
      'holds with no end date for any compute-threshold-flop above about 3.12e28 up to 1e40; below about 3.12e28 it does not hold',
    );
  });

  it('C2 panel deadline: whole days, the shortest deadline that keeps the answer, beyond it invalid', () => {
    // A ruling 184 days after the declaration: a deadline of 184 days or less lapses it first.
    const model = oneChange('panel-deadline-days', 184, null, HOLDS_OPEN);
    const range = searchRange(DEADLINE, withValue('panel-deadline-days', 400), HOLDS_OPEN, model.answerFor);
    expect(range?.current).toBe('400 days');
    expect(range?.below?.value).toBe(185);
    expect(range?.below?.shown).toBe('185 days');
    expect(range?.below?.beyond).toBeNull();
    expect(range?.above).toBeNull();
    expect(range?.sentence).toBe(
      'holds with no end date for any panel-deadline-days from 185 days up to 36500 days; below 185 days the future is invalid',
    );
    expect(model.tried.every((value) => Number.isInteger(value))).toBe(true);
  });

  it('C2 panel deadline of none: searched from the largest deadline down', () => {
    const model = oneChange('panel-deadline-days', 184, ENDED, HOLDS_OPEN);
    const range = searchRange(DEADLINE, withValue('panel-deadline-days', null), HOLDS_OPEN, model.answerFor);
    expect(range?.current).toBe('none');
    expect(range?.above).toBeNull();
    expect(range?.below?.value).toBe(185);
    expect(range?.below?.beyond).toEqual(ENDED);
    expect(model.tried[0]).toBe(36_500);
  });

  it('C2 panel deadline of none: no range when even the largest deadline changes the answer', () => {
    const tried: (number | null)[] = [];
    const range = searchRange(DEADLINE, withValue('panel-deadline-days', null), HOLDS_OPEN, (assumptions) => {
      tried.push(assumptions['panel-deadline-days']);
      return assumptions['panel-deadline-days'] === null ? HOLDS_OPEN : ENDED;
    });
    expect(range).toBeNull();
    expect(tried).toEqual([36_500]);
  });
});

describe('explain: an answer is the same only when both whether it holds and until when agree', () => {
  it('a different end date is a different answer', () => {
    const later: RangeAnswer = { holds: true, until: d('2031-01-01') };
    const earlier: RangeAnswer = { holds: true, until: d('2029-06-30') };
    const model = oneChange('revenue-share-cap-usd', 30e9, earlier, later);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, later, model.answerFor);
    expect(range?.below?.shown).toBe('$30B');
    expect(range?.below?.beyond).toEqual(earlier);
  });

  it('holding with no end date and not holding are different answers', () => {
    const model = oneChange('revenue-share-cap-usd', 30e9, ENDED, HOLDS_OPEN);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, HOLDS_OPEN, model.answerFor);
    expect(range?.below?.shown).toBe('$30B');
    expect(range?.below?.beyond).toEqual(ENDED);
  });

  it('an invalid future is never the same answer', () => {
    const model = oneChange('revenue-share-cap-usd', 30e9, null, HOLDS_OPEN);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, HOLDS_OPEN, model.answerFor);
    expect(range?.below?.beyond).toBeNull();
    expect(range?.sentence).toContain('below about $30B the future is invalid');
  });
});

describe('explain: a reading that does not bear on the answer has no range; only the sides that can change are searched', () => {
  it('no range when every value in the span gives the same answer', () => {
    const model = oneChange('revenue-share-cap-usd', 0, HOLDS_TO_SUNSET, HOLDS_TO_SUNSET);
    expect(searchRange(CAP, DEFAULT_ASSUMPTIONS, HOLDS_TO_SUNSET, model.answerFor)).toBeNull();
    // One replay at each end of the span.
    expect(model.tried).toEqual([CAP.min, CAP.max]);
  });

  it('a current value at the low end is not tried again below: one replay, at the high end', () => {
    const model = oneChange('panel-deadline-days', 0, HOLDS_OPEN, HOLDS_OPEN);
    expect(searchRange(DEADLINE, withValue('panel-deadline-days', 1), HOLDS_OPEN, model.answerFor)).toBeNull();
    expect(model.tried).toEqual([36_500]);
  });

  it('a current value at the high end is not tried again above: one replay, at the low end', () => {
    const model = oneChange('panel-deadline-days', 0, HOLDS_OPEN, HOLDS_OPEN);
    expect(searchRange(DEADLINE, withValue('panel-deadline-days', 36_500), HOLDS_OPEN, model.answerFor)).toBeNull();
    expect(model.tried).toEqual([1]);
  });

  it('from the low end, only the values above are searched', () => {
    const model = oneChange('panel-deadline-days', 99, HOLDS_OPEN, ENDED);
    const range = searchRange(DEADLINE, withValue('panel-deadline-days', 1), HOLDS_OPEN, model.answerFor);
    expect(range?.below).toBeNull();
    expect(range?.above?.value).toBe(99);
    expect(range?.above?.beyond).toEqual(ENDED);
    expect(model.tried.every((value) => value > 1)).toBe(true);
  });

  it('from the high end, only the values below are searched', () => {
    const model = oneChange('panel-deadline-days', 99, ENDED, HOLDS_OPEN);
    const range = searchRange(DEADLINE, withValue('panel-deadline-days', 36_500), HOLDS_OPEN, model.answerFor);
    expect(range?.above).toBeNull();
    expect(range?.below?.value).toBe(100);
    expect(model.tried.every((value) => value < 36_500)).toBe(true);
  });
});

describe('explain: the search costs one replay per value tried, by bisection (issue 10, cost)', () => {
  it('counts every replay it asked for', () => {
    const model = oneChange('revenue-share-cap-usd', 31.2e9, ENDED, HOLDS_TO_SUNSET);
    const range = searchRange(CAP, DEFAULT_ASSUMPTIONS, HOLDS_TO_SUNSET, model.answerFor);
    expect(range?.replays).toBe(model.tried.length);
  });

  it('reaches three significant digits over twenty orders of magnitude in a few dozen replays', () => {
    const model = oneChange('compute-threshold-flop', 3.1234e28, ENDED, HOLDS_OPEN);
    searchRange(THRESHOLD, withValue('compute-threshold-flop', 1e40), HOLDS_OPEN, model.answerFor);
    // log2(ln(1e20) / 1e-4) ≈ 19 halvings, and the one probe at the low end.
    expect(model.tried.length).toBeLessThanOrEqual(25);
  });

  it('finds a whole-day edge among 36,500 days in about log2(36,500) replays', () => {
    const model = oneChange('panel-deadline-days', 184, ENDED, HOLDS_OPEN);
    searchRange(DEADLINE, withValue('panel-deadline-days', 36_500), HOLDS_OPEN, model.answerFor);
    expect(model.tried.length).toBeLessThanOrEqual(18);
  });

  it('ends even where halving cannot bring two whole numbers within a step of each other', () => {
    // Past 2^53 adjacent doubles are more than one apart: the search must stop by its step limit.
    const huge: NumericReading = { ...DEADLINE, min: 1, max: 1e30 };
    const model = oneChange('panel-deadline-days', 3e29, ENDED, HOLDS_OPEN);
    const range = searchRange(huge, withValue('panel-deadline-days', 1e30), HOLDS_OPEN, model.answerFor);
    expect(range?.below?.value).toBeGreaterThan(3e29);
    expect(range?.below?.value).toBeLessThanOrEqual(3e29 * (1 + 1e-9));
    expect(model.tried.length).toBeLessThanOrEqual(100);
  });
});

describe("S4 the revenue share, replayed: the issue's own example of a range", () => {
  it('holds on 2028-06-01 for any cap above the $31.2B accrued; ended for caps at or below it', () => {
    // 20% of $156,172,839,450 recognized is $31,234,567,890 accrued toward the $38B cap.
    const events = [
      ...branchFrom(
        builtinHistory(),
        logOf([{ type: 'revenue.recognized', date: '2027-12-31', amountUsd: 156_172_839_450 }]),
      ),
    ];
    const result = explain(events, { assumptions: DEFAULT_ASSUMPTIONS }, 'revenue-share', d('2028-06-01'));
    const cap = result.ranges?.find((range) => range.key === 'revenue-share-cap-usd');
    expect(result.holds).toBe(true);
    expect(cap?.below?.shown).toBe('$31.2B');
    expect(cap?.below?.beyond).toEqual({ holds: false, until: null });
    expect(cap?.sentence).toBe(
      'holds until 2031-01-01 for any revenue-share-cap-usd above about $31.2B up to $1,000T; below about $31.2B it does not hold',
    );
  });
});

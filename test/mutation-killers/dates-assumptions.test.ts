/**
 * The calendar of CLAUSES.md ("Parties and dates": ISO days, "through YEAR" inclusive) and the
 * `--assume` readings (C1, C2, C8, C9), branch by branch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
  type Assumptions,
  assumeArgument,
  DEFAULT_ASSUMPTIONS,
  formatAssumption,
  parseAssumptions,
} from '../../src/domain/assumptions.ts';
import {
  addDays,
  addDaysWithinCalendar,
  dayAfterYear,
  EFFECTIVE_DATE,
  fromDayNumber,
  type IsoDate,
  isoDate,
  LAST_DATE,
  MAX_DAYS_AFTER_EFFECTIVE,
  minDate,
  parseIsoDate,
  toDayNumber,
} from '../../src/domain/dates.ts';
import { InputError } from '../../src/domain/errors.ts';
import { countOf, formatNumber } from '../../src/domain/numbers.ts';
import { runs } from './budget.ts';

describe('CLAUSES.md parties and dates: calendar days', () => {
  it('reads only real days in YYYY-MM-DD form', () => {
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDate('2030-12-31')).toBe('2030-12-31');
    for (const text of [
      '2029-02-29',
      '2030-12-32',
      '2030-00-10',
      '2030-13-01',
      '2030-04-31',
      '30-01-01',
      '2030-01-01 ',
    ]) {
      expect(parseIsoDate(text), text).toBeUndefined();
    }
    expect(isoDate('2031-01-01')).toBe('2031-01-01');
    expect(() => isoDate('2031-02-30')).toThrow(TypeError);
  });

  it('counts days across month, year and leap boundaries', () => {
    expect(toDayNumber('1970-01-02' as IsoDate)).toBe(1);
    expect(fromDayNumber(1)).toBe('1970-01-02');
    expect(addDays('2030-12-31' as IsoDate, 1)).toBe('2031-01-01');
    expect(addDays('2031-01-01' as IsoDate, -1)).toBe('2030-12-31');
    expect(addDays('2028-02-28' as IsoDate, 1)).toBe('2028-02-29');
    expect(addDays(EFFECTIVE_DATE, 90)).toBe('2026-01-26');
    expect(toDayNumber('2033-01-01' as IsoDate) - toDayNumber('2032-12-31' as IsoDate)).toBe(1);
  });

  it('reads "through YEAR" as ending on the first day of the next year', () => {
    expect(dayAfterYear(2030)).toBe('2031-01-01');
    expect(dayAfterYear(2032)).toBe('2033-01-01');
  });

  it('accepts only days the calendar reads back as themselves, and every such day', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const text = fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 120 }),
          fc.integer({ min: 1899, max: 2101 }),
          fc.integer({ min: 0, max: 9999 }),
        ),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`);
    fc.assert(
      fc.property(text, (written) => {
        const date = parseIsoDate(written);
        if (date !== undefined) expect(fromDayNumber(toDayNumber(date))).toBe(written);
      }),
      { numRuns: runs(500) },
    );
    // From year 0000: Date.UTC reads years 0–99 as 1900–1999, which the calendar must not.
    const first = toDayNumber('0000-01-01' as IsoDate);
    fc.assert(
      fc.property(fc.integer({ min: first, max: toDayNumber(LAST_DATE) }), (day) => {
        const written = fromDayNumber(day);
        expect(parseIsoDate(written)).toBe(written);
      }),
      { numRuns: runs(200) },
    );
  });

  it('reads February 29 as a day exactly in the leap years of the Gregorian calendar, years 0000–9999', () => {
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 9999 })), (year) => {
        const written = `${String(year).padStart(4, '0')}-02-29`;
        expect(parseIsoDate(written) !== undefined).toBe(leap(year));
      }),
      { numRuns: runs(300) },
    );
    expect(parseIsoDate('0000-02-29')).toBe('0000-02-29');
    expect(parseIsoDate('0099-01-01')).toBe('0099-01-01');
  });

  it('numbers every day of years 0000–9999 and reads each back, as Date does from 0001 (where Date writes the year so)', () => {
    // Exhaustive: the calendar is arithmetic of its own, so each of its 3,652,425 days is checked.
    const MS_PER_DAY = 86_400_000;
    const first = toDayNumber('0000-01-01' as IsoDate);
    const last = toDayNumber(LAST_DATE);
    expect([first, toDayNumber('1970-01-01' as IsoDate), last - first + 1]).toEqual([-719_528, 0, 3_652_425]);
    // Every day read back; Date's own answer on every 89th day and on every day of the years
    // where calendars go wrong (0000-0001, 1899-1901, 1969-1970, 2099-2101, 9999).
    const edges = [
      ['0000', '0001'],
      ['1899', '1901'],
      ['1969', '1970'],
      ['2099', '2101'],
      ['9999', '9999'],
    ].map(([from, to]) => [toDayNumber(`${from}-01-01` as IsoDate), toDayNumber(`${to}-12-31` as IsoDate)]);
    const checked = (day: number) =>
      day % 89 === 0 || edges.some(([from, to]) => day >= (from as number) && day <= (to as number));
    let wrong = 0;
    for (let day = first; day <= last; day++) {
      const date = fromDayNumber(day);
      if (toDayNumber(date) !== day) wrong++;
      else if (checked(day)) {
        if (parseIsoDate(date) !== date) wrong++;
        if (day >= -719_162 && new Date(day * MS_PER_DAY).toISOString().slice(0, 10) !== date) wrong++;
      }
    }
    expect(wrong).toBe(0);
  });

  it('ends the calendar on its last day: a deadline after it never comes', () => {
    expect(addDaysWithinCalendar('9999-12-30' as IsoDate, 1)).toBe(LAST_DATE);
    expect(addDaysWithinCalendar(LAST_DATE, 0)).toBe(LAST_DATE);
    expect(addDaysWithinCalendar(LAST_DATE, 1)).toBeNull();
    expect(addDaysWithinCalendar(EFFECTIVE_DATE, MAX_DAYS_AFTER_EFFECTIVE)).toBe(LAST_DATE);
    expect(addDaysWithinCalendar(EFFECTIVE_DATE, MAX_DAYS_AFTER_EFFECTIVE + 1)).toBeNull();
    expect(addDaysWithinCalendar(EFFECTIVE_DATE, 90)).toBe('2026-01-26');
  });

  it('takes the earlier of two dates', () => {
    expect(minDate('2031-01-01' as IsoDate, '2028-09-01' as IsoDate)).toBe('2028-09-01');
    expect(minDate('2028-09-01' as IsoDate, '2031-01-01' as IsoDate)).toBe('2028-09-01');
  });
});

describe('assumptions: --assume KEY=VALUE', () => {
  const refusal = (pairs: string[]) => {
    try {
      parseAssumptions(pairs);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return error as InputError;
    }
    throw new Error(`accepted ${pairs.join(' ')}`);
  };

  it('applies pairs over the defaults, later pairs winning, and leaves the rest alone', () => {
    const read = parseAssumptions(['after-rejection=final', 'after-rejection=redeclare', 'panel-deadline-days=30']);
    expect(read).toEqual({ ...DEFAULT_ASSUMPTIONS, 'panel-deadline-days': 30 });
    expect(parseAssumptions([])).toEqual(DEFAULT_ASSUMPTIONS);
    expect(
      parseAssumptions(['panel-deadline-days=none'], { ...DEFAULT_ASSUMPTIONS, 'panel-deadline-days': 9 }),
    ).toEqual(DEFAULT_ASSUMPTIONS);
    expect(parseAssumptions(['revenue-share-cap-usd=1e9'])['revenue-share-cap-usd']).toBe(1e9);
  });

  it('splits at the first "=" only', () => {
    expect(refusal(['compute-cap-lifts=declaration=x']).message).toMatch(/compute-cap-lifts=declaration=x/);
  });

  it.each(['agi-ends-exclusivity', '=declaration', ''])('refuses "%s": not KEY=VALUE', (pair) => {
    expect(refusal([pair]).message).toMatch(/is not KEY=VALUE/);
  });

  it('refuses an unknown key, naming the keys', () => {
    const error = refusal(['x=1']);
    expect(error.message).toMatch(/unknown assumption "x"/);
    expect(error.hint).toMatch(/agi-ends-exclusivity/);
  });

  it.each([
    ['panel-deadline-days', ['1', '365'], ['0', '-1', '1.5', 'x', '', ' 7']],
    ['revenue-share-rate', ['0.1', '1'], ['0', '-0.1', '1.01', '', ' ', 'x', 'Infinity']],
    ['compute-threshold-flop', ['5e26', '1'], ['0', '-1', 'NaN', '']],
    ['revenue-share-cap-usd', ['38e9'], ['0', '']],
    ['after-rejection', ['final', 'redeclare'], ['Final', '']],
  ] as const)('%s takes %j and refuses %j', (key, good, bad) => {
    for (const value of good) expect(() => parseAssumptions([`${key}=${value}`]), value).not.toThrow();
    for (const value of bad) {
      const error = refusal([`${key}=${value}`]);
      expect(error.message).toContain(`--assume ${key}=${value}: the value`);
      expect(error.hint).toContain(`values for ${key}`);
    }
  });

  it('formats values as the user types them', () => {
    expect(formatAssumption('panel-deadline-days', null)).toBe('none');
    expect(formatAssumption('panel-deadline-days', 90)).toBe('90');
    expect(formatAssumption('agi-ends-exclusivity', 'declaration')).toBe('declaration');
    expect(formatAssumption('revenue-share-rate', 0.2)).toBe('0.2');
  });

  it('lists finitely many values only for the readings dealsim check can enumerate', () => {
    expect(ASSUMPTIONS['panel-deadline-days'].enumerable).toEqual([null, 90]);
    expect(ASSUMPTIONS['agi-ends-exclusivity'].enumerable).toEqual(['verification', 'declaration']);
    expect(ASSUMPTIONS['compute-threshold-flop'].enumerable).toBeUndefined();
  });
});

describe('assumptions: amounts of USD as people write them (revenue-share-cap-usd, S4)', () => {
  const cap = (text: string) => ASSUMPTIONS['revenue-share-cap-usd'].parse(text);

  it('reads 38e9, 38B, $38B with spaces around, up to $1,000T exactly', () => {
    expect(cap(' 38B ')).toBe(38e9);
    expect(cap('\t$38B')).toBe(38e9);
    expect(cap('1e15')).toBe(1e15);
    expect(cap('$1000T')).toBe(1e15);
    expect(cap('999999999999999')).toBe(999999999999999);
  });

  it('refuses an amount above $1,000T, by a dollar or more', () => {
    for (const text of ['1000000000000001', '1001T', '1e16', '$1.5e3T'])
      expect(cap(text), text).toHaveProperty('invalid');
  });

  it('refuses text around the amount and number-like text that is no number', () => {
    for (const text of ['x38B', 'USD 38B', '$$38B', '38 B', '.', 'e', '+', '-', '$.B', '1e', '+-1', '--5']) {
      expect(cap(text), text).toHaveProperty('invalid');
    }
  });
});

describe('assumptions: panel-deadline-days (C2) within the calendar', () => {
  it('takes a deadline up to the calendar’s last day after the effective date, and refuses one day more', () => {
    const days = ASSUMPTIONS['panel-deadline-days'].parse;
    expect(days(String(MAX_DAYS_AFTER_EFFECTIVE))).toBe(MAX_DAYS_AFTER_EFFECTIVE);
    expect(days(String(MAX_DAYS_AFTER_EFFECTIVE + 1))).toHaveProperty('invalid');
  });
});

describe('assumptions: values printed as people write them, and read back', () => {
  it('prints numbers in exponent form from a million up and below 1e-4, plainly in between', () => {
    expect(formatNumber(1e6)).toBe('1e6');
    expect(formatNumber(999_999)).toBe('999999');
    expect(formatNumber(1e28)).toBe('1e28');
    expect(formatNumber(-2e6)).toBe('-2e6');
    expect(formatNumber(1e-4)).toBe('0.0001');
    expect(formatNumber(5e-5)).toBe('5e-5');
    expect(formatNumber(2.5e-7)).toBe('2.5e-7');
    expect(formatNumber(0.2)).toBe('0.2');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('writes every value as --assume reads it back: none, names, numbers, amounts', () => {
    const values: { [K in AssumptionKey]?: Assumptions[K][] } = {
      'panel-deadline-days': [null, 1, 90, 1000, 1_000_000, MAX_DAYS_AFTER_EFFECTIVE],
      'compute-threshold-flop': [1e28, 5e26, 1000, 1],
      'revenue-share-rate': [0.2, 1, 0.00005],
      'revenue-share-cap-usd': [38e9, 1000, 1e15, 38.123456e9],
    };
    for (const key of ASSUMPTION_KEYS) {
      for (const value of values[key] ?? ASSUMPTIONS[key].enumerable ?? []) {
        const text = assumeArgument(key, value as Assumptions[AssumptionKey]);
        expect(parseAssumptions([`${key}=${text}`])[key], `${key}=${text}`).toBe(value);
      }
    }
    expect(assumeArgument('panel-deadline-days', null)).toBe('none');
    expect(assumeArgument('panel-deadline-days', 1000)).toBe('1000');
    expect(assumeArgument('agi-ends-exclusivity', 'declaration')).toBe('declaration');
  });
});

describe('counts printed with their nouns', () => {
  it('says "1 event" and "0 events", "2 events": plural unless the count is one', () => {
    expect([0, 1, 2, 301].map((count) => countOf(count, 'event'))).toEqual([
      '0 events',
      '1 event',
      '2 events',
      '301 events',
    ]);
  });
});

/**
 * Calendar days as ISO strings (`YYYY-MM-DD`). Dates are data: nothing here reads the clock.
 * ISO dates of the same form compare correctly as strings, so `<` and `>` are safe on them.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** The agreement's effective date (S1); no event of a simulated future may be dated before it. */
export const EFFECTIVE_DATE = '2025-10-28' as IsoDate;

/**
 * The last day of the calendar: dates are written with four-digit years, so nothing dated later
 * can be written or sorted (a later date would serialise as "+010000-…" and sort before 2025).
 */
export const LAST_DATE = '9999-12-31' as IsoDate;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the date if `text` is a real calendar day in `YYYY-MM-DD` form, else `undefined`. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? (text as IsoDate) : undefined;
}

/** Like {@link parseIsoDate} but for dates written in the program itself. */
export function isoDate(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) throw new TypeError(`not an ISO calendar date: ${text}`);
  return date;
}

// The proleptic Gregorian calendar as arithmetic (H. Hinnant's days_from_civil and
// civil_from_days): no Date object, so years 0000-0099 are those years (Date.UTC reads them as
// 1900-1999), and a replay, a Monte Carlo sample and a check do not pay Date's conversions.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** The value of `length` ASCII digits of `text` from `at`. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** Days since 1970-01-01: the integer form used for arithmetic and fast comparison. */
export function toDayNumber(date: IsoDate): number {
  const month = digits(date, 5, 2);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(date, 8, 2) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of day number `day` (see {@link toDayNumber}), for years 0000 to 9999. */
export function fromDayNumber(day: number): IsoDate {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}` as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `addDays`, or null when the day falls after {@link LAST_DATE}: a deadline that never comes. */
export function addDaysWithinCalendar(date: IsoDate, days: number): IsoDate | null {
  const day = toDayNumber(date) + days;
  return day > LAST_DAY ? null : fromDayNumber(day);
}

/** The first day on which a term that runs "through YEAR" no longer holds. */
export function dayAfterYear(year: number): IsoDate {
  return isoDate(`${year + 1}-01-01`);
}

const LAST_DAY = toDayNumber(LAST_DATE);

/** The days from the effective date to {@link LAST_DATE}: no offset from a real event can be longer and stay in the calendar. */
export const MAX_DAYS_AFTER_EFFECTIVE = LAST_DAY - toDayNumber(EFFECTIVE_DATE);

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

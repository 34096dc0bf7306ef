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
const MS_PER_DAY = 86_400_000;

/** Returns the date if `text` is a real calendar day in `YYYY-MM-DD` form, else `undefined`. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(utcMs(y, m - 1, d));
  const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  return real ? (text as IsoDate) : undefined;
}

/** Like {@link parseIsoDate} but for dates written in the program itself. */
export function isoDate(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) throw new TypeError(`not an ISO calendar date: ${text}`);
  return date;
}

/** Days since 1970-01-01: the integer form used for arithmetic and fast comparison. */
export function toDayNumber(date: IsoDate): number {
  return utcMs(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
}

/** `Date.UTC`, but years 0–99 are those years, not 1900–1999 as `Date.UTC` reads them. */
function utcMs(year: number, monthIndex: number, day: number): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day);
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
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

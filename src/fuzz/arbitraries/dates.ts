/**
 * Dates that hit the boundaries on purpose: the effective date, the last and first days around
 * each sunset, and days just either side of them, mixed with uniform dates up to 2036.
 */
import fc from 'fast-check';
import { addDays, EFFECTIVE_DATE, fromDayNumber, type IsoDate, isoDate, toDayNumber } from '../../domain/dates.ts';

export const BOUNDARY_DATES: readonly IsoDate[] = [
  EFFECTIVE_DATE,
  isoDate('2030-12-31'),
  isoDate('2031-01-01'),
  isoDate('2032-12-31'),
  isoDate('2033-01-01'),
];

const LAST_DAY = isoDate('2036-12-31');

/** Any day from the effective date to 2036, biased toward the sunsets and their neighbours. */
export function dateArbitrary(): fc.Arbitrary<IsoDate> {
  const uniform = fc
    .integer({ min: toDayNumber(EFFECTIVE_DATE), max: toDayNumber(LAST_DAY) })
    .map((day) => fromDayNumber(day));
  const boundary = fc.constantFrom(...BOUNDARY_DATES);
  const nearBoundary = fc
    .tuple(fc.constantFrom(...BOUNDARY_DATES), fc.integer({ min: -3, max: 3 }))
    .map(([date, shift]) => addDays(date, shift))
    .filter((date) => date >= EFFECTIVE_DATE);
  return fc.oneof(
    { arbitrary: uniform, weight: 4 },
    { arbitrary: boundary, weight: 2 },
    { arbitrary: nearBoundary, weight: 2 },
  );
}

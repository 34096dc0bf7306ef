/**
 * The date classes that matter to the clauses: before, on and after each sunset, the same day
 * as the last event, the next day, and inside or past a pending declaration's panel deadline.
 * The explorer picks one concrete representative per class and keys its memo on the classes.
 */
import { addDays, EFFECTIVE_DATE, type IsoDate, toDayNumber } from '../domain/dates.ts';

/** Sorted landmark days: the effective date and, for each sunset S, S−1, S and S+1. */
export function landmarks(sunsets: readonly IsoDate[]): IsoDate[] {
  const days = new Set<IsoDate>([EFFECTIVE_DATE]);
  for (const sunset of sunsets) for (const shift of [-1, 0, 1]) days.add(addDays(sunset, shift));
  return [...days].filter((day) => day >= EFFECTIVE_DATE).sort();
}

/** `=i` on landmark i, `<i` strictly between landmark i−1 and landmark i (or after the last). */
export function dateClass(points: readonly IsoDate[], date: IsoDate): string {
  let index = 0;
  while (index < points.length && (points[index] as IsoDate) < date) index++;
  return points[index] === date ? `=${index}` : `<${index}`;
}

/** One day inside the gap after each landmark, where the gap is wider than a day. */
function gapDays(points: readonly IsoDate[]): IsoDate[] {
  const days: IsoDate[] = [];
  for (const [index, point] of points.entries()) {
    const next = points[index + 1];
    if (next === undefined) days.push(addDays(point, 365));
    else if (toDayNumber(next) - toDayNumber(point) > 2) {
      days.push(addDays(point, Math.floor((toDayNumber(next) - toDayNumber(point)) / 2)));
    }
  }
  return days;
}

/**
 * The days a next event may fall on after `today`: the same day, the next day, every landmark
 * and a day inside every gap still to come, and around a panel deadline `lapse` if one is due.
 */
export function nextDays(points: readonly IsoDate[], today: IsoDate, lapse: IsoDate | null): IsoDate[] {
  const days = new Set<IsoDate>([today, addDays(today, 1)]);
  for (const day of [...points, ...gapDays(points)]) if (day > today) days.add(day);
  if (lapse) for (const shift of [-1, 0, 1]) if (addDays(lapse, shift) >= today) days.add(addDays(lapse, shift));
  return [...days].sort();
}

/** How far a lapse lies ahead: tomorrow, the day after, or later. */
export function lapseDistance(today: IsoDate, lapse: IsoDate): string {
  const days = toDayNumber(lapse) - toDayNumber(today);
  return days <= 2 ? String(days) : '3+';
}

/**
 * A declaration and a ruling timed against the panel deadline of C2: the same day, the last day
 * a ruling counts (N−1 days after) and the day it lapses (N days after, when the ruling comes
 * too late and the future must drop it), for each deadline N the assumptions may draw.
 */
import fc from 'fast-check';
import { addDays } from '../../domain/dates.ts';
import type { LogEvent } from '../../domain/events.ts';
import { dateArbitrary } from './dates.ts';

export function deadlineRulingArbitrary(deadlines: readonly number[]): fc.Arbitrary<readonly LogEvent[]> {
  const offsets = [...new Set([0, ...deadlines.flatMap((days) => [days - 1, days])])].filter((days) => days >= 0);
  return fc
    .tuple(dateArbitrary(), fc.constantFrom(...offsets), fc.constantFrom('panel.verified', 'panel.rejected'))
    .map(([date, offset, ruling]) => [
      { type: 'agi.declared', date } as LogEvent,
      { type: ruling, date: addDays(date, offset) } as LogEvent,
    ]);
}

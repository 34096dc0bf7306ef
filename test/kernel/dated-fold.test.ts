/**
 * Invariant 7 for explanations: the lean fold as of a date (src/kernel/dated-fold.ts, what
 * `dealsim explain` and the report ask on the kernel) answers the intervals and the context on
 * that date exactly as the XState replay with `until` does, and refuses an invalid future, whose
 * bad line comes before the date or after it, with the replay's own error.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { foldUntil } from '../../src/kernel/dated-fold.ts';
import { replay } from '../../src/replay/replay.ts';

/** The answer or the refusal, as data. */
function outcome(run: () => { timelines: unknown; context: unknown }) {
  try {
    const { timelines, context } = run();
    return { timelines, context };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { refused: error.describe() };
  }
}

/** A date to ask about: any day, or one of the future's own dates, or a day either side of one. */
const askedDate = (dates: readonly string[]) =>
  dates.length === 0
    ? dateArbitrary()
    : fc.oneof(
        dateArbitrary(),
        fc.constantFrom(...dates),
        fc.tuple(fc.constantFrom(...dates), fc.constantFrom(-1, 1)).map(([date, shift]) => {
          const day = new Date(`${date}T00:00:00Z`);
          day.setUTCDate(day.getUTCDate() + shift);
          return day.toISOString().slice(0, 10);
        }),
      );

const futureAndDate = futureArbitrary({ amendments: true, deadlineRulings: true, maxEvents: 14 }).chain((future) =>
  fc.tuple(
    fc.constant(future),
    askedDate(future.events.map(({ event }) => event.date)).filter((d) => d >= '2025-10-28'),
  ),
);

describe('invariant 7: the lean fold as of a date equals the replay with until', () => {
  test.prop([futureAndDate], { numRuns: 300 })('gives the same intervals and context on the date', ([future, date]) => {
    const input = { assumptions: future.assumptions };
    const until = date as never;
    const reference = outcome(() => replay(future.events, input, { until }));
    expect(reference).not.toHaveProperty('refused');
    expect(outcome(() => foldUntil(future.events, input, until))).toEqual(reference);
  });

  test.prop(
    [futureAndDate, fc.nat(), fc.constantFrom<LogEvent['type']>('agi.declared', 'panel.verified', 'panel.rejected')],
    {
      numRuns: 300,
    },
  )(
    'refuses an invalid future with the same error, its bad line before the date or after it',
    ([future, date], at, type) => {
      const events = [...future.events];
      const position = events.length === 0 ? 0 : at % (events.length + 1);
      const previous = events[position - 1]?.event.date ?? '2025-10-28';
      const bad = { type, date: previous } as LogEvent;
      events.splice(position, 0, { line: 0, event: bad });
      const numbered = events.map((logged, index) => ({ ...logged, line: index + 1 }));
      const input = { assumptions: future.assumptions };
      const until = date as never;
      expect(outcome(() => foldUntil(numbered, input, until))).toEqual(
        outcome(() => replay(numbered, input, { until })),
      );
    },
  );
});

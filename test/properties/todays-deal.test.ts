/**
 * Today's deal as a property (CLAUSES.md, "Today's deal"): for any valid user future F, replaying
 * F after the built-in history equals replaying one log that concatenates the history and F,
 * sorted by date with history lines first on the same date — a model much simpler than the
 * merge. Same intervals, same verdicts, in the same order.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { branchFrom } from '../../src/history/history.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { parseLog } from '../../src/log/parse.ts';
import { type Replayed, replay } from '../../src/replay/replay.ts';
import { builtinHistory } from '../../src/store/history-file.ts';

/** What must agree: every term's spans and every verdict, without line numbers (the two number lines apart). */
function answer(replayed: Replayed) {
  return {
    agi: replayed.agi,
    timelines: Object.fromEntries(
      Object.entries(replayed.timelines).map(([term, intervals]) => [
        term,
        intervals.map(({ from, until }) => [from, until]),
      ]),
    ),
    verdicts: replayed.findings.map(({ date, type, verdict, clause }) => [date, type, verdict, clause]),
    ledger: replayed.context.ledger,
  };
}

describe('invariant 7 with the history: branching equals concatenating and sorting', () => {
  const history = builtinHistory();
  // Boundary-seeking: the history's own dates and their neighbours, where the order of a day's lines decides verdicts.
  const historyDays = [...new Set(history.events.map(({ event }) => event.date))];
  const dates = fc.oneof(
    { arbitrary: dateArbitrary(), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...historyDays), fc.integer({ min: -1, max: 1 }))
        .map(([day, shift]) => addDays(day, shift)),
      weight: 2,
    },
  );

  test.prop([futureArbitrary({ maxEvents: 10, dates })], { numRuns: 150 })(
    'replaying F after the history equals replaying history+F sorted by date, history first on a day',
    ({ assumptions, events }) => {
      const branched = replay(branchFrom(history, events), { assumptions }, { engine: kernelEngine });
      const tagged = [
        ...history.events.map((logged, index) => ({ logged, rank: 0, index })),
        ...events.map((logged, index) => ({ logged, rank: 1, index })),
      ].sort((a, b) => a.logged.event.date.localeCompare(b.logged.event.date) || a.rank - b.rank || a.index - b.index);
      const text = tagged.map(({ logged }) => `${JSON.stringify(logged.event)}\n`).join('');
      const concatenated = replay(parseLog(text, 'concatenated.jsonl'), { assumptions }, { engine: kernelEngine });
      expect(answer(branched)).toEqual(answer(concatenated));
    },
  );

  test.prop([futureArbitrary({ maxEvents: 10, dates })], { numRuns: 60 })(
    "the history's own lines keep their history:N reference wherever the user's lines fall",
    ({ events }) => {
      const merged = [...branchFrom(history, events)];
      const fromHistory = merged.filter((logged) => logged.origin === 'history');
      expect(fromHistory.map((logged) => logged.line)).toEqual(history.events.map((logged) => logged.line));
      expect(merged.filter((logged) => logged.origin === undefined)).toEqual(events);
      for (let i = 1; i < merged.length; i++) {
        expect((merged[i - 1]?.event.date ?? '') <= (merged[i]?.event.date ?? '')).toBe(true);
      }
    },
  );
});

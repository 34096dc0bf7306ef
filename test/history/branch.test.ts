/**
 * Today's deal: a future is the history's lines and the user's merged by date, history lines
 * first on the same date, lazily. The merge is checked against its definition (a stable sort of
 * the two lists by date, history first) on lists with many same-day lines, and closing it early
 * closes the user's stream, as a streamed log needs to close its file.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { branchFrom, type History } from '../../src/history/history.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';

/** Lines on a few days only, so that most merges meet same-day lines. */
const day = fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03', '2026-06-01') as fc.Arbitrary<IsoDate>;
const lines = (origin?: string) =>
  fc.array(day, { maxLength: 12 }).map((days) =>
    [...days].sort().map(
      (date, index): LoggedEvent => ({
        line: index + 1,
        event: { type: 'agi.declared', date } as LogEvent,
        ...(origin !== undefined && { origin }),
      }),
    ),
  );

const historyOf = (events: readonly LoggedEvent[]): History => ({ id: 'test', label: 'test history', events });

/** The definition: every line of both, by date, history lines before the user's on the same date. */
function merged(past: readonly LoggedEvent[], own: readonly LoggedEvent[]): LoggedEvent[] {
  const tagged = [...past.map((logged) => [0, logged] as const), ...own.map((logged) => [1, logged] as const)];
  return tagged.sort(([a, x], [b, y]) => x.event.date.localeCompare(y.event.date) || a - b).map(([, logged]) => logged);
}

describe('today’s deal: a future branches from the history', () => {
  test.prop([lines('history'), lines()])('merges by date, history lines first on the same date', (past, own) => {
    expect([...branchFrom(historyOf(past), own)]).toEqual(merged(past, own));
  });

  test.prop([lines('history'), lines()])('reads the user’s events only as they are asked for', (past, own) => {
    let read = 0;
    const counted = (function* () {
      for (const logged of own) {
        read++;
        yield logged;
      }
    })();
    const branch = branchFrom(historyOf(past), counted);
    const out: LoggedEvent[] = [];
    for (let next = branch.next(); !next.done; next = branch.next()) {
      out.push(next.value);
      // Never more than one of the user's events read ahead of what was handed on.
      expect(read - out.filter((logged) => logged.origin === undefined).length).toBeLessThanOrEqual(1);
    }
    expect(out).toEqual(merged(past, own));
  });

  it('closes the user’s stream when the replay stops early', () => {
    let closed = false;
    const own = (function* () {
      try {
        yield { line: 1, event: { type: 'agi.declared', date: '2026-01-02' } as LogEvent };
        yield { line: 2, event: { type: 'agi.declared', date: '2026-01-03' } as LogEvent };
      } finally {
        closed = true;
      }
    })();
    const past = [{ line: 1, event: { type: 'agi.declared', date: '2026-01-01' } as LogEvent, origin: 'history' }];
    for (const logged of branchFrom(historyOf(past), own)) if (logged.origin === undefined) break;
    expect(closed).toBe(true);
  });
});

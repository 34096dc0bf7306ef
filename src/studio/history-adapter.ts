/**
 * The real history as the first part of the studio's futures (CLAUSES.md, "Today's deal"):
 * the history's events, then the user's, merged by date, history lines first on the same date.
 * A stop-gap until src/history/ offers the same merge to every command; the studio then uses it.
 */
import type { LoggedEvent } from '../log/parse.ts';
import { parseLog } from '../log/parse.ts';

/** Where the history file lives in the repository, as errors name it. */
export const HISTORY_FILE = 'src/history/real-history.jsonl';

/** The history's events, validated as any log is. */
export function readHistory(text: string): LoggedEvent[] {
  return parseLog(text, HISTORY_FILE);
}

/** Where a line of a merged future came from: the real history or the user's own future. */
export interface Origin {
  readonly from: 'history' | 'future';
  /** Its line in that file. */
  readonly line: number;
}

export interface Merged {
  /** Events numbered 1… in merged order. */
  readonly events: LoggedEvent[];
  /** `origins[line - 1]`: where merged line `line` came from. */
  readonly origins: Origin[];
}

/** The history's events, then the future's, by date (history first on a tie), renumbered. */
export function mergeWithHistory(history: readonly LoggedEvent[], future: readonly LoggedEvent[]): Merged {
  const events: LoggedEvent[] = [];
  const origins: Origin[] = [];
  let h = 0;
  let f = 0;
  while (h < history.length || f < future.length) {
    const fromHistory =
      f >= future.length ||
      (h < history.length && (history[h] as LoggedEvent).event.date <= (future[f] as LoggedEvent).event.date);
    const logged = (fromHistory ? history[h++] : future[f++]) as LoggedEvent;
    events.push({ line: events.length + 1, event: logged.event });
    origins.push({ from: fromHistory ? 'history' : 'future', line: logged.line });
  }
  return { events, origins };
}

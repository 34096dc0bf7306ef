/**
 * What an explanation reads of a future on a date, on the lean fold: `replay(events, input,
 * { until })` of src/replay/replay.ts without judging conduct, which no answer about a term needs.
 * The whole log is still checked (invariant 8), so a future is refused here exactly when the
 * replay refuses it, with the same error; the intervals run on past the date, as the replay's do.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { LoggedEvent } from '../log/parse.ts';
import type { Replayed } from '../replay/replay.ts';
import { finishFold, foldCalendar, foldEvent, foldEvents, JUDGE_NOTHING, startFold } from './fold.ts';

/** A replay as of a date: every term's intervals, and the context (ledger, rules, amendments) on that date. */
export type DatedReplay = Pick<Replayed, 'timelines' | 'context'>;

/**
 * The intervals and the context on `until` of the future `events` under `input`, as
 * `replay(events, input, { until })` answers them on any engine. Throws the replay's
 * `InputError` for an invalid future, whether the invalid line comes before `until` or after it.
 */
export function foldUntil(events: readonly LoggedEvent[], input: DealInput, until: IsoDate): DatedReplay {
  // Invariant 8: the lines after `until` must form a valid future too; the whole log is checked first, as replay() does.
  if (events.some(({ event }) => event.date > until)) foldEvents(events, input, { judge: JUDGE_NOTHING });
  const fold = startFold(input, { judge: JUDGE_NOTHING });
  for (const logged of events) {
    if (logged.event.date > until) break;
    foldEvent(fold, logged);
  }
  foldCalendar(fold, until);
  const context = fold.context;
  return { timelines: finishFold(fold).timelines, context };
}

/**
 * The lean fold: the replay of src/replay/replay.ts on the compiled kernel, for Monte Carlo and
 * long logs. It computes the same term intervals (with the same {@link observe} bookkeeping) and
 * counts verdicts instead of keeping every finding, so memory stays flat however long the log.
 * It skips what only reports need: per-step observers, state values and finding texts kept in
 * memory. The accumulator is mutable and owned by the fold. test/kernel proves it equal to
 * `replay()` on the XState path.
 */
import type { DealContext, DealInput } from '../../machines/deal.machine.ts';
import type { ClauseId } from '../domain/clauses.ts';
import { EFFECTIVE_DATE, type IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { CalendarEvent, DealEvent, LogEventType } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { nextCalendarEvent } from '../replay/calendar.ts';
import type { AgiStatus } from '../replay/engine.ts';
import { judge, type Verdict } from '../replay/findings.ts';
import { type Interval, intervalsOf, observe, openTrack, type Track } from '../replay/intervals.ts';
import { DEAL_KERNEL, initialContext, type KernelState, kernelAgiStatus, kernelEngine, kernelStep } from './engine.ts';

export interface FoldOptions {
  /** Event types to judge; the default judges every log event, as `replay()` does. */
  readonly judge?: ReadonlySet<LogEventType>;
}

export interface VerdictCounts {
  readonly permitted: number;
  readonly breach: number;
  readonly info: number;
}

/** What the lean fold answers: the AGI process, the intervals, verdict counts and the ledger. */
export interface Folded {
  readonly agi: AgiStatus;
  readonly context: DealContext;
  readonly timelines: Readonly<Record<TermId, readonly Interval[]>>;
  readonly verdicts: VerdictCounts;
  /** Breaches per clause, e.g. `{ C6: 2 }`. */
  readonly breaches: Readonly<Partial<Record<ClauseId, number>>>;
  readonly events: number;
  readonly lastEventDate: IsoDate;
}

export interface FoldState {
  state: KernelState;
  today: IsoDate;
  readonly tracks: Track[];
  /** Bit i set while TERM_IDS[i] holds. */
  mask: number;
  /** The next calendar deadline; `undefined` when none, `null` when it must be recomputed. */
  due: CalendarEvent | undefined | null;
  readonly verdicts: { permitted: number; breach: number; info: number };
  readonly breaches: Partial<Record<ClauseId, number>>;
  readonly amended: Set<string>;
  events: number;
  readonly judgeTypes: ReadonlySet<LogEventType> | undefined;
}

const TERM_COUNT = TERM_IDS.length;
const TERM_INDEX = Object.fromEntries(TERM_IDS.map((term, index) => [term, index])) as Record<TermId, number>;
const AGI_EVENTS: ReadonlySet<string> = new Set(['agi.declared', 'panel.verified', 'panel.rejected']);

export function startFold(input: DealInput, options: FoldOptions = {}): FoldState {
  const state: KernelState = { config: DEAL_KERNEL.initialConfig, context: initialContext(input) };
  const mask = DEAL_KERNEL.holdingMask[state.config] as number;
  return {
    state,
    today: EFFECTIVE_DATE,
    tracks: TERM_IDS.map((_, t) => openTrack(EFFECTIVE_DATE, ((mask >> t) & 1) === 1)),
    mask,
    due: null,
    verdicts: { permitted: 0, breach: 0, info: 0 },
    breaches: {},
    amended: new Set(),
    events: 0,
    judgeTypes: options.judge,
  };
}

/** Steps the kernel and records what changed; `line` is null for calendar events. */
function apply(fold: FoldState, event: DealEvent, line: number | null): void {
  const next = kernelStep(fold.state, event);
  fold.today = event.date;
  if (next === fold.state) return;
  fold.state = next;
  fold.due = null;
  const mask = DEAL_KERNEL.holdingMask[next.config] as number;
  if (mask === fold.mask) return;
  const cause = { date: event.date, line, event: event.type };
  const changed = mask ^ fold.mask;
  for (let t = 0; t < TERM_COUNT; t++) {
    if ((changed >> t) & 1) observe(fold.tracks[t] as Track, ((mask >> t) & 1) === 1, cause);
  }
  fold.mask = mask;
}

/** Delivers calendar deadlines due on or before `date` (all of them when undefined). */
export function foldCalendar(fold: FoldState, date: IsoDate | undefined): void {
  for (;;) {
    if (fold.due === null) {
      const { state } = fold;
      fold.due = nextCalendarEvent(
        {
          context: state.context,
          agi: kernelAgiStatus(state.config),
          termStatus: (term) => kernelEngine.termStatus(state, term),
        },
        fold.today,
      );
    }
    const due = fold.due;
    if (due === undefined || (date !== undefined && due.date > date)) return;
    fold.due = null;
    apply(fold, due, null);
  }
}

/** Folds one log event in, after the calendar deadlines due by its date. */
export function foldEvent(fold: FoldState, { line, event }: LoggedEvent): void {
  if (event.date < fold.today) {
    throw new InputError(`the event is dated ${event.date}, before ${fold.today} reached by earlier lines`, {
      line,
      hint: 'a log runs in date order: move the line up or correct its date',
    });
  }
  foldCalendar(fold, event.date);
  const before = fold.state;
  if (event.type === 'agreement.amended') {
    if (!before.context.amendments[event.amendment] || fold.amended.has(event.amendment)) {
      throw new InputError(`amendment "${event.amendment}" is unknown or was already applied`, {
        line,
        hint: 'run "dealsim simulate" on the log for the full explanation',
      });
    }
    fold.amended.add(event.amendment);
  }
  const maskBefore = fold.mask;
  apply(fold, event, line);
  if (AGI_EVENTS.has(event.type) && kernelAgiStatus(fold.state.config) === kernelAgiStatus(before.config)) {
    throw new InputError(`${event.type} is not allowed here: AGI state is "${kernelAgiStatus(before.config)}"`, {
      line,
      hint: 'run "dealsim simulate" on the log for the full explanation',
    });
  }
  fold.events++;
  if (fold.judgeTypes !== undefined && !fold.judgeTypes.has(event.type)) return;
  const findings = judge(event, line, {
    holds: (term) => ((maskBefore >> TERM_INDEX[term]) & 1) === 1,
    before: before.context,
    after: fold.state.context,
  });
  for (const { verdict, clause } of findings) {
    fold.verdicts[verdict as Verdict]++;
    if (verdict === 'breach') fold.breaches[clause] = (fold.breaches[clause] ?? 0) + 1;
  }
}

/** Delivers every remaining deadline and closes the books. */
export function finishFold(fold: FoldState): Folded {
  const lastEventDate = fold.today;
  foldCalendar(fold, undefined);
  const timelines = Object.fromEntries(TERM_IDS.map((term, t) => [term, intervalsOf(fold.tracks[t] as Track)]));
  return {
    agi: kernelAgiStatus(fold.state.config),
    context: fold.state.context,
    timelines: timelines as Record<TermId, Interval[]>,
    verdicts: { ...fold.verdicts },
    breaches: { ...fold.breaches },
    events: fold.events,
    lastEventDate,
  };
}

/** Replays a whole future on the lean fold; throws an {@link InputError} for an invalid one. */
export function foldEvents(events: Iterable<LoggedEvent>, input: DealInput, options: FoldOptions = {}): Folded {
  const fold = startFold(input, options);
  for (const logged of events) foldEvent(fold, logged);
  return finishFold(fold);
}

/**
 * The lean fold: the replay of src/replay/replay.ts on the compiled kernel, for Monte Carlo and
 * long logs. It computes the same term intervals (the bookkeeping of intervals.ts, in {@link LeanTrack}) and
 * counts verdicts instead of keeping every finding, so memory stays flat however long the log.
 * It skips what only reports need: per-step observers, state values and finding texts kept in
 * memory. The accumulator is mutable and owned by the fold. test/kernel proves it equal to
 * `replay()` on the XState path.
 */
import type { DealContext, DealInput } from '../../machines/deal.machine.ts';
import { EFFECTIVE_DATE, type IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { CalendarEvent, DealEvent, EventStatus, LogEvent, LogEventType } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { type CalendarView, nextCalendarEvent } from '../replay/calendar.ts';
import type { AgiStatus } from '../replay/engine.ts';
import {
  type Citation,
  type JudgeView,
  judgeEach,
  type MissingFact,
  type Openness,
  type Outcome,
  type Verdict,
} from '../replay/findings.ts';
import type { Cause, Interval } from '../replay/intervals.ts';
import {
  type AppliedAt,
  agiRefusal,
  amendmentRefusal,
  changesRules,
  isAgiEvent,
  orAloneHint,
  placeOf,
} from '../replay/refusals.ts';
import { STATUS_CODES } from './compile.ts';
import { DEAL_KERNEL, initialContext, kernelAgiStatus, kernelMove, moved } from './engine.ts';
import { LeanTrack } from './track.ts';

/** {@link FoldOptions.judge} for a fold that answers about terms and the ledger only: no verdict is judged. */
export const JUDGE_NOTHING: ReadonlySet<LogEventType> = new Set();

export interface FoldOptions {
  /** Event types to judge; the default judges every log event, as `replay()` does. */
  readonly judge?: ReadonlySet<LogEventType>;
  /** Sees every step and finding, as `replay()`'s `onStep` does; the CLI's streamed output. */
  readonly observer?: FoldObserver;
}

/**
 * What a reader of the whole replay sees, step by step, without the fold keeping any of it:
 * each finding as it is judged (its reason formatted, findings.ts's `UNTIL` left for the caller to fill
 * once the covering term's timeline is final), then the step that produced it. Holding sets are
 * bit masks: bit i is `TERM_IDS[i]`.
 */
export interface FoldObserver {
  finding(finding: ObservedFinding): void;
  /**
   * After every step, calendar ones included: what caused it, the terms holding after it, how
   * many findings it had and, for the breaches and undetermined verdicts among them, the
   * findings themselves (in the order judged).
   */
  step(cause: Cause, holding: number, findings: number, marked: readonly ObservedFinding[]): void;
}

/**
 * A finding as the fold reports it to an observer: `replay()`'s `Finding` with the same fields
 * (`origin`, `status`, `source`, `missingFacts`, `outcomes`); reasons may hold findings.ts's `UNTIL`.
 */
export interface ObservedFinding {
  readonly line: number;
  readonly origin: string | undefined;
  readonly date: IsoDate;
  readonly type: LogEventType;
  readonly verdict: Verdict;
  readonly clause: Citation;
  readonly reason: string;
  readonly status: EventStatus;
  readonly source: string | undefined;
  readonly coveredBy: TermId | undefined;
  readonly missingFacts: readonly MissingFact[] | undefined;
  readonly outcomes: readonly Outcome[] | undefined;
}

export interface VerdictCounts {
  readonly permitted: number;
  readonly breach: number;
  /** Verdicts a missing fact leaves open (CLAUSES.md): counted apart from breaches, never as one. */
  readonly undetermined: number;
  readonly info: number;
}

/** What the lean fold answers: the AGI process, the intervals, verdict counts and the ledger. */
export interface Folded {
  readonly agi: AgiStatus;
  readonly context: DealContext;
  readonly timelines: Readonly<Record<TermId, readonly Interval[]>>;
  readonly verdicts: VerdictCounts;
  /** Breaches per clause, e.g. `{ C6: 2 }`. */
  readonly breaches: Readonly<Partial<Record<Citation, number>>>;
  /** Undetermined verdicts per clause, e.g. `{ S4: 1 }`. */
  readonly undetermined: Readonly<Partial<Record<Citation, number>>>;
  readonly events: number;
  readonly lastEventDate: IsoDate;
}

export interface FoldState {
  /** The kernel's configuration id and context, updated in place. */
  config: number;
  context: DealContext;
  /** What the due deadline was computed from; a step that changes none of them keeps it. */
  dueConfig: number;
  dueRules: unknown;
  dueAgi: unknown;
  /** Mask of terms holding before the event being judged. */
  maskBefore: number;
  readonly calendarView: CalendarView;
  readonly judgeView: FoldJudgeView;
  today: IsoDate;
  readonly tracks: LeanTrack[];
  /** Bit i set while TERM_IDS[i] holds. */
  mask: number;
  /** The next calendar deadline; `undefined` when none, `null` when it must be recomputed. */
  due: CalendarEvent | undefined | null;
  readonly verdicts: { permitted: number; breach: number; undetermined: number; info: number };
  breaches: Partial<Record<Citation, number>>;
  undetermined: Partial<Record<Citation, number>>;
  /** Where each amendment applied so far was applied; null until the first. */
  amended: Map<string, AppliedAt> | null;
  events: number;
  /** How many AGI-process lines of the history (see `LoggedEvent.origin`) the fold has taken so far. */
  historyAgiLines: number;
  /**
   * The conduct lines of `today` not taken yet, as events, lines and origins: they wait for the
   * day's AGI steps and amendments, which take effect for the whole day (see {@link foldLogEvent}).
   */
  readonly waiting: Waiting;
  readonly judgeTypes: ReadonlySet<LogEventType> | undefined;
  readonly observer: FoldObserver | undefined;
}

/** Conduct lines waiting for the end of their day, in parallel arrays (a long log has a million). */
interface Waiting {
  readonly events: LogEvent[];
  readonly lines: number[];
  readonly origins: (string | undefined)[];
}

const TERM_COUNT = TERM_IDS.length;
const TERM_INDEX = Object.fromEntries(TERM_IDS.map((term, index) => [term, index])) as Record<TermId, number>;
const ENDED_CODE = STATUS_CODES.indexOf('ended');

/** The calendar's view of a fold, as one object per fold rather than closures per step. */
class FoldCalendarView implements CalendarView {
  constructor(private readonly fold: { config: number; context: DealContext }) {}
  get context(): DealContext {
    return this.fold.context;
  }
  get agi(): AgiStatus {
    return kernelAgiStatus(this.fold.config);
  }
  termEnded(t: number): boolean {
    return DEAL_KERNEL.termStatusCode[this.fold.config * TERM_COUNT + t] === ENDED_CODE;
  }
}

/** The verdicts' view: the terms as they stood before the event, the context before and after. */
class FoldJudgeView implements JudgeView {
  before: DealContext;
  constructor(private readonly fold: { context: DealContext; maskBefore: number }) {
    this.before = fold.context;
  }
  get after(): DealContext {
    return this.fold.context;
  }
  holds(term: TermId): boolean {
    return ((this.fold.maskBefore >> TERM_INDEX[term]) & 1) === 1;
  }
}

const initialContexts = new WeakMap<object, DealContext>();

/** Initial contexts are immutable, so futures that share assumptions share one. */
function startContext(input: DealInput): DealContext {
  if (input.amendments !== undefined) return initialContext(input);
  let context = initialContexts.get(input.assumptions);
  if (context === undefined) {
    context = initialContext(input);
    initialContexts.set(input.assumptions, context);
  }
  return context;
}

export function startFold(input: DealInput, options: FoldOptions = {}): FoldState {
  const config = DEAL_KERNEL.initialConfig;
  const mask = DEAL_KERNEL.holdingMask[config] as number;
  const tracks: LeanTrack[] = new Array(TERM_COUNT);
  for (let t = 0; t < TERM_COUNT; t++) tracks[t] = new LeanTrack(EFFECTIVE_DATE, ((mask >> t) & 1) === 1);
  const fold = {
    config,
    context: startContext(input),
    dueConfig: -1,
    dueRules: null,
    dueAgi: null,
    maskBefore: mask,
    calendarView: undefined as unknown as CalendarView,
    judgeView: undefined as unknown as FoldJudgeView,
    today: EFFECTIVE_DATE,
    tracks,
    mask,
    due: null,
    verdicts: { permitted: 0, breach: 0, undetermined: 0, info: 0 },
    breaches: {},
    undetermined: {},
    amended: null,
    events: 0,
    historyAgiLines: 0,
    waiting: { events: [], lines: [], origins: [] },
    judgeTypes: options.judge,
    observer: options.observer,
  } as FoldState;
  (fold as { calendarView: CalendarView }).calendarView = new FoldCalendarView(fold);
  (fold as { judgeView: FoldJudgeView }).judgeView = new FoldJudgeView(fold);
  return fold;
}

/**
 * A fold's state after a shared first part of many futures (the real history), to start each of
 * them from without replaying that part again. Verdicts are not kept: a future started from a
 * snapshot counts the findings of its own events.
 */
export interface FoldSnapshot {
  readonly config: number;
  readonly context: DealContext;
  readonly today: IsoDate;
  readonly mask: number;
  readonly tracks: readonly LeanTrack[];
  readonly amended: ReadonlyMap<string, AppliedAt> | null;
  readonly events: number;
  readonly historyAgiLines: number;
}

/**
 * The state of `fold` at the end of its day, for {@link restartFold}: the day's conduct still
 * waiting is taken first, so a future started from it must begin on a later day. Later steps of
 * `fold` do not change it.
 */
export function snapshotFold(fold: FoldState): FoldSnapshot {
  if (fold.waiting.events.length > 0) settleDay(fold);
  return {
    config: fold.config,
    context: fold.context,
    today: fold.today,
    mask: fold.mask,
    tracks: fold.tracks.map((track) => new LeanTrack(EFFECTIVE_DATE, false).copyFrom(track)),
    amended: fold.amended === null ? null : new Map(fold.amended),
    events: fold.events,
    historyAgiLines: fold.historyAgiLines,
  };
}

/**
 * Starts `fold` over on a new future of `input`, as {@link startFold} would, reusing its objects:
 * Monte Carlo folds millions of futures of a few events each, where set-up would dominate. With
 * `from`, the future starts where the snapshot was taken (its context already holds `input`'s
 * assumptions: take it from a fold of the same input).
 */
export function restartFold(fold: FoldState, input: DealInput, from?: FoldSnapshot): void {
  if (from !== undefined) {
    restartFromSnapshot(fold, from);
    return;
  }
  const config = DEAL_KERNEL.initialConfig;
  const mask = DEAL_KERNEL.holdingMask[config] as number;
  fold.config = config;
  fold.context = startContext(input);
  fold.dueConfig = -1;
  fold.dueRules = null;
  fold.dueAgi = null;
  fold.maskBefore = mask;
  fold.today = EFFECTIVE_DATE;
  for (let t = 0; t < TERM_COUNT; t++) (fold.tracks[t] as LeanTrack).restart(EFFECTIVE_DATE, ((mask >> t) & 1) === 1);
  fold.mask = mask;
  fold.due = null;
  resetVerdicts(fold);
  fold.amended = null;
  fold.events = 0;
  fold.historyAgiLines = 0;
  clearWaiting(fold.waiting);
}

/** Forgets every verdict counted, as a new fold has none (one place, so no count is left behind). */
function resetVerdicts(fold: FoldState): void {
  fold.verdicts.permitted = 0;
  fold.verdicts.info = 0;
  if (fold.verdicts.breach > 0) fold.breaches = {};
  fold.verdicts.breach = 0;
  if (fold.verdicts.undetermined > 0) fold.undetermined = {};
  fold.verdicts.undetermined = 0;
}

function restartFromSnapshot(fold: FoldState, from: FoldSnapshot): void {
  fold.config = from.config;
  fold.context = from.context;
  fold.dueConfig = -1;
  fold.dueRules = null;
  fold.dueAgi = null;
  fold.maskBefore = from.mask;
  fold.today = from.today;
  for (let t = 0; t < TERM_COUNT; t++) (fold.tracks[t] as LeanTrack).copyFrom(from.tracks[t] as LeanTrack);
  fold.mask = from.mask;
  fold.due = null;
  resetVerdicts(fold);
  fold.amended = from.amended as Map<string, AppliedAt> | null; // shared: folding an amendment replaces the map
  fold.events = from.events;
  fold.historyAgiLines = from.historyAgiLines;
  clearWaiting(fold.waiting);
}

function clearWaiting(waiting: Waiting): void {
  waiting.events.length = 0;
  waiting.lines.length = 0;
  waiting.origins.length = 0;
}

/** Steps the kernel and records what changed; `line` is null for calendar events, `origin` a history line's. */
function apply(fold: FoldState, event: DealEvent, line: number | null, origin?: string): void {
  fold.today = event.date;
  if (!kernelMove(fold.config, fold.context, event)) return;
  const config = moved.config;
  const context = moved.context;
  fold.config = config;
  fold.context = context;
  if (fold.dueConfig !== config || fold.dueRules !== context.rules || fold.dueAgi !== context.agi) fold.due = null;
  const mask = DEAL_KERNEL.holdingMask[config] as number;
  if (mask === fold.mask) return;
  const cause: Cause =
    origin === undefined
      ? { date: event.date, line, event: event.type }
      : { date: event.date, line, event: event.type, origin };
  const changed = mask ^ fold.mask;
  for (let t = 0; t < TERM_COUNT; t++) {
    if ((changed >> t) & 1) (fold.tracks[t] as LeanTrack).observe(((mask >> t) & 1) === 1, cause);
  }
  fold.mask = mask;
}

/**
 * Takes the conduct lines waiting from `date` or before, then delivers the calendar deadlines due
 * on or before `date` (everything, when undefined): the fold as it stands on that day.
 */
export function foldCalendar(fold: FoldState, date: IsoDate | undefined): void {
  const first = fold.waiting.events[0];
  if (first !== undefined && (date === undefined || first.date <= date)) settleDay(fold);
  deliverDue(fold, date);
}

/** Takes every conduct line waiting (they share one day), in the log's order. */
function settleDay(fold: FoldState): void {
  const { events, lines, origins } = fold.waiting;
  const count = events.length;
  for (let i = 0; i < count; i++) takeLine(fold, events[i] as LogEvent, lines[i] as number, origins[i]);
  clearWaiting(fold.waiting);
}

/** Delivers calendar deadlines due on or before `date` (all of them when undefined). */
function deliverDue(fold: FoldState, date: IsoDate | undefined): void {
  for (;;) {
    if (fold.due === null) {
      fold.due = nextCalendarEvent(fold.calendarView, fold.today);
      fold.dueConfig = fold.config;
      fold.dueRules = fold.context.rules;
      fold.dueAgi = fold.context.agi;
    }
    const due = fold.due;
    if (due === undefined || (date !== undefined && due.date > date)) return;
    fold.due = null;
    apply(fold, due, null);
    fold.observer?.step({ date: due.date, line: null, event: due.type }, fold.mask, 0, NO_FINDINGS);
  }
}

/** Folds one log event in, after the calendar deadlines due by its date. */
export function foldEvent(fold: FoldState, { line, event, origin }: LoggedEvent): void {
  foldLogEvent(fold, event, line, origin);
}

/** The fold whose verdicts {@link count} adds to; folds never interleave within one event. */
let counting: FoldState | undefined;

/** A judgement sink that counts, and never formats the reason. */
function count(verdict: Verdict, clause: Citation): void {
  const fold = counting as FoldState;
  fold.verdicts[verdict]++;
  if (verdict === 'breach') fold.breaches[clause] = (fold.breaches[clause] ?? 0) + 1;
  else if (verdict === 'undetermined') fold.undetermined[clause] = (fold.undetermined[clause] ?? 0) + 1;
}

/**
 * {@link foldEvent} without the wrapper object, for callers that generate events; `origin` names
 * the history a line belongs to (see `LoggedEvent.origin`). Refusals are `replay()`'s, word for word.
 * As in `replay()`, a day's AGI steps and amendments are taken at once and its conduct when the
 * day is over (a later line, {@link foldCalendar}, {@link finishFold} or {@link snapshotFold}):
 * read the fold's counts and context after one of those.
 */
export function foldLogEvent(fold: FoldState, event: LogEvent, line: number, origin?: string): void {
  if (event.date < fold.today) {
    throw new InputError(`the event is dated ${event.date}, before ${fold.today} reached by earlier lines`, {
      ...placeOf(line, origin),
      hint: 'a log runs in date order: move the line up or correct its date',
    });
  }
  // On each day the AGI steps and amendments are taken first, then the day's conduct, as replay() does.
  const waiting = fold.waiting;
  if (waiting.events.length > 0 && (waiting.events[0] as LogEvent).date < event.date) settleDay(fold);
  if (changesRules(event)) return takeLine(fold, event, line, origin);
  deliverDue(fold, event.date);
  fold.today = event.date;
  waiting.events.push(event);
  waiting.lines.push(line);
  waiting.origins.push(origin);
}

/** One line taken: the kernel steps on it and its conduct, if any, is judged. */
function takeLine(fold: FoldState, event: LogEvent, line: number, origin: string | undefined): void {
  deliverDue(fold, event.date);
  const configBefore = fold.config;
  const contextBefore = fold.context;
  if (event.type === 'agreement.amended') {
    const refused = amendmentRefusal(
      event.amendment,
      placeOf(line, origin),
      origin,
      contextBefore,
      fold.amended?.get(event.amendment),
    );
    if (refused) throw refused;
    // A new map, never an added entry: snapshots share theirs with every future started from them.
    fold.amended = new Map(fold.amended).set(event.amendment, { line, origin });
  }
  fold.maskBefore = fold.mask;
  apply(fold, event, line, origin);
  if (isAgiEvent(event) && kernelAgiStatus(fold.config) === kernelAgiStatus(configBefore)) {
    throw agiRefusal(
      event,
      placeOf(line, origin),
      kernelAgiStatus(configBefore),
      contextBefore,
      orAloneHint(fold.historyAgiLines > 0, origin),
    );
  }
  fold.events++;
  if (origin !== undefined && isAgiEvent(event)) fold.historyAgiLines++;
  fold.judgeView.before = contextBefore;
  if (fold.observer !== undefined) return observeLogEvent(fold, fold.observer, event, line, origin);
  if (fold.judgeTypes !== undefined && !fold.judgeTypes.has(event.type)) return;
  counting = fold;
  judgeEach(event, fold.judgeView, count);
}

const NO_FINDINGS: readonly ObservedFinding[] = [];

/** {@link foldLogEvent}'s judging when an observer watches: every finding, then the step. */
function observeLogEvent(
  fold: FoldState,
  observer: FoldObserver,
  event: LogEvent,
  line: number,
  origin: string | undefined,
): void {
  let findings = 0;
  let marked: ObservedFinding[] | undefined;
  judgeEach(event, fold.judgeView, (verdict, clause, reason, coveredBy, openness) => {
    findings++;
    fold.verdicts[verdict]++;
    if (verdict === 'breach') fold.breaches[clause] = (fold.breaches[clause] ?? 0) + 1;
    else if (verdict === 'undetermined') fold.undetermined[clause] = (fold.undetermined[clause] ?? 0) + 1;
    const open: Openness | undefined = openness?.();
    const finding: ObservedFinding = {
      line,
      origin,
      date: event.date,
      type: event.type,
      verdict,
      clause,
      reason: reason(),
      status: event.status ?? 'hypothetical',
      source: event.source,
      coveredBy,
      missingFacts: open?.missingFacts,
      outcomes: open?.outcomes,
    };
    observer.finding(finding);
    if (verdict === 'breach' || verdict === 'undetermined') (marked ??= []).push(finding);
  });
  const cause: Cause =
    origin === undefined
      ? { date: event.date, line, event: event.type }
      : { date: event.date, line, event: event.type, origin };
  observer.step(cause, fold.mask, findings, marked ?? NO_FINDINGS);
}

/** Delivers every remaining deadline; the tracks are then final. */
export function closeFold(fold: FoldState): void {
  foldCalendar(fold, undefined);
}

/**
 * A finished fold's answer. A class with the lazy `timelines` on its prototype: an object
 * literal with its own getter made every result survive a young-generation collection, which
 * cost short futures a third of their time in the garbage collector (issue 5).
 */
class FoldedResult implements Folded {
  readonly agi: AgiStatus;
  readonly context: DealContext;
  readonly verdicts: VerdictCounts;
  readonly breaches: Readonly<Partial<Record<Citation, number>>>;
  readonly undetermined: Readonly<Partial<Record<Citation, number>>>;
  readonly events: number;
  readonly lastEventDate: IsoDate;
  private built: Record<TermId, Interval[]> | undefined;
  private readonly tracks: readonly LeanTrack[];

  constructor(fold: FoldState, lastEventDate: IsoDate) {
    this.agi = kernelAgiStatus(fold.config);
    this.context = fold.context;
    this.verdicts = fold.verdicts;
    this.breaches = fold.breaches;
    this.undetermined = fold.undetermined;
    this.events = fold.events;
    this.lastEventDate = lastEventDate;
    this.built = undefined;
    this.tracks = fold.tracks;
  }

  get timelines(): Readonly<Record<TermId, readonly Interval[]>> {
    this.built ??= Object.fromEntries(
      TERM_IDS.map((term, t) => [term, (this.tracks[t] as LeanTrack).intervals()]),
    ) as Record<TermId, Interval[]>;
    return this.built;
  }
}

/**
 * Delivers every remaining deadline and closes the books. The timelines are built when first
 * read, so a caller that needs only counts or the context does not pay for them.
 */
export function finishFold(fold: FoldState): Folded {
  const lastEventDate = fold.today;
  closeFold(fold);
  return new FoldedResult(fold, lastEventDate);
}

/** Replays a whole future on the lean fold; throws an {@link InputError} for an invalid one. */
export function foldEvents(events: Iterable<LoggedEvent>, input: DealInput, options: FoldOptions = {}): Folded {
  const fold = startFold(input, options);
  for (const logged of events) foldEvent(fold, logged);
  return finishFold(fold);
}

/**
 * Replay is a fold: every log event, and every calendar deadline the rules imply, goes through
 * the statechart in date order. The fold validates the AGI process against the chart itself
 * (an AGI event the chart does not take makes the future invalid), judges conduct, and records
 * term intervals. Nothing here reads a clock or a file.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { DEFAULT_ASSUMPTIONS } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE, type IsoDate } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { DealEvent } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { nextCalendarEvent } from './calendar.ts';
import { type AgiStatus, type Engine, xstateEngine } from './engine.ts';
import { type Finding, judge, UNTIL } from './findings.ts';
import { type Cause, type Interval, intervalsOf, observe, openTrack, type Track } from './intervals.ts';
import {
  type AppliedAt,
  agiRefusal,
  amendmentRefusal,
  changesRules,
  isAgiEvent,
  orAloneHint,
  placeOf,
} from './refusals.ts';

/** One step of the fold, for observers such as the report's stepper. */
export interface ReplayStep {
  readonly cause: Cause;
  readonly event: DealEvent;
  readonly findings: readonly Finding[];
  /** Terms holding after the step. */
  readonly holding: readonly TermId[];
  readonly agi: AgiStatus;
  readonly stateValue: Record<string, string>;
}

/** The fold's accumulator. Its arrays are append-only and owned by the fold. */
export interface ReplayState<S> {
  readonly machine: S;
  readonly input: DealInput;
  /** The date the replay has reached. */
  readonly today: IsoDate;
  readonly tracks: Readonly<Record<TermId, Track>>;
  readonly findings: Finding[];
  /** Where each amendment applied so far was applied, by amendment ID. */
  readonly amendedOn: Readonly<Record<string, AppliedAt>>;
  /** How many AGI-process lines of the history (see `LoggedEvent.origin`) the replay has taken so far. */
  readonly historyAgiLines: number;
  /**
   * The conduct lines of `today` not taken yet: they wait for the day's AGI steps and amendments,
   * which take effect for the whole day (see {@link replayEvent}). Appended in place, like `findings`.
   */
  readonly waiting: LoggedEvent[];
}

/**
 * How to replay: the engine (the XState reference by default) and an observer called after every
 * step.
 */
export interface ReplayOptions<S = unknown> {
  readonly engine?: Engine<S>;
  /** Called after every step, calendar steps included. */
  readonly onStep?: (step: ReplayStep) => void;
}

export function startReplay<S>(engine: Engine<S>, input: DealInput): ReplayState<S> {
  const machine = engine.start(input);
  const tracks = Object.fromEntries(
    TERM_IDS.map((term) => [term, openTrack(EFFECTIVE_DATE, engine.termStatus(machine, term) === 'holding')]),
  ) as Record<TermId, Track>;
  return {
    machine,
    input,
    today: EFFECTIVE_DATE,
    tracks,
    findings: [],
    amendedOn: {},
    historyAgiLines: 0,
    waiting: [],
  };
}

/**
 * Folds one log event in, after the calendar deadlines due by its date. An event dated D takes
 * effect on D (CLAUSES.md) and conduct is judged by what holds on its date, so on each day the
 * AGI steps and amendments are taken first and the day's conduct after them, in the log's order:
 * a conduct line waits in `waiting` until the log reaches a later day or ends.
 */
export function replayEvent<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  logged: LoggedEvent,
  onStep?: (step: ReplayStep) => void,
): ReplayState<S> {
  const { event } = logged;
  if (event.date < state.today) {
    throw new InputError(`the event is dated ${event.date}, before ${state.today} reached by earlier lines`, {
      ...placeOf(logged.line, logged.origin),
      hint: 'a log runs in date order: move the line up or correct its date',
    });
  }
  const settled = settleDay(engine, state, (day) => day < event.date, onStep);
  if (changesRules(event)) return takeLine(engine, settled, logged, onStep);
  const current = deliverDue(engine, settled, event.date, onStep);
  // In place: copying the list for every line made a day of n conduct lines cost n² copies.
  current.waiting.push(logged);
  return current.today === event.date ? current : { ...current, today: event.date };
}

/** Takes the conduct lines waiting, when their day (they share one) is `done`. */
function settleDay<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  done: (day: IsoDate) => boolean,
  onStep?: (step: ReplayStep) => void,
): ReplayState<S> {
  const [first] = state.waiting;
  if (first === undefined || !done(first.event.date)) return state;
  let current: ReplayState<S> = { ...state, waiting: [] };
  for (const logged of state.waiting) current = takeLine(engine, current, logged, onStep);
  return current;
}

/** One line taken: the chart steps on it and its conduct, if any, is judged. */
function takeLine<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  logged: LoggedEvent,
  onStep?: (step: ReplayStep) => void,
): ReplayState<S> {
  const { line, event, origin } = logged;
  let current = deliverDue(engine, state, event.date, onStep);
  checkAccepted(engine, current, logged);
  const before = current.machine;
  // Read the state before stepping: a live actor engine steps in place, so `before` is the new state after.
  const contextBefore = engine.context(before);
  const holdingBefore = new Set(TERM_IDS.filter((term) => engine.termStatus(before, term) === 'holding'));
  const machine = engine.step(before, event);
  const context = engine.context(machine);
  const findings = judge(
    event,
    line,
    {
      holds: (term) => holdingBefore.has(term),
      before: contextBefore,
      after: context,
    },
    origin,
  );
  for (const finding of findings) current.findings.push(finding);
  const amendedOn =
    event.type === 'agreement.amended'
      ? { ...current.amendedOn, [event.amendment]: { line, origin } }
      : current.amendedOn;
  const historyAgiLines = current.historyAgiLines + (origin !== undefined && isAgiEvent(event) ? 1 : 0);
  current = { ...current, machine, today: event.date, amendedOn, historyAgiLines };
  const cause =
    origin === undefined
      ? { date: event.date, line, event: event.type }
      : { date: event.date, line, event: event.type, origin };
  record(engine, current, cause, event, findings, onStep);
  return current;
}

/**
 * Takes every conduct line waiting from `date` or before, then delivers the calendar deadlines due
 * on or before `date` (everything, when `date` is undefined): the state as it stands on that day.
 */
export function deliverCalendar<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  date: IsoDate | undefined,
  onStep?: (step: ReplayStep) => void,
): ReplayState<S> {
  const settled = settleDay(engine, state, (day) => date === undefined || day <= date, onStep);
  return deliverDue(engine, settled, date, onStep);
}

/** Delivers calendar deadlines due on or before `date` (all of them when `date` is undefined). */
function deliverDue<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  date: IsoDate | undefined,
  onStep?: (step: ReplayStep) => void,
): ReplayState<S> {
  let current = state;
  for (;;) {
    const machine = current.machine;
    const due = nextCalendarEvent(
      {
        context: engine.context(machine),
        agi: engine.agiStatus(machine),
        termEnded: (t) => engine.termStatus(machine, TERM_IDS[t] as TermId) === 'ended',
      },
      current.today,
    );
    if (!due || (date !== undefined && due.date > date)) return current;
    current = { ...current, machine: engine.step(machine, due), today: due.date };
    record(engine, current, { date: due.date, line: null, event: due.type }, due, [], onStep);
  }
}

function record<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  cause: Cause,
  event: DealEvent,
  findings: readonly Finding[],
  onStep?: (step: ReplayStep) => void,
): void {
  const holding: TermId[] = [];
  for (const term of TERM_IDS) {
    const holds = engine.termStatus(state.machine, term) === 'holding';
    observe(state.tracks[term], holds, cause);
    if (holds) holding.push(term);
  }
  onStep?.({
    cause,
    event,
    findings,
    holding,
    agi: engine.agiStatus(state.machine),
    stateValue: engine.stateValue(state.machine),
  });
}

/**
 * The chart decides which AGI events a future may contain: every valid one moves the AGI region
 * (none → pending → verified | rejected → pending). One that leaves it where it was is refused.
 */
function checkAccepted<S>(engine: Engine<S>, state: ReplayState<S>, logged: LoggedEvent): void {
  const { event, line, origin } = logged;
  const place = placeOf(line, origin);
  // A user line the history contradicts can still be replayed on the deal as signed: the refusals say how.
  const context = engine.context(state.machine);
  if (event.type === 'agreement.amended') {
    const earlier = Object.hasOwn(state.amendedOn, event.amendment) ? state.amendedOn[event.amendment] : undefined;
    const refused = amendmentRefusal(event.amendment, place, origin, context, earlier);
    if (refused) throw refused;
    return;
  }
  if (!isAgiEvent(event)) return;
  const agi = engine.agiStatus(state.machine);
  if (engine.agiStatus(engine.step(state.machine, event)) !== agi) return;
  throw agiRefusal(event, place, agi, context, orAloneHint(state.historyAgiLines > 0, origin));
}

/** What a replay answers: the AGI process, every term's intervals, the findings and the ledger. */
export interface Replayed {
  readonly input: DealInput;
  readonly agi: AgiStatus;
  readonly context: ReturnType<Engine<unknown>['context']>;
  readonly timelines: Readonly<Record<TermId, readonly Interval[]>>;
  readonly findings: readonly Finding[];
  /** The date of the last log event replayed (the effective date for an empty log). */
  readonly lastEventDate: IsoDate;
}

/** Delivers every remaining calendar deadline and closes the books. */
export function finishReplay<S>(
  engine: Engine<S>,
  state: ReplayState<S>,
  onStep?: (step: ReplayStep) => void,
): Replayed {
  const lastEventDate = state.today;
  const done = deliverCalendar(engine, state, undefined, onStep);
  const timelines = Object.fromEntries(TERM_IDS.map((term) => [term, intervalsOf(done.tracks[term])])) as Record<
    TermId,
    Interval[]
  >;
  const findings = done.findings.map((finding) => fillCoverage(finding, timelines));
  return {
    input: done.input,
    agi: engine.agiStatus(done.machine),
    context: engine.context(done.machine),
    timelines,
    findings,
    lastEventDate,
  };
}

/** Model-release findings name the end of the rights that cover the model, known only at the end. */
export function fillCoverage(finding: Finding, timelines: Readonly<Record<TermId, readonly Interval[]>>): Finding {
  if (!finding.coveredBy) return finding;
  const until = coveredUntil(timelines[finding.coveredBy], finding.date);
  const fill = (text: string) => text.replaceAll(UNTIL, until);
  return {
    ...finding,
    reason: fill(finding.reason),
    ...(finding.outcomes && {
      outcomes: finding.outcomes.map((outcome) => ({ ...outcome, reason: fill(outcome.reason) })),
    }),
  };
}

/**
 * What {@link UNTIL} in a model-release finding of `date` reads, from the covering term's finished
 * timeline: the end of its interval that held on `date`, "no end date", or `date` itself when a
 * later line of the same day closed or emptied it.
 */
export function coveredUntil(covering: readonly Interval[], date: IsoDate): string {
  // The term held when the release was judged, so its interval is the last one begun by that day; a
  // later line of the same day may have closed it on that very date (or emptied it, and it was dropped).
  const interval = covering.findLast((candidate) => candidate.from <= date);
  const held = interval && (interval.until === null || interval.until >= date);
  return held ? (interval.until ?? 'no end date') : date;
}

/**
 * Replays a whole future. With `until`, only events dated up to it count (the calendar still
 * arrives, so intervals run on), and the AGI process and ledger are those of that day. Throws an {@link InputError} for an invalid
 * future, whether the invalid line comes before `until` or after it; nothing is half-applied because nothing is returned.
 */
export function replay<S = unknown>(
  events: Iterable<LoggedEvent>,
  input: Partial<DealInput> = {},
  options: ReplayOptions<S> & { readonly until?: IsoDate } = {},
): Replayed {
  const engine = (options.engine ?? xstateEngine) as Engine<S>;
  const fullInput: DealInput = { ...input, assumptions: input.assumptions ?? DEFAULT_ASSUMPTIONS };
  const { until, onStep } = options;
  let lines = events;
  if (until !== undefined) {
    const all = [...events];
    // Invariant 8: a log is valid or invalid as a whole, so the lines after `until` must form a
    // valid future too, even though they do not count for the status on that day.
    if (all.some(({ event }) => event.date > until)) replay(all, input, { engine });
    lines = all;
  }
  let state = startReplay(engine, fullInput);
  for (const logged of lines) {
    if (until !== undefined && logged.event.date > until) break;
    state = replayEvent(engine, state, logged, onStep);
  }
  if (until === undefined) return finishReplay(engine, state, onStep);
  // The AGI process and the ledger as they stood on `until`; the intervals run on past it.
  state = deliverCalendar(engine, state, until, onStep);
  const asOf = { agi: engine.agiStatus(state.machine), context: engine.context(state.machine) };
  return { ...finishReplay(engine, state, onStep), ...asOf };
}

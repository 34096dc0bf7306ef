/**
 * Today's deal (CLAUSES.md, "Today's deal: futures branch from the real history"): a question
 * about the future is a question about the deal as it stands, so the real history (amendments
 * and public conduct since 2025-10-28, each line with its source and status) is the first part
 * of every future. The user's hypothetical events are merged after it by date, history lines
 * first on the same date. Replaying without it, on the deal as signed, is an explicit choice.
 * Pure: the store reads the files.
 */
import { BUILT_IN_AMENDMENTS } from '../domain/amendments.ts';
import { EFFECTIVE_DATE, type IsoDate } from '../domain/dates.ts';
import { countOf } from '../domain/numbers.ts';
import { type LoggedEvent, lineRef, parseLog } from '../log/parse.ts';

/** A history: the dated events every future of a run starts from. */
export interface History {
  /** `builtin` (the real history shipped with dealsim), `none`, or the history file as named. */
  readonly id: string;
  /** How people read it in one line: `real history`, `no history`, `history FILE`. */
  readonly label: string;
  /** Its lines, each with `origin` set, so that findings and errors say `history:4`. */
  readonly events: readonly LoggedEvent[];
}

/** What line references of the built-in history read: `history:4`. */
export const BUILTIN_HISTORY_ORIGIN = 'history';

/** The user's events alone, on the deal as signed on 2025-10-28 (`--history none`). */
export const NO_HISTORY: History = { id: 'none', label: 'no history', events: [] };

/**
 * Parses a history log (same format and checks as any log). `id` is `builtin` or the file's
 * name; errors and findings name its lines `${origin}:N`. Throws the parser's `InputError`,
 * placed in `origin`, for an invalid line.
 */
export function parseHistory(text: string, id: string, origin: string): History {
  const events = parseLog(text, origin).map((logged) => ({ ...logged, origin }));
  return { id, label: id === 'builtin' ? 'real history' : `history ${id}`, events };
}

/**
 * The future as replayed: the history's lines and the user's merged by date, history lines
 * first on the same date. Lazy, so a streamed log stays streamed; both inputs are in date order
 * (the parser refuses a log that is not), so the result is too. Closing the result early (a
 * `break`, an error in the loop) closes `own`, so a streamed log's file is closed.
 */
export function branchFrom(history: History, own: Iterable<LoggedEvent>): IterableIterator<LoggedEvent> {
  return new Branch(history.events, own[Symbol.iterator]());
}

/**
 * {@link branchFrom}'s iterator. A class rather than a generator: once the history is used up,
 * each of the user's events is handed on as its own iterator gave it, with no resume and no new
 * result (a long log has a million of them).
 */
class Branch implements IterableIterator<LoggedEvent> {
  /** History lines taken so far. */
  private taken = 0;
  /** The user's next event, read but not yet handed on. */
  private held: LoggedEvent | undefined;
  private ownDone = false;

  constructor(
    private readonly past: readonly LoggedEvent[],
    private readonly own: Iterator<LoggedEvent>,
  ) {}

  [Symbol.iterator](): IterableIterator<LoggedEvent> {
    return this;
  }

  next(): IteratorResult<LoggedEvent> {
    const past = this.past;
    if (this.taken === past.length && this.held === undefined) return this.own.next();
    if (this.held === undefined && !this.ownDone) {
      const result = this.own.next();
      if (result.done) this.ownDone = true;
      else this.held = result.value;
    }
    const line = past[this.taken];
    const held = this.held;
    if (line !== undefined && (held === undefined || line.event.date <= held.event.date)) {
      this.taken++;
      return { value: line, done: false };
    }
    if (held !== undefined) {
      this.held = undefined;
      return { value: held, done: false };
    }
    return { value: undefined, done: true };
  }

  return(value?: unknown): IteratorResult<LoggedEvent> {
    this.own.return?.(value);
    this.taken = this.past.length;
    this.held = undefined;
    return { value: undefined, done: true };
  }
}

/**
 * `history` without one of its lines (`simulate --without` naming a history amendment): its
 * label says which, so that every output names the deal it was computed on.
 */
export function historyWithout(history: History, removed: LoggedEvent): History {
  const events = history.events.filter(({ line, origin }) => line !== removed.line || origin !== removed.origin);
  if (events.length === history.events.length) return history;
  return { ...history, label: `${history.label} without ${lineRef(removed.line, removed.origin)}`, events };
}

/** Which history a result was computed on, and up to which date: the `history` field of `--json`. */
export interface HistoryUsed {
  /** `builtin`, `none`, or the history file. */
  readonly id: string;
  readonly label: string;
  /** The date of the last history line replayed; null when none was. */
  readonly lastDate: IsoDate | null;
  /** History lines replayed (those dated up to `--at`, when given). */
  readonly events: number;
  /** Lines the history holds in all. */
  readonly totalEvents: number;
  /** The amendments the replayed history lines apply, as their source IDs (S3, S4) or IDs. */
  readonly amendments: readonly string[];
}

/** The part of `history` a replay up to `until` (the whole history without it) takes. */
export function historyUsed(history: History, until?: IsoDate): HistoryUsed {
  const taken = until === undefined ? history.events : history.events.filter(({ event }) => event.date <= until);
  const amendments = taken.flatMap(({ event }) =>
    event.type === 'agreement.amended' ? [amendmentName(event.amendment)] : [],
  );
  return {
    id: history.id,
    label: history.label,
    lastDate: taken.at(-1)?.event.date ?? null,
    events: taken.length,
    totalEvents: history.events.length,
    amendments,
  };
}

/** S3, S4 for the built-in amendments (their CLAUSES.md source); the ID for any other. */
function amendmentName(id: string): string {
  const source = Object.hasOwn(BUILT_IN_AMENDMENTS, id) ? BUILT_IN_AMENDMENTS[id]?.source : undefined;
  return source !== undefined && /^S\d$/.test(source) ? source : id;
}

/**
 * The one line every output for people starts with, e.g. "Deal as of 2026-06-01: real history,
 * 9 events, amendments S3 and S4 applied" or "Deal as signed on 2025-10-28: no history
 * (--history none)".
 */
export function describeHistory(used: HistoryUsed): string {
  if (used.totalEvents === 0) return `Deal as signed on ${EFFECTIVE_DATE}: ${used.label} (--history none)`;
  const count =
    used.events === used.totalEvents
      ? countOf(used.events, 'event')
      : `${used.events} of its ${countOf(used.totalEvents, 'event')}`;
  const amended =
    used.amendments.length === 0
      ? 'no amendment applied'
      : `amendment${used.amendments.length === 1 ? '' : 's'} ${joinAnd(used.amendments)} applied`;
  return `Deal as of ${used.lastDate ?? EFFECTIVE_DATE}: ${used.label}, ${count}, ${amended}`;
}

/** A few words for a picture's label: "real history to 2026-06-01", "deal as signed". */
export function historyTag(used: HistoryUsed): string {
  if (used.totalEvents === 0) return 'deal as signed';
  return `${used.label} to ${used.lastDate ?? EFFECTIVE_DATE}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

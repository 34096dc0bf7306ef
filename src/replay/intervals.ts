/**
 * Term timelines as half-open intervals `[from, until)` over calendar days. Built while the
 * replay folds: a term opens when its region starts holding and closes when it stops. Empty
 * intervals are dropped and touching ones merged, as CLAUSES.md requires.
 */
import type { IsoDate } from '../domain/dates.ts';
import { lineRef } from '../log/parse.ts';

/** What changed a term: a log line, or a calendar date the replay delivered itself. */
export interface Cause {
  readonly date: IsoDate;
  /** 1-based line of the log event; null for calendar events and the effective date. */
  readonly line: number | null;
  /** The history the line belongs to, when it is not the user's own (see `LoggedEvent.origin`). */
  readonly origin?: string;
  /** The event type, e.g. `panel.verified`, `calendar.sunset`, `panel.lapsed`. */
  readonly event: string;
}

/**
 * A span of days in which a term holds: from its first day to the first day it no longer holds,
 * with the causes at both ends.
 */
export interface Interval {
  readonly from: IsoDate;
  /** First day it no longer holds; null when nothing in the future ends it. */
  readonly until: IsoDate | null;
  readonly startedBy: Cause | null;
  readonly endedBy: Cause | null;
}

/** One term's intervals so far; the last may still be open. Owned by the replay that builds it. */
export interface Track {
  readonly closed: Interval[];
  open: { readonly from: IsoDate; readonly startedBy: Cause | null } | null;
}

export function openTrack(from: IsoDate, holds: boolean): Track {
  return { closed: [], open: holds ? { from, startedBy: null } : null };
}

/** Records whether the term holds after `cause`; a no-op when nothing changed. */
export function observe(track: Track, holds: boolean, cause: Cause): void {
  if (holds && !track.open) {
    const last = track.closed.at(-1);
    if (last && last.until === cause.date) {
      track.closed.pop(); // touching: the term never stopped holding for a whole day
      track.open = { from: last.from, startedBy: last.startedBy };
    } else {
      track.open = { from: cause.date, startedBy: cause };
    }
  } else if (!holds && track.open) {
    if (track.open.from < cause.date) {
      track.closed.push({ ...track.open, until: cause.date, endedBy: cause });
    }
    track.open = null;
  }
}

/** The whole timeline, the open interval last with `until: null`. */
export function intervalsOf(track: Track): Interval[] {
  return track.open ? [...track.closed, { ...track.open, until: null, endedBy: null }] : [...track.closed];
}

/** The interval holding on `date`, if any. */
export function intervalOn(intervals: readonly Interval[], date: IsoDate): Interval | undefined {
  return intervals.find((interval) => interval.from <= date && (interval.until === null || date < interval.until));
}

/** `line 4: panel.verified`, `calendar 2031-01-01: sunset (through 2030)`, `calendar …: panel.lapsed`. */
export function describeCause(cause: Cause): string {
  if (cause.line !== null) return `${lineRef(cause.line, cause.origin)}: ${cause.event}`;
  // An amended sunset may fall on any day; only a 1 January one reads as "through" a year.
  const through = cause.date.endsWith('-01-01') ? ` (through ${Number(cause.date.slice(0, 4)) - 1})` : '';
  const what = cause.event === 'calendar.sunset' ? `sunset${through}` : cause.event;
  return `calendar ${cause.date}: ${what}`;
}

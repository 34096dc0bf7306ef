/**
 * A term's intervals as the lean fold records them: one flat array of four slots per interval
 * (from, until, startedBy, endedBy) instead of an object per interval, with the bookkeeping of
 * src/replay/intervals.ts (`observe`): empty intervals are dropped and touching ones merged.
 * Interval objects are built only when asked for; the differential test checks they equal the
 * reference fold's. One array per term keeps a short future's set-up to a few allocations.
 */
import type { IsoDate } from '../domain/dates.ts';
import type { Cause, Interval } from '../replay/intervals.ts';

const FROM = 0;
const UNTIL = 1;
const STARTED_BY = 2;
const ENDED_BY = 3;
const SLOTS = 4;

export class LeanTrack {
  /** `[from, until, startedBy, endedBy]` per interval; `until` is null for an open last interval. */
  private readonly data: (IsoDate | Cause | null)[];
  isOpen: boolean;

  constructor(from: IsoDate, holds: boolean) {
    this.data = holds ? [from, null, null, null] : [];
    this.isOpen = holds;
  }

  /** Forgets every interval and starts again as the constructor does, keeping the array. */
  restart(from: IsoDate, holds: boolean): void {
    const data = this.data;
    // Setting an array's length is a runtime call; most restarts find the array already at the size they need.
    const size = holds ? SLOTS : 0;
    if (data.length !== size) data.length = size;
    if (holds) {
      data[FROM] = from;
      data[UNTIL] = null;
      data[STARTED_BY] = null;
      data[ENDED_BY] = null;
    }
    this.isOpen = holds;
  }

  /** Becomes a copy of `other` (its causes are shared: they are never changed), keeping this array. */
  copyFrom(other: LeanTrack): this {
    const data = this.data;
    const source = other.data;
    if (data.length !== source.length) data.length = source.length;
    for (let i = 0; i < source.length; i++) data[i] = source[i] as IsoDate | Cause | null;
    this.isOpen = other.isOpen;
    return this;
  }

  /** Number of intervals recorded. */
  get count(): number {
    return this.data.length / SLOTS;
  }

  fromAt(i: number): IsoDate {
    return this.data[i * SLOTS + FROM] as IsoDate;
  }

  /** null while interval `i` is open. */
  untilAt(i: number): IsoDate | null {
    return this.data[i * SLOTS + UNTIL] as IsoDate | null;
  }

  endedByAt(i: number): Cause | null {
    return this.data[i * SLOTS + ENDED_BY] as Cause | null;
  }

  /** Records whether the term holds after `cause`; a no-op when nothing changed. */
  observe(holds: boolean, cause: Cause): void {
    const data = this.data;
    const last = data.length - SLOTS;
    if (holds && !this.isOpen) {
      if (last >= 0 && data[last + UNTIL] === cause.date) {
        // Touching: the term never stopped holding for a whole day.
        data[last + UNTIL] = null;
        data[last + ENDED_BY] = null;
      } else data.push(cause.date, null, cause, null);
      this.isOpen = true;
    } else if (!holds && this.isOpen) {
      if ((data[last + FROM] as IsoDate) < cause.date) {
        data[last + UNTIL] = cause.date;
        data[last + ENDED_BY] = cause;
      } else data.length = last;
      this.isOpen = false;
    }
  }

  /** The whole timeline, the open interval last with `until: null`. */
  intervals(): Interval[] {
    const out: Interval[] = [];
    for (let i = 0; i < this.count; i++) {
      out.push({
        from: this.fromAt(i),
        startedBy: this.data[i * SLOTS + STARTED_BY] as Cause | null,
        until: this.untilAt(i),
        endedBy: this.endedByAt(i),
      });
    }
    return out;
  }
}

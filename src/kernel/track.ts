/**
 * A term's intervals as the lean fold records them: parallel arrays instead of an object per
 * interval, with the bookkeeping of src/replay/intervals.ts (`observe`): empty intervals are
 * dropped and touching ones merged. Interval objects are built only when asked for; the
 * differential test checks they equal the reference fold's.
 */
import type { IsoDate } from '../domain/dates.ts';
import type { Cause, Interval } from '../replay/intervals.ts';

export class LeanTrack {
  readonly from: IsoDate[] = [];
  /** null for the last interval while it is open. */
  readonly until: (IsoDate | null)[] = [];
  readonly startedBy: (Cause | null)[] = [];
  readonly endedBy: (Cause | null)[] = [];
  isOpen = false;

  constructor(from: IsoDate, holds: boolean) {
    if (holds) this.push(from, null);
  }

  private push(from: IsoDate, startedBy: Cause | null): void {
    this.from.push(from);
    this.until.push(null);
    this.startedBy.push(startedBy);
    this.endedBy.push(null);
    this.isOpen = true;
  }

  /** Records whether the term holds after `cause`; a no-op when nothing changed. */
  observe(holds: boolean, cause: Cause): void {
    const last = this.from.length - 1;
    if (holds && !this.isOpen) {
      if (last >= 0 && this.until[last] === cause.date) {
        // Touching: the term never stopped holding for a whole day.
        this.until[last] = null;
        this.endedBy[last] = null;
        this.isOpen = true;
      } else this.push(cause.date, cause);
    } else if (!holds && this.isOpen) {
      if ((this.from[last] as IsoDate) < cause.date) {
        this.until[last] = cause.date;
        this.endedBy[last] = cause;
      } else {
        this.from.pop();
        this.until.pop();
        this.startedBy.pop();
        this.endedBy.pop();
      }
      this.isOpen = false;
    }
  }

  /** The whole timeline, the open interval last with `until: null`. */
  intervals(): Interval[] {
    return this.from.map((from, i) => ({
      from,
      startedBy: this.startedBy[i] as Cause | null,
      until: this.until[i] as IsoDate | null,
      endedBy: this.endedBy[i] as Cause | null,
    }));
  }
}

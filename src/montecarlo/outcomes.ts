/**
 * What each simulated future ended with, in flat typed arrays: per term the day it stopped
 * holding for good and why, the revenue-share years and amount (C9), the breaches and the AGI
 * state. Flat arrays cross worker threads without copying and aggregate in index order, which
 * keeps results byte-identical however many workers ran.
 */

import type { DealInput } from '../../machines/deal.machine.ts';
import type { Assumptions } from '../domain/assumptions.ts';
import { toDayNumber } from '../domain/dates.ts';
import { LOG_EVENT_TYPES, type LogEvent } from '../domain/events.ts';
import { TERM_IDS } from '../domain/terms.ts';
import { kernelAgiStatus } from '../kernel/engine.ts';
import { closeFold, type FoldSnapshot, type FoldState, foldLogEvent, restartFold, startFold } from '../kernel/fold.ts';
import type { LeanTrack } from '../kernel/track.ts';
import type { AgiStatus } from '../replay/engine.ts';
import type { Citation } from '../replay/findings.ts';
import { EFFECTIVE_DAY, type Sampler, sampleFuture } from './sample.ts';
import { type FutureStart, JUDGED, snapshotFor } from './start.ts';

/** End day of a term that still holds when the future ends. */
export const NEVER = 2_147_483_647;

/** Why a term stopped holding: 0 it never did, 1 an event of the log, 2 the calendar (a sunset). */
export const CAUSE = { never: 0, event: 1, calendar: 2 } as const;

/**
 * The clauses whose breaches (or undetermined verdicts) the conduct rates can produce, in bit
 * order. A sampled off-Azure launch does not say whether it shipped first on Azure, so after S4
 * it is undetermined under S4, counted apart from breaches.
 */
export const BREACH_CLAUSES: readonly Citation[] = ['C6', 'C8', 'C12', 'S4'];

export const AGI_CODES: readonly AgiStatus[] = ['none', 'pending', 'verified', 'rejected'];

/**
 * What each simulated future came to, in typed arrays indexed by future (and term): end day and
 * cause per term, revenue share, breaches, AGI status.
 */
export interface Outcomes {
  readonly count: number;
  /** `endDay[future * TERM_IDS.length + term]`, {@link NEVER} when it holds at the end. */
  readonly endDay: Int32Array;
  readonly cause: Uint8Array;
  /** For a term ended by a log event, 1 + that event type's index in {@link LOG_EVENT_TYPES}; else 0. */
  readonly endedBy: Uint8Array;
  /** Whole days the revenue share (C9) held up to the horizon. */
  readonly revenueShareDays: Int32Array;
  readonly revenueShareUsd: Float64Array;
  /** Bit i set when the future breached {@link BREACH_CLAUSES}[i] at least once. */
  readonly breaches: Uint8Array;
  /** Bit i set when a verdict under {@link BREACH_CLAUSES}[i] was undetermined at least once (a missing fact, never a breach). */
  readonly undetermined: Uint8Array;
  readonly agi: Uint8Array;
}

export function allocateOutcomes(count: number): Outcomes {
  return {
    count,
    endDay: new Int32Array(count * TERM_IDS.length),
    cause: new Uint8Array(count * TERM_IDS.length),
    endedBy: new Uint8Array(count * TERM_IDS.length),
    revenueShareDays: new Int32Array(count),
    revenueShareUsd: new Float64Array(count),
    breaches: new Uint8Array(count),
    undetermined: new Uint8Array(count),
    agi: new Uint8Array(count),
  };
}

/** The flat arrays of `outcomes`, which cross threads (worker_threads, Web Workers) without a copy. */
export function outcomeBuffers(outcomes: Outcomes): ArrayBuffer[] {
  return [
    outcomes.endDay.buffer,
    outcomes.cause.buffer,
    outcomes.endedBy.buffer,
    outcomes.revenueShareDays.buffer,
    outcomes.revenueShareUsd.buffer,
    outcomes.breaches.buffer,
    outcomes.undetermined.buffer,
    outcomes.agi.buffer,
  ] as ArrayBuffer[];
}

/** Copies `part` into `all` with its first future in slot `start`. */
export function copyOutcomes(all: Outcomes, start: number, part: Outcomes): void {
  const T = TERM_IDS.length;
  all.endDay.set(part.endDay, start * T);
  all.cause.set(part.cause, start * T);
  all.endedBy.set(part.endedBy, start * T);
  all.revenueShareDays.set(part.revenueShareDays, start);
  all.revenueShareUsd.set(part.revenueShareUsd, start);
  all.breaches.set(part.breaches, start);
  all.undetermined.set(part.undetermined, start);
  all.agi.set(part.agi, start);
}

/** Day number of the first of each month seen, by `year * 12 + month`: a day is then that plus its day of month. */
const monthStart: number[] = [];

/** `toDayNumber(date)` from the date's digits and a per-month cache: no hashing, no parsing of the whole string. */
function dayOf(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const key = year * 12 + month;
  let first = monthStart[key];
  if (first === undefined) {
    first = toDayNumber(`${date.slice(0, 8)}01` as never);
    monthStart[key] = first;
  }
  return first + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48) - 1;
}

const REVENUE_SHARE = TERM_IDS.indexOf('revenue-share');
const EVENT_CODE: ReadonlyMap<string, number> = new Map(LOG_EVENT_TYPES.map((type, i) => [type, i + 1]));

/**
 * Simulates futures `start … start + out.count − 1` into `out` (slot 0 is future `start`).
 */
export function simulateRange(sampler: Sampler, seed: number, start: number, out: Outcomes): number {
  const T = TERM_IDS.length;
  const origin = sampler.spec.start;
  const fromHistory = origin.events.length > 0;
  // One fold for the whole range, started over for each future: set-up outweighs a short future.
  let fold: FoldState | undefined;
  let lastAssumptions: Assumptions | undefined;
  let lastSnapshot: FoldSnapshot | undefined;
  for (let k = 0; k < out.count; k++) {
    const future = sampleFuture(sampler, seed, start + k);
    const input = { assumptions: future.assumptions };
    if (fold === undefined) fold = startFold(input, { judge: JUDGED });
    const events = future.events;
    const first = events[0];
    if (fromHistory && first !== undefined && dayOf(first.date) <= origin.lastDay) {
      foldInterleaved(fold, input, origin, events); // the spec samples within the history
    } else {
      // From the history's snapshot (replayed once per assumptions), or from the deal as signed.
      let snapshot: FoldSnapshot | undefined;
      if (fromHistory) {
        // Futures mostly share their assumptions with the one before: skip the lookup then.
        if (future.assumptions !== lastAssumptions) {
          lastAssumptions = future.assumptions;
          lastSnapshot = snapshotFor(origin, future.assumptions);
        }
        snapshot = lastSnapshot;
      }
      restartFold(fold, input, snapshot);
      for (let i = 0; i < events.length; i++) foldLogEvent(fold, events[i] as LogEvent, i + 1);
    }
    closeFold(fold);
    for (let t = 0; t < T; t++) {
      const track = fold.tracks[t] as LeanTrack;
      const slot = k * T + t;
      if (track.isOpen) {
        out.endDay[slot] = NEVER;
        out.cause[slot] = CAUSE.never;
        continue;
      }
      const last = track.count - 1;
      out.endDay[slot] = last >= 0 ? dayOf(track.untilAt(last) as string) : EFFECTIVE_DAY;
      const endedBy = last >= 0 ? track.endedByAt(last) : null;
      out.cause[slot] = endedBy?.line === null ? CAUSE.calendar : CAUSE.event;
      out.endedBy[slot] = endedBy === null || endedBy.line === null ? 0 : (EVENT_CODE.get(endedBy.event) ?? 0);
    }
    const share = fold.tracks[REVENUE_SHARE] as LeanTrack;
    let held = 0;
    for (let i = 0; i < share.count; i++) {
      const until = share.untilAt(i);
      const end = until === null ? sampler.horizonDay : Math.min(dayOf(until), sampler.horizonDay);
      held += Math.max(0, end - dayOf(share.fromAt(i)));
    }
    out.revenueShareDays[k] = held;
    out.revenueShareUsd[k] = fold.context.ledger.revenueShareAccruedUsd;
    let mask = 0;
    if (fold.verdicts.breach > 0) {
      for (let bit = 0; bit < BREACH_CLAUSES.length; bit++) {
        if (fold.breaches[BREACH_CLAUSES[bit] as Citation]) mask |= 1 << bit;
      }
    }
    out.breaches[k] = mask;
    let open = 0;
    if (fold.verdicts.undetermined > 0) {
      for (let bit = 0; bit < BREACH_CLAUSES.length; bit++) {
        if (fold.undetermined[BREACH_CLAUSES[bit] as Citation]) open |= 1 << bit;
      }
    }
    out.undetermined[k] = open;
    out.agi[k] = AGI_CODES.indexOf(kernelAgiStatus(fold.config));
  }
  return out.count;
}

/**
 * A future whose sampled events begin within the history (the spec's `sampleFrom` is before the
 * history's last date): the history's lines and the sampled ones merged by date, history lines
 * first on the same date, as every command replays a future. The history's own findings are
 * not counted, as with a snapshot: the results count what the sampled events bring.
 */
function foldInterleaved(fold: FoldState, input: DealInput, origin: FutureStart, events: readonly LogEvent[]): void {
  restartFold(fold, input);
  let next = 0;
  const history = origin.events;
  const own = (i: number) => foldLogEvent(fold, events[i] as LogEvent, origin.lines.length + i + 1);
  const past = (h: number) => {
    const breaches = { ...fold.breaches };
    const undetermined = { ...fold.undetermined };
    const { permitted, breach, undetermined: open, info } = fold.verdicts;
    foldLogEvent(fold, history[h] as LogEvent, origin.lines[h] as number);
    Object.assign(fold.verdicts, { permitted, breach, undetermined: open, info });
    fold.breaches = breaches;
    fold.undetermined = undetermined;
  };
  for (let i = 0; i < events.length; i++) {
    while (next < history.length && (history[next] as LogEvent).date <= (events[i] as LogEvent).date) past(next++);
    own(i);
  }
  while (next < history.length) past(next++);
}

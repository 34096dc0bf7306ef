/**
 * The replay fold as the checks need it: forked so a prefix can be continued several ways
 * (the fold's tracks, findings and waiting lines are append-only arrays it owns), persisted to JSON and restored, and
 * projected to the plain data two replays must agree on.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { TermId } from '../domain/terms.ts';
import type { Engine } from '../replay/engine.ts';
import type { Track } from '../replay/intervals.ts';
import type { Replayed, ReplayState } from '../replay/replay.ts';

/** A copy of the fold that can be stepped without touching `state`. */
export function forkFold<S>(state: ReplayState<S>): ReplayState<S> {
  const tracks = Object.fromEntries(
    Object.entries(state.tracks).map(([term, track]) => [term, { closed: [...track.closed], open: track.open }]),
  ) as Record<TermId, Track>;
  return { ...state, tracks, findings: [...state.findings], waiting: [...state.waiting] };
}

/** The fold as JSON text: the engine's persisted snapshot plus the fold's own accumulators. */
export function persistFold<S>(engine: Engine<S>, state: ReplayState<S>): string {
  const { machine, input: _input, ...rest } = state;
  return JSON.stringify({ ...rest, machine: engine.persist(machine) });
}

export function restoreFold<S>(engine: Engine<S>, text: string, input: DealInput): ReplayState<S> {
  const { machine, ...rest } = JSON.parse(text) as Omit<ReplayState<S>, 'machine' | 'input'> & { machine: unknown };
  return { ...rest, input, machine: engine.restore(machine, input) } as ReplayState<S>;
}

/** What a replay answers, as JSON text: equal text means the same result. */
export function replayedText(replayed: Replayed): string {
  return JSON.stringify({
    agi: replayed.agi,
    context: replayed.context,
    timelines: replayed.timelines,
    findings: replayed.findings,
    lastEventDate: replayed.lastEventDate,
  });
}

/** The timelines alone, optionally only the days before `end`, as JSON text. */
export function timelinesText(replayed: Replayed, end?: IsoDate): string {
  if (end === undefined) return JSON.stringify(replayed.timelines);
  const clipped = Object.fromEntries(
    Object.entries(replayed.timelines).map(([term, intervals]) => [
      term,
      intervals
        .filter((interval) => interval.from < end)
        .map((interval) => ({
          from: interval.from,
          until: interval.until === null || interval.until >= end ? null : interval.until,
        })),
    ]),
  );
  return JSON.stringify(clipped);
}

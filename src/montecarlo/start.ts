/**
 * Where every sampled future starts (issue 9, "Monte Carlo on today's deal"): the spec's
 * `history` (the real history by default) is the first part of every future, and sampled events
 * are drawn from `sampleFrom` on, by default the day after the history's last date. The history
 * is replayed once per combination of sampled assumptions into a kernel snapshot that each
 * future starts from ({@link snapshotFor}); it is never re-parsed or re-replayed per future.
 * Pure: the CLI reads the history file.
 */
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE, fromDayNumber, type IsoDate, toDayNumber } from '../domain/dates.ts';
import { InputError } from '../domain/errors.ts';
import type { LogEvent, LogEventType } from '../domain/events.ts';
import { type History, type HistoryUsed, historyUsed } from '../history/history.ts';
import { kernelAgiStatus } from '../kernel/engine.ts';
import { type FoldSnapshot, foldLogEvent, snapshotFold, startFold } from '../kernel/fold.ts';
import { EFFECTIVE_DAY, rngFor, sampleDeclaration } from './sample.ts';
import type { MonteCarloSpec } from './spec.ts';

/** What a run's futures start from, as plain data (it crosses to worker threads). */
export interface FutureStart {
  /** Which history, for the outputs: id, label, last date, events, amendments. */
  readonly history: HistoryUsed;
  /** The history's events in order, with their line numbers in the history. */
  readonly events: readonly LogEvent[];
  readonly lines: readonly number[];
  /** Day number of the history's last event; the day before the effective date when it has none. */
  readonly lastDay: number;
  /** The first day sampled events fall on. */
  readonly sampleFromDay: number;
}

/** A spec with what its futures start from: what the sampler and the workers take. */
export type RunSpec = MonteCarloSpec & { readonly start: FutureStart };

const HINT_NONE = 'or set "history": "none" to sample on the deal as signed';

/** Acceptance below this share of declaration draws after the start is refused as a spec mistake. */
const MIN_ACCEPTANCE = 0.01;

/**
 * Joins `spec` to the history its futures start from, checking that they fit: the history holds
 * no AGI event (Monte Carlo draws the AGI process), no spec amendment repeats one of the
 * history's, and the declaration distribution and horizon leave room after the start. Throws
 * an {@link InputError} naming the spec's JSON path, with a fix.
 */
export function startFrom(spec: MonteCarloSpec, history: History): RunSpec {
  const events = history.events.map((logged) => logged.event);
  const used = historyUsed(history);
  const lastDay = used.lastDate === null ? EFFECTIVE_DAY - 1 : toDayNumber(used.lastDate);
  const sampleFromDay = spec.sampleFrom === null ? Math.max(EFFECTIVE_DAY, lastDay + 1) : toDayNumber(spec.sampleFrom);
  const sampleFrom = fromDayNumber(sampleFromDay);
  const horizonDay = toDayNumber(spec.horizon);
  if (lastDay >= horizonDay) {
    throw new InputError(`horizon: ${spec.horizon} is not after the history's last date ${used.lastDate}`, {
      hint: `set "horizon" after ${used.lastDate}, ${HINT_NONE}`,
    });
  }
  if (sampleFromDay >= horizonDay) {
    throw new InputError(`sampleFrom: ${sampleFrom} is not before the horizon ${spec.horizon}`, {
      hint: 'sample from an earlier date, or set a later "horizon"',
    });
  }
  const fold = startFold({ assumptions: DEFAULT_ASSUMPTIONS });
  history.events.forEach((logged) => {
    foldLogEvent(fold, logged.event, logged.line);
  });
  const agi = kernelAgiStatus(fold.config);
  if (agi !== 'none') {
    throw new InputError(
      `history: "${history.id}" has AGI events (its AGI state at the end is "${agi}"), but Monte Carlo draws the AGI process itself`,
      { hint: `start from a history without agi.declared, panel.verified or panel.rejected lines, ${HINT_NONE}` },
    );
  }
  const applied = new Map<string, number>();
  for (const logged of history.events) {
    if (logged.event.type === 'agreement.amended') applied.set(logged.event.amendment, logged.line);
  }
  spec.amendments.forEach((id, i) => {
    const line = applied.get(id);
    if (line !== undefined) {
      throw new InputError(
        `amendments[${i}]: the history "${history.id}" already applies amendment ${id} (line ${line})`,
        {
          hint: `remove it from "amendments": every future starts after it; ${HINT_NONE} and apply it yourself`,
        },
      );
    }
  });
  checkDeclarationAfter(spec, sampleFromDay, sampleFrom);
  return {
    ...spec,
    start: {
      history: used,
      events,
      lines: history.events.map((logged) => logged.line),
      lastDay,
      sampleFromDay,
    },
  };
}

/** Refuses a declaration distribution that (almost) never falls on or after the first sampled day. */
function checkDeclarationAfter(spec: MonteCarloSpec, startDay: number, start: IsoDate): void {
  if (startDay <= EFFECTIVE_DAY) return;
  const hint = `draw declarations after ${start} (futures start there, after the history), set an earlier "sampleFrom", ${HINT_NONE}`;
  const { declaration } = spec;
  const last =
    declaration.kind === 'uniform'
      ? declaration.to
      : declaration.kind === 'piecewise'
        ? (declaration.cdf.at(-1) as [IsoDate, number])[0]
        : undefined;
  if (last !== undefined && toDayNumber(last) < startDay) {
    throw new InputError(`declaration: every declaration it draws falls before ${start}, where the futures start`, {
      hint,
    });
  }
  let after = 0;
  const tries = 4000;
  for (let i = 0; i < tries; i++) {
    const day = sampleDeclaration(declaration, rngFor(0x5eed, i));
    if (day === null || day >= startDay) after++;
  }
  if (after < tries * MIN_ACCEPTANCE) {
    throw new InputError(
      `declaration: ${((1 - after / tries) * 100).toFixed(1)}% of the declarations it draws fall before ${start}, where the futures start`,
      { hint },
    );
  }
}

/** Only the conduct Monte Carlo draws can breach; other events need no verdict. */
export const JUDGED: ReadonlySet<LogEventType> = new Set(['product.launched', 'msft.training-run', 'model.released']);

/** Snapshots after the history, per combination of sampled assumptions (they are interned). */
const snapshots = new WeakMap<FutureStart, WeakMap<Assumptions, FoldSnapshot>>();

/**
 * The kernel state after the history under `assumptions`, replayed the first time it is asked
 * for and kept: every future with those assumptions starts from it.
 */
export function snapshotFor(start: FutureStart, assumptions: Assumptions): FoldSnapshot {
  let byAssumptions = snapshots.get(start);
  if (byAssumptions === undefined) {
    byAssumptions = new WeakMap();
    snapshots.set(start, byAssumptions);
  }
  let snapshot = byAssumptions.get(assumptions);
  if (snapshot === undefined) {
    const fold = startFold({ assumptions }, { judge: JUDGED });
    for (let i = 0; i < start.events.length; i++) {
      foldLogEvent(fold, start.events[i] as LogEvent, start.lines[i] as number);
    }
    snapshot = snapshotFold(fold);
    byAssumptions.set(assumptions, snapshot);
  }
  return snapshot;
}

/** How the outputs name where the futures start, e.g. `real history to 2026-06-01; sampled from 2026-06-02`. */
export function startTag(start: FutureStart): string {
  const from = fromDayNumber(start.sampleFromDay);
  return start.history.totalEvents === 0
    ? `deal as signed on ${EFFECTIVE_DATE}; sampled from ${from}`
    : `${start.history.label} to ${start.history.lastDate}; sampled from ${from}`;
}

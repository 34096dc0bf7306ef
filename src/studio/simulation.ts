/**
 * What the studio shows for one view: the user's future, after the real history or none,
 * replayed under the chosen assumptions by the same replay the CLI runs (on the compiled kernel,
 * which the differential tests hold to XState's answers), with the steps the date cursor walks and the answer in the shape of `dealsim simulate --json`. Pure.
 */
import { type Assumptions, parseAssumptions } from '../domain/assumptions.ts';
import { DealsimError } from '../domain/errors.ts';
import type { LogEvent } from '../domain/events.ts';
import {
  BUILTIN_HISTORY_ORIGIN,
  branchFrom,
  type History,
  historyUsed,
  NO_HISTORY,
  parseHistory,
} from '../history/history.ts';
import { kernelEngine } from '../kernel/engine.ts';
import { type LoggedEvent, parseEventLine } from '../log/parse.ts';
import { type SimulationJson, toSimulationJson } from '../replay/report.ts';
import type { ChartNode } from '../visual/statechart.ts';
import { collectSteps, type ReportSteps } from '../visual/steps.ts';
import type { HistoryChoice } from './fragment.ts';

/** The built-in real history from the text of src/history/real-history.jsonl, as the CLI reads it. */
export function builtinHistory(text: string): History {
  return parseHistory(text, 'builtin', BUILTIN_HISTORY_ORIGIN);
}

export interface SimulationInput {
  /** The user's own events, in date order. */
  readonly future: readonly LogEvent[];
  readonly history: HistoryChoice;
  /** `KEY=VALUE` pairs over the defaults, as `--assume` takes them. */
  readonly assume: readonly string[];
}

export interface Simulation {
  readonly assumptions: Assumptions;
  /** The replayed log: the history's lines (with their `origin`) and the user's, merged by date. */
  readonly events: readonly LoggedEvent[];
  readonly collected: ReportSteps;
  readonly json: SimulationJson;
  /** The replayed line for `(origin, line)`; `origin` undefined for the user's own lines. */
  readonly lineOf: (line: number, origin?: string | null) => LoggedEvent | undefined;
}

/** The user's events as the log lines an export writes (line n is event n). */
export function futureLog(future: readonly LogEvent[]): LoggedEvent[] {
  return future.map((event, index) => ({ line: index + 1, event }));
}

/** The future as the JSON Lines text `dealsim simulate` reads: one event per line. */
export function futureText(future: readonly LogEvent[]): string {
  return future.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/**
 * Replays a view as `dealsim simulate --json` replays the exported file: after the real history
 * unless the view chose none. Throws the core's {@link DealsimError} for an invalid future or
 * assumption, placed in "your future" when it is about one of the user's lines.
 */
export function simulateView(input: SimulationInput, history: History, chart: ChartNode): Simulation {
  const assumptions = parseAssumptions(input.assume);
  const branch = input.history === 'real' ? history : NO_HISTORY;
  const events = [...branchFrom(branch, futureLog(input.future))];
  let collected: ReportSteps;
  try {
    collected = collectSteps(events, { assumptions }, chart, kernelEngine);
  } catch (error) {
    if (error instanceof DealsimError && error.line !== undefined && error.file === undefined) {
      throw error.at({ file: 'your future' });
    }
    throw error;
  }
  const byPlace = new Map(events.map((logged) => [`${logged.origin ?? ''}:${logged.line}`, logged]));
  return {
    assumptions,
    events,
    collected,
    json: toSimulationJson(collected.replayed, undefined, historyUsed(branch)),
    lineOf: (line, origin) => byPlace.get(`${origin ?? ''}:${line}`),
  };
}

/** `message. Fix: hint.`: a core error as the CLI words it, without the file and line. */
export function sentence(error: DealsimError): string {
  return `${error.message}.${error.hint ? ` Fix: ${error.hint}.` : ''}`;
}

/** Validates one event as the CLI validates a log line; throws the CLI's error. */
export function checkEvent(object: Record<string, unknown>, line: number): LogEvent {
  return parseEventLine(JSON.stringify(object), line);
}

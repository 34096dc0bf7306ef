/**
 * What the studio shows for one view: the user's future, after the real history or none,
 * replayed under the chosen assumptions by the same replay the CLI runs (on the compiled kernel,
 * which the differential tests hold to XState's answers), with the steps the date cursor walks and the answer in the shape of `dealsim simulate --json`. Pure.
 */
import { type Assumptions, parseAssumptions } from '../domain/assumptions.ts';
import { DealsimError } from '../domain/errors.ts';
import type { LogEvent } from '../domain/events.ts';
import { kernelEngine } from '../kernel/engine.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { parseEventLine } from '../log/parse.ts';
import { type SimulationJson, toSimulationJson } from '../replay/report.ts';
import type { ChartNode } from '../visual/statechart.ts';
import { collectSteps, type ReportSteps } from '../visual/steps.ts';
import type { HistoryChoice } from './fragment.ts';
import { mergeWithHistory, type Origin } from './history-adapter.ts';

export interface SimulationInput {
  /** The user's own events, in date order. */
  readonly future: readonly LogEvent[];
  readonly history: HistoryChoice;
  /** `KEY=VALUE` pairs over the defaults, as `--assume` takes them. */
  readonly assume: readonly string[];
}

export interface Simulation {
  readonly assumptions: Assumptions;
  /** The replayed log: the history's events and the user's, numbered in merged order. */
  readonly events: readonly LoggedEvent[];
  readonly origins: readonly Origin[];
  readonly collected: ReportSteps;
  readonly json: SimulationJson;
}

/** The user's events as the log lines an export writes (line n is event n). */
export function futureLog(future: readonly LogEvent[]): LoggedEvent[] {
  return future.map((event, index) => ({ line: index + 1, event }));
}

/** The future as the JSON Lines text `dealsim simulate` reads: one event per line. */
export function futureText(future: readonly LogEvent[]): string {
  return future.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/** Replays a view; throws the core's {@link DealsimError} for an invalid future or assumption. */
export function simulateView(input: SimulationInput, history: readonly LoggedEvent[], chart: ChartNode): Simulation {
  const assumptions = parseAssumptions(input.assume);
  const own = futureLog(input.future);
  const merged =
    input.history === 'real'
      ? mergeWithHistory(history, own)
      : { events: own, origins: own.map(({ line }) => ({ from: 'future' as const, line })) };
  try {
    const collected = collectSteps(merged.events, { assumptions }, chart, kernelEngine);
    return {
      assumptions,
      events: merged.events,
      origins: merged.origins,
      collected,
      json: toSimulationJson(collected.replayed),
    };
  } catch (error) {
    if (error instanceof DealsimError && error.line !== undefined) throw placed(error, merged.origins);
    throw error;
  }
}

/** The error re-placed at the line of the file it came from: the history's or the user's. */
function placed(error: DealsimError, origins: readonly Origin[]): DealsimError {
  const origin = origins[(error.line as number) - 1];
  if (origin === undefined) return error;
  return origin.from === 'history'
    ? error.at({ file: 'the real history', line: origin.line })
    : error.at({ file: 'your future', line: origin.line });
}

/** `message. Fix: hint.`: a core error as the CLI words it, without the file and line. */
export function sentence(error: DealsimError): string {
  return `${error.message}.${error.hint ? ` Fix: ${error.hint}.` : ''}`;
}

/** Validates one event as the CLI validates a log line; throws the CLI's error. */
export function checkEvent(object: Record<string, unknown>, line: number): LogEvent {
  return parseEventLine(JSON.stringify(object), line);
}

/**
 * dealsim as a library: `import { … } from 'dealsim'`. A small, deliberate API over the same core
 * the `dealsim` command runs:
 *
 * 1. parse a future (JSON Lines text) with {@link parseLog};
 * 2. branch it from a history ({@link builtinHistory}, the real history of CLAUSES.md, or
 *    {@link NO_HISTORY} for the deal as signed) with {@link branchFrom};
 * 3. replay it under assumptions ({@link parseAssumptions}) with {@link replay}, or as events
 *    arrive with {@link replay$};
 * 4. ask what holds on a date ({@link holdingOn}, {@link toSimulationJson}) and why
 *    ({@link explain});
 * 5. run a Monte Carlo spec: {@link parseSpec}, {@link startFrom} (its history), {@link monteCarlo}.
 *
 * The core is pure: it takes text and dates as data and reads no clock; only
 * {@link builtinHistory}, {@link readHistory} and {@link monteCarlo} (worker threads) touch
 * the machine. Bad input throws an {@link InputError} that names the line and says how to fix it.
 * Term IDs, clause IDs (`C1`–`C12`) and assumption keys are those of CLAUSES.md.
 *
 * @packageDocumentation
 */

export type { AgiRecord, DealContext, DealInput } from '../machines/deal.machine.ts';
export { type Amendment, type AmendmentCatalog, retimingsOf, type TermRetiming } from './domain/amendments.ts';
export {
  ASSUMPTIONS,
  type AssumptionBearing,
  type AssumptionKey,
  type AssumptionSpec,
  type Assumptions,
  DEFAULT_ASSUMPTIONS,
  parseAssumptions,
} from './domain/assumptions.ts';
export { CLAUSES, type Clause, type ClauseId, SOURCES, type Source, type SourceId } from './domain/clauses.ts';
export { EFFECTIVE_DATE, type IsoDate, parseIsoDate } from './domain/dates.ts';
export { DealsimError, type ErrorPlace, InputError } from './domain/errors.ts';
export {
  type CalendarEvent,
  type DealEvent,
  EVENT_STATUSES,
  type EventStatus,
  LOG_EVENT_TYPES,
  type LogEvent,
  type LogEventType,
} from './domain/events.ts';
export type { Ledger } from './domain/ledger.ts';
export type { Usd } from './domain/money.ts';
export { PRODUCT_LAUNCH_RULES, type ProductLaunchRule, type Rules, type TermRule } from './domain/rules.ts';
export { type Party, TERM_IDS, TERMS, type TermId, type TermSpec } from './domain/terms.ts';
export {
  branchFrom,
  describeHistory,
  type History,
  type HistoryUsed,
  historyUsed,
  NO_HISTORY,
  parseHistory,
} from './history/history.ts';
export { type LoggedEvent, parseLog } from './log/parse.ts';
export {
  type MonteCarloJson,
  type Spread,
  type TermResult,
} from './montecarlo/aggregate.ts';
export { monteCarlo } from './montecarlo/run.ts';
export {
  type AssumptionDraw,
  type DaysSpec,
  type DeclarationSpec,
  type MonteCarloSpec,
  parseSpec,
} from './montecarlo/spec.ts';
export { type FutureStart, type RunSpec, startFrom } from './montecarlo/start.ts';
export type { RunOptions } from './montecarlo/workers.ts';
export type { AgiStatus, Engine, TermStatus } from './replay/engine.ts';
export {
  type AssumptionEffect,
  type ExplainOptions,
  type Explanation,
  explain,
  explainTerms,
  type InvalidReading,
  type NumericRange,
  type RuleInForce,
} from './replay/explain.ts';
export {
  type Citation,
  type Finding,
  type MissingFact,
  type Outcome,
  VERDICTS,
  type Verdict,
} from './replay/findings.ts';
export type { Cause, Interval } from './replay/intervals.ts';
export { type Replayed, type ReplayOptions, type ReplayStep, replay } from './replay/replay.ts';
export {
  type FindingJson,
  holdingOn,
  type IntervalJson,
  type SimulationJson,
  type TermJson,
  toSimulationJson,
} from './replay/report.ts';
export type { RangeAnswer, RangeEdge } from './replay/sensitivity.ts';
export { type ReplayNotification, replay$ } from './replay/streams.ts';
export { builtinHistory, readHistory } from './store/history-file.ts';

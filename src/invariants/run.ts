/**
 * Replays one future for the invariants: the whole future, and each prefix (the fold after it,
 * and that prefix finished as a future of its own), with the engine under test.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { DEFAULT_ASSUMPTIONS } from '../domain/assumptions.ts';
import { InputError } from '../domain/errors.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { type Engine, xstateEngine } from '../replay/engine.ts';
import { finishReplay, replayEvent, startReplay } from '../replay/replay.ts';
import { forkFold } from './fold.ts';
import type { FutureRun, PrefixRun, Violation } from './invariant.ts';

export interface RunOptions<S = unknown> {
  /**
   * The clause logic under test (default: XState's pure `transition` on `dealMachine`). Its
   * `step` must return a new state and leave the old one alone, as prefixes are continued
   * several ways; the live actor engine, which mutates, is for differential tests instead.
   */
  readonly engine?: Engine<S>;
  /**
   * `all`: snapshot-and-continue, `--at` and mid-log invalid-line checks after every prefix
   * (quadratic in the log's length). `sampled`: after two prefixes only, for long fuzz runs;
   * the cheap per-prefix checks still run after every prefix.
   */
  readonly depth?: 'all' | 'sampled';
}

/**
 * Replays `events` step by step. Returns the run, or a violation of invariant 8 when the engine
 * refuses a future that C2 allows (the caller vouches that `events` is valid).
 */
export function buildRun<S>(
  events: readonly LoggedEvent[],
  input: Partial<DealInput>,
  options: RunOptions<S> = {},
): FutureRun<S> | Violation {
  const engine = (options.engine ?? xstateEngine) as Engine<S>;
  const fullInput: DealInput = { ...input, assumptions: input.assumptions ?? DEFAULT_ASSUMPTIONS };
  const prefixes: PrefixRun<S>[] = [];
  try {
    let fold = startReplay(engine, fullInput);
    for (const [count, logged] of events.entries()) {
      prefixes.push({ count, fold: forkFold(fold), replayed: finishReplay(engine, forkFold(fold)) });
      fold = replayEvent(engine, fold, logged);
    }
    const replayed = finishReplay(engine, forkFold(fold));
    const deepPrefixes = options.depth === 'sampled' ? sampled(events) : prefixes.map((prefix) => prefix.count);
    return { events, input: fullInput, engine, fold, replayed, prefixes, deepPrefixes };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refusedValid(error);
  }
}

/** A violation of invariant 8 for a valid future that the engine refused. */
export function refusedValid(error: InputError): Violation {
  return {
    invariant: 8,
    name: 'invalid-log-rejected',
    message: `a valid future was refused at line ${error.line ?? '?'}: ${error.message}`,
    evidence: { line: error.line ?? null, error: error.message },
  };
}

/** Two prefixes worth a deep check: the middle one and the one before the last AGI event. */
function sampled(events: readonly LoggedEvent[]): number[] {
  const agi = events.findLastIndex(({ event }) => event.type === 'agi.declared' || event.type.startsWith('panel.'));
  return [...new Set([Math.floor(events.length / 2), Math.max(agi, 0)])].filter((count) => count < events.length);
}

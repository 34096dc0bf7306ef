/**
 * The invariants of CLAUSES.md ("Invariants") as pure checks over one future and its replay.
 * Each returns null when the future keeps it, or a {@link Violation} with the evidence.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import type { LoggedEvent } from '../log/parse.ts';
import type { Engine } from '../replay/engine.ts';
import type { Replayed, ReplayState } from '../replay/replay.ts';

/** The number of the invariant in CLAUSES.md. */
export type InvariantId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Violation {
  readonly invariant: InvariantId;
  /** The invariant's short name, e.g. `research-ip-ends`. */
  readonly name: string;
  /** What went wrong, in one sentence that names the term and the dates. */
  readonly message: string;
  /** The observed and expected values (plain data, JSON-safe). */
  readonly evidence: unknown;
}

/** A prefix of the future: the fold after its first `count` events, and that prefix replayed whole. */
export interface PrefixRun<S = unknown> {
  readonly count: number;
  /** The fold after `count` events (calendar up to their last date). Never step it in place: fork it. */
  readonly fold: ReplayState<S>;
  readonly replayed: Replayed;
}

/** One future, replayed by the engine under test, with what the invariants compare it against. */
export interface FutureRun<S = unknown> {
  readonly events: readonly LoggedEvent[];
  readonly input: DealInput;
  readonly engine: Engine<S>;
  /** The fold after every event, before the remaining calendar. Never step it in place. */
  readonly fold: ReplayState<S>;
  /** The whole future replayed. */
  readonly replayed: Replayed;
  /** Shorter prefixes to compare with (time travel, snapshots); the explorer passes only the parent. */
  readonly prefixes: readonly PrefixRun<S>[];
  /** Prefixes whose snapshot-and-continue and `--at` replays are run in full (the rest get cheap checks). */
  readonly deepPrefixes: readonly number[];
}

export interface Invariant {
  readonly id: InvariantId;
  readonly name: string;
  /** The invariant as CLAUSES.md states it. */
  readonly statement: string;
  check(run: FutureRun): Violation | null;
}

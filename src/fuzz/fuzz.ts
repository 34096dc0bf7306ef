/**
 * Random fuzzing (`dealsim fuzz`): seeded fast-check runs over random valid futures (conduct and
 * the built-in amendments mixed in, dates biased to the sunsets), every invariant checked on
 * each. A failure is shrunk to a small future and reported with the seed and path that
 * reproduce it.
 */
import fc from 'fast-check';
import type { Assumptions } from '../domain/assumptions.ts';
import { InputError } from '../domain/errors.ts';
import { branchFrom, type History, NO_HISTORY } from '../history/history.ts';
import { checkFuture, type Invariant, type Violation } from '../invariants/index.ts';
import type { LoggedEvent } from '../log/parse.ts';
import type { Engine } from '../replay/engine.ts';
import { futureArbitrary, type GeneratedFuture } from './arbitraries/future.ts';

export interface FuzzOptions<S = unknown> {
  readonly runs: number;
  readonly seed: number;
  /** Replays one failure: the path fast-check printed with the seed. */
  readonly path?: string;
  /** Assumption keys fixed by `--assume`; the others are drawn at random. */
  readonly fixed?: Partial<Assumptions>;
  readonly engine?: Engine<S>;
  readonly invariants?: readonly Invariant[];
  /** Most events in one future (default 12). */
  readonly maxEvents?: number;
  /** Called every few hundred futures with how many ran so far. */
  readonly onProgress?: (done: number) => void;
  /**
   * The history every future branches from (lines with `origin`, no AGI events): merged before
   * the generated events by date; generated amendments it already applies are dropped.
   */
  readonly history?: History;
}

export interface FuzzFailure {
  readonly assumptions: Assumptions;
  /** The shrunk counterexample after the history, its own lines renumbered from 1. */
  readonly events: readonly LoggedEvent[];
  readonly violations: readonly Violation[];
  readonly seed: number;
  readonly path: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly seed: number;
  readonly shrinks: number;
  readonly failure: FuzzFailure | null;
}

/** Runs `options.runs` random futures through every invariant. */
export function fuzz<S>(options: FuzzOptions<S>): FuzzReport {
  const arbitrary = futureArbitrary({
    maxEvents: options.maxEvents ?? 12,
    amendments: true,
    deadlineRulings: true,
    ...(options.fixed && { fixedAssumptions: options.fixed }),
  });
  const history = options.history ?? NO_HISTORY;
  const applied = new Set(
    history.events.flatMap(({ event }) => (event.type === 'agreement.amended' ? [event.amendment] : [])),
  );
  const branched = (future: GeneratedFuture): LoggedEvent[] => [
    ...branchFrom(
      history,
      future.events.filter(({ event }) => event.type !== 'agreement.amended' || !applied.has(event.amendment)),
    ),
  ];
  const violationsOf = (future: GeneratedFuture) =>
    checkFuture(
      branched(future),
      { assumptions: future.assumptions },
      {
        depth: 'sampled',
        ...(options.engine && { engine: options.engine }),
        ...(options.invariants && { invariants: options.invariants }),
      },
    );
  let done = 0;
  const property = fc.property(arbitrary, (future) => {
    done++;
    if (options.onProgress && done % 500 === 0) options.onProgress(done);
    return violationsOf(future).length === 0;
  });
  let details: fc.RunDetails<[GeneratedFuture]>;
  try {
    details = fc.check(property, {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.path !== undefined && { path: options.path }),
    });
  } catch (error) {
    // fast-check cannot follow a path its seed's runs never took: the user's --path, not a bug.
    if (options.path !== undefined && /wrong path/.test(String(error))) {
      throw new InputError(`--path ${options.path} is not a path that seed ${options.seed} takes`, {
        hint: 'copy the seed and the path printed together after "Reproduce:"',
      });
    }
    throw error;
  }
  if (details.errorInstance && !details.counterexample) throw details.errorInstance;
  if (!details.failed || !details.counterexample) {
    return { runs: details.numRuns, seed: options.seed, shrinks: 0, failure: null };
  }
  const [future] = details.counterexample;
  const failure: FuzzFailure = {
    assumptions: future.assumptions,
    events: branched(future),
    violations: violationsOf(future),
    seed: details.seed,
    path: details.counterexamplePath ?? '',
  };
  return { runs: details.numRuns, seed: options.seed, shrinks: details.numShrinks, failure };
}

/**
 * Shared by the invariant property tests: every combination of the enumerable assumptions, and a
 * property that replays random valid futures (boundary-seeking dates, conduct, the 2026
 * amendments) with an engine and checks one invariant of CLAUSES.md on each.
 */
import fc from 'fast-check';
import { assumptionCombinations } from '../../src/check/combinations.ts';
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { checkFuture, type Invariant } from '../../src/invariants/index.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { parseLog } from '../../src/log/parse.ts';
import type { Engine } from '../../src/replay/engine.ts';
import { xstateEngine } from '../../src/replay/engine.ts';

/** The 48 combinations `check` explores (AGI-process readings multiplied out, the others spread), labelled by what differs from the defaults. */
export const COMBINATIONS: readonly (readonly [string, Assumptions])[] = assumptionCombinations(
  DEFAULT_ASSUMPTIONS,
).map((assumptions) => {
  const changed = Object.entries(assumptions)
    .filter(([key, value]) => DEFAULT_ASSUMPTIONS[key as keyof Assumptions] !== value)
    .map(([key, value]) => `${key}=${value}`);
  return [changed.length ? changed.join(', ') : 'defaults', assumptions] as const;
});

export interface PropertyOptions {
  readonly numRuns: number;
  /** Fixed assumptions; random ones when absent. */
  readonly assumptions?: Assumptions;
  /** The rules under test; default the compiled kernel (the reference XState engine in `reference` runs). */
  readonly engine?: Engine<unknown>;
  readonly depth?: 'all' | 'sampled';
  readonly maxEvents?: number;
}

/** Runs `invariant` on random valid futures; returns fast-check's details so a test can expect failure. */
export function checkInvariant(invariant: Invariant, options: PropertyOptions) {
  const arbitrary = futureArbitrary({
    amendments: true,
    deadlineRulings: true,
    maxEvents: options.maxEvents ?? 8,
    ...(options.assumptions && { assumptions: options.assumptions }),
  });
  return fc.check(
    fc.property(arbitrary, (future) => {
      const violations = checkFuture(
        future.events,
        { assumptions: future.assumptions },
        {
          invariants: [invariant],
          engine: options.engine ?? (kernelEngine as Engine<unknown>),
          depth: options.depth ?? 'sampled',
        },
      );
      if (violations[0]) throw new Error(`invariant ${violations[0].invariant}: ${violations[0].message}`);
    }),
    // Under mutation testing (DEALSIM_MUTATION, vitest.mutation.config.ts) each mutant gets a fifth.
    { numRuns: process.env.DEALSIM_MUTATION ? Math.max(3, Math.ceil(options.numRuns / 5)) : options.numRuns },
  );
}

/** Asserts that `invariant` holds, with the counterexample in the failure message. */
export function assertInvariant(invariant: Invariant, options: PropertyOptions): void {
  const details = checkInvariant(invariant, options);
  if (details.failed) {
    throw new Error(
      `${String(details.errorInstance)}\ncounterexample: ${JSON.stringify(details.counterexample)}\nseed ${details.seed}, path ${details.counterexamplePath}`,
    );
  }
}

/** The reference engine, for a smaller sample of each property. */
export const REFERENCE = xstateEngine as Engine<unknown>;

/** A log from plain events, through the real parser. */
export function log(...events: readonly { type: string; date: string; [field: string]: unknown }[]) {
  return parseLog(events.map((event) => `${JSON.stringify(event)}\n`).join(''), 'given.jsonl');
}

/**
 * A section of `npm run bench`: each file in bench/sections/ exports `measure()`, which runs its
 * workloads side by side and returns the numbers it measured. bench/bench.ts runs them in one
 * process, so every ratio it reports compares measurements taken in the same run.
 */
export interface BenchSection {
  /** A short heading, e.g. "replay engines". */
  readonly name: string;
  /** Machine-readable results, merged into `npm run bench -- --json`. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Human-readable lines, printed under the heading. */
  readonly lines: readonly string[];
}

export type Measure = () => Promise<BenchSection>;

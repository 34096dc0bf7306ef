/**
 * Monte Carlo in one call, for the library: the futures of a spec simulated on worker threads,
 * tallied and aggregated into the results `dealsim montecarlo --json` prints. The command adds
 * progress, Ctrl-C, shards and output files on top of the same three steps.
 */
import { fromDayNumber } from '../domain/dates.ts';
import { aggregate, type MonteCarloJson } from './aggregate.ts';
import type { RunSpec } from './start.ts';
import { emptyTally, tallyOutcomes } from './tally.ts';
import { type RunOptions, runMonteCarlo } from './workers.ts';

/**
 * Simulates `options.futures` seeded futures of `spec` (a spec joined to its history by
 * `startFrom`) on `options.workers` threads and returns per-term probabilities, end-date
 * quantiles, breach probabilities and the revenue share's spread. The same spec and seed give
 * the same numbers, whatever the number of workers.
 */
export async function monteCarlo(spec: RunSpec, options: RunOptions): Promise<MonteCarloJson> {
  const run = await runMonteCarlo(spec, options);
  const tally = tallyOutcomes(emptyTally(), run.outcomes, run.done);
  return aggregate(tally, {
    seed: options.seed,
    horizon: spec.horizon,
    history: spec.start.history,
    sampleFrom: fromDayNumber(spec.start.sampleFromDay),
    requested: options.futures,
  });
}

/**
 * The studio's Monte Carlo worker, started from a blob: URL: the spec (parsed and joined to its
 * history on the page) is sampled by the same src/montecarlo code as `dealsim montecarlo`, one
 * chunk of futures per request.
 */
import { allocateOutcomes, simulateRange } from '../../montecarlo/outcomes.ts';
import { type Sampler, samplerFor } from '../../montecarlo/sample.ts';
import type { RunSpec } from '../../montecarlo/start.ts';
import { type FromWorker, type ToWorker, transferList } from './montecarlo-protocol.ts';

interface WorkerScope {
  onmessage: ((message: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let run = -1;
let sampler: Sampler | undefined;
let seed = 0;

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'start') {
      run = data.run;
      sampler = samplerFor(data.spec as RunSpec); // parsed and joined to its history on the page
      seed = data.seed;
      return;
    }
    if (data.run !== run || sampler === undefined) return;
    const outcomes = allocateOutcomes(data.count);
    simulateRange(sampler, seed, data.start, outcomes);
    scope.postMessage({ kind: 'chunk', run, start: data.start, count: data.count, outcomes }, transferList(outcomes));
  } catch (error) {
    scope.postMessage({ kind: 'error', run: data.run, message: (error as Error).message });
  }
};

/**
 * The thread edge of Monte Carlo: futures are split into chunks that worker threads simulate
 * (or the main thread, with one worker). Each future has its own seeded generator, so the split
 * changes nothing in the results. A stop request ends the run after the chunks in flight; only
 * the unbroken prefix of finished futures counts, so an interrupted run is a smaller run.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { allocateOutcomes, copyOutcomes, type Outcomes, outcomeBuffers, simulateRange } from './outcomes.ts';
import { type Sampler, samplerFor } from './sample.ts';
import type { RunSpec } from './start.ts';

/**
 * How many futures to simulate, from which seed, on how many worker threads, with optional progress
 * and stop hooks.
 */
export interface RunOptions {
  readonly futures: number;
  /** Index of the first future (a shard's slice starts there); default 0. */
  readonly first?: number;
  readonly seed: number;
  readonly workers: number;
  /** Futures per chunk (default: about 1% of the run, between 1,000 and 20,000). */
  readonly chunk?: number;
  /** Called after each chunk with the futures done so far. */
  readonly onProgress?: (done: number) => void;
  /** Polled between chunks; true stops the run cleanly. */
  readonly stop?: () => boolean;
}

/**
 * The outcomes of a run; only futures `0 … done − 1` are complete (fewer than asked when stopped).
 */
export interface RunResult {
  /** Slot k holds future `first + k`. */
  readonly outcomes: Outcomes;
  /** Futures first … first + done − 1 are complete. */
  readonly done: number;
}

interface ChunkRequest {
  readonly start: number;
  readonly count: number;
}

type ChunkReply = ChunkRequest & { readonly outcomes: Outcomes };

interface RunRequest {
  readonly run: number;
  readonly spec: RunSpec;
  readonly seed: number;
}

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Simulates `futures` futures of `spec`; resolves with what was done when stopped. */
export async function runMonteCarlo(spec: RunSpec, options: RunOptions): Promise<RunResult> {
  const { futures, seed } = options;
  const first = options.first ?? 0;
  const outcomes = allocateOutcomes(futures);
  const chunk = options.chunk ?? Math.min(20_000, Math.max(1_000, Math.ceil(futures / 100)));
  const chunks: ChunkRequest[] = [];
  for (let start = 0; start < futures; start += chunk) chunks.push({ start, count: Math.min(chunk, futures - start) });
  const finished = new Array<boolean>(chunks.length).fill(false);
  let doneCount = 0;
  const prefix = () => {
    let done = 0;
    for (let i = 0; i < chunks.length && finished[i]; i++) done += (chunks[i] as ChunkRequest).count;
    return done;
  };
  const record = (index: number, reply: Outcomes) => {
    const request = chunks[index] as ChunkRequest;
    copyOutcomes(outcomes, request.start, reply);
    finished[index] = true;
    doneCount += request.count;
    options.onProgress?.(doneCount);
  };
  const stopped = () => options.stop?.() === true;

  if (options.workers <= 1) {
    const sampler = samplerFor(spec);
    for (let i = 0; i < chunks.length && !stopped(); i++) {
      const { start, count } = chunks[i] as ChunkRequest;
      const part = allocateOutcomes(count);
      simulateRange(sampler, seed, first + start, part);
      record(i, part);
      await new Promise((resolve) => setImmediate(resolve)); // let Ctrl-C and the progress bar in
    }
    return { outcomes, done: prefix() };
  }

  let next = 0;
  const workers = takeWorkers(Math.min(options.workers, chunks.length));
  const run = ++runs;
  const pool = workers.map((worker) => {
    return new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= chunks.length || stopped()) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
          return;
        }
        const index = next++;
        const { start, count } = chunks[index] as ChunkRequest;
        worker.postMessage({ run, index, start: first + start, count });
      };
      const onMessage = (reply: ChunkReply & { index: number }) => {
        // The reply's start is the future's index; record() places it by the chunk's own slot.
        record(reply.index, reply.outcomes);
        feed();
      };
      worker.on('message', onMessage);
      worker.on('error', reject);
      // Each worker learns the run's spec and seed first; messages keep their order. A new
      // worker is sent nothing before it is online.
      const begin = () => {
        worker.postMessage({ run, spec, seed });
        feed();
      };
      if (online.has(worker)) begin();
      else
        worker.once('online', () => {
          online.add(worker);
          begin();
        });
    });
  });
  try {
    await Promise.all(pool);
  } catch (error) {
    // One worker failed (a bug): stop the others so the process can exit and report it.
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  idle.push(...workers);
  for (const worker of workers) worker.unref();
  return { outcomes, done: prefix() };
}

/**
 * Workers left from earlier runs, waiting. Starting one costs a second or more (the TypeScript
 * loader, the chart, compiling the kernel, warming the JIT), as much as simulating a few hundred
 * thousand futures, so a process that runs Monte Carlo more than once keeps them. They are
 * unref'd while idle, so they never keep the process alive.
 */
const idle: Worker[] = [];
const online = new WeakSet<Worker>();
let runs = 0;

function takeWorkers(count: number): Worker[] {
  const workers = idle.splice(0, count);
  for (const worker of workers) worker.ref();
  while (workers.length < count) {
    const worker = new Worker(WORKER_ENTRY, { workerData: { dealsimMonteCarlo: true } });
    // A worker that dies while idle is simply not reused.
    worker.once('exit', () => {
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    workers.push(worker);
  }
  return workers;
}

/** The worker side: simulates the chunks the main thread sends, and sends the outcomes back. */
function serve(): void {
  let run = -1;
  let sampler: Sampler | undefined;
  let seed = 0;
  parentPort?.on('message', (message: RunRequest | (ChunkRequest & { run: number; index: number })) => {
    if ('spec' in message) {
      if (message.run !== run) {
        run = message.run;
        sampler = samplerFor(message.spec);
        seed = message.seed;
      }
      return;
    }
    const { index, start, count } = message;
    const outcomes = allocateOutcomes(count);
    simulateRange(sampler as Sampler, seed, start, outcomes);
    parentPort?.postMessage({ index, start, count, outcomes }, outcomeBuffers(outcomes));
  });
}

if (!isMainThread && (workerData as { dealsimMonteCarlo?: boolean } | null)?.dealsimMonteCarlo) serve();

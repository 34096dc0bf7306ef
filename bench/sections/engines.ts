/**
 * Replay engines and Monte Carlo (issue 5), measured on the same futures in one run: the XState
 * live actor, XState's pure `transition`, the compiled kernel under the shared fold, the kernel's
 * lean fold, and a hand-written reducer as the floor. Then Monte Carlo futures/s with two worker
 * threads, and a 1,000,000-event log streamed through the lean fold in a child process (so its
 * peak RSS is the replay's own). Every engine and the reducer run compiled, as users run them
 * (bench/compiled.ts). Measured, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { futureArbitrary, type GeneratedFuture } from '../../src/fuzz/arbitraries/future.ts';
import { bundledBenchModule, compiledModule } from '../compiled.ts';
import { writeLongLog } from '../long-log.ts';
import type { BenchSection } from '../section.ts';

// Everything timed here is compiled as users run it (bench/compiled.ts); the futures are only data.
const { kernelEngine } = await compiledModule<typeof import('../../src/kernel/engine.ts')>('kernel/engine.ts');
const { foldEvents } = await compiledModule<typeof import('../../src/kernel/fold.ts')>('kernel/fold.ts');
const { sampleFuture, samplerFor } =
  await compiledModule<typeof import('../../src/montecarlo/sample.ts')>('montecarlo/sample.ts');
const { readSpecFile } =
  await compiledModule<typeof import('../../src/montecarlo/spec-file.ts')>('montecarlo/spec-file.ts');
const { runMonteCarlo } =
  await compiledModule<typeof import('../../src/montecarlo/workers.ts')>('montecarlo/workers.ts');
const { actorEngine, xstateEngine } =
  await compiledModule<typeof import('../../src/replay/engine.ts')>('replay/engine.ts');
const { replay } = await compiledModule<typeof import('../../src/replay/replay.ts')>('replay/replay.ts');
const { handWrittenReplay } =
  await bundledBenchModule<typeof import('../hand-written-reducer.ts')>('hand-written-reducer.ts');

const FUTURES = 2_000;
const LONG_LOG_EVENTS = 1_000_000;

/** Runs `work` over `futures` repeatedly for at least `minMs`; returns log events per second. */
function eventsPerSec(
  futures: readonly GeneratedFuture[],
  minMs: number,
  work: (future: GeneratedFuture) => unknown,
): number {
  const events = futures.reduce((sum, future) => sum + future.events.length, 0);
  for (const future of futures.slice(0, 50)) work(future); // warm up
  let rounds = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const future of futures) work(future);
    rounds++;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return (events * rounds) / (elapsed / 1000);
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/**
 * The kernel and the hand-written reducer timed in turn, `pairs` rounds of about `roundMs` each,
 * after a warm-up of both: the median rate of each, and the median and spread of the ratio taken
 * pair by pair (a ratio that holds when the machine's speed drifts, as it does on shared machines).
 */
function pairedRates(
  futures: readonly GeneratedFuture[],
  pairs: number,
  roundMs: number,
  kernelWork: (future: GeneratedFuture) => unknown,
  handWork: (future: GeneratedFuture) => unknown,
): { kernel: number; hand: number; ratio: number; ratioMin: number; ratioMax: number } {
  eventsPerSec(futures, roundMs, kernelWork);
  eventsPerSec(futures, roundMs, handWork);
  const kernel: number[] = [];
  const hand: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    kernel.push(eventsPerSec(futures, roundMs, kernelWork));
    hand.push(eventsPerSec(futures, roundMs, handWork));
    ratios.push((hand[pair] as number) / (kernel[pair] as number));
  }
  return {
    kernel: median(kernel),
    hand: median(hand),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
  };
}

function sameAsKernel(future: GeneratedFuture): boolean {
  const input = { assumptions: future.assumptions };
  const lean = foldEvents(future.events, input);
  const hand = handWrittenReplay(future.events, future.assumptions);
  if (
    lean.verdicts.permitted !== hand.permitted ||
    lean.verdicts.breach !== hand.breach ||
    lean.verdicts.undetermined !== hand.undetermined ||
    lean.verdicts.info !== hand.info
  )
    return false;
  return TERM_IDS.every((term, t) => {
    const flat = lean.timelines[term].flatMap((interval) => [interval.from, interval.until]);
    return JSON.stringify(flat) === JSON.stringify(hand.intervals[t]);
  });
}

/**
 * Futures per second with two workers, and the mean number of log events per future. The warm-up
 * run starts the workers (they are kept between runs) and warms their JIT; its time is reported
 * too, since a one-off CLI run pays that start-up once.
 */
async function monteCarloRate(
  specFile: string,
  futures: number,
): Promise<{ rate: number; events: number; warmUpSeconds: number }> {
  const spec = readSpecFile(resolve('simulations/montecarlo', specFile));
  const sampler = samplerFor(spec);
  let events = 0;
  for (let i = 0; i < 1000; i++) events += sampleFuture(sampler, 1, i).events.length;
  const warmUp = performance.now();
  await runMonteCarlo(spec, { futures: 20_000, seed: 1, workers: 2 }); // start and warm up the workers
  const warmUpSeconds = (performance.now() - warmUp) / 1000;
  const started = performance.now();
  const run = await runMonteCarlo(spec, { futures, seed: 1, workers: 2 });
  return { rate: run.done / ((performance.now() - started) / 1000), events: events / 1000, warmUpSeconds };
}

export async function measure(): Promise<BenchSection> {
  const futures = fc.sample(futureArbitrary({ amendments: true, maxEvents: 24 }), { numRuns: FUTURES, seed: 42 });
  const events = futures.reduce((sum, future) => sum + future.events.length, 0);
  const agree = futures.filter(sameAsKernel).length;

  const actor = eventsPerSec(futures.slice(0, 200), 1500, (f) =>
    replay(f.events, { assumptions: f.assumptions }, { engine: actorEngine }),
  );
  const transition = eventsPerSec(futures.slice(0, 400), 1500, (f) =>
    replay(f.events, { assumptions: f.assumptions }, { engine: xstateEngine }),
  );
  const kernelFold = eventsPerSec(futures, 1500, (f) =>
    replay(f.events, { assumptions: f.assumptions }, { engine: kernelEngine }),
  );
  const paired = pairedRates(
    futures,
    9,
    400,
    (f) => foldEvents(f.events, { assumptions: f.assumptions }),
    (f) => handWrittenReplay(f.events, f.assumptions),
  );
  const { kernel, hand } = paired;

  const monteCarlo = await monteCarloRate('lognormal-from-2026.json', 400_000);
  const monteCarloConduct = await monteCarloRate('panel-deadline-rejections.json', 100_000);
  const monteCarloRevenue = await monteCarloRate('uniform-2027-2035.json', 100_000);

  const dir = mkdtempSync(join(tmpdir(), 'dealsim-bench-'));
  let long: { seconds: number; parseSeconds: number; peakRssMb: number; events: number };
  try {
    const file = join(dir, 'long.jsonl');
    writeLongLog(file, LONG_LOG_EVENTS);
    const output = execFileSync(process.execPath, ['--import', 'tsx', resolve('bench/long-replay.ts'), file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    long = JSON.parse(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const k = (n: number) => `${Math.round(n).toLocaleString('en-US')}`;
  const metrics = {
    actorEventsPerSec: Math.round(actor),
    transitionEventsPerSec: Math.round(transition),
    kernelSharedFoldEventsPerSec: Math.round(kernelFold),
    kernelEventsPerSec: Math.round(kernel),
    handWrittenEventsPerSec: Math.round(hand),
    kernelSpeedupVsActor: Number((kernel / actor).toFixed(2)),
    kernelSpeedupVsTransition: Number((kernel / transition).toFixed(2)),
    kernelVsHandWritten: Number(paired.ratio.toFixed(2)),
    kernelVsHandWrittenMin: Number(paired.ratioMin.toFixed(2)),
    kernelVsHandWrittenMax: Number(paired.ratioMax.toFixed(2)),
    handWrittenAgreesFraction: agree / futures.length,
    monteCarloFuturesPerSec: Math.round(monteCarlo.rate),
    monteCarloFirstRunSeconds: Number(monteCarlo.warmUpSeconds.toFixed(2)),
    monteCarloConductFuturesPerSec: Math.round(monteCarloConduct.rate),
    monteCarloWithRevenueFuturesPerSec: Math.round(monteCarloRevenue.rate),
    replay1MSeconds: Number(long.seconds.toFixed(3)),
    replay1MParseOnlySeconds: Number(long.parseSeconds.toFixed(3)),
    replay1MPeakRssMb: Number(long.peakRssMb.toFixed(1)),
  };
  return {
    name: 'replay engines and Monte Carlo (issue 5)',
    metrics,
    lines: [
      `${FUTURES.toLocaleString('en-US')} random futures (amendments on), ${events.toLocaleString('en-US')} log events; hand-written reducer agrees with the kernel on ${agree}/${futures.length}`,
      `XState live actor            ${k(actor).padStart(12)} events/s`,
      `XState pure transition       ${k(transition).padStart(12)} events/s`,
      `kernel under the shared fold ${k(kernelFold).padStart(12)} events/s`,
      `kernel lean fold             ${k(kernel).padStart(12)} events/s   ${metrics.kernelSpeedupVsActor}× the actor (target ≥ 20×), ${metrics.kernelSpeedupVsTransition}× transition`,
      `hand-written reducer (floor) ${k(hand).padStart(12)} events/s   the kernel is ${metrics.kernelVsHandWritten}× slower (9 pairs in turn, ${metrics.kernelVsHandWrittenMin}–${metrics.kernelVsHandWrittenMax}; target ≤ 2×)`,
      `Monte Carlo, 2 workers       ${k(monteCarlo.rate).padStart(12)} futures/s (lognormal-from-2026.json, ${monteCarlo.events.toFixed(1)} events a future; target ≥ 200,000)`,
      `  first run (starts the 2 workers, 20,000 futures) ${monteCarlo.warmUpSeconds.toFixed(2)} s; later runs reuse the warm workers`,
      `  with conduct rates         ${k(monteCarloConduct.rate).padStart(12)} futures/s (panel-deadline-rejections.json, ${monteCarloConduct.events.toFixed(1)} events a future)`,
      `  with conduct and revenue   ${k(monteCarloRevenue.rate).padStart(12)} futures/s (uniform-2027-2035.json, ${monteCarloRevenue.events.toFixed(1)} events a future)`,
      `1,000,000-event log streamed ${long.seconds.toFixed(2).padStart(12)} s (reading and validating alone ${long.parseSeconds.toFixed(2)} s), peak RSS ${long.peakRssMb.toFixed(0)} MB (targets < 3 s, < 300 MB)`,
    ],
  };
}

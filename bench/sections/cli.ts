/**
 * What users run (issue 12): the real `dealsim` command (whatever package.json's `bin` points
 * at) timed as child processes, next to `node -e 0` and the floor (bench/floor.mjs: read the
 * file, JSON.parse every line). Each figure is the median of several runs. A 1,000,000-event
 * command runs in turn with the floor, and its ratio is the median of the ratios pair by pair;
 * the other ratios compare medians of the same run. Peak memory is each child's maximum resident set, from
 * /usr/bin/time (GNU time) when it is installed. Logs are written to a temporary folder.
 * Measured, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLongLog } from '../long-log.ts';
import type { BenchSection } from '../section.ts';

const TIME = '/usr/bin/time';
const runsArgument = process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length);
/** Runs per command: `npm run bench -- --runs=N`; heavy commands (1,000,000 events) run at most 3 times. */
const RUNS = Math.max(1, Number(runsArgument ?? 5));
const HEAVY_RUNS = Math.min(RUNS, 3);

interface Timed {
  /** Median wall-clock seconds. */
  readonly seconds: number;
  readonly min: number;
  readonly max: number;
  /** Median peak resident set, MB; null without GNU time. */
  readonly peakMb: number | null;
  readonly runs: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

interface Run {
  readonly seconds: number;
  /** Peak resident set, MB; undefined without GNU time. */
  readonly peakMb: number | undefined;
}

/** Runs `argv` once, stdout to `output` (or discarded); fails loudly on a non-zero exit. */
function runOnce(argv: readonly string[], output?: string): Run {
  const fd = output === undefined ? 'ignore' : openSync(output, 'w');
  const [command, ...args] = existsSync(TIME) ? [TIME, '-f', 'peak-kb %M', ...argv] : argv;
  const started = performance.now();
  const result = spawnSync(command as string, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (typeof fd === 'number') closeSync(fd);
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  const peak = /peak-kb (\d+)/.exec(result.stderr ?? '')?.[1];
  return { seconds, peakMb: peak === undefined ? undefined : Number(peak) / 1024 };
}

function summary(runs: readonly Run[]): Timed {
  const seconds = runs.map((run) => run.seconds);
  const peaks = runs.flatMap((run) => (run.peakMb === undefined ? [] : [run.peakMb]));
  return {
    seconds: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
    peakMb: peaks.length ? median(peaks) : null,
    runs: runs.length,
  };
}

/** Runs `argv` `runs` times, stdout to `output` (or discarded). */
function timed(argv: readonly string[], runs: number, output?: string): Timed {
  return summary(Array.from({ length: runs }, () => runOnce(argv, output)));
}

/** A command timed in turn with the floor, and the median of the ratios pair by pair. */
interface Paired extends Timed {
  readonly floorRuns: readonly Run[];
  /** Median of command / floor over the pairs, and their spread. */
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
}

/**
 * Runs the floor and `argv` in turn, `runs` pairs: a ratio taken pair by pair holds when the
 * machine's speed drifts during the benchmark (on a shared machine the floor alone moved from
 * 0.9 s to 2 s within an hour), where a ratio of two medians taken minutes apart does not.
 */
function pairedWithFloor(floor: readonly string[], argv: readonly string[], runs: number, output?: string): Paired {
  const floorRuns: Run[] = [];
  const commandRuns: Run[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < runs; pair++) {
    const base = runOnce(floor);
    const run = runOnce(argv, output);
    floorRuns.push(base);
    commandRuns.push(run);
    ratios.push(run.seconds / base.seconds);
  }
  return {
    ...summary(commandRuns),
    floorRuns,
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
  };
}

export async function measure(): Promise<BenchSection> {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { dealsim: string } };
  const node = process.execPath;
  const dealsim = [node, resolve(pkg.bin.dealsim)];
  const dir = mkdtempSync(join(tmpdir(), 'dealsim-bench-cli-'));
  try {
    const long = join(dir, 'long.jsonl');
    const medium = join(dir, 'medium.jsonl');
    writeLongLog(long, 1_000_000);
    writeLongLog(medium, 10_000);
    const out = join(dir, 'out');
    const shipped = 'simulations/declared-2028-verified-2028.jsonl';

    const nodeStart = timed([node, '-e', '0'], RUNS);
    const version = timed([...dealsim, '--version'], RUNS);
    const simulateShipped = timed([...dealsim, 'simulate', shipped], RUNS, out);
    const floorArgv = [node, resolve('bench/floor.mjs'), long];
    const validate = pairedWithFloor(floorArgv, [...dealsim, 'validate', long], HEAVY_RUNS);
    const simulateJson = pairedWithFloor(floorArgv, [...dealsim, 'simulate', long, '--json'], HEAVY_RUNS, out);
    const simulate = pairedWithFloor(floorArgv, [...dealsim, 'simulate', long], HEAVY_RUNS, out);
    const floor = summary([...validate.floorRuns, ...simulateJson.floorRuns, ...simulate.floorRuns]);
    const report = timed([...dealsim, 'report', medium, '-o', join(dir, 'report.html')], HEAVY_RUNS);
    const check = timed([...dealsim, 'check', '--with-amendments', '--depth', '8'], HEAVY_RUNS);

    const ratio = (a: Timed, b: Timed) => Number((a.seconds / b.seconds).toFixed(2));
    const vsFloorRatio = (t: Paired) => Number(t.ratio.toFixed(2));
    const s = (t: Timed) => Number(t.seconds.toFixed(3));
    const mb = (t: Timed) => (t.peakMb === null ? null : Number(t.peakMb.toFixed(1)));
    const metrics = {
      cliRuns: RUNS,
      cliHeavyRuns: HEAVY_RUNS,
      cliNodeSeconds: s(nodeStart),
      cliNodePeakRssMb: mb(nodeStart),
      cliFloor1MSeconds: s(floor),
      cliFloor1MPeakRssMb: mb(floor),
      cliVersionSeconds: s(version),
      cliVersionVsNode: ratio(version, nodeStart),
      cliVersionPeakRssMb: mb(version),
      cliSimulateShippedSeconds: s(simulateShipped),
      cliSimulateShippedVsNode: ratio(simulateShipped, nodeStart),
      cliSimulateShippedPeakRssMb: mb(simulateShipped),
      cliValidate1MSeconds: s(validate),
      cliValidate1MVsFloor: vsFloorRatio(validate),
      cliValidate1MVsFloorMin: Number(validate.ratioMin.toFixed(2)),
      cliValidate1MVsFloorMax: Number(validate.ratioMax.toFixed(2)),
      cliValidate1MVsNode: ratio(validate, nodeStart),
      cliValidate1MPeakRssMb: mb(validate),
      cliSimulateJson1MSeconds: s(simulateJson),
      cliSimulateJson1MVsFloor: vsFloorRatio(simulateJson),
      cliSimulateJson1MVsFloorMin: Number(simulateJson.ratioMin.toFixed(2)),
      cliSimulateJson1MVsFloorMax: Number(simulateJson.ratioMax.toFixed(2)),
      cliSimulateJson1MVsNode: ratio(simulateJson, nodeStart),
      cliSimulateJson1MPeakRssMb: mb(simulateJson),
      cliSimulate1MSeconds: s(simulate),
      cliSimulate1MVsFloor: vsFloorRatio(simulate),
      cliSimulate1MVsFloorMin: Number(simulate.ratioMin.toFixed(2)),
      cliSimulate1MVsFloorMax: Number(simulate.ratioMax.toFixed(2)),
      cliSimulate1MVsNode: ratio(simulate, nodeStart),
      cliSimulate1MPeakRssMb: mb(simulate),
      cliReport10kSeconds: s(report),
      cliReport10kVsNode: ratio(report, nodeStart),
      cliReport10kPeakRssMb: mb(report),
      cliCheckDepth8Seconds: s(check),
      cliCheckDepth8VsNode: ratio(check, nodeStart),
      cliCheckDepth8PeakRssMb: mb(check),
    };
    const row = (label: string, t: Timed, versus: string) =>
      `${label.padEnd(40)} ${t.seconds.toFixed(2).padStart(7)} s  (${t.min.toFixed(2)}–${t.max.toFixed(2)}, ${t.runs} runs)  ${t.peakMb === null ? '' : `${t.peakMb.toFixed(0).padStart(4)} MB  `}${versus}`;
    const vsNode = (t: Timed) => `${ratio(t, nodeStart)}× node -e 0`;
    const vsFloor = (t: Paired) =>
      `${vsFloorRatio(t)}× the floor (pairs ${t.ratioMin.toFixed(2)}–${t.ratioMax.toFixed(2)}), ${ratio(t, nodeStart)}× node -e 0`;
    return {
      name: `the dealsim command as users run it (${dealsim.slice(1).join(' ')}; median of runs, min–max, peak RSS)`,
      metrics: metrics as unknown as Record<string, number>,
      lines: [
        row('node -e 0', nodeStart, ''),
        row(
          'floor: read + JSON.parse 1,000,000 lines',
          floor,
          `${ratio(floor, nodeStart)}× node -e 0; run before each command below`,
        ),
        row('dealsim --version', version, `${vsNode(version)} (target ≤ 1.5×)`),
        row(
          `dealsim simulate ${shipped.split('/').at(-1)}`,
          simulateShipped,
          `${vsNode(simulateShipped)} (target ≤ 3×)`,
        ),
        row('dealsim validate (1,000,000 events)', validate, `${vsFloor(validate)} (target ≤ 2× the floor)`),
        row('dealsim simulate --json (1M) > file', simulateJson, `${vsFloor(simulateJson)} (target ≤ 3×)`),
        row('dealsim simulate (1M) > file', simulate, `${vsFloor(simulate)} (target ≤ 3×)`),
        row('dealsim report (10,000 events)', report, `${vsNode(report)} (target ≤ 1 s)`),
        row('dealsim check --with-amendments --depth 8', check, `${vsNode(check)} (target ≤ 10 s)`),
        'peak memory target: ≤ 300 MB for each 1,000,000-event command',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

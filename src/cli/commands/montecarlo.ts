import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fromDayNumber, type IsoDate, toDayNumber } from '../../domain/dates.ts';
import { InputError } from '../../domain/errors.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERM_IDS } from '../../domain/terms.ts';
import { describeHistory, type HistoryUsed, historyTag } from '../../history/history.ts';
import { aggregate, type MonteCarloJson, QUANTILES, toCsv } from '../../montecarlo/aggregate.ts';
import { cdfChart, researchIpHistogram } from '../../montecarlo/charts.ts';
import {
  digest,
  mergeShards,
  parseShard,
  type RunIdentity,
  type ShardId,
  shardFile,
  shardFileName,
  shardSlice,
  specDigest,
} from '../../montecarlo/shard.ts';
import { readSpecFile } from '../../montecarlo/spec-file.ts';
import type { RunSpec } from '../../montecarlo/start.ts';
import { emptyTally, type Tally, tallyOutcomes } from '../../montecarlo/tally.ts';
import { runMonteCarlo } from '../../montecarlo/workers.ts';
import { readText } from '../../store/log-file.ts';
import { writeOutputFile } from '../../store/output-file.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, type ParsedArgs, printJson, stringOption } from '../command.ts';
import type { Io } from '../io.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const montecarlo: Command = {
  name: 'montecarlo',
  summary: 'simulate many random futures from a spec: how likely each term ends by an event, by the calendar, or never',
  help: `Usage: dealsim montecarlo SPEC.json [--futures N] [--seed S] [--workers W] [--json] [-o DIR]
       dealsim montecarlo SPEC.json --shard K/N -o DIR [--futures N] [--seed S] [--workers W]
       dealsim montecarlo merge DIR... [--json] [-o OUT]

Draws N random futures from SPEC.json (when AGI is declared, how the panel rules, conduct
rates, revenue, amendments, assumptions fixed or sampled with weights), replays each on the
compiled kernel, and prints per term the fraction of futures in which it ends by an event, by
the calendar, or never, with quantiles of its end date; the revenue share's years and amount
(C9); and the probability of each breach. The same seed gives the same results, byte for byte,
whatever the number of workers. Ctrl-C stops and reports the futures done so far.

Every future starts from the spec's "history": the real history by default (today's deal),
"none" (the deal as signed) or a history log; sampled events fall after its last date unless
the spec's "sampleFrom" says otherwise. The output's first line names it.

Scale-out: --shard K/N runs only the K-th of N slices of the same seeded futures and writes
DIR/shard-K-of-N.json (exact counts, no results); "merge" adds shards 1…N up and prints and
writes the results of one run of all N futures, byte for byte.

Options:
  --futures N   how many futures to draw (default 100000; with --shard, in the whole run)
  --seed S      the random seed, a whole number (default 1)
  --workers W   worker threads (default: the number of CPUs, here ${availableParallelism()})
  --shard K/N   run shard K of N (1 ≤ K ≤ N); needs -o DIR
  --json        print one JSON object instead of tables
  -o DIR        also write DIR/results.json, DIR/results.csv and SVG charts (with --shard: DIR/shard-K-of-N.json)
  -h, --help    show this help

Examples:
  dealsim montecarlo simulations/montecarlo/uniform-2027-2035.json --futures 1000000
  dealsim montecarlo simulations/montecarlo/piecewise-forecast.json --json -o out/forecast
  dealsim montecarlo simulations/montecarlo/uniform-2027-2035.json --futures 4000000 --shard 3/4 -o out/shards
  dealsim montecarlo merge out/shards -o out/merged`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    futures: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  positionals: { min: 1, max: 10_000, names: 'SPEC.json, or merge DIR...' },
  async run(args, io) {
    if (args.positionals[0] === 'merge') return merge(args, io);
    if (args.positionals.length > 1) {
      throw new InputError(`dealsim montecarlo takes one SPEC.json, got ${args.positionals.length} arguments`, {
        hint: 'name one spec, or merge shards with "dealsim montecarlo merge DIR..."',
      });
    }
    const file = args.positionals[0] as string;
    const shardText = stringOption(args, 'shard');
    const shard = shardText === undefined ? undefined : parseShard(shardText);
    // With --shard, --futures counts the whole run; each process holds only its slice.
    const most = shard === undefined ? MAX_FUTURES : MAX_FUTURES * shard.of;
    const futures = wholeOption(args.values.futures, '--futures', 100_000, 1, most);
    const seed = wholeOption(args.values.seed, '--seed', 1, 0, Number.MAX_SAFE_INTEGER);
    const workers = wholeOption(args.values.workers, '--workers', availableParallelism(), 1, MAX_WORKERS);
    const outDir = stringOption(args, 'output');
    // An empty name would resolve to the working folder and write eleven files into it.
    if (outDir === '')
      throw new InputError('-o names no folder', { hint: 'name the folder to write, e.g. -o results' });
    if (shard !== undefined && outDir === undefined) {
      throw new InputError(`--shard ${shardText} needs -o DIR, where the shard writes ${shardFileName(shard)}`, {
        hint: `add e.g. -o out/shards; then "dealsim montecarlo merge out/shards" once all ${shard.of} shards are done`,
      });
    }
    const spec = readSpecFile(file);
    const identity = runIdentity(spec, seed, futures);
    const slice = shard === undefined ? { first: 0, count: futures } : shardSlice(shard, futures);
    io.interrupted(); // installs the Ctrl-C handler before the run starts
    const progress = progressBar(io, slice.count);
    const run = await runMonteCarlo(spec, {
      futures: slice.count,
      first: slice.first,
      seed,
      workers,
      onProgress: progress.update,
      stop: io.interrupted,
    });
    progress.done();
    const tally = tallyOutcomes(emptyTally(), run.outcomes, run.done);
    if (shard !== undefined) return writeShard(io, args, shard, slice, identity, tally, outDir as string);
    const result = aggregate(tally, { ...runFacts(spec, identity), requested: futures });
    if (run.done < futures) {
      io.err(
        `dealsim: interrupted: ${run.done.toLocaleString('en-US')} of ${futures.toLocaleString('en-US')} futures done; results cover those.\n`,
      );
    }
    if (outDir !== undefined) writeResults(resolve(io.cwd, outDir), result, tally);
    if (args.values.json) printJson(io, result);
    else io.out(render(`Monte Carlo ${file}`, result, styleFor(io.color), outDir));
    return run.done < futures ? 130 : 0;
  },
};

function runIdentity(spec: RunSpec, seed: number, futures: number): RunIdentity {
  const { start, ...parsed } = spec;
  return {
    specSha256: specDigest(parsed),
    seed,
    futures,
    horizon: spec.horizon,
    // The events themselves: two history files of the same name and length can differ.
    history: { used: start.history, sha256: digest(start.events), sampleFrom: fromDayNumber(start.sampleFromDay) },
  };
}

/** What the results say about the run, from its identity (a merge has only the shards'). */
function runFacts(spec: RunSpec, identity: RunIdentity) {
  return {
    seed: identity.seed,
    specSha256: identity.specSha256,
    horizon: spec.horizon,
    history: spec.start.history,
    sampleFrom: fromDayNumber(spec.start.sampleFromDay),
  };
}

/** Writes results.json, results.csv and the SVG charts of `result` into `dir`. */
function writeResults(dir: string, result: MonteCarloJson, tally: Tally): void {
  makeOutputFolder(dir);
  writeOutputFile(join(dir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeOutputFile(join(dir, 'results.csv'), toCsv(result));
  const horizonDay = toDayNumber(result.horizon);
  const subtitle = chartSubtitle(result);
  for (const term of TERM_IDS)
    writeOutputFile(join(dir, `cdf-${term}.svg`), cdfChart(term, tally, horizonDay, subtitle));
  writeOutputFile(join(dir, 'research-ip-end-dates.svg'), researchIpHistogram(tally, horizonDay, subtitle));
}

/** What every chart says under its title: where the futures started, how many, which seed. */
function chartSubtitle(result: MonteCarloJson): string {
  return `${historyTag(result.history)}; sampled from ${result.sampleFrom}; ${result.futures.toLocaleString('en-US')} futures, seed ${result.seed}`;
}

/** Writes a finished shard's tally; an interrupted shard writes nothing, so a merge can never take it for whole. */
function writeShard(
  io: Io,
  args: ParsedArgs,
  shard: ShardId,
  slice: { first: number; count: number },
  identity: RunIdentity,
  tally: Tally,
  outDir: string,
): number {
  const name = shardFileName(shard);
  if (tally.futures < slice.count) {
    io.err(
      `dealsim: interrupted: shard ${shard.index}/${shard.of} did ${tally.futures.toLocaleString('en-US')} of its ${slice.count.toLocaleString('en-US')} futures; ${name} was not written. Run the shard again to complete it.\n`,
    );
    return 130;
  }
  const dir = resolve(io.cwd, outDir);
  makeOutputFolder(dir);
  const file = shardFile(shard, slice.first, identity, tally);
  writeOutputFile(join(dir, name), `${JSON.stringify(file)}\n`); // atomic: a merge never reads a half-written shard
  const last = slice.first + slice.count - 1;
  if (args.values.json) printJson(io, { shard, first: slice.first, futures: slice.count, file: join(outDir, name) });
  else {
    io.out(
      `Shard ${shard.index}/${shard.of}: futures ${slice.first.toLocaleString('en-US')}…${last.toLocaleString('en-US')} of ${identity.futures.toLocaleString('en-US')} written to ${join(outDir, name)}\n` +
        `When all ${shard.of} shards are done: dealsim montecarlo merge DIR... (their -o directories)\n`,
    );
  }
  return 0;
}

/** `dealsim montecarlo merge DIR...`: the results of one run from its shards. */
function merge(args: ParsedArgs, io: Io): number {
  for (const option of ['futures', 'seed', 'workers', 'shard'] as const) {
    if (args.values[option] !== undefined) {
      throw new InputError(`dealsim montecarlo merge takes no --${option}: the shards already say it`, {
        hint: "merge takes the shards' directories, and --json or -o OUT",
      });
    }
  }
  const places = args.positionals.slice(1);
  if (places.length === 0) {
    throw new InputError("dealsim montecarlo merge needs the shards' directories", {
      hint: 'e.g. dealsim montecarlo merge out/shard-1 out/shard-2, or one directory that holds every shard-K-of-N.json',
    });
  }
  const files = places.flatMap((place) => shardFilesIn(resolve(io.cwd, place), place));
  const { run, tally } = mergeShards(
    files.map((file) => ({ file: file.shown, json: readShardJson(file.path, file.shown) })),
  );
  const { used, sampleFrom } = run.history as { used: HistoryUsed; sampleFrom: IsoDate };
  const result = aggregate(tally, {
    seed: run.seed,
    specSha256: run.specSha256,
    horizon: run.horizon,
    history: used,
    sampleFrom,
    requested: run.futures,
  });
  const outDir = stringOption(args, 'output');
  if (outDir !== undefined) writeResults(resolve(io.cwd, outDir), result, tally);
  if (args.values.json) printJson(io, result);
  else
    io.out(
      render(
        `Monte Carlo, ${files.length} shards merged (spec ${run.specSha256.slice(0, 12)}…)`,
        result,
        styleFor(io.color),
        outDir,
      ),
    );
  return 0;
}

const SHARD_FILE = /^shard-\d+-of-\d+\.json$/;

/** The shard files a merge argument names: a shard file itself, or those in a directory. */
function shardFilesIn(path: string, shown: string): { path: string; shown: string }[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`no such file or directory: ${shown}`, {
      hint: 'name the -o directories the shards wrote (each holds a shard-K-of-N.json)',
    });
  }
  if (!isDirectory) return [{ path, shown }];
  const names = readdirSync(path)
    .filter((name) => SHARD_FILE.test(name))
    .sort();
  if (names.length === 0) {
    throw new InputError(`${shown} holds no shard-K-of-N.json`, {
      hint: 'run "dealsim montecarlo SPEC --shard K/N -o DIR" into it first, or name the right directory',
    });
  }
  return names.map((name) => ({ path: join(path, name), shown: join(shown, name) }));
}

function readShardJson(path: string, shown: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, {
      file: shown,
      hint: 'the shard file is damaged or incomplete: run that shard again',
    });
  }
}

/** Creates the -o folder (and its parents); a failure is bad input, with the reason. */
function makeOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot create the folder ${dir} (${code ?? 'error'})`, {
      hint: 'check the path and its permissions',
    });
  }
}

/**
 * The most futures one run draws: each keeps about 70 bytes of outcomes until the end, so ten
 * million is under 1 GB; more is a run to split into shards (--shard K/N).
 */
const MAX_FUTURES = 10_000_000;
/** More threads than this only contend for the cores. */
const MAX_WORKERS = 256;

function wholeOption(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const number = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new InputError(`${name} ${text} is not a whole number from ${min} to ${max.toLocaleString('en-US')}`, {
      hint: `write it as e.g. ${name} ${fallback}`,
    });
  }
  return number;
}

/** Futures/s and ETA on stderr, redrawn at most ten times a second; silent when stderr is not a terminal. */
function progressBar(io: Io, total: number): { update: (done: number) => void; done: () => void } {
  if (!io.stderrIsTty) return { update: () => {}, done: () => {} };
  const started = performance.now();
  let drawn = 0;
  return {
    update: (done) => {
      const now = performance.now();
      if (now - drawn < 100 && done < total) return;
      drawn = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 1e-3);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const width = 30;
      const filled = Math.round((done / total) * width);
      io.err(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} futures  ${Math.round(rate).toLocaleString('en-US')}/s  ETA ${eta.toFixed(1)}s `,
      );
    },
    done: () => io.err('\r\x1b[2K'),
  };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function render(heading: string, result: MonteCarloJson, style: ReturnType<typeof styleFor>, outDir?: string): string {
  const out: string[] = [];
  out.push(
    describeHistory(result.history),
    `${style.bold(heading)}: ${result.futures.toLocaleString('en-US')} futures, seed ${result.seed}, sampled from ${result.sampleFrom} to ${result.horizon}`,
    '',
  );
  out.push(
    table(
      ['TERM', 'BY EVENT', 'BY CALENDAR', 'NEVER', ...QUANTILES.map((q) => `P${q} END`)],
      result.terms.map((term) => [
        term.id,
        percent(term.endedByEventFraction),
        percent(term.endedByCalendarFraction),
        percent(term.neverEndsFraction),
        ...QUANTILES.map((q) => term.until[`p${q}`] ?? 'never'),
      ]),
    ).trimEnd(),
  );
  const { years, accruedUsd } = result.revenueShare;
  out.push(
    '',
    `${style.bold('Revenue share (C9)')} years held to the horizon: mean ${years.mean.toFixed(1)}, p5 ${years.p5.toFixed(1)}, p50 ${years.p50.toFixed(1)}, p95 ${years.p95.toFixed(1)}`,
    `${style.bold('Accrued to Microsoft')} mean ${formatUsd(accruedUsd.mean)}, p5 ${formatUsd(accruedUsd.p5)}, p50 ${formatUsd(accruedUsd.p50)}, p95 ${formatUsd(accruedUsd.p95)}`,
    `${style.bold('Breaches')} ${Object.entries(result.breaches)
      .map(([clause, p]) => `${clause} ${percent(p)}`)
      .join(', ')} of futures, by their sampled events (the history's own verdicts are not counted)`,
    `${style.bold('Undetermined')} ${Object.entries(result.undetermined)
      .map(([clause, p]) => `${clause} ${percent(p)}`)
      .join(
        ', ',
      )} of futures, by their sampled events (a verdict turns on a fact they leave out, such as azureFirst; never counted as a breach)`,
    `${style.bold('AGI at the end')} ${Object.entries(result.agi)
      .map(([key, p]) => `${key.replace('Fraction', '')} ${percent(p)}`)
      .join(', ')}`,
  );
  if (outDir !== undefined) out.push('', `Wrote results.json, results.csv and SVG charts to ${outDir}`);
  return `${out.join('\n')}\n`;
}

import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { toDayNumber } from '../../domain/dates.ts';
import { InputError } from '../../domain/errors.ts';
import { MAX_JSON_INPUT_CHARS, parseJsonInput } from '../../domain/json-input.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERM_IDS } from '../../domain/terms.ts';
import { aggregate, type MonteCarloJson, QUANTILES, sortedEndDays, toCsv } from '../../montecarlo/aggregate.ts';
import { cdfChart, researchIpHistogram } from '../../montecarlo/charts.ts';
import { parseSpec } from '../../montecarlo/spec.ts';
import { runMonteCarlo } from '../../montecarlo/workers.ts';
import { readInputFile } from '../../store/log-file.ts';
import { writeOutputFile } from '../../store/output-file.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, printJson, stringOption } from '../command.ts';
import type { Io } from '../io.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const montecarlo: Command = {
  name: 'montecarlo',
  summary: 'simulate many random futures from a spec: how likely each term ends by an event, by the calendar, or never',
  help: `Usage: dealsim montecarlo SPEC.json [--futures N] [--seed S] [--workers W] [--json] [-o DIR]

Draws N random futures from SPEC.json (when AGI is declared, how the panel rules, conduct
rates, revenue, amendments, assumptions fixed or sampled with weights), replays each on the
compiled kernel, and prints per term the fraction of futures in which it ends by an event, by
the calendar, or never, with quantiles of its end date; the revenue share's years and amount
(C9); and the probability of each breach. The same seed gives the same results, byte for byte,
whatever the number of workers. Ctrl-C stops and reports the futures done so far.

Options:
  --futures N   how many futures to draw (default 100000)
  --seed S      the random seed, a whole number (default 1)
  --workers W   worker threads (default: the number of CPUs, here ${availableParallelism()})
  --json        print one JSON object instead of tables
  -o DIR        also write DIR/results.json, DIR/results.csv and SVG charts
  -h, --help    show this help

Examples:
  dealsim montecarlo simulations/montecarlo/uniform-2027-2035.json --futures 1000000
  dealsim montecarlo simulations/montecarlo/piecewise-forecast.json --json -o out/forecast`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    futures: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  positionals: { min: 1, max: 1, names: 'SPEC.json' },
  async run(args, io) {
    const file = args.positionals[0] as string;
    const futures = wholeOption(args.values.futures, '--futures', 100_000, 1, MAX_FUTURES);
    const seed = wholeOption(args.values.seed, '--seed', 1, 0, Number.MAX_SAFE_INTEGER);
    const workers = wholeOption(args.values.workers, '--workers', availableParallelism(), 1, MAX_WORKERS);
    const spec = loadSpec(file);
    const outDir = stringOption(args, 'output');
    io.interrupted(); // installs the Ctrl-C handler before the run starts
    const progress = progressBar(io, futures);
    const run = await runMonteCarlo(spec, {
      futures,
      seed,
      workers,
      onProgress: progress.update,
      stop: io.interrupted,
    });
    progress.done();
    const result = aggregate(run.outcomes, { seed, horizon: spec.horizon, requested: futures }, run.done);
    if (run.done < futures) {
      io.err(
        `dealsim: interrupted: ${run.done.toLocaleString('en-US')} of ${futures.toLocaleString('en-US')} futures done; results cover those.\n`,
      );
    }
    if (outDir !== undefined) {
      const dir = resolve(io.cwd, outDir);
      makeOutputFolder(dir, outDir);
      writeOutputFile(join(dir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
      writeOutputFile(join(dir, 'results.csv'), toCsv(result));
      const horizonDay = toDayNumber(spec.horizon);
      TERM_IDS.forEach((term, t) => {
        writeOutputFile(
          join(dir, `cdf-${term}.svg`),
          cdfChart(term, sortedEndDays(run.outcomes, t, run.done), horizonDay),
        );
      });
      writeOutputFile(join(dir, 'research-ip-end-dates.svg'), researchIpHistogram(run.outcomes, run.done, horizonDay));
    }
    if (args.values.json) printJson(io, result);
    else io.out(render(file, result, styleFor(io.color), outDir));
    return run.done < futures ? 130 : 0;
  },
};

/** Creates the -o folder (and its parents); a failure is bad input, with the reason. */
function makeOutputFolder(dir: string, shown: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot create the folder ${shown} (${code ?? 'error'})`, {
      hint: 'check the path and its permissions',
    });
  }
}

/**
 * The most futures one run draws: each keeps about 70 bytes of outcomes until the end, so ten
 * million is under 1 GB; more is a run to split by seed.
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

function loadSpec(file: string) {
  const text = readInputFile(file, MAX_JSON_INPUT_CHARS, 'the spec');
  const json = parseJsonInput(text, {
    file,
    what: 'the spec',
    hint: 'a spec is one JSON object; see simulations/montecarlo/ for examples',
  });
  try {
    return parseSpec(json);
  } catch (error) {
    throw error instanceof InputError ? error.at({ file }) : error;
  }
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

function render(file: string, result: MonteCarloJson, style: ReturnType<typeof styleFor>, outDir?: string): string {
  const out: string[] = [];
  out.push(
    `${style.bold('Monte Carlo')} ${file}: ${result.futures.toLocaleString('en-US')} futures, seed ${result.seed}, to ${result.horizon}`,
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
      .join(', ')} of futures`,
    `${style.bold('Undetermined')} ${Object.entries(result.undetermined)
      .map(([clause, p]) => `${clause} ${percent(p)}`)
      .join(
        ', ',
      )} of futures (a verdict turns on a fact the sampled events leave out, such as azureFirst; never counted as a breach)`,
    `${style.bold('AGI at the end')} ${Object.entries(result.agi)
      .map(([key, p]) => `${key.replace('Fraction', '')} ${percent(p)}`)
      .join(', ')}`,
  );
  if (outDir !== undefined) out.push('', `Wrote results.json, results.csv and SVG charts to ${outDir}`);
  return `${out.join('\n')}\n`;
}

/**
 * `npm run simulations`: replays every future listed in simulations/futures.json after the
 * history and with the assumptions it names there (today's deal, or the deal as signed for the
 * futures in as-signed/), and prints one line each: the AGI status, which terms ended when,
 * and how many breaches. Exits 2 with the clean `file:line: what. Fix: how.` error if any
 * future is invalid (or the manifest and the folder disagree), 70 on an internal error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAssumptions } from '../src/domain/assumptions.ts';
import { DealsimError, InputError } from '../src/domain/errors.ts';
import { formatUsd } from '../src/domain/money.ts';
import { branchFrom, historyUsed } from '../src/history/history.ts';
import { replay } from '../src/replay/replay.ts';
import { type SimulationJson, toSimulationJson } from '../src/replay/report.ts';
import { readHistory } from '../src/store/history-file.ts';
import { readLog } from '../src/store/log-file.ts';

/** One entry of futures.json. */
export interface FutureEntry {
  /** Relative to simulations/: `no-agi-ever.jsonl`, `as-signed/natsec-api-other-cloud.jsonl`. */
  readonly file: string;
  readonly title: string;
  readonly story: string;
  /** What it branches from, as `--history` takes it: `builtin` (today's deal) or `none` (as signed). */
  readonly history: 'builtin' | 'none';
  readonly assume: readonly string[];
}

/** The folder of the futures that illustrate the deal as signed (`--history none`). */
export const AS_SIGNED_FOLDER = 'as-signed';

const here = dirname(fileURLToPath(import.meta.url));
const manifestPath = join(here, 'futures.json');

/** Reads futures.json and checks that it lists exactly the .jsonl files in this folder. */
export function loadManifest(): FutureEntry[] {
  const { futures } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { futures: FutureEntry[] };
  const listed = new Set(futures.map((future) => future.file));
  const place = relative(process.cwd(), manifestPath);
  const files = [
    ...readdirSync(here).filter((name) => name.endsWith('.jsonl')),
    ...readdirSync(join(here, AS_SIGNED_FOLDER))
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => `${AS_SIGNED_FOLDER}/${name}`),
  ];
  for (const future of futures) {
    const wanted = future.file.startsWith(`${AS_SIGNED_FOLDER}/`) ? 'none' : 'builtin';
    if (future.history !== wanted) {
      throw new InputError(`futures.json gives ${future.file} the history "${future.history}"`, {
        file: place,
        hint: `futures in ${AS_SIGNED_FOLDER}/ replay on the deal as signed ("history": "none"); the others on today's deal ("history": "builtin")`,
      });
    }
  }
  for (const file of files) {
    if (!listed.has(file)) {
      throw new InputError(`simulations/${file} is not listed in futures.json`, {
        file: place,
        hint: `add an entry with its file, title, story and assume pairs`,
      });
    }
  }
  return futures;
}

/** Replays one future after its manifest history, with its assumptions; invalid futures throw a placed InputError. */
export function simulateFuture(entry: FutureEntry): SimulationJson {
  const file = relative(process.cwd(), join(here, entry.file));
  const input = { assumptions: parseAssumptions(entry.assume) };
  const history = readHistory(entry.history);
  try {
    return toSimulationJson(replay(branchFrom(history, readLog(file)), input), undefined, historyUsed(history));
  } catch (error) {
    throw error instanceof InputError && error.file === undefined ? error.at({ file }) : error;
  }
}

/** `AGI verified 2028-09-01 · ended 2028-03-01 compute-threshold; … · 0 breaches`; terms not listed never end. */
export function summaryLine(json: SimulationJson): string {
  const { agi } = json;
  const agiText =
    agi.status === 'verified'
      ? `verified ${agi.verifiedOn}`
      : agi.status === 'pending'
        ? `pending since ${agi.declaredOn}`
        : agi.status === 'rejected'
          ? `rejected ${agi.rejectedOn}`
          : 'never declared';
  const endedOn = new Map<string, string[]>();
  for (const term of json.terms) {
    const last = term.intervals.at(-1);
    if (!last) continue;
    if (last.until !== null) endedOn.set(last.until, [...(endedOn.get(last.until) ?? []), term.id]);
  }
  const ended = [...endedOn.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, terms]) => `${date} ${terms.join(', ')}`);
  // The history's own findings are the same for every future: count the future's.
  const breaches = json.findings.filter((finding) => finding.verdict === 'breach' && finding.origin === null).length;
  const share = json.ledger.revenueShareAccruedUsd;
  return [
    `AGI ${agiText}`,
    `ended ${ended.length ? ended.join('; ') : 'nothing'}`,
    `${breaches} breach${breaches === 1 ? '' : 'es'}`,
    ...(share > 0 ? [`share ${formatUsd(share)}`] : []),
  ].join(' · ');
}

function run(): number {
  // `npm run simulations | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    const futures = loadManifest();
    const width = Math.max(...futures.map((future) => future.file.length));
    for (const future of futures) {
      const assume = future.assume.length ? ` [--assume ${future.assume.join(' --assume ')}]` : '';
      process.stdout.write(`${future.file.padEnd(width)}  ${summaryLine(simulateFuture(future))}${assume}\n`);
    }
    process.stdout.write(`${futures.length} futures replayed\n`);
    return 0;
  } catch (error) {
    if (error instanceof DealsimError) {
      process.stderr.write(`simulations: ${error.describe()}\n`);
      return error.exitCode;
    }
    process.stderr.write(`simulations: internal error: ${(error as Error).message}. This is a bug in dealsim.\n`);
    return 70;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = run();

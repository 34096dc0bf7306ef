/**
 * `dealsim coverage`: which clauses C1–C12, chart states and transitions the shipped simulations
 * and the test suite exercise. The simulations are replayed here through a recording engine; the
 * test suite's recording comes from `npm run coverage:tests` (test/coverage/record-steps.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest } from '../../../simulations/run-all.ts';
import { reachableTransitions } from '../../coverage/reachable.ts';
import { type Exercised, emptyExercised, recordingEngine } from '../../coverage/recorder.ts';
import {
  type CoverageReport,
  coverageReport,
  type ExercisedJson,
  mergeExercised,
  REPORTED_CLAUSES,
} from '../../coverage/report.ts';
import { parseAssumptions } from '../../domain/assumptions.ts';
import { InputError } from '../../domain/errors.ts';
import { branchFrom, type History } from '../../history/history.ts';
import { replay } from '../../replay/replay.ts';
import { readHistory } from '../../store/history-file.ts';
import { readLog } from '../../store/log-file.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, printJson, stringOption } from '../command.ts';
import { HISTORY_HELP, HISTORY_OPTION, historyFrom } from '../future-input.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * The folder holding dealsim's package.json, where `npm run coverage:tests` writes its recording:
 * ROOT itself from the sources, its parent when this runs compiled from dist/.
 */
const PACKAGE_ROOT = ((dir: string): string => {
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})(ROOT);
const DEFAULT_RECORDING = 'reports/clause-coverage/tests';

interface SourceCoverage extends CoverageReport {
  /** For the simulations: the clauses each shipped future exercises. */
  readonly byFuture?: Readonly<Record<string, readonly string[]>>;
}

interface CoverageJson {
  readonly simulations: SourceCoverage;
  /** Null when the test suite has not been recorded. */
  readonly tests: SourceCoverage | null;
  readonly testsRecording: string;
}

/** Each shipped future replays after the history its manifest entry names, unless `--history` overrides it for all. */
function simulationsCoverage(reachable: ReadonlySet<string>, override: History | undefined): SourceCoverage {
  const all = emptyExercised();
  const byFuture: Record<string, string[]> = {};
  const futures = loadManifest();
  for (const future of futures) {
    const file = join(ROOT, 'simulations', future.file);
    const one = emptyExercised();
    try {
      const history = override ?? readHistory(future.history);
      replay(
        branchFrom(history, readLog(file)),
        { assumptions: parseAssumptions(future.assume) },
        { engine: recordingEngine(one) },
      );
    } catch (error) {
      throw error instanceof InputError && error.file === undefined ? error.at({ file }) : error;
    }
    byFuture[future.file] = REPORTED_CLAUSES.filter((clause) => one.clauses.has(clause));
    merge(all, one);
  }
  return { ...coverageReport(all, futures.length, reachable), byFuture };
}

function merge(into: Exercised, from: Exercised): void {
  for (const state of from.states) into.states.add(state);
  for (const transition of from.transitions) into.transitions.add(transition);
  for (const [clause, evidence] of from.clauseEvidence) {
    into.clauses.add(clause);
    if (!into.clauseEvidence.has(clause)) into.clauseEvidence.set(clause, evidence);
  }
}

/** The test suite's recording in `folder`; null when there is none (`given`: the user named the folder, which must then exist). */
function testsCoverage(folder: string, reachable: ReadonlySet<string>, given?: string): SourceCoverage | null {
  const found = statSync(folder, { throwIfNoEntry: false });
  if (given !== undefined && !found?.isDirectory()) {
    throw new InputError(`--tests ${given}: ${found ? 'not a folder' : 'no such folder'}`, {
      hint: `name the folder "npm run coverage:tests" wrote, by default ${DEFAULT_RECORDING}`,
    });
  }
  if (!found) return null;
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  if (files.length === 0) return null;
  const all = emptyExercised();
  let futures = 0;
  for (const name of files) {
    const file = join(folder, name);
    let json: ExercisedJson;
    try {
      json = JSON.parse(readFileSync(file, 'utf8')) as ExercisedJson;
    } catch (error) {
      throw new InputError(`cannot read the test-suite recording ${file} (${(error as Error).message})`, {
        hint: 'record it again with "npm run coverage:tests"',
      });
    }
    futures += mergeExercised(all, json);
  }
  return coverageReport(all, futures, reachable);
}

const percent = (covered: number, total: number) => `${covered}/${total} (${Math.round((100 * covered) / total)}%)`;

function render(json: CoverageJson, color: boolean, width: number | undefined): string {
  const style = styleFor(color);
  const { simulations, tests } = json;
  const out: string[] = [];
  out.push(
    `${style.bold('Clause coverage')}: ${simulations.futures} shipped simulations; test suite ${tests ? `(${tests.futures.toLocaleString('en-US')} futures replayed)` : 'not recorded'}`,
    '',
  );
  const mark = (seen: boolean) => (seen ? style.green('yes') : style.red('NO'));
  const firstFuture = (clause: string) =>
    Object.entries(simulations.byFuture ?? {}).find(([, clauses]) => clauses.includes(clause))?.[0] ?? '';
  const rows = REPORTED_CLAUSES.map((clause) => [
    clause,
    mark(clause in simulations.clauses.evidence),
    tests ? mark(clause in tests.clauses.evidence) : '—',
    firstFuture(clause),
    simulations.clauses.evidence[clause] ?? tests?.clauses.evidence[clause] ?? '',
  ]);
  out.push(
    table(['CLAUSE', 'SIMULATIONS', 'TESTS', 'FIRST SHIPPED FUTURE', 'EXERCISED BY'], rows, { width }).trimEnd(),
    '',
  );
  const totals = (pick: (report: CoverageReport) => { covered: number; total: number }) => [
    percent(pick(simulations).covered, pick(simulations).total),
    tests ? percent(pick(tests).covered, pick(tests).total) : '—',
  ];
  out.push(
    table(
      ['', 'SIMULATIONS', 'TESTS'],
      [
        ['clauses C1–C12', ...totals((r) => r.clauses)],
        ['states', ...totals((r) => r.states)],
        ['transitions', ...totals((r) => r.transitions)],
        ['  reachable without a user amendment', ...totals((r) => r.reachableTransitions)],
      ],
      { width },
    ).trimEnd(),
  );
  for (const [name, report] of [
    ['simulations', simulations],
    ['tests', tests],
  ] as const) {
    if (!report) continue;
    // Transitions only a user's amendment can fire are not gaps; list the ones that are.
    const missing = [...report.states.missing, ...report.reachableTransitions.missing];
    if (missing.length === 0) continue;
    out.push('', `${style.bold(`Reachable but not exercised by the ${name}`)} (${missing.length}):`);
    for (const id of missing) out.push(`  ${style.dim(id)}`);
  }
  if (!tests) {
    out.push(
      '',
      `Record the test suite with "npm run coverage:tests" (writes ${json.testsRecording}), then run again.`,
    );
  }
  return `${out.join('\n')}\n`;
}

export const coverage: Command = {
  name: 'coverage',
  summary: 'which clauses C1–C12, chart states and transitions the simulations and tests exercise',
  help: `Usage: dealsim coverage [--tests DIR] [--json]

Replays every shipped future (simulations/futures.json, after the history and with the
assumptions each names; --history H replays them all after H instead) through a recording engine and reports which clauses C1–C12, which states of the statechart and
which of its transitions (each guarded branch on its own) they exercise, next to the same for
the test suite. A clause counts when a transition that stands for it fires (a state's meta
clause, or the clauses of the term whose region moves) or a verdict on conduct cites it.
Transitions are also counted against those that can fire at all under the built-in rules and
amendments (asked of the chart's own guards); the others need a user's --amendments file.

The test suite's numbers come from its last recorded run: "npm run coverage:tests" runs the
whole suite recording every step through the XState engines into ${DEFAULT_RECORDING}/.

Exits 1 when a clause C1–C12 is exercised by neither the simulations nor the recorded tests.

Options:
${HISTORY_HELP}
  --tests DIR         read the test-suite recording from DIR (default ${DEFAULT_RECORDING})
  --json              print {simulations, tests, testsRecording} as JSON
  -h, --help          show this help`,
  options: { ...COMMON_OPTIONS, ...JSON_OPTION, ...HISTORY_OPTION, tests: { type: 'string' } },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const given = stringOption(args, 'tests');
    const folder =
      given === undefined ? join(PACKAGE_ROOT, DEFAULT_RECORDING) : isAbsolute(given) ? given : join(io.cwd, given);
    const reachable = reachableTransitions();
    const json: CoverageJson = {
      simulations: simulationsCoverage(
        reachable,
        stringOption(args, 'history') === undefined ? undefined : historyFrom(args),
      ),
      tests: testsCoverage(folder, reachable, given),
      testsRecording: given ?? DEFAULT_RECORDING,
    };
    if (args.values.json) printJson(io, json);
    else io.out(render(json, io.color, io.columns));
    const unexercised = REPORTED_CLAUSES.filter(
      (clause) =>
        !(clause in json.simulations.clauses.evidence) && !(json.tests && clause in json.tests.clauses.evidence),
    );
    return unexercised.length === 0 ? 0 : 1;
  },
};

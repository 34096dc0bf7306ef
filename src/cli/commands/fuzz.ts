import { InputError } from '../../domain/errors.ts';
import { fuzz as runFuzz } from '../../fuzz/fuzz.ts';
import { describeHistory, historyUsed } from '../../history/history.ts';
import {
  ASSUME_HELP,
  ASSUME_OPTION,
  COMMON_OPTIONS,
  type Command,
  JSON_OPTION,
  printJson,
  stringOption,
} from '../command.ts';
import { HISTORY_HELP, HISTORY_OPTION } from '../future-input.ts';
import { styleFor } from '../render/style.ts';
import {
  assumeFlags,
  count,
  counterexampleJson,
  countOption,
  describeCounterexample,
  ENGINE_HELP,
  ENGINE_OPTION,
  engineOption,
  fixedAssumptions,
  historyFlag,
  historyForChecking,
} from './checking.ts';

export const fuzzCommand: Command = {
  name: 'fuzz',
  summary: 'check all eight invariants on random valid futures, seeded and shrunk (fast-check)',
  help: `Usage: dealsim fuzz [--runs N] [--seed S] [--path P] [--assume KEY=VALUE]... [--engine NAME] [--json]

Generates N random valid futures (AGI events, conduct, the 2026 amendments; dates biased to
the sunsets and their neighbours; assumptions drawn at random unless fixed with --assume) and
checks the eight invariants of CLAUSES.md on each. On a failure, prints the invariant broken,
the shrunk counterexample as a log ready for "dealsim simulate", and the seed and path that
reproduce it, and exits 1. Progress goes to stderr on a terminal.

Options:
  --runs N            futures to try (default 1000)
  --seed S            fast-check seed (default: a new one, printed)
  --path P            replay one failure: the path printed with its seed
${ASSUME_HELP}
${HISTORY_HELP}
${ENGINE_HELP}
  --json              print one JSON object
  -h, --help          show this help

Exit codes: 0 every invariant held, 1 a future broke one, 2 bad options.`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...ENGINE_OPTION,
    ...HISTORY_OPTION,
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const runs = countOption(args, 'runs', 1000, 1);
    // A fuzzing run without a seed gets a fresh one; it is printed, so every run can be repeated.
    const seed = countOption(args, 'seed', Math.floor(Math.random() * 2 ** 31), 0);
    const path = stringOption(args, 'path');
    if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
      throw new InputError(`--path ${path} is not a fast-check path`, {
        hint: 'copy the path printed after "Reproduce:", e.g. --path "4:0:0:2", with the same --seed',
      });
    }
    const { fixed } = fixedAssumptions(args);
    const engine = engineOption(args);
    const history = historyForChecking(args);
    const started = performance.now();
    const report = runFuzz({
      history,
      runs,
      seed,
      fixed,
      engine,
      ...(path !== undefined && { path }),
      ...(io.stderrIsTty && { onProgress: (done: number) => io.err(`\rdealsim fuzz: ${count(done)} futures`) }),
    });
    if (io.stderrIsTty) io.err('\n');
    const seconds = (performance.now() - started) / 1000;
    const failure = report.failure;
    const fixedFlags = assumeFlags(fixed, true)
      .map((flag) => ` ${flag}`)
      .join('');
    const reproduce =
      failure && `dealsim fuzz --seed ${failure.seed} --path "${failure.path}"${fixedFlags}${historyFlag(history)}`;
    if (args.values.json) {
      printJson(io, {
        passed: failure === null,
        history: historyUsed(history),
        runs: report.runs,
        seed,
        engine: engine.name,
        seconds: Math.round(seconds * 10) / 10,
        failure: failure && {
          ...counterexampleJson(failure.assumptions, failure.events, failure.violations, history),
          seed: failure.seed,
          path: failure.path,
          shrinks: report.shrinks,
          reproduce,
        },
      });
      return failure ? 1 : 0;
    }
    const style = styleFor(io.color);
    if (!failure) {
      io.out(
        `${style.bold(describeHistory(historyUsed(history)))}\n${style.bold('dealsim fuzz')} ${count(report.runs)} random futures, seed ${seed}, engine ${engine.name}, ${seconds.toFixed(1)} s: ${style.green('all 8 invariants held')}\n`,
      );
      return 0;
    }
    const out = describeCounterexample(
      `An invariant is broken (future ${count(report.runs)} of seed ${seed}, shrunk in ${report.shrinks} steps):`,
      failure.assumptions,
      failure.events,
      failure.violations,
      style,
      history,
    );
    out.push('', `Reproduce: ${reproduce}`);
    io.out(`${out.join('\n')}\n`);
    return 1;
  },
};

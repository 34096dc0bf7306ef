import { assumptionCombinations } from '../../check/combinations.ts';
import { explore } from '../../check/explorer.ts';
import { describeHistory, historyUsed } from '../../history/history.ts';
import { INVARIANTS } from '../../invariants/index.ts';
import {
  ASSUME_HELP,
  ASSUME_OPTION,
  COMMON_OPTIONS,
  type Command,
  JSON_OPTION,
  printJson,
  stringOption,
} from '../command.ts';
import { AMENDMENTS_OPTION, HISTORY_HELP, HISTORY_OPTION, readAmendments } from '../future-input.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';
import {
  count,
  counterexampleJson,
  countOption,
  describeCounterexample,
  ENGINE_HELP,
  ENGINE_OPTION,
  engineOption,
  fixedAssumptions,
  historyForChecking,
} from './checking.ts';

export const check: Command = {
  name: 'check',
  summary: 'check all eight invariants on every abstract future up to a depth (bounded exhaustive)',
  help: `Usage: dealsim check [--depth K] [--assume KEY=VALUE]... [--with-amendments] [--amendments FILE]
                     [--engine NAME] [--json]

Enumerates every abstract future of up to K AGI and panel events (declarations, rulings; the
calendar's sunsets and panel deadlines arrive as the dates pass), with dates in the classes
that matter: before, on and after each sunset, the same day, the next day, and inside and past
the panel deadline. Every combination of the enumerable readings that bear on the AGI process
and amendments is explored unless fixed with --assume; the readings that only judge conduct or
count the revenue cap cannot change these futures, so their values are spread over those
combinations (each value is replayed) instead of multiplying them. With --with-amendments (or --amendments FILE) the futures also apply each
amendment of the catalogue at most once, on any of those dates. Each future is replayed and checked against the eight invariants of CLAUSES.md.
Prints how many futures and distinct states were covered and which chart states and
transitions they reached. On a violation, prints the smallest future that breaks it as a log
ready for "dealsim simulate", and exits 1.

Options:
  --depth K           most AGI and panel events in a future (default 8)
${ASSUME_HELP}
  --with-amendments   also explore agreement.amended events (the 2026 amendments, S3 and S4)
  --amendments FILE   explore these hypothetical amendments (JSON) too; implies --with-amendments
${HISTORY_HELP}
${ENGINE_HELP}
  --json              print one JSON object
  -h, --help          show this help

Exit codes: 0 every invariant holds, 1 a future breaks one, 2 bad options.`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...ENGINE_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    depth: { type: 'string' },
    'with-amendments': { type: 'boolean' },
  },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const depth = countOption(args, 'depth', 8, 0);
    const { base, fixed } = fixedAssumptions(args);
    const combinations = assumptionCombinations(base, new Set(Object.keys(fixed) as (keyof typeof fixed)[]));
    const engine = engineOption(args);
    const file = stringOption(args, 'amendments');
    const amendments = file === undefined ? undefined : readAmendments(file);
    const exploreAmendments = args.values['with-amendments'] === true || amendments !== undefined;
    const history = historyForChecking(args);
    const started = performance.now();
    const report = explore({
      depth,
      history: history.events,
      combinations,
      engine,
      exploreAmendments,
      ...(amendments && { amendments }),
      ...(io.stderrIsTty && {
        onCombination: (done: number, total: number) =>
          io.err(`\rdealsim check: assumption combination ${done}/${total}${done === total ? '\n' : ''}`),
      }),
    });
    const seconds = (performance.now() - started) / 1000;
    const cex = report.counterexample;
    if (args.values.json) {
      printJson(io, {
        passed: cex === null,
        history: historyUsed(history),
        depth,
        amendments: exploreAmendments,
        engine: engine.name,
        combinations: report.combinations,
        futures: report.futures,
        states: report.states,
        configurations: report.configurations,
        invariants: INVARIANTS.map(({ id, name, statement }) => ({ id, name, statement })),
        coverage: report.coverage,
        seconds: Math.round(seconds * 10) / 10,
        counterexample: cex && counterexampleJson(cex.assumptions, cex.events, cex.violations, history),
      });
      return cex ? 1 : 0;
    }
    const style = styleFor(io.color);
    const { states, transitions } = report.coverage;
    const summary = [
      [
        'futures',
        `${count(report.futures)} abstract futures of up to ${depth} AGI and panel events${exploreAmendments ? ' and amendments' : ''}`,
      ],
      [
        'states',
        `${count(report.states)} distinct abstract states replayed and checked; ${report.configurations} chart configurations`,
      ],
      [
        'coverage',
        `chart states ${states.visited}/${states.total}, transitions ${transitions.fired}/${transitions.total}`,
      ],
    ];
    if (states.missed.length) summary.push(['', `states not reached: ${states.missed.join(', ')}`]);
    if (transitions.missed.length) {
      const why = `conduct events are not explored${exploreAmendments ? '' : ', nor amendments without --with-amendments'}, and some guards never hold under these rules`;
      if (transitions.missed.length <= 10) {
        summary.push(['', `transitions not fired (${why}):`], ...transitions.missed.map((label) => ['', `  ${label}`]));
      } else {
        summary.push(['', `${transitions.missed.length} transitions not fired (${why}); --json lists them`]);
      }
    }
    if (!cex) {
      summary.push([
        'invariants',
        `${style.green(`all ${INVARIANTS.length} hold`)} on every future (${INVARIANTS.map(({ id, name }) => `${id} ${name}`).join(', ')})`,
      ]);
    }
    const out = [
      style.bold(describeHistory(historyUsed(history))),
      `${style.bold('dealsim check')} depth ${depth}, ${report.combinations} assumption combination${report.combinations === 1 ? '' : 's'}, engine ${engine.name}, ${seconds.toFixed(1)} s`,
      table(null, summary, { indent: 2, width: io.columns }).trimEnd(),
    ];
    if (cex) {
      out.push(
        '',
        ...describeCounterexample(
          'An invariant is broken; the smallest future that breaks it:',
          cex.assumptions,
          cex.events,
          cex.violations,
          style,
          history,
        ),
      );
    }
    io.out(`${out.join('\n')}\n`);
    return cex ? 1 : 0;
  },
};

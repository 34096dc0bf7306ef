import { BUILT_IN_AMENDMENTS } from '../../domain/amendments.ts';
import { InputError } from '../../domain/errors.ts';
import { TERM_IDS, type TermId } from '../../domain/terms.ts';
import { describeHistory, historyTag, historyUsed } from '../../history/history.ts';
import { explainTerms } from '../../replay/explain.ts';
import { renderReport } from '../../visual/report.ts';
import { dealChart } from '../../visual/statechart.ts';
import { collectSteps } from '../../visual/steps.ts';
import { renderTimeline } from '../../visual/timeline.ts';
import { ASSUME_HELP, ASSUME_OPTION, COMMON_OPTIONS, type Command, listOption, stringOption } from '../command.ts';
import {
  AMENDMENTS_HELP,
  AMENDMENTS_OPTION,
  HISTORY_HELP,
  HISTORY_OPTION,
  inFile,
  loadFuture,
} from '../future-input.ts';
import { reportChartSvg } from '../render/report-charts.ts';
import { styleFor } from '../render/style.ts';
import { inputFiles, requiredOutput, writeOutput } from './chart.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';
import { explanationLines } from './explain.ts';

/** Explanations cost one replay per reading tried, shared by every term: a 10,000-event log is well within it. */
const DEFAULT_EXPLAIN_LIMIT = 100_000;

/** What `dealsim explain LOG TERM --at DATE` prints, captured without colour. */
export const report: Command = {
  name: 'report',
  summary: 'write a self-contained HTML report to step through a future like a debugger',
  help: `Usage: dealsim report LOG [--assume KEY=VALUE]... -o report.html

Writes one self-contained HTML file (all CSS, script and SVG inline; a strict
Content-Security-Policy; it works offline and makes no requests) to walk through the future
LOG step by step: the log's events and the calendar deadlines (sunsets, panel lapses) in date
order. Each step shows its date, the event, its findings and the terms holding, and the
statechart highlights the active states. Below: the rights timeline with a cursor, the
breaches, what "dealsim explain" says about each term on the date of the last event (with the
clause text), and the assumptions used. Keys: ← → step, Shift+← → jump, Home, End.

Options:
${ASSUME_HELP}
${HISTORY_HELP}
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --explain-limit N   explain every term only for logs of at most N events (default ${DEFAULT_EXPLAIN_LIMIT}):
                      explaining replays the log once per other assumption reading
  -o, --output FILE   the HTML file to write (required)
  -h, --help          show this help

Example:
  dealsim report simulations/rejected-then-redeclared-verified.jsonl -o report.html`,
  options: {
    ...COMMON_OPTIONS,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    'explain-limit': { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  positionals: { min: 1, max: 1, names: 'LOG' },
  async run(args, io) {
    const file = args.positionals[0] as string;
    const output = requiredOutput(args, 'report', 'report.html');
    const limitText = stringOption(args, 'explain-limit') ?? String(DEFAULT_EXPLAIN_LIMIT);
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || !Number.isSafeInteger(limit)) {
      throw new InputError(`--explain-limit ${limitText} is not a whole number`, { hint: 'e.g. --explain-limit 1000' });
    }
    const future = loadFuture(file, args);
    const chart = dealChart();
    const engine = engineOption(args);
    const collected = inFile(file, () => collectSteps(future.events, future.input, chart, engine));
    const at = collected.replayed.lastEventDate;
    const explanations = Object.fromEntries(TERM_IDS.map((term) => [term, null])) as Record<TermId, string | null>;
    const explain = future.events.length <= limit;
    // One replay per reading tried, shared by every term; numeric ranges are left to `dealsim explain`.
    if (explain) {
      const all = inFile(file, () =>
        explainTerms(future.events, future.input, TERM_IDS, at, { ranges: false, engine }),
      );
      for (const result of all) explanations[result.term.id] = explanationLines(result, styleFor(false)).join('\n');
    }
    // The statechart draws what the rules of this future can fire: the built-in ones and the
    // amendments its log applies (issue 10), never a branch only another amendment could take.
    const catalog = future.input.amendments ?? BUILT_IN_AMENDMENTS;
    const applied = collected.replayed.context.applied.flatMap((id) => {
      const amendment = catalog[id];
      return amendment === undefined ? [] : [[id, amendment] as const];
    });
    const chartSvg = await reportChartSvg(Object.fromEntries(applied));
    const history = historyUsed(future.history);
    const assumed =
      listOption(args, 'assume').length === 0 ? file : `${file} (${listOption(args, 'assume').join(', ')})`;
    const label = `${assumed} · ${historyTag(history)}`;
    const timelineSvg = renderTimeline([{ label, replayed: collected.replayed, events: future.events }], {
      cursor: true,
    });
    const html = renderReport({
      file,
      history: describeHistory(history),
      events: future.events,
      chart,
      collected,
      chartSvg,
      timelineSvg,
      explanations,
      explainedAt: at,
      ...(!explain && {
        explainNote: `This log has ${future.events.length} events, more than --explain-limit ${limit}: each term shows its meaning and clauses only. For the full explanation run: dealsim explain ${file} TERM --at ${at}`,
      }),
    });
    writeOutput(io, output, html, inputFiles(args, file));
    if (io.stderrIsTty) io.err(`wrote ${output}\n`);
    return 0;
  },
};

import { parseAssumptions } from '../../domain/assumptions.ts';
import { branchFrom, type History, historyTag, historyUsed } from '../../history/history.ts';
import { replay } from '../../replay/replay.ts';
import { readHistory } from '../../store/history-file.ts';
import { readLog } from '../../store/log-file.ts';
import { renderTimeline, type TimelineSide } from '../../visual/timeline.ts';
import { ASSUME_HELP, ASSUME_OPTION, COMMON_OPTIONS, type Command, listOption, stringOption } from '../command.ts';
import {
  AMENDMENTS_HELP,
  AMENDMENTS_OPTION,
  HISTORY_HELP,
  HISTORY_OPTION,
  historyFrom,
  inFile,
  inputFrom,
} from '../future-input.ts';
import { inputFiles, requiredOutput, writeOutput } from './chart.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';

/** `file (k=v, k=v) · real history to 2026-06-01`: what a side of the timeline shows, as the user would type it. */
function sideLabel(file: string, pairs: readonly string[], history: History): string {
  const assumed = pairs.length === 0 ? file : `${file} (${pairs.join(', ')})`;
  return `${assumed} · ${historyTag(historyUsed(history))}`;
}

export const timeline: Command = {
  name: 'timeline',
  summary: 'draw who holds what, when: a Gantt chart of the terms (SVG), optionally two futures compared',
  help: `Usage: dealsim timeline LOG [--vs LOG2] [--assume KEY=VALUE]... [--vs-assume KEY=VALUE]... -o FILE.svg

Draws the rights timeline of the future LOG as SVG: one row per term (holder and clause in the
label), bars for the intervals in which it holds, on a calendar from 2025-10-28 to a few years
past the last event; the 2031-01-01 and 2033-01-01 sunsets as dashed lines; each log event as
a marker (AGI process ◆, amendment □, breach ✕), with a legend. Each marker is numbered with
its log line (neighbours share a range, 12–40) and the events are listed by number below the
chart, so it reads on paper. Bars are solid for the first future and hatched for the second,
so it prints in greyscale.

Comparing two futures: --vs LOG2 draws LOG2 against LOG. --assume applies to both sides;
--vs-assume applies to the second side only, on top of --assume. With --vs-assume and no --vs,
the second side is LOG itself under the other assumptions. Rows whose terms differ are marked ≠
and the days that differ are cross-hatched.

Options:
  --vs LOG2             the second future to draw against LOG
${ASSUME_HELP}
  --vs-assume KEY=VALUE read a clause another way on the second side only (repeatable)
${HISTORY_HELP}
  --vs-history H        the history of the second side only (e.g. none: the deal as signed);
                        alone, the second side is LOG itself on that history
${AMENDMENTS_HELP}
${ENGINE_HELP}
  -o, --output FILE     the SVG file to write (required)
  -h, --help            show this help

Examples:
  dealsim timeline simulations/declared-2028-verified-2028.jsonl -o timeline.svg
  dealsim timeline simulations/no-agi-ever.jsonl --vs simulations/declared-2028-verified-2028.jsonl -o vs.svg
  dealsim timeline simulations/rejected-then-redeclared-verified.jsonl --vs-assume agi-ends-exclusivity=declaration -o readings.svg`,
  options: {
    ...COMMON_OPTIONS,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    'vs-history': { type: 'string' },
    vs: { type: 'string' },
    'vs-assume': { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  },
  positionals: { min: 1, max: 1, names: 'LOG' },
  run(args, io) {
    const file = args.positionals[0] as string;
    const output = requiredOutput(args, 'timeline', 'timeline.svg');
    const input = inputFrom(args);
    const engine = engineOption(args);
    const assume = listOption(args, 'assume');
    const vsAssume = listOption(args, 'vs-assume');
    const vs = stringOption(args, 'vs');
    const vsHistory = stringOption(args, 'vs-history');
    const history = historyFrom(args);
    const own = readLog(file);
    const events = [...branchFrom(history, own)];
    const sides: TimelineSide[] = [
      {
        label: sideLabel(file, assume, history),
        replayed: inFile(file, () => replay(events, input, { engine })),
        events,
      },
    ];
    if (vs !== undefined || vsAssume.length > 0 || vsHistory !== undefined) {
      const otherFile = vs ?? file;
      const otherHistory = vsHistory === undefined ? history : readHistory(vsHistory);
      const otherEvents = [...branchFrom(otherHistory, vs === undefined ? own : readLog(vs))];
      const otherInput = { ...input, assumptions: parseAssumptions(vsAssume, input.assumptions) };
      sides.push({
        label: sideLabel(otherFile, [...assume, ...vsAssume], otherHistory),
        replayed: inFile(otherFile, () => replay(otherEvents, otherInput, { engine })),
        events: otherEvents,
      });
    }
    writeOutput(io, output, renderTimeline(sides), inputFiles(args, file, vs));
    if (io.stderrIsTty) io.err(`wrote ${output}\n`);
    return 0;
  },
};

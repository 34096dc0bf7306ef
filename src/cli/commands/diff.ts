import { type DiffWording, diffReplays, type ReplayDiff, type Side } from '../../diff/replay-diff.ts';
import { describeHistory, type History, type HistoryUsed, historyTag, historyUsed } from '../../history/history.ts';
import { replay } from '../../replay/replay.ts';
import { readHistory } from '../../store/history-file.ts';
import {
  ASSUME_HELP,
  ASSUME_OPTION,
  COMMON_OPTIONS,
  type Command,
  JSON_OPTION,
  printJson,
  stringOption,
} from '../command.ts';
import {
  AMENDMENTS_HELP,
  AMENDMENTS_OPTION,
  HISTORY_HELP,
  HISTORY_OPTION,
  historyFrom,
  inFile,
  loadFuture,
} from '../future-input.ts';
import { type Style, styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';
import { visibleData, visibleText } from '../render/terminal-text.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';

export const diff: Command = {
  name: 'diff',
  summary: 'compare two futures: term-by-term interval differences and changed verdicts, in words',
  help: `Usage: dealsim diff LOG_A LOG_B [--assume KEY=VALUE]... [--amendments FILE] [--json]

Replays both logs after the same history (--vs-history gives LOG_B its own) and under the same
assumptions, and says what differs in LOG_B: each term whose
intervals changed, each conduct event whose verdict changed, the AGI process and the ledger,
as sentences a reader can quote. Exits 0 whether or not the futures differ.

Options:
${ASSUME_HELP}
${HISTORY_HELP}
  --vs-history H      the history of LOG_B only (e.g. none: LOG_B on the deal as signed)
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --json              print {"same", "terms", "verdicts", "other", "sentences"}
  -h, --help          show this help

Examples:
  dealsim diff simulations/no-agi-ever.jsonl simulations/declared-2028-verified-2028.jsonl
  dealsim diff my-future.jsonl my-future.jsonl --vs-history none   (today's deal vs as signed)
  dealsim simulate simulations/no-agi-ever.jsonl --without 2026-04-27   (S4 removed)`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    'vs-history': { type: 'string' },
  },
  positionals: { min: 2, max: 2, names: 'LOG_A LOG_B' },
  run(args, io) {
    const [fileA, fileB] = args.positionals as [string, string];
    const side = (file: string, history: History): Side & { history: HistoryUsed } => {
      const future = loadFuture(file, args, history);
      return {
        replayed: inFile(file, () => replay(future.events, future.input, { engine: engineOption(args) })),
        events: future.events,
        history: historyUsed(history),
      };
    };
    const historyA = historyFrom(args);
    const vsHistory = stringOption(args, 'vs-history');
    const a = side(fileA, historyA);
    const b = side(fileB, vsHistory === undefined ? historyA : readHistory(vsHistory));
    const wording: DiffWording = {
      condition: vsHistory === undefined ? `in ${fileB}` : `in ${fileB} on the ${historyTag(b.history)}`,
    };
    const result = diffReplays(a, b, wording);
    const labelA = `${fileA} (${describeHistory(a.history)})`;
    const labelB = `${fileB} (${describeHistory(b.history)})`;
    if (args.values.json) {
      printJson(io, { a: fileA, b: fileB, historyA: a.history, historyB: b.history, ...result });
    } else
      io.out(renderDiff(visibleText(labelA), visibleText(labelB), visibleData(result), styleFor(io.color), io.columns));
    return 0;
  },
};

/** The differences as a table of terms and a list of sentences. */
export function renderDiff(fileA: string, fileB: string, result: ReplayDiff, style: Style, width?: number): string {
  const out = [`${style.bold('A')} ${fileA}`, `${style.bold('B')} ${fileB}`, ''];
  if (result.same) return `${out.join('\n')}The two futures give the same terms, verdicts and ledger.\n`;
  if (result.terms.length) {
    const spans = (intervals: readonly { from: string; until: string | null }[]) =>
      intervals.length ? intervals.map((i) => `${i.from}–${i.until ?? 'no end'}`).join(', ') : 'never';
    out.push(
      style.bold('Terms that differ'),
      table(
        ['TERM', 'A', 'B'],
        result.terms.map((t) => [t.term, spans(t.a), style.bold(spans(t.b))]),
        { width },
      ).trimEnd(),
      '',
    );
  }
  out.push(style.bold('In words'));
  out.push(
    table(
      null,
      result.sentences.map((sentence) => ['-', sentence]),
      { indent: 2, gap: 1, width },
    ).trimEnd(),
  );
  return `${out.join('\n')}\n`;
}

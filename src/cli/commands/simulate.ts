import { basename } from 'node:path';
import wrapAnsi from 'wrap-ansi';
import { diffReplays, withoutEvent, withoutWording } from '../../diff/replay-diff.ts';
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS, formatAssumption } from '../../domain/assumptions.ts';
import { didYouMean } from '../../domain/did-you-mean.ts';
import { InputError } from '../../domain/errors.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERMS, type TermId } from '../../domain/terms.ts';
import { branchFrom, describeHistory, historyUsed } from '../../history/history.ts';
import { kernelEngine } from '../../kernel/engine.ts';
import { type LoggedEvent, lineRef } from '../../log/parse.ts';
import type { Verdict } from '../../replay/findings.ts';
import { describeCause } from '../../replay/intervals.ts';
import { type ReplayStep, replay } from '../../replay/replay.ts';
import { type SimulationJson, toSimulationJson } from '../../replay/report.ts';
import { streamLog } from '../../store/log-stream.ts';
import { VERDICT_MARKS } from '../../visual/verdict-marks.ts';
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
  dateOption,
  type Future,
  HISTORY_HELP,
  HISTORY_OPTION,
  historyFrom,
  inFile,
  inputFrom,
  loadFuture,
} from '../future-input.ts';
import { type Style, styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';
import { visibleData, visibleText } from '../render/terminal-text.ts';

export const simulate: Command = {
  name: 'simulate',
  summary: 'replay a future: which terms hold, when each ends and why, and the verdicts on conduct',
  help: `Usage: dealsim simulate LOG [--at DATE] [--history H] [--assume KEY=VALUE]... [--json]

Replays the event log LOG (JSON Lines, one dated event per line) after the real history (today's
deal; --history none for the deal as signed) through the statechart and prints which deal it
used, a timeline of what changed, a table of terms (holder, from, until, what ended it, clause),
the AGI state, the verdicts on conduct events with their status and source, and the ledger.

Options:
  --at DATE           the status on DATE, using only events dated up to it
  --without LINE|ID   the same future without one event: a line number of LOG or an
                      amendment ID (also the history's, e.g. 2026-04-27 for S4); also says
                      what differs from the whole log (see "dealsim diff")
${HISTORY_HELP}
${ASSUME_HELP}
${AMENDMENTS_HELP}
  --stream            read the log as it replays, on the compiled kernel, for very long logs
  --json              print one JSON object instead of tables
  -h, --help          show this help

Example:
  dealsim simulate simulations/declared-2028-verified-2028.jsonl --at 2029-06-01`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    at: { type: 'string' },
    without: { type: 'string' },
    stream: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'LOG' },
  run(args, io) {
    const file = args.positionals[0] as string;
    const at = stringOption(args, 'at');
    const date = at === undefined ? undefined : dateOption(at, '--at');
    const without = stringOption(args, 'without');
    if (args.values.stream && without !== undefined) {
      throw new InputError('--stream cannot be combined with --without', { hint: 'drop one of the two options' });
    }
    // --stream never holds the log: lines are read, validated and replayed one at a time.
    const future = args.values.stream
      ? { file, events: [], own: [], history: historyFrom(args), input: inputFrom(args) }
      : loadFuture(file, args);
    const cut = without === undefined ? undefined : removeEvent(file, future, without);
    const events: Iterable<LoggedEvent> = args.values.stream
      ? branchFrom(future.history, streamLog(file))
      : (cut?.events ?? future.events);
    const engine = args.values.stream ? { engine: kernelEngine } : {};
    const steps: ReplayStep[] = [];
    const replayed = inFile(file, () => {
      try {
        return replay(events, future.input, {
          ...engine,
          ...(date && { until: date }),
          onStep: (step) => steps.push(step),
        });
      } catch (error) {
        // Removing a line can leave the rest invalid (a ruling without its declaration): say so.
        if (!cut || !(error instanceof InputError)) throw error;
        throw new InputError(`${withoutWording(cut.removed).condition} the future is invalid: ${error.message}`, {
          ...(error.line !== undefined && { line: error.line }),
          ...(error.file !== undefined && { file: error.file }),
          hint: error.hint ?? 'remove another line',
        });
      }
    });
    const json = toSimulationJson(replayed, date, historyUsed(future.history, date));
    const counterfactual = cut && {
      line: cut.removed.line,
      origin: cut.removed.origin ?? null,
      event: cut.removed.event,
      ...diffReplays(
        {
          replayed: inFile(file, () => replay(future.events, future.input, date && { until: date })),
          events: future.events,
        },
        { replayed, events: cut.events },
        withoutWording(cut.removed),
      ),
    };
    if (args.values.json) printJson(io, counterfactual ? { ...json, without: counterfactual } : json);
    else {
      // User text (names, notes, the file name) is shown with its control characters escaped.
      io.out(render(visibleText(file), visibleData(json), steps, styleFor(io.color), io.columns));
      if (counterfactual) {
        io.out(renderWithout(visibleData(counterfactual.sentences), styleFor(io.color), io.columns));
      }
    }
    return 0;
  },
};

/** `--without`: the future minus one line of LOG or one amendment (the history's too), or an error naming what exists. */
function removeEvent(file: string, future: Future, target: string) {
  const cut = withoutEvent(future.events, target);
  if (cut) return cut;
  const amendments = future.events.flatMap(({ event }) =>
    event.type === 'agreement.amended' ? [event.amendment] : [],
  );
  throw new InputError(
    `--without ${target}: the future has no such line or amendment${didYouMean(target, amendments)}`,
    {
      file,
      hint: `give a line number of ${file} from 1 to ${future.own.at(-1)?.line ?? 0}${amendments.length ? ` or one of ${amendments.join(', ')}` : ''}`,
    },
  );
}

function renderWithout(sentences: readonly string[], style: Style, width: number | undefined): string {
  const lines = sentences.length
    ? table(
        null,
        sentences.map((s) => ['-', s]),
        { indent: 2, gap: 1, width },
      )
    : '  nothing: the removed event changes no term, verdict or ledger\n';
  return `\n${style.bold('Compared with the whole log')}\n${lines}`;
}

function render(
  file: string,
  json: SimulationJson,
  steps: readonly ReplayStep[],
  style: Style,
  width: number | undefined,
): string {
  const out: string[] = [];
  if (json.history) out.push(style.bold(describeHistory(json.history)));
  out.push(`${style.bold('Future')} ${file}${json.at ? `, as of ${json.at}` : ''}`);
  const changed = ASSUMPTION_KEYS.filter((key) => json.assume[key] !== DEFAULT_ASSUMPTIONS[key]);
  out.push(
    `${style.bold('Assumptions')} ${changed.length === 0 ? 'defaults' : changed.map((key) => `${key}=${formatAssumption(key, json.assume[key])}`).join(', ')} ${style.dim('(dealsim assumptions)')}`,
  );
  out.push('', style.bold('Timeline'));
  // 'effective' padded: the where column stays at least ten wide, as the line references need.
  const timeline = [['2025-10-28', 'effective'.padEnd(10), 'the agreement takes effect (C0)']];
  let holding = new Set<TermId>(Object.keys(TERMS) as TermId[]);
  for (const step of steps) {
    const now = new Set(step.holding);
    const ended = [...holding].filter((term) => !now.has(term));
    const started = [...now].filter((term) => !holding.has(term));
    holding = now;
    const quiet = step.cause.line !== null && step.findings.length > 0 && ended.length === 0 && started.length === 0;
    if (quiet && step.findings.every((finding) => finding.verdict !== 'breach' && finding.verdict !== 'undetermined'))
      continue;
    const where = step.cause.line === null ? 'calendar' : lineRef(step.cause.line, step.cause.origin);
    const what = visibleText(describeCause(step.cause)).replace(/^(\S+ \d+|\S+:\d+|calendar \S+): /, '');
    const effects = [
      ...(ended.length ? [style.red(`ends ${ended.join(', ')}`)] : []),
      ...(started.length ? [style.green(`restores ${started.join(', ')}`)] : []),
      ...step.findings.filter((f) => f.verdict === 'breach').map((f) => style.red(`BREACH ${f.clause}`)),
      ...step.findings
        .filter((f) => f.verdict === 'undetermined')
        .map((f) => style.yellow(`UNDETERMINED ${f.clause} (${(f.missingFacts ?? []).join(', ')} missing)`)),
    ];
    timeline.push([step.cause.date, where, `${what}${effects.length ? ` → ${effects.join('; ')}` : ''}`]);
  }
  out.push(table(null, timeline, { indent: 2, width }).trimEnd());
  out.push('', style.bold(json.at ? `Terms (holding on ${json.at} marked ●)` : 'Terms'));
  const rows = json.terms.flatMap((term) => {
    const mark = json.holding ? (json.holding.includes(term.id) ? style.green('● ') : '  ') : '';
    const label = `${mark}${term.id}`;
    if (term.intervals.length === 0) return [[label, term.holder, term.clauses.join(', '), '—', '—', 'never held']];
    return term.intervals.map((interval, index) => [
      index === 0 ? label : '',
      index === 0 ? term.holder : '',
      index === 0 ? term.clauses.join(', ') : '',
      interval.from,
      interval.until ?? 'no end',
      interval.endedBy ?? '',
    ]);
  });
  out.push(table(['TERM', 'HOLDER', 'CLAUSE', 'FROM', 'UNTIL', 'ENDED BY'], rows, { width }).trimEnd());
  const agi = json.agi;
  const dates = [
    agi.declaredOn && `declared ${agi.declaredOn}`,
    agi.verifiedOn && `verified ${agi.verifiedOn}`,
    agi.rejectedOn && `${agi.lapsedOn ? 'lapsed' : 'rejected'} ${agi.rejectedOn}`,
  ].filter(Boolean);
  out.push('', `${style.bold('AGI')} ${agi.status}${dates.length ? ` (${dates.join(', ')})` : ''}`);
  if (json.amendments.length) out.push(`${style.bold('Amendments')} ${json.amendments.join(', ')}`);
  out.push('', style.bold('Findings'));
  if (json.findings.length === 0) out.push('  none: the log has no conduct events');
  else {
    const paint = (verdict: Verdict) => {
      const text = `${VERDICT_MARKS[verdict].symbol} ${verdict}`;
      if (verdict === 'breach') return style.red(text);
      if (verdict === 'permitted') return style.green(text);
      return verdict === 'undetermined' ? style.yellow(text) : style.dim(text);
    };
    // Sources are URLs: numbered in the table, listed in full below it.
    const sources: string[] = [];
    const sourceRef = (source: string | null) => {
      if (source === null) return '';
      if (!sources.includes(source)) sources.push(source);
      return `[${sources.indexOf(source) + 1}]`;
    };
    const name = basename(file);
    out.push(
      table(
        ['LINE', 'DATE', 'EVENT', 'VERDICT', 'CLAUSE', 'STATUS', 'SOURCE', 'REASON'],
        json.findings.map((f) => [
          f.origin === null ? `${name}:${f.line}` : `${f.origin}:${f.line}`,
          f.date,
          f.type,
          paint(f.verdict),
          f.clause,
          f.status,
          sourceRef(f.source),
          f.reason,
        ]),
        { width, wrap: [0, 7] },
      ).trimEnd(),
    );
    const open = json.findings.filter((f) => f.verdict === 'undetermined').length;
    if (open > 0) {
      const note = `${VERDICT_MARKS.undetermined.symbol} ${open} verdict${open === 1 ? ' is' : 's are'} undetermined: the log leaves out a fact that decides ${open === 1 ? 'it' : 'them'}; each reason says what each value would give (add the fact to the line to settle it)`;
      out.push('', style.yellow(width === undefined ? note : wrapAnsi(note, width)));
    }
    if (sources.length) {
      out.push('', style.bold('Sources'), ...sources.map((source, index) => `  [${index + 1}] ${source}`));
    }
  }
  const ledger = json.ledger;
  out.push(
    '',
    `${style.bold('Ledger')} Azure purchased ${formatUsd(ledger.azurePurchasedUsd)} of ${formatUsd(ledger.azureCommitmentUsd)}; revenue recognised ${formatUsd(ledger.revenueRecognizedUsd)}; revenue share accrued to Microsoft ${formatUsd(ledger.revenueShareAccruedUsd)}`,
  );
  return `${out.join('\n')}\n`;
}

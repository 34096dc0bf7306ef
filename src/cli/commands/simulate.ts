import { diffReplays, withoutEvent, withoutWording } from '../../diff/replay-diff.ts';
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS, formatAssumption } from '../../domain/assumptions.ts';
import { didYouMean } from '../../domain/did-you-mean.ts';
import { InputError } from '../../domain/errors.ts';
import { formatUsd } from '../../domain/money.ts';
import { TERMS, type TermId } from '../../domain/terms.ts';
import { kernelEngine } from '../../kernel/engine.ts';
import type { LoggedEvent } from '../../log/parse.ts';
import { describeCause } from '../../replay/intervals.ts';
import { type ReplayStep, replay } from '../../replay/replay.ts';
import { type SimulationJson, toSimulationJson } from '../../replay/report.ts';
import { streamLog } from '../../store/log-stream.ts';
import {
  ASSUME_HELP,
  ASSUME_OPTION,
  COMMON_OPTIONS,
  type Command,
  JSON_OPTION,
  printJson,
  stringOption,
} from '../command.ts';
import { AMENDMENTS_HELP, AMENDMENTS_OPTION, dateOption, inFile, inputFrom, loadFuture } from '../future-input.ts';
import { type Style, styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const simulate: Command = {
  name: 'simulate',
  summary: 'replay a future: which terms hold, when each ends and why, and the verdicts on conduct',
  help: `Usage: dealsim simulate LOG [--at DATE] [--assume KEY=VALUE]... [--json]

Replays the event log LOG (JSON Lines, one dated event per line) through the statechart and
prints a timeline of what changed, a table of terms (holder, from, until, what ended it,
clause), the AGI state, the verdicts on conduct events and the ledger.

Options:
  --at DATE           the status on DATE, using only events dated up to it
  --without LINE|ID   the same future without one event: a line number or an amendment ID;
                      also says what differs from the whole log (see "dealsim diff")
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
    const future = args.values.stream ? { events: [], input: inputFrom(args) } : loadFuture(file, args);
    const cut = without === undefined ? undefined : removeEvent(file, future.events, without);
    const events: Iterable<LoggedEvent> = args.values.stream ? streamLog(file) : (cut?.events ?? future.events);
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
        throw new InputError(`without line ${cut.removed.line} the future is invalid: ${error.message}`, {
          ...(error.line !== undefined && { line: error.line }),
          hint: error.hint ?? 'remove another line',
        });
      }
    });
    const json = toSimulationJson(replayed, date);
    const counterfactual = cut && {
      line: cut.removed.line,
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
      io.out(render(file, json, steps, styleFor(io.color)));
      if (counterfactual) io.out(renderWithout(counterfactual.sentences, styleFor(io.color)));
    }
    return 0;
  },
};

/** `--without`: the log minus one line or amendment, or an error naming what exists. */
function removeEvent(file: string, events: readonly LoggedEvent[], target: string) {
  const cut = withoutEvent(events, target);
  if (cut) return cut;
  const amendments = events.flatMap(({ event }) => (event.type === 'agreement.amended' ? [event.amendment] : []));
  throw new InputError(`--without ${target}: the log has no such line or amendment${didYouMean(target, amendments)}`, {
    file,
    hint: `give a line number from 1 to ${events.at(-1)?.line ?? 0}${amendments.length ? ` or one of ${amendments.join(', ')}` : ''}`,
  });
}

function renderWithout(sentences: readonly string[], style: Style): string {
  const lines = sentences.length
    ? sentences.map((s) => `  - ${s}`)
    : ['  nothing: the removed event changes no term, verdict or ledger'];
  return `\n${style.bold('Compared with the whole log')}\n${lines.join('\n')}\n`;
}

function render(file: string, json: SimulationJson, steps: readonly ReplayStep[], style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Future')} ${file}${json.at ? `, as of ${json.at}` : ''}`);
  const changed = ASSUMPTION_KEYS.filter((key) => json.assume[key] !== DEFAULT_ASSUMPTIONS[key]);
  out.push(
    `${style.bold('Assumptions')} ${changed.length === 0 ? 'defaults' : changed.map((key) => `${key}=${formatAssumption(key, json.assume[key])}`).join(', ')} ${style.dim('(dealsim assumptions)')}`,
  );
  out.push('', style.bold('Timeline'));
  out.push(`  2025-10-28  ${'effective'.padEnd(9)}  the agreement takes effect (C0)`);
  let holding = new Set<TermId>(Object.keys(TERMS) as TermId[]);
  for (const step of steps) {
    const now = new Set(step.holding);
    const ended = [...holding].filter((term) => !now.has(term));
    const started = [...now].filter((term) => !holding.has(term));
    holding = now;
    const quiet = step.cause.line !== null && step.findings.length > 0 && ended.length === 0 && started.length === 0;
    if (quiet && step.findings.every((finding) => finding.verdict !== 'breach')) continue;
    const where = step.cause.line === null ? 'calendar' : `line ${step.cause.line}`;
    const what = describeCause(step.cause).replace(/^(line \d+|calendar \S+): /, '');
    const effects = [
      ...(ended.length ? [style.red(`ends ${ended.join(', ')}`)] : []),
      ...(started.length ? [style.green(`restores ${started.join(', ')}`)] : []),
      ...step.findings.filter((f) => f.verdict === 'breach').map((f) => style.red(`BREACH ${f.clause}`)),
    ];
    out.push(`  ${step.cause.date}  ${where.padEnd(9)}  ${what}${effects.length ? ` → ${effects.join('; ')}` : ''}`);
  }
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
  out.push(table(['TERM', 'HOLDER', 'CLAUSE', 'FROM', 'UNTIL', 'ENDED BY'], rows).trimEnd());
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
    const paint = (verdict: string) =>
      verdict === 'breach' ? style.red(verdict) : verdict === 'permitted' ? style.green(verdict) : style.dim(verdict);
    out.push(
      table(
        ['LINE', 'DATE', 'EVENT', 'VERDICT', 'CLAUSE', 'REASON'],
        json.findings.map((f) => [String(f.line), f.date, f.type, paint(f.verdict), f.clause, f.reason]),
      ).trimEnd(),
    );
  }
  const ledger = json.ledger;
  out.push(
    '',
    `${style.bold('Ledger')} Azure purchased ${formatUsd(ledger.azurePurchasedUsd)} of ${formatUsd(ledger.azureCommitmentUsd)}; revenue recognised ${formatUsd(ledger.revenueRecognizedUsd)}; revenue share accrued to Microsoft ${formatUsd(ledger.revenueShareAccruedUsd)}`,
  );
  return `${out.join('\n')}\n`;
}

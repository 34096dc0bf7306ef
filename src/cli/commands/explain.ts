import { formatAssumption } from '../../domain/assumptions.ts';
import { SOURCES } from '../../domain/clauses.ts';
import { didYouMean } from '../../domain/did-you-mean.ts';
import { InputError } from '../../domain/errors.ts';
import { TERM_IDS, type TermId } from '../../domain/terms.ts';
import { describeHistory, historyUsed } from '../../history/history.ts';
import { type Explanation, explain } from '../../replay/explain.ts';
import { type Cause, describeCause } from '../../replay/intervals.ts';
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
  HISTORY_HELP,
  HISTORY_OPTION,
  inFile,
  loadFuture,
} from '../future-input.ts';
import { type Style, styleFor } from '../render/style.ts';
import { visibleText } from '../render/terminal-text.ts';
import { ENGINE_HELP, ENGINE_OPTION, engineOption } from './checking.ts';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'why a term holds or not on a date: since when, what changed it, the clause, the assumptions that mattered',
  help: `Usage: dealsim explain LOG TERM --at DATE [--assume KEY=VALUE]... [--json]

Says whether TERM holds on DATE in the future LOG, since when, which line or calendar date
changed it last, the clause text, and which assumptions mattered: the other readings under
which the answer would differ.

Terms: ${TERM_IDS.join(', ')}

Options:
  --at DATE           the date to explain (required)
${ASSUME_HELP}
${HISTORY_HELP}
${AMENDMENTS_HELP}
${ENGINE_HELP}
  --json              print one JSON object
  -h, --help          show this help

Example:
  dealsim explain simulations/no-agi-ever.jsonl research-ip --at 2031-01-01`,
  options: {
    ...COMMON_OPTIONS,
    ...JSON_OPTION,
    ...ASSUME_OPTION,
    ...AMENDMENTS_OPTION,
    ...HISTORY_OPTION,
    ...ENGINE_OPTION,
    at: { type: 'string' },
  },
  positionals: { min: 2, max: 2, names: 'LOG TERM' },
  run(args, io) {
    const [file, termText] = args.positionals as [string, string];
    if (!(TERM_IDS as readonly string[]).includes(termText)) {
      throw new InputError(`unknown term "${termText}"${didYouMean(termText, TERM_IDS)}`, {
        hint: `the terms are ${TERM_IDS.join(', ')}`,
      });
    }
    const at = stringOption(args, 'at');
    if (at === undefined) throw new InputError('dealsim explain needs --at DATE', { hint: 'add e.g. --at 2029-06-01' });
    const date = dateOption(at, '--at');
    const future = loadFuture(file, args);
    const result = inFile(file, () =>
      explain(future.events, future.input, termText as TermId, date, { engine: engineOption(args) }),
    );
    const history = historyUsed(future.history, date);
    if (args.values.json) {
      printJson(io, {
        history,
        term: result.term.id,
        holder: result.term.holder,
        at: result.date,
        holds: result.holds,
        interval: result.interval && {
          from: result.interval.from,
          until: result.interval.until,
          startedBy: result.interval.startedBy && describeCause(result.interval.startedBy),
          endedBy: result.interval.endedBy && describeCause(result.interval.endedBy),
        },
        later: result.later && {
          from: result.later.from,
          until: result.later.until,
          startedBy: result.later.startedBy && describeCause(result.later.startedBy),
          endedBy: result.later.endedBy && describeCause(result.later.endedBy),
        },
        lastChange: result.lastChange,
        clauses: result.clauses,
        assumptions: result.assumptions,
        rule: result.rule,
        mattered: result.mattered,
        ranges: result.ranges,
        invalidUnder: result.invalidUnder,
        amendedBy: result.amendedBy.map(({ id, source, summary }) => ({ id, source, summary })),
      });
      return 0;
    }
    const style = styleFor(io.color);
    const lines = [style.bold(describeHistory(history)), ...explanationLines(result, style)];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** An explanation as people read it (the report shows the same text, uncoloured). */
export function explanationLines(result: Explanation, style: Style): string[] {
  const { term, interval } = result;
  const lines: string[] = [];
  const verdict = result.holds ? style.green('holds') : style.red('does not hold');
  lines.push(`${style.bold(term.id)} (${term.holder}, ${term.kind}, ${term.cited}) ${verdict} on ${result.date}.`);
  const because = (cause: Cause | null) => (cause ? ` (${visibleText(describeCause(cause))})` : '');
  const later = result.later;
  if (result.holds && interval) {
    lines.push(`  since ${interval.from}${interval.startedBy ? because(interval.startedBy) : ' (the effective date)'}`);
    // The end as scheduled on the date; lines dated after it may end the term otherwise.
    const until = interval.until ?? 'no end date';
    lines.push(
      later
        ? `  until ${until} as the future stands on ${result.date}${because(interval.endedBy)}; its later lines ${later.until ? `end it on ${later.until} instead${because(later.endedBy)}` : 'give it no end date'}`
        : `  until ${interval.until ?? 'no end date in this future'}${because(interval.endedBy)}`,
    );
  } else {
    lines.push(
      interval
        ? `  it held from ${interval.from} until ${interval.until}${because(interval.endedBy)}`
        : '  it never held before this date',
    );
    if (later)
      lines.push(`  the future's later lines make it hold again from ${later.from}${because(later.startedBy)}`);
  }
  lines.push(
    `  last changed: ${result.lastChange ? `${result.lastChange.date}, ${visibleText(result.lastChange.by)}${result.lastChange.status ? ` (${result.lastChange.status}${result.lastChange.source ? `, source ${visibleText(result.lastChange.source)}` : ''})` : ''}` : 'never; it has stood since 2025-10-28'}`,
  );
  const rule = result.rule;
  const ruleSource = rule.by === 'base' ? 'the October 2025 terms, S1' : `amendment ${rule.by}, ${rule.source}`;
  lines.push(
    '',
    style.bold('What it is'),
    `  ${term.meaning}`,
    visibleText(`  Ends, by the rule in force on ${result.date} (${ruleSource}): ${rule.ends}.`),
  );
  lines.push('', style.bold('The clauses'));
  for (const clause of result.clauses) lines.push(`  ${clause.id} (${clause.sources.join(', ')}): ${clause.text}`);
  // A term no clause of C0–C12 mentions (the revenue share to OpenAI) rests on its source alone.
  for (const source of result.clauses.length === 0 ? SOURCES.filter(({ id }) => term.sources.includes(id)) : []) {
    lines.push(`  none of C0–C12; ${source.id} (${source.date}, ${source.status}): ${source.title}`);
  }
  lines.push('', style.bold('Readings that change this answer'));
  if (result.mattered.length === 0) lines.push('  none: every other reading gives the same answer on this date');
  for (const effect of result.mattered) {
    const outcome = effect.wouldHold
      ? `it would hold, until ${effect.wouldUntil ?? 'no end date'}`
      : 'it would not hold';
    lines.push(
      `  with ${effect.key}=${effect.value} (now ${formatAssumption(effect.key, result.assumptions[effect.key] ?? null)}): ${outcome}`,
    );
  }
  lines.push('', style.bold('Undisclosed figures: the values that keep this answer'));
  if (result.ranges === null) {
    lines.push(`  not searched here: "dealsim explain LOG ${result.term.id} --at ${result.date}" gives the ranges`);
  } else if (result.ranges.length === 0) {
    lines.push('  none of the cap, rate, threshold or panel deadline changes this answer');
  }
  for (const range of result.ranges ?? [])
    lines.push(`  ${range.sentence} (now ${range.current}; ${range.replays} replays)`);
  for (const invalid of result.invalidUnder) {
    lines.push(
      '',
      style.bold(`Under ${invalid.key}=${invalid.value} this future is invalid:`),
      `  ${visibleText(invalid.error)}`,
    );
  }
  return lines;
}

/** `dealsim history`: the real history every future branches from, line by line with its status and source. */

import { countOf } from '../../domain/numbers.ts';
import { historyUsed } from '../../history/history.ts';
import { BUILTIN_HISTORY_FILE } from '../../store/history-file.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, printJson } from '../command.ts';
import { HISTORY_OPTION, historyFrom } from '../future-input.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const history: Command = {
  name: 'history',
  summary: 'the real history every future branches from: date, event, status and source of each line',
  help: `Usage: dealsim history [--history FILE] [--json]

Lists the real history shipped with dealsim (CLAUSES.md, "Today's deal"): the amendments and the
public conduct events since 2025-10-28, each with its status (official: the companies' own
statements or filings; reported: press) and its source. Every command that reads a future
replays these lines first, merged by date, unless given --history none or another history.
Findings on these lines are named history:N.

Options:
  --history FILE      list another history log instead (validated as every command would)
  --json              print {"history": {...}, "events": [...]}
  -h, --help          show this help`,
  options: { ...COMMON_OPTIONS, ...JSON_OPTION, ...HISTORY_OPTION },
  positionals: { min: 0, max: 0, names: 'none' },
  run(args, io) {
    const chosen = historyFrom(args);
    const used = historyUsed(chosen);
    const rows = chosen.events.map(({ line, origin, event }) => {
      const { type, date, status, source, note, ...fields } = event;
      return {
        ref: `${origin}:${line}`,
        date,
        type,
        fields,
        status: status ?? 'hypothetical',
        source: source ?? null,
        note: note ?? null,
      };
    });
    if (args.values.json) {
      printJson(io, {
        history: { ...used, ...(chosen.id === 'builtin' && { file: BUILTIN_HISTORY_FILE }) },
        events: rows,
      });
      return 0;
    }
    const style = styleFor(io.color);
    if (rows.length === 0) {
      io.out('No history: futures replay on the deal as signed on 2025-10-28.\n');
      return 0;
    }
    const out = [
      style.bold(
        `${used.label === 'real history' ? 'The real history' : used.label}: ${countOf(rows.length, 'event')} to ${used.lastDate}`,
      ),
      table(
        ['LINE', 'DATE', 'EVENT', 'STATUS', 'SOURCE'],
        rows.map((row) => [
          row.ref,
          row.date,
          `${row.type} ${describeFields(row.fields)}`.trim(),
          row.status,
          row.source ?? '',
        ]),
        // The event wraps; a source URL is never broken, so copying it still works.
        { width: io.columns, wrap: [2] },
      ).trimEnd(),
      '',
      style.dim('Replay a future without it: --history none (the deal as signed).'),
    ];
    io.out(`${out.join('\n')}\n`);
    return 0;
  },
};

/** `name="GPT-5.5" api cloud=azure`: an event's own fields in a few words. */
function describeFields(fields: Readonly<Record<string, unknown>>): string {
  return Object.entries(fields)
    .map(([key, value]) =>
      value === true ? key : value === false ? `${key}=false` : `${key}=${JSON.stringify(value)}`,
    )
    .join(' ');
}

/**
 * `dealsim events`: the event vocabulary of a future, for people and (with --json) machines. Read
 * from the JSON Schema generated from src/domain/events.ts, as the README's event reference is.
 */
import { didYouMean } from '../../domain/did-you-mean.ts';
import { InputError } from '../../domain/errors.ts';
import {
  commonFields,
  commonTypeText,
  type EventReference,
  eventReference,
  type FieldReference,
  ownFields,
} from '../../reference/event-reference.ts';
import { EVENT_SCHEMA_FILE, eventLogJsonSchema } from '../../reference/event-schema.ts';
import { COMMON_OPTIONS, type Command, JSON_OPTION, printJson } from '../command.ts';
import { styleFor } from '../render/style.ts';
import { table } from '../render/table.ts';

export const events: Command = {
  name: 'events',
  summary: 'every event type a future may hold: its fields, types, meaning and clause',
  help: `Usage: dealsim events [TYPE] [--json]

Lists every event type a future (a JSON Lines log) may hold, with each field's type, whether it
is required, what it means and the clause it bears on; with TYPE, only that event. The same
reference is in README.md and, as a JSON Schema editors can validate against, in
${EVENT_SCHEMA_FILE}; all three are generated from the event schemas (src/domain/events.ts).

Options:
  --json        print {"schema": "${EVENT_SCHEMA_FILE}", "events": [{type, meaning, clauses,
                fields: [{name, type, required, meaning, clauses}]}]}, every field listed
  -h, --help    show this help`,
  options: { ...COMMON_OPTIONS, ...JSON_OPTION },
  positionals: { min: 0, max: 1, names: 'TYPE' },
  run(args, io) {
    const reference = eventReference(eventLogJsonSchema());
    const wanted = args.positionals[0];
    const chosen = wanted === undefined ? reference : reference.filter((event) => event.type === wanted);
    if (chosen.length === 0) {
      const types = reference.map((event) => event.type);
      throw new InputError(`unknown event type "${wanted}"${didYouMean(wanted as string, types)}`, {
        hint: `give one of ${types.join(', ')}, or none for all`,
      });
    }
    if (args.values.json) {
      printJson(io, { schema: EVENT_SCHEMA_FILE, events: chosen });
      return 0;
    }
    io.out(render(reference, chosen, wanted === undefined, io.color, io.columns));
    return 0;
  },
};

function render(
  reference: readonly EventReference[],
  chosen: readonly EventReference[],
  all: boolean,
  color: boolean,
  width: number | undefined,
): string {
  const style = styleFor(color);
  const common = commonFields(reference);
  const cited = (clauses: readonly string[]) => clauses.join(', ') || '—';
  const fieldTable = (fields: readonly FieldReference[], typeOf: (field: FieldReference) => string) =>
    table(
      ['FIELD', 'TYPE', 'REQUIRED', 'CLAUSE', 'MEANING'],
      fields.map((field) => [
        field.name,
        typeOf(field),
        field.required ? 'yes' : 'no',
        cited(field.clauses),
        field.meaning,
      ]),
      { width, indent: 2, wrap: [1, 4] },
    ).trimEnd();
  const out = [
    table(
      null,
      [[`A future is a JSON Lines file: one event per line, in date order. JSON Schema: ${EVENT_SCHEMA_FILE}`]],
      { width },
    ).trimEnd(),
    '',
    style.bold('Fields every event takes'),
    fieldTable(common, (field) => commonTypeText(field, reference)),
  ];
  for (const event of chosen) {
    const own = ownFields(event, common);
    out.push(
      '',
      `${style.bold(event.type)} (${cited(event.clauses)})`,
      table(null, [[event.meaning]], { width, indent: 2 }).trimEnd(),
    );
    out.push(own.length ? fieldTable(own, (field) => field.type) : '  no fields besides those every event takes');
  }
  if (all) out.push('', 'One event: dealsim events TYPE. As data: dealsim events --json.');
  return `${out.join('\n')}\n`;
}

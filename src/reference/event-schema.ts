/**
 * The JSON Schema of one line of a future (a JSON Lines event log), generated from the zod event
 * schemas of src/domain/events.ts by zod-to-json-schema: never written by hand. The shipped copy is
 * schema/events.schema.json (`npm run docs:events` writes it; a test fails when it is stale).
 * It checks each line's shape and field types; dates, their order and the C2 process are checked
 * by `dealsim validate`, which knows the whole log.
 */
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { EVENT_SCHEMAS, LOG_EVENT_TYPES } from '../domain/events.ts';

/** Where the package ships the generated schema, relative to its root. */
export const EVENT_SCHEMA_FILE = 'schema/events.schema.json';

/** A JSON Schema (draft-07) object, as zod-to-json-schema writes it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const LINE_DESCRIPTION =
  'One line of a dealsim future: a JSON Lines event log holds one such object per line, in date order. Run "dealsim events" for the reference.';

/** The schema: `anyOf` one `$ref` per event type, each event under `definitions` by its type. */
export function eventLogJsonSchema(): JsonSchema {
  const [first, second, ...rest] = LOG_EVENT_TYPES.map((type) => EVENT_SCHEMAS[type]);
  if (first === undefined || second === undefined) throw new Error('events.ts defines fewer than two event types');
  const line = z.union([first, second, ...rest]).describe(LINE_DESCRIPTION);
  const generated = zodToJsonSchema(line, {
    target: 'jsonSchema7',
    definitions: EVENT_SCHEMAS,
    definitionPath: 'definitions',
  }) as Record<string, unknown>;
  return { $schema: generated.$schema, title: 'dealsim event (one line of a future)', ...generated };
}

/** The text of the shipped schema file: the schema as two-space JSON with a final newline. */
export function eventSchemaFileText(): string {
  return `${JSON.stringify(eventLogJsonSchema(), null, 2)}\n`;
}

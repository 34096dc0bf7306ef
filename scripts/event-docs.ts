/**
 * `npm run docs:events`: writes schema/events.schema.json and the README's event reference from the
 * zod event schemas (src/domain/events.ts). test/reference/event-docs.test.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { eventReference } from '../src/reference/event-reference.ts';
import { EVENT_SCHEMA_FILE, eventLogJsonSchema, eventSchemaFileText } from '../src/reference/event-schema.ts';
import { withEventReference } from '../src/reference/markdown.ts';

writeFileSync(EVENT_SCHEMA_FILE, eventSchemaFileText());
writeFileSync('README.md', withEventReference(readFileSync('README.md', 'utf8'), eventReference(eventLogJsonSchema())));
process.stdout.write(`wrote ${EVENT_SCHEMA_FILE} and the event reference in README.md\n`);

/**
 * Issue 12, item 5: `dealsim events`, the shipped JSON Schema and the README's event reference
 * say the same thing, and all three are what src/domain/events.ts says today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { CLAUSES, SOURCES } from '../../src/domain/clauses.ts';
import { EVENT_SCHEMAS, LOG_EVENT_TYPES } from '../../src/domain/events.ts';
import { commonFields, eventReference, ownFields, splitCitation } from '../../src/reference/event-reference.ts';
import { EVENT_SCHEMA_FILE, eventSchemaFileText, type JsonSchema } from '../../src/reference/event-schema.ts';
import { eventReferenceMarkdown } from '../../src/reference/markdown.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STALE = 'run "npm run docs:events" and commit what it writes';
const shipped = (): JsonSchema => JSON.parse(readFileSync(EVENT_SCHEMA_FILE, 'utf8')) as JsonSchema;
type Definition = { properties: Record<string, unknown>; required: string[] };
const definitions = () => shipped().definitions as Record<string, Definition>;

describe('the generated event documentation is fresh', () => {
  it('schema/events.schema.json is what zod-to-json-schema makes of events.ts today', () => {
    expect(readFileSync(EVENT_SCHEMA_FILE, 'utf8'), `${EVENT_SCHEMA_FILE} is stale: ${STALE}`).toBe(
      eventSchemaFileText(),
    );
  });

  it('the README event reference is what the shipped schema gives today', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- events:start -->\n([\s\S]*?)<!-- events:end -->/.exec(readme);
    expect(block, 'README.md needs <!-- events:start --> and <!-- events:end -->').not.toBeNull();
    expect(block?.[1], `the README event reference is stale: ${STALE}`).toBe(
      eventReferenceMarkdown(eventReference(shipped())),
    );
  });
});

describe('dealsim events, the schema and the README agree', () => {
  it('every event type of events.ts, and only those, is in the schema, in the same order', () => {
    expect(Object.keys(definitions())).toEqual(LOG_EVENT_TYPES);
  });

  it('--json lists every type with exactly the schema’s fields and required fields', async () => {
    const { code, out } = await runInMemory(['events', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { schema: string; events: ReturnType<typeof eventReference> };
    expect(json.schema).toBe(EVENT_SCHEMA_FILE);
    expect(json.events).toEqual(eventReference(shipped()));
    for (const [type, definition] of Object.entries(definitions())) {
      const event = json.events.find((candidate) => candidate.type === type);
      expect(
        event?.fields.map((field) => field.name),
        type,
      ).toEqual(Object.keys(definition.properties));
      expect(
        event?.fields.filter((field) => field.required).map((field) => field.name),
        type,
      ).toEqual(definition.required);
      expect(Object.keys(EVENT_SCHEMAS[type as keyof typeof EVENT_SCHEMAS].shape), type).toEqual(
        Object.keys(definition.properties),
      );
    }
  });

  it('the people’s listing and the README show every type and each of its own fields with its meaning', async () => {
    const { code, out } = await runInMemory(['events']);
    expect(code).toBe(0);
    const readme = readFileSync('README.md', 'utf8');
    const reference = eventReference(shipped());
    const common = commonFields(reference);
    expect(common.map((field) => field.name)).toEqual(['type', 'date', 'note', 'source', 'status']);
    for (const event of reference) {
      expect(out).toContain(`${event.type} (${event.clauses.join(', ')})`);
      expect(readme).toContain(`### \`${event.type}\` (${event.clauses.join(', ')})`);
      for (const field of [...common, ...ownFields(event, common)]) {
        const row = new RegExp(`^  ${field.name} +\\S.* (yes|no) +(${field.clauses.join(', ') || '—'}) +\\S`, 'm');
        expect(out, `${event.type}.${field.name} in dealsim events`).toMatch(row);
        const cells = `| ${field.required ? 'yes' : 'no'} | ${field.clauses.join(', ') || '—'} | ${field.meaning.replaceAll('|', '\\|')} |`;
        expect(readme, `${event.type}.${field.name} in README.md`).toMatch(
          new RegExp(`^\\| \`${field.name}\` \\| .* ${escape(cells)}$`, 'm'),
        );
        expect(out.replace(/\s+/g, ' ')).toContain(field.meaning);
      }
    }
  });

  it('dealsim events TYPE shows that event alone; a misspelt type is exit 2 with a suggestion', async () => {
    const one = await runInMemory(['events', 'panel.rejected']);
    expect(one.code).toBe(0);
    expect(one.out).toContain('panel.rejected (C2)');
    expect(one.out).not.toContain('panel.verified (C2)');
    const wrong = await runInMemory(['events', 'panel.rejectd']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/unknown event type "panel.rejectd" \(did you mean "panel.rejected"\?\).*Fix:/s);
  });
});

describe('every field says what it means and which clause it bears on', () => {
  const known = new Set<string>([...CLAUSES.map((clause) => clause.id), ...SOURCES.map((source) => source.id)]);

  it('has a meaning, and cites only clauses and sources of the clause sheet', () => {
    for (const event of eventReference(shipped())) {
      expect(event.clauses.length, `${event.type} cites no clause`).toBeGreaterThan(0);
      for (const item of [event, ...event.fields]) {
        expect(item.meaning.length, `${event.type}: a meaning is empty`).toBeGreaterThan(10);
        for (const clause of item.clauses) expect(known, `${event.type} cites ${clause}`).toContain(clause);
      }
    }
  });

  it('reads the clauses from the end of a description, and nothing else', () => {
    expect(splitCitation('Whether it is an API product (C6, C1)')).toEqual({
      meaning: 'Whether it is an API product.',
      clauses: ['C6', 'C1'],
    });
    expect(splitCitation('The device (a phone) is new.')).toEqual({
      meaning: 'The device (a phone) is new.',
      clauses: [],
    });
    expect(splitCitation('Read by S4 (S4)')).toEqual({ meaning: 'Read by S4.', clauses: ['S4'] });
  });
});

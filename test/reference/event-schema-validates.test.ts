/**
 * Issue 12, item 5: editors validate futures with schema/events.schema.json. A JSON Schema
 * validator (ajv, draft-07) accepts every line of every shipped future and of the real history,
 * and accepts or refuses a line's fields exactly as dealsim's own parser does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { conductArbitrary } from '../../src/fuzz/arbitraries/conduct.ts';
import { BOUNDARY_DATES } from '../../src/fuzz/arbitraries/dates.ts';
import { parseEventLine } from '../../src/log/parse.ts';
import { EVENT_SCHEMA_FILE } from '../../src/reference/event-schema.ts';

const validate = new Ajv({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(EVENT_SCHEMA_FILE, 'utf8')),
);

function futures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return futures(path);
    return entry.name.endsWith('.jsonl') ? [path] : [];
  });
}

describe('the JSON Schema validates futures', () => {
  const files = [...futures('simulations'), 'src/history/real-history.jsonl'];

  it.each(files)('accepts every line of %s', (file) => {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const [index, line] of lines.entries()) {
      expect(validate(JSON.parse(line)), `${file}:${index + 1}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ['an unknown field', { type: 'agi.declared', date: '2028-03-01', by: 'board' }],
    ['an unknown type', { type: 'agi.announced', date: '2028-03-01' }],
    ['no date', { type: 'agi.declared' }],
    ['a missing required field', { type: 'product.launched', date: '2028-03-01', name: 'X', cloud: 'aws' }],
    [
      'a boolean given as a string',
      { type: 'product.launched', date: '2028-03-01', name: 'X', api: 'yes', cloud: 'aws' },
    ],
    ['an empty name', { type: 'hardware.launched', date: '2028-03-01', name: '' }],
    ['a zero amount', { type: 'azure.purchased', date: '2028-03-01', amountUsd: 0 }],
    ['a status outside the three', { type: 'agi.declared', date: '2028-03-01', status: 'rumoured' }],
  ])('refuses a line with %s, as dealsim does', (_, event) => {
    expect(validate(event)).toBe(false);
    expect(() => parseEventLine(JSON.stringify(event), 1, 'f.jsonl')).toThrow(InputError);
  });
});

/** A well-formed event of any type, with the optional fields every event may carry. */
const anyEvent = fc
  .tuple(
    fc.constantFrom(...BOUNDARY_DATES),
    fc.nat(),
    fc.option(fc.constantFrom('official', 'reported', 'hypothetical'), { nil: undefined }),
    fc.option(fc.constantFrom('https://openai.com/index/x', 'http://example.com/'), { nil: undefined }),
    fc.option(fc.string(), { nil: undefined }),
  )
  .chain(([date, pick, status, source, note]) =>
    fc
      .oneof(
        conductArbitrary(date),
        fc.constantFrom(
          { type: 'agi.declared', date },
          { type: 'panel.verified', date },
          { type: 'panel.rejected', date },
          { type: 'agreement.amended', date, amendment: '2026-04-27' },
        ),
      )
      .map((event) => ({
        ...event,
        ...(status && { status }),
        ...(source && { source }),
        ...(note !== undefined && pick % 2 === 0 && { note }),
      })),
  );

/** JSON values of every kind, to put where a field of another kind belongs. */
const otherJson = (kept: unknown) =>
  fc
    .constantFrom<unknown>(null, true, false, 0, -1, 1e-300, 7e9, '', 'text', [], ['a'], {}, { a: 1 })
    .filter((value) => typeof value !== typeof kept || typeof kept === 'number' || typeof kept === 'string');

/** One change a person could make to a good line: drop a field, add one, or change one's value. */
const editedEvent = anyEvent.chain((event) => {
  const keys = Object.keys(event).filter((key) => key !== 'date' && key !== 'source');
  return fc.oneof(
    fc.constant(event),
    fc.constantFrom(...Object.keys(event)).map((key) => {
      const { [key]: _, ...rest } = event as Record<string, unknown>;
      return rest;
    }),
    fc.constantFrom('reason', 'Name', 'api ', 'extra').map((key) => ({ ...event, [key]: true })),
    fc
      .constantFrom(...keys)
      .chain((key) => otherJson((event as Record<string, unknown>)[key]).map((value) => ({ ...event, [key]: value }))),
  );
});

describe('the JSON Schema and the parser agree on every line', () => {
  test.prop([editedEvent], { numRuns: 1000 })(
    'a line passes the schema exactly when dealsim reads it (dates and URLs aside, which only the parser checks)',
    (event) => {
      const schemaSays = validate(event);
      let parserSays = true;
      try {
        parseEventLine(JSON.stringify(event), 1, 'f.jsonl');
      } catch {
        parserSays = false;
      }
      expect(schemaSays, JSON.stringify({ event, errors: validate.errors })).toBe(parserSays);
    },
  );
});

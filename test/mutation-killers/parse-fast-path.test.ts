/**
 * Invariant 8 at the parser's fast path: src/log/parse.ts checks a well-formed line by hand and
 * leaves anything else to zod. Whatever the line, the answer is the zod path's: the same event
 * (same fields, in the schema's order) or the same error, at the same line. Lines of every event
 * type are generated well-formed and then broken subtly: wrong field kinds, missing required
 * fields, extra fields, zero/negative/non-finite amounts, empty strings, bad URLs in `source`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { matchCloud } from '../../src/domain/clouds.ts';
import { InputError } from '../../src/domain/errors.ts';
import { EVENT_SCHEMAS, LOG_EVENT_TYPES, type LogEventType } from '../../src/domain/events.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { parseEventLine, parseLog } from '../../src/log/parse.ts';
import { runs } from './budget.ts';

/** The outcome of parsing one line: the event, or the error's message, hint, line and file. */
type Outcome =
  | { readonly accepted: unknown; readonly keys: string[] }
  | { readonly message: string; readonly hint: string | undefined; readonly line: number; readonly file?: string };

function outcome(text: string, line: number, file: string): Outcome {
  try {
    const event = parseEventLine(text, line, file);
    return { accepted: event, keys: Object.keys(event) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { message: error.message, hint: error.hint, line: error.line as number, file: error.file as string };
  }
}

/** Raw JSON text for values of every kind a field could wrongly (or rightly) be given. */
const WRONG_VALUES = [
  '""',
  '"x"',
  '" "',
  '"not a url"',
  '"https://example.com/a"',
  'true',
  'false',
  '0',
  '-0',
  '-1',
  '0.5',
  '5e9',
  '1e999',
  '-1e999',
  'null',
  '[]',
  '["x"]',
  '[1,2]',
  '{}',
  '{"length":3}',
  '{"length":0}',
];

/** A valid value for a field, read off its zod schema (the schemas are the single definition). */
function validValue(schema: z.ZodTypeAny): fc.Arbitrary<string> {
  const def = schema._def as { typeName: string; value?: unknown };
  switch (def.typeName) {
    case 'ZodOptional':
      return validValue((schema as z.ZodOptional<z.ZodTypeAny>).unwrap());
    case 'ZodLiteral':
      return fc.constant(JSON.stringify(def.value));
    case 'ZodBoolean':
      return fc.boolean().map(String);
    case 'ZodNumber':
      return fc.oneof(
        fc.constantFrom('1', '5e-324', '1e308', '250e9'),
        fc.double({ min: 1e-6, max: 1e15, noNaN: true }).map(String),
      );
    case 'ZodEffects': // source: a URL
      return fc.constantFrom('"https://example.com/page"', '"http://a.b"', '"mailto:x@y.z"');
    default: // strings (note may be empty; the rest need a character)
      return fc.oneof(
        fc.constantFrom('"x"', '"Azure"', '" "'),
        fc.string({ minLength: 1, maxLength: 8 }).map((s) => JSON.stringify(s)),
        // At the edges of the noncharacters a string may not hold (U+FDD0–U+FDEF, U+FFFE, U+FFFF).
        fc
          .tuple(fc.constantFrom(0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0xfffe, 0xffff), fc.string({ maxLength: 3 }))
          .map(([code, rest]) => JSON.stringify(`${rest}${String.fromCharCode(code)}`)),
      );
  }
}

interface Field {
  readonly key: string;
  readonly text: string;
}

/** How a well-formed line is broken (or not): each field kept, dropped or re-valued, plus extras. */
const lineArbitrary = fc
  .tuple(fc.constantFrom(...LOG_EVENT_TYPES), dateArbitrary())
  .chain(([type, date]) => {
    const shape = EVENT_SCHEMAS[type].shape as Record<string, z.ZodTypeAny>;
    const keys = Object.keys(shape).filter((key) => key !== 'type' && key !== 'date');
    const fieldArbs = keys.map((key) => {
      const schema = shape[key] as z.ZodTypeAny;
      const present = fc.oneof(
        { arbitrary: validValue(schema).map((text) => ({ key, text })), weight: 6 },
        { arbitrary: fc.constantFrom(...WRONG_VALUES).map((text) => ({ key, text })), weight: 1 },
      );
      // Optional fields are often absent; required ones now and then.
      const absent = fc.constant(null);
      return schema.isOptional()
        ? fc.oneof({ arbitrary: absent, weight: 1 }, { arbitrary: present, weight: 1 })
        : fc.oneof({ arbitrary: absent, weight: 1 }, { arbitrary: present, weight: 8 });
    });
    const otherKeys = [...new Set(LOG_EVENT_TYPES.flatMap((t) => Object.keys(EVENT_SCHEMAS[t].shape)))].filter(
      (key) => !(key in shape),
    );
    const extra = fc.oneof(
      { arbitrary: fc.constant<Field[]>([]), weight: 6 },
      {
        arbitrary: fc.array(
          fc.record({
            key: fc.oneof(
              fc.constantFrom(...otherKeys, 'nam', 'Name', 'undefined', 'length', '__proto__'),
              fc.string({ maxLength: 6 }),
            ),
            text: fc.constantFrom(...WRONG_VALUES),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        weight: 1,
      },
    );
    return fc.tuple(fc.constant(type), fc.constant(date), fc.tuple(...fieldArbs), extra);
  })
  .chain(([type, date, fields, extra]) => {
    const all: Field[] = [
      { key: 'type', text: JSON.stringify(type) },
      { key: 'date', text: JSON.stringify(date) },
      ...(fields.filter((field) => field !== null) as Field[]),
      ...extra.filter(
        (field) => field.key !== 'type' && field.key !== 'date' && !fields.some((f) => f?.key === field.key),
      ),
    ];
    const unique = all.filter((field, i) => all.findIndex((other) => other.key === field.key) === i);
    // Often in the schema's order, as dealsim writes lines (the parsed record is then kept as the
    // event), otherwise shuffled (the event is rebuilt in the schema's order).
    const ordered = fc.oneof(fc.constant(unique), fc.shuffledSubarray(unique, { minLength: unique.length }));
    return ordered.map((shuffled) => ({
      type: type as LogEventType,
      fields: shuffled,
      text: `{${shuffled.map(({ key, text }) => `${JSON.stringify(key)}:${text}`).join(',')}}`,
    }));
  });

/**
 * The zod-only outcome of a line. A line with a `source` never takes the fast path (its URL check
 * is a refinement the fast path does not mirror), so the same line with a valid `source` added is
 * decided by zod alone; the source is then taken off the event again.
 */
function zodOutcome(fields: readonly Field[], line: number, file: string): Outcome {
  if (fields.some((field) => field.key === 'source')) {
    return outcome(`{${fields.map(({ key, text }) => `${JSON.stringify(key)}:${text}`).join(',')}}`, line, file);
  }
  const withSource = [...fields, { key: 'source', text: '"https://zod.only/"' }];
  const result = outcome(
    `{${withSource.map(({ key, text }) => `${JSON.stringify(key)}:${text}`).join(',')}}`,
    line,
    file,
  );
  if (!('accepted' in result)) return result;
  const { source: _, ...event } = result.accepted as Record<string, unknown>;
  return { accepted: event, keys: result.keys.filter((key) => key !== 'source') };
}

describe('invariant 8: the fast path answers exactly as zod does', () => {
  it('gives the zod path’s event or error, at the line, for random well-formed and broken lines of every type', () => {
    fc.assert(
      fc.property(lineArbitrary, fc.integer({ min: 1, max: 1e6 }), ({ type, fields, text }, line) => {
        const file = 'fast.jsonl';
        const got = outcome(text, line, file);
        expect(got).toEqual(zodOutcome(fields, line, file));
        // And against zod itself: accepted exactly when the schema accepts the record.
        const record = JSON.parse(text) as Record<string, unknown>;
        const parsed = EVENT_SCHEMAS[type].safeParse(record);
        // A launch's cloud is then matched to its canonical provider, or refused as a near miss (clouds.ts).
        const cloud =
          parsed.success && type === 'product.launched'
            ? matchCloud(String((parsed.data as { cloud?: unknown }).cloud))
            : undefined;
        if (parsed.success && cloud?.provider === undefined && cloud !== undefined)
          expect(got).toMatchObject({ line, file });
        else if (parsed.success) {
          const data = cloud === undefined ? parsed.data : { ...parsed.data, cloud: cloud.provider };
          expect(got).toEqual({ accepted: data, keys: Object.keys(data) });
        } else expect(got).toMatchObject({ line, file });
      }),
      { numRuns: runs(1000) },
    );
  });

  it.each([
    [
      'an empty name',
      '{"type":"hardware.launched","date":"2027-01-01","name":""}',
      /"name" must be a non-empty string/,
    ],
    [
      'a name given as an array',
      '{"type":"hardware.launched","date":"2027-01-01","name":["x"]}',
      /"name" must be a string, found an array/,
    ],
    [
      'a note given as an empty array',
      '{"type":"agi.declared","date":"2027-01-01","note":[]}',
      /"note" must be a string, found an array/,
    ],
    [
      'a provider with a length',
      '{"type":"compute.contracted","date":"2027-01-01","provider":{"length":3}}',
      /"provider" must be a string, found object/,
    ],
    [
      'a missing required amount',
      '{"type":"msft.training-run","date":"2027-01-01","usesOpenAiIp":true}',
      /needs the field "computeFlop"/,
    ],
    [
      'a missing required boolean',
      '{"type":"product.launched","date":"2027-01-01","name":"n","cloud":"gcp"}',
      /needs the field "api"/,
    ],
    [
      'a zero amount',
      '{"type":"azure.purchased","date":"2027-01-01","amountUsd":0}',
      /"amountUsd" number must be greater than 0/,
    ],
    [
      'a negative amount',
      '{"type":"revenue.recognized","date":"2027-01-01","amountUsd":-5}',
      /"amountUsd" number must be greater than 0/,
    ],
    ['an infinite amount', '{"type":"revenue.recognized","date":"2027-01-01","amountUsd":1e999}', /"amountUsd"/],
    [
      'a bad URL in source',
      '{"type":"agi.declared","date":"2027-01-01","source":"example"}',
      /"source" must be an http\(s\) URL/,
    ],
    [
      'a name holding a noncharacter (the mark for a covering term’s end)',
      '{"type":"hardware.launched","date":"2027-01-01","name":"chip-\\ufdd0"}',
      /"name" must not hold a Unicode noncharacter/,
    ],
    ['an extra field', '{"type":"agi.declared","date":"2027-01-01","nam":"x"}', /unknown field "nam"/],
    [
      'a date given as an array',
      '{"type":"agi.declared","date":["2028-03-01"]}',
      /"date" must be an ISO date YYYY-MM-DD, found \["2028-03-01"\]/,
    ],
  ])('refuses %s with the zod path’s message', (_, text, message) => {
    const got = outcome(text, 4, 'f.jsonl');
    expect(got).toMatchObject({ line: 4, file: 'f.jsonl' });
    expect((got as { message: string }).message).toMatch(message);
  });
});

describe('invariant 8: LF, CRLF and a lone CR each end a line (issue 11)', () => {
  it('splits at a lone CR, so a raw CR inside a JSON string leaves two broken lines, and counts CRLF once', () => {
    const inString = '{"type":"agi.declared","date":"2028-03-01","note":"a\rb"}\n';
    expect(() => parseLog(inString, 'cr.jsonl')).toThrow(/not valid JSON/);
    const long = `{"type":"agi.declared","date":"2028-03-01","note":"${'x'.repeat(64 * 1024 - 52)}"}`;
    expect(long.length).toBe(64 * 1024 + 1);
    expect(() => parseLog(`${long}\r`, 'cr.jsonl')).toThrow(/65,537 characters long/);
    const ok = long.replace('xx', '');
    expect(parseLog(`${ok}\r\n${ok}\r${ok}\n`, 'cr.jsonl').map((entry) => entry.line)).toEqual([1, 2, 3]);
  });
});

/**
 * The bounded reader of user-written JSON (`--amendments` files, Monte Carlo specs): a size and a
 * nesting depth refused at their limits before JSON.parse, no key named `__proto__`, every
 * refusal an InputError with the file, the line where there is one, and a Fix; any other JSON
 * comes back exactly as JSON.parse reads it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import {
  type JsonInputOptions,
  MAX_JSON_INPUT_CHARS,
  MAX_JSON_INPUT_DEPTH,
  parseJsonInput,
} from '../../src/domain/json-input.ts';
import { runs } from '../mutation-killers/budget.ts';

const FILE = 'spec.json';
const HINT = 'write one JSON object, e.g. {"runs": 10}';
const options = (bounds: Partial<JsonInputOptions> = {}): JsonInputOptions => ({
  file: FILE,
  what: 'the spec',
  hint: HINT,
  ...bounds,
});
const read = (text: string, bounds: Partial<JsonInputOptions> = {}) => parseJsonInput(text, options(bounds));

function refusal(text: string, bounds: Partial<JsonInputOptions> = {}): InputError {
  try {
    read(text, bounds);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const refused = error as InputError;
    expect(refused.file).toBe(FILE);
    expect(refused.describe()).toMatch(/\. Fix: .+\.$/);
    return refused;
  }
  throw new Error(`accepted ${text.slice(0, 80)}`);
}

const BOM = '\uFEFF';
/** A JSON string literal `length` characters long, quotes included. */
const stringOfLength = (length: number) => `"${'a'.repeat(length - 2)}"`;
/** `depth` arrays, one inside the other. */
const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `depth` objects, one inside the other, then a number. */
const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Objects and arrays nested around a value, as the reader counts them: every `[` or `{` is a level. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('json input: the size bound', () => {
  it('takes a text of exactly the bound and refuses one character more, with the file and a Fix', () => {
    expect(read(stringOfLength(10), { maxChars: 10 })).toBe('a'.repeat(8));
    const error = refusal(stringOfLength(11), { maxChars: 10 });
    expect(error.message).toMatch(/^the spec of 11 characters is larger than/);
    expect(error.line).toBeUndefined();
    expect(error.hint).toMatch(/split a long list/);
  });

  it('reads 1 MiB by default: takes 1,048,576 characters, refuses 1,048,577 and says "1,024 KiB"', () => {
    expect(MAX_JSON_INPUT_CHARS).toBe(1_048_576);
    expect(read(stringOfLength(MAX_JSON_INPUT_CHARS))).toHaveLength(MAX_JSON_INPUT_CHARS - 2);
    expect(refusal(stringOfLength(MAX_JSON_INPUT_CHARS + 1)).message).toBe(
      'the spec of 1,048,577 characters is larger than the 1,024 KiB dealsim reads',
    );
  });

  it('skips a leading byte-order mark, which does not count toward the bound', () => {
    expect(read(`${BOM}{"runs":10}`)).toEqual({ runs: 10 });
    expect(read(`${BOM}${stringOfLength(10)}`, { maxChars: 10 })).toBe('a'.repeat(8));
    // Anywhere else it is a character JSON does not allow.
    expect(refusal(`{"runs":10}${BOM}`).message).toMatch(/^not valid JSON/);
  });
});

describe('json input: the depth bound', () => {
  it('takes nesting exactly at the bound and refuses one level more, arrays and objects alike', () => {
    for (const maxDepth of [0, 1, 3]) {
      expect(read(arrays(maxDepth) || '1', { maxDepth })).toEqual(JSON.parse(arrays(maxDepth) || '1'));
      expect(read(objects(maxDepth), { maxDepth })).toEqual(JSON.parse(objects(maxDepth)));
      const error = refusal(arrays(maxDepth + 1), { maxDepth });
      expect(error.message).toBe(`the spec nests objects or arrays more than ${maxDepth} deep`);
      expect(error.line).toBe(1);
      expect(error.hint).toMatch(/runaway bracket/);
      expect(refusal(objects(maxDepth + 1), { maxDepth }).line).toBe(1);
    }
  });

  it('reads 32 levels by default and refuses 33', () => {
    expect(MAX_JSON_INPUT_DEPTH).toBe(32);
    expect(read(arrays(32))).toEqual(JSON.parse(arrays(32)));
    expect(read(objects(32))).toEqual(JSON.parse(objects(32)));
    expect(refusal(arrays(33)).message).toMatch(/more than 32 deep/);
    expect(refusal(objects(33)).message).toMatch(/more than 32 deep/);
  });

  it('refuses a runaway bracket before JSON.parse sees the text, even one that never closes', () => {
    expect(refusal(`${'['.repeat(100_000)}`).message).toMatch(/more than 32 deep/);
  });

  it('counts the levels open at once: closed brackets, siblings and brackets in strings do not add up', () => {
    const siblings = `[${'[],{},'.repeat(50)}[{}]]`;
    expect(read(siblings, { maxDepth: 3 })).toEqual(JSON.parse(siblings));
    const inStrings = '{"a":"[[[[{{{{","b":["]]]]}}}}"],"c":"\\"[[[[\\\\","d":"\\\\"}';
    expect(read(inStrings, { maxDepth: 2 })).toEqual(JSON.parse(inStrings));
    // An escaped quote does not end a string, an escaped backslash does not escape the quote after it.
    expect(refusal('["\\\\",[[[]]]]', { maxDepth: 3 }).message).toMatch(/more than 3 deep/);
    expect(refusal('["\\"]",[[[]]]]', { maxDepth: 3 }).message).toMatch(/more than 3 deep/);
  });

  it('places the refusal at the line of the first bracket too deep', () => {
    const text = '{\n  "a": "[[[[",\n  "b": [\n    [\n      [1],\n      [[2]]\n    ]\n  ]\n}\n';
    expect(read(text, { maxDepth: 5 })).toEqual(JSON.parse(text));
    expect(refusal(text, { maxDepth: 4 }).line).toBe(6);
    expect(refusal(text, { maxDepth: 3 }).line).toBe(5);
    expect(refusal(text, { maxDepth: 2 }).line).toBe(4);
  });
});

describe('json input: keys named __proto__', () => {
  it('refuses one at any depth, at the line of the key, and takes the name as a value', () => {
    expect(refusal('{"__proto__":{"a":1}}').message).toBe('the spec has a key named "__proto__"');
    const nested = refusal('[\n  1,\n  {"a": [\n    {"__proto__": null}\n  ]}\n]');
    expect(nested.line).toBe(4);
    expect(nested.hint).toMatch(/remove it/);
    expect(read('{"a":"__proto__","b":["__proto__"],"__proto__x":1}')).toEqual({
      a: '__proto__',
      b: ['__proto__'],
      __proto__x: 1,
    });
  });

  it('places it at the key, not at an earlier value of that name', () => {
    expect(refusal('{\n  "a": "__proto__",\n  "b": { "__proto__" : 1 }\n}').line).toBe(3);
  });
});

describe('json input: syntax errors', () => {
  it('says it is not valid JSON, at the line JSON.parse points to, with the caller’s Fix', () => {
    const error = refusal('{\n  "runs": 10,\n  "seed": 1 2\n}');
    expect(error.message).toMatch(/^not valid JSON \(/);
    expect(error.line).toBe(3);
    expect(error.hint).toBe(HINT);
    expect(refusal('{\n  "runs": 10,\n}\n').line).toBe(3);
  });

  it('places a raw line break inside a string at the line the string starts on', () => {
    // JSON.parse points at the line break itself, the last character of that line.
    expect(refusal('{\n  "name": "two\nlines"\n}').line).toBe(2);
  });

  it('places the faults whose message quotes the text instead of a position (Node 20) at their line', () => {
    const cases: [string, number][] = [
      ['[1,\n]', 2], // a trailing comma in an array
      ['{\n  "ends": [1,\n    2,]\n}', 3],
      ['[{"id": "a"},\n {"id": tru}]', 2], // a bare word
      ['{\n  "runs":\n', 2], // cut short: its last line that holds anything
      ['{\n  "runs": 1,\n\n\n', 2],
    ];
    for (const [text, line] of cases) {
      const error = refusal(text);
      expect(error.message, text).toMatch(/^not valid JSON \(/);
      expect(error.line, text).toBe(line);
    }
  });

  it('gives no line for an empty file, which has none', () => {
    for (const text of ['', '  \n\n']) {
      const error = refusal(text);
      expect(error.message).toMatch(/^not valid JSON/);
      expect(error.line).toBeUndefined();
    }
  });
});

describe('json input: valid JSON within the bounds', () => {
  // Strings full of what the depth scan must skip: brackets, quotes, backslashes, line breaks.
  const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', '\n', 'a', ' ', '\u2028', 'é') });
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(null, true, false, 0, -1.5, 1e300),
      text,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  }));

  it('comes back equal to JSON.parse, and is refused exactly when it nests deeper than the bound', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 2), (json, maxDepth, indent) => {
        const written = JSON.stringify(json, null, indent);
        if (depthOf(json) > maxDepth) {
          expect(refusal(written, { maxDepth }).message).toMatch(/nests objects or arrays/);
        } else {
          expect(read(written, { maxDepth })).toEqual(JSON.parse(written));
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('takes any JSON text at the default bounds as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (written) => {
        fc.pre(!written.includes('"__proto__"'));
        expect(read(written)).toEqual(JSON.parse(written));
      }),
      { numRuns: runs(200) },
    );
  });
});

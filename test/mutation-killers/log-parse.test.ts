/**
 * Invariant 8 at the parser: every way a line can be wrong is refused at its line, and every way
 * a line can be right is accepted. Example-based, one case per branch of src/log/parse.ts.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { BOM, lineRef, MAX_LINE_BYTES, parseEventLine, parseLog, splitLines } from '../../src/log/parse.ts';

function refusal(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but the input was accepted');
}

const declared = '{"type":"agi.declared","date":"2028-03-01"}';

describe('invariant 8: one line, one event', () => {
  it('accepts a well-formed event and keeps its fields', () => {
    expect(parseEventLine(declared, 1)).toEqual({ type: 'agi.declared', date: '2028-03-01' });
    expect(
      parseEventLine(
        '{"type":"azure.purchased","date":"2025-10-28","amountUsd":5,"note":"n","source":"https://x.org"}',
        1,
      ),
    ).toEqual({ type: 'azure.purchased', date: '2025-10-28', amountUsd: 5, note: 'n', source: 'https://x.org' });
  });

  it('places errors at the line and in the file when named, and says how to fix them', () => {
    const error = refusal(() => parseEventLine('nope', 7, 'f.jsonl'));
    expect(error.line).toBe(7);
    expect(error.file).toBe('f.jsonl');
    expect(error.message).toMatch(/^not valid JSON/);
    expect(error.hint).toMatch(/one JSON object per line/);
    expect(refusal(() => parseEventLine('nope', 7)).file).toBeUndefined();
  });

  it('refuses a line longer than the limit, and takes one exactly at it', () => {
    const padded = (length: number) => {
      const base = '{"type":"agi.declared","date":"2028-03-01","note":""}';
      return base.replace('"note":""', `"note":"${'x'.repeat(length - base.length)}"`);
    };
    expect(padded(MAX_LINE_BYTES)).toHaveLength(MAX_LINE_BYTES);
    expect(parseEventLine(padded(MAX_LINE_BYTES), 1).type).toBe('agi.declared');
    expect(refusal(() => parseEventLine(padded(MAX_LINE_BYTES + 1), 3)).message).toMatch(
      /65,537 characters long, more than the 64 KiB/,
    );
  });

  it.each([
    ['null', /found null/],
    ['[]', /found an array/],
    ['42', /found number 42/],
    ['"agi.declared"', /found string/],
  ])('refuses %s: not an object', (text, message) => {
    expect(refusal(() => parseEventLine(text, 2)).message).toMatch(message);
  });

  it('refuses a missing or non-string type, and an unknown one with a suggestion', () => {
    expect(refusal(() => parseEventLine('{"date":"2028-03-01"}', 1)).message).toMatch(/no "type"/);
    expect(refusal(() => parseEventLine('{"type":5,"date":"2028-03-01"}', 1)).message).toMatch(/no "type"/);
    const unknown = refusal(() => parseEventLine('{"type":"agi.declard","date":"2028-03-01"}', 1));
    expect(unknown.message).toMatch(/unknown event type "agi.declard".*agi\.declared/);
    expect(unknown.hint).toMatch(/panel\.verified/);
  });

  it.each([
    ['{"type":"agi.declared"}', /no "date"/],
    ['{"type":"agi.declared","date":"2028/03/01"}', /must be an ISO date/],
    ['{"type":"agi.declared","date":"2028-3-1"}', /must be an ISO date/],
    ['{"type":"agi.declared","date":" 2028-03-01"}', /must be an ISO date/],
    ['{"type":"agi.declared","date":"2028-03-01x"}', /must be an ISO date/],
    ['{"type":"agi.declared","date":20280301}', /must be an ISO date/],
    ['{"type":"agi.declared","date":"2029-02-29"}', /not a real calendar day/],
    ['{"type":"agi.declared","date":"2028-13-01"}', /not a real calendar day/],
    ['{"type":"agi.declared","date":"2025-10-27"}', /before the agreement's effective date 2025-10-28/],
  ])('refuses the date in %s', (text, message) => {
    expect(refusal(() => parseEventLine(text, 4)).message).toMatch(message);
  });

  it('takes only http and https URLs as a source, the only links a report may show', () => {
    const withSource = (source: string) =>
      `{"type":"agi.declared","date":"2028-03-01","source":${JSON.stringify(source)}}`;
    for (const source of ['https://openai.com/index/next-chapter', 'http://example.org/a?b=c']) {
      expect(parseEventLine(withSource(source), 1)).toEqual({ type: 'agi.declared', date: '2028-03-01', source });
    }
    for (const source of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/x', 'mailto:a@b.c', 'x']) {
      const error = refusal(() => parseEventLine(withSource(source), 3, 'f.jsonl'));
      expect(error.line, source).toBe(3);
      expect(error.message, source).toContain('"source"');
    }
  });

  it('accepts the effective date itself and a leap day', () => {
    expect(parseEventLine('{"type":"agi.declared","date":"2025-10-28"}', 1).date).toBe('2025-10-28');
    expect(parseEventLine('{"type":"agi.declared","date":"2028-02-29"}', 1).date).toBe('2028-02-29');
  });

  it('describes field problems: unknown, missing, wrong type, out of range', () => {
    const unknown = refusal(() => parseEventLine('{"type":"agi.declared","date":"2028-03-01","dat":1}', 1));
    expect(unknown.message).toMatch(/unknown field "dat" in an? agi.declared event/);
    expect(unknown.hint).toMatch(/the fields of agi.declared are type, date, note, source/);
    const missing = refusal(() => parseEventLine('{"type":"azure.purchased","date":"2028-03-01"}', 1));
    expect(missing.message).toMatch(/needs the field "amountUsd" \(number\)/);
    expect(missing.hint).toMatch(/add "amountUsd"/);
    const wrong = refusal(() => parseEventLine('{"type":"azure.purchased","date":"2028-03-01","amountUsd":"5"}', 1));
    expect(wrong.message).toMatch(/"amountUsd" must be a number, found string "5"/);
    const boolean = refusal(() =>
      parseEventLine('{"type":"product.launched","date":"2028-03-01","name":"x","api":1,"cloud":"aws"}', 1),
    );
    expect(boolean.message).toMatch(/"api" must be a boolean, found number 1/);
    const object = refusal(() =>
      parseEventLine('{"type":"product.launched","date":"2028-03-01","name":{},"api":true,"cloud":"aws"}', 1),
    );
    expect(object.message).toMatch(/"name" must be a string/);
    const small = refusal(() => parseEventLine('{"type":"azure.purchased","date":"2028-03-01","amountUsd":0}', 1));
    expect(small.message).toMatch(/^"amountUsd" .*found number 0/);
    expect(small.hint).toBe('correct "amountUsd"');
    expect(small.message).toMatch(/^"amountUsd" number must be greater than 0/);
    const long = refusal(() =>
      parseEventLine(`{"type":"agi.declared","date":"2028-03-01","source":"${'y'.repeat(60)}"}`, 1),
    );
    expect(long.message).toMatch(/found string "y+…$/);
    // 40 characters of JSON are shown whole; 41 are cut.
    const shown = (length: number) =>
      refusal(() =>
        parseEventLine(`{"type":"azure.purchased","date":"2028-03-01","amountUsd":"${'x'.repeat(length - 2)}"}`, 1),
      ).message;
    expect(shown(40)).toMatch(/found string "x{38}"$/);
    expect(shown(41)).toMatch(/found string "x{39}…$/);
  });
});

describe('invariant 8: a whole log', () => {
  it('splits lines with their numbers, CRLF and a missing final newline included', () => {
    expect([...splitLines('a\r\nb\n\nc')]).toEqual([
      { line: 1, text: 'a', terminated: true },
      { line: 2, text: 'b', terminated: true },
      { line: 3, text: '', terminated: true },
      { line: 4, text: 'c', terminated: false },
    ]);
    expect([...splitLines('')]).toEqual([]);
    expect([...splitLines('a\n')]).toEqual([{ line: 1, text: 'a', terminated: true }]);
  });

  it('reads a leading byte-order mark as no part of the first line', () => {
    const bom = String.fromCharCode(BOM);
    expect([...splitLines(`${bom}a\nb`)].map(({ text }) => text)).toEqual(['a', 'b']);
    expect(parseLog(`${bom}${declared}\n`)).toEqual([{ line: 1, event: { type: 'agi.declared', date: '2028-03-01' } }]);
    // Only a leading one: elsewhere it is a character of the line (and not JSON).
    expect(refusal(() => parseLog(`${declared}\n${bom}${declared}\n`)).line).toBe(2);
  });

  it('names a line of the user’s own file "line N" and a line of a replayed history "origin:N"', () => {
    expect(lineRef(3)).toBe('line 3');
    expect(lineRef(4, 'history')).toBe('history:4');
    expect(lineRef(12, 'past.jsonl')).toBe('past.jsonl:12');
  });

  it('skips blank lines but counts them, and keeps same-day events in file order', () => {
    const log = parseLog(`\n${declared}\n   \n{"type":"panel.rejected","date":"2028-03-01"}\n`);
    expect(log.map(({ line, event }) => [line, event.type])).toEqual([
      [2, 'agi.declared'],
      [4, 'panel.rejected'],
    ]);
  });

  it('refuses a line dated before the line above it, naming both', () => {
    const error = refusal(() => parseLog(`${declared}\n{"type":"panel.rejected","date":"2028-02-29"}\n`, 'f.jsonl'));
    expect(error.line).toBe(2);
    expect(error.file).toBe('f.jsonl');
    expect(error.message).toMatch(/dated 2028-02-29, before line 1 \(2028-03-01\)/);
  });

  it('reports a torn last line as torn, and bad JSON elsewhere as bad JSON', () => {
    const torn = refusal(() => parseLog(`${declared}\n{"type":"panel.rej`, 'f.jsonl'));
    expect(torn.line).toBe(2);
    expect(torn.message).toMatch(/looks torn/);
    expect(torn.hint).toMatch(/dealsim repair f.jsonl/);
    expect(torn.file).toBe('f.jsonl');
    expect(refusal(() => parseLog(`${declared}\n{"type":"panel.rej`)).file).toBeUndefined();
    expect(refusal(() => parseLog(`${declared}\n{"type":"panel.rej`)).hint).toMatch(/dealsim repair LOG/);
    expect(refusal(() => parseLog(`{"type":"panel.rej\n${declared}\n`)).message).toMatch(/^not valid JSON/);
    // A last line without a newline that is valid JSON but not a valid event is not torn.
    expect(refusal(() => parseLog(`${declared}\n{"type":"x","date":"2028-03-01"}`)).message).toMatch(
      /unknown event type/,
    );
  });
});

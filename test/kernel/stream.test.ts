/**
 * Long logs stream: the chunked reader yields exactly the lines the whole-text splitter does
 * (CRLF, multi-byte characters cut by a chunk edge, a torn last line), and a streamed replay on
 * the lean fold equals the XState replay of the loaded log (C4, C9 intervals and verdicts).
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { InputError } from '../../src/domain/errors.ts';
import { foldEvents } from '../../src/kernel/fold.ts';
import { notUtf8 } from '../../src/log/encoding.ts';
import { splitLines } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { readLog } from '../../src/store/log-file.ts';
import { readLogLines, streamLog } from '../../src/store/log-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('C0 streamed logs', () => {
  it('yields the same lines as splitting the whole text, whatever the chunk size', () => {
    const text =
      '{"type":"hardware.launched","date":"2026-01-01","name":"café ☕ device"}\r\n\n' +
      '{"type":"agi.declared","date":"2028-01-01","note":"déclaré"}\n{"type":"panel.verified","date":"2028-0';
    const file = join(dir, 'lines.jsonl');
    writeFileSync(file, text);
    for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
      expect([...readLogLines(file, chunk)]).toEqual([...splitLines(text)]);
    }
  });

  it('yields the lines of the whole text for any mix of line ends, byte-order mark, bad bytes and chunk size', () => {
    // Pieces that straddle chunk edges: multi-byte characters, CR then LF, lone CRs, bytes that are not UTF-8.
    const piece = fc.constantFrom(
      'a',
      '{"x":1}',
      'é',
      '☕',
      '😀',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
      Buffer.from([0xff]),
      Buffer.from([0xe2, 0x98]),
    );
    const bytesOf = (part: string | Buffer) => (typeof part === 'string' ? Buffer.from(part) : part);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 1, max: 70 }),
        (bom, parts, chunk) => {
          const bytes = Buffer.concat([...(bom ? [Buffer.from('\ufeff')] : []), ...parts.map(bytesOf)]);
          const file = join(dir, 'mixed.jsonl');
          writeFileSync(file, bytes);
          if (isUtf8(bytes)) {
            expect([...readLogLines(file, chunk)]).toEqual([...splitLines(bytes.toString('utf8'))]);
            return;
          }
          const expected = notUtf8(bytes, file);
          let thrown: unknown;
          try {
            [...readLogLines(file, chunk)];
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(InputError);
          expect((thrown as InputError).line).toBe(expected.line);
          expect((thrown as InputError).message).toBe(expected.message);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('replays a streamed log to the same intervals and verdicts as the loaded log on XState', () => {
    const file = 'simulations/rejected-then-redeclared-verified.jsonl';
    const reference = replay(readLog(file), { assumptions: DEFAULT_ASSUMPTIONS });
    const streamed = foldEvents(streamLog(file), { assumptions: DEFAULT_ASSUMPTIONS });
    expect(streamed.timelines).toEqual(reference.timelines);
    expect(streamed.verdicts.breach).toBe(reference.findings.filter((f) => f.verdict === 'breach').length);
  });

  it('reports a torn last line with the file and line, as reading the whole log does', () => {
    const file = join(dir, 'torn.jsonl');
    writeFileSync(file, '{"type":"agi.declared","date":"2028-01-01"}\n{"type":"panel.ver');
    expect(() => [...streamLog(file)]).toThrow(/incomplete/);
    expect(() => [...streamLog(join(dir, 'missing.jsonl'))]).toThrow(/no such file/);
  });
});

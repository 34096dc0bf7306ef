/**
 * What `simulate` prints after a replay goes out through one printer in large pieces: text,
 * copied bytes (short ones byte by byte, long ones in one copy or straight through) and runs of
 * spaces come out whole and in the order given, wherever they meet the printer's 1 MiB flushes.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { Printer } from '../../src/cli/printer.ts';

const MIB = 1 << 20;

/** Sizes that seek the printer's edges: tiny, around the byte-by-byte cut (64), around 1 MiB. */
const size = fc.oneof(
  fc.integer({ min: 0, max: 80 }),
  fc.integer({ min: MIB - 70, max: MIB + 70 }),
  fc.integer({ min: 0, max: 3 * MIB }),
);

type Step =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; length: number; offset: number }
  | { kind: 'spaces'; count: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
  fc.record({ kind: fc.constant('bytes' as const), length: size, offset: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('spaces' as const), count: size }),
);

describe('C0 printed output', () => {
  test.prop([fc.array(step, { maxLength: 8 })], { numRuns: 40 })(
    'keeps every piece whole and in order across the flushes',
    (steps) => {
      const io = memoryIo();
      const out = new Printer(io);
      let expected = '';
      for (const [index, each] of steps.entries()) {
        if (each.kind === 'text') {
          out.write(each.text);
          expected += each.text;
        } else if (each.kind === 'spaces') {
          out.spaces(each.count);
          expected += ' '.repeat(each.count);
        } else {
          // ASCII that tells pieces apart; the copy takes a window of a larger buffer.
          const piece = String.fromCharCode(97 + (index % 26)).repeat(each.length);
          const source = Buffer.from(`${'#'.repeat(each.offset)}${piece}${'#'.repeat(3)}`, 'latin1');
          out.copy(source, each.offset, each.offset + each.length);
          expected += piece;
        }
      }
      out.flush();
      const printed = io.stdout();
      expect(printed.length).toBe(expected.length);
      expect(printed === expected).toBe(true);
    },
  );
});

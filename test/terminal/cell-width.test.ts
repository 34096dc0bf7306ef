/**
 * Tables measure cells as string-width does: the fast path for dealsim's own one-column text
 * (printable ASCII, ’ → ✓ ✕ ℹ ● —, its colour codes) gives string-width's answer on any text,
 * including wide characters, emoji, combining marks and escape codes next to those characters.
 */
import { fc, test } from '@fast-check/vitest';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth, NARROW_EXTRA } from '../../src/cli/render/table.ts';

const pieces = fc.constantFrom(
  'a',
  ' ',
  '~',
  '’',
  '→',
  '✓',
  '✕',
  'ℹ',
  '●',
  '—',
  '─',
  '\u001b[31m',
  '\u001b[39m',
  '\u001b[1m',
  '\u001b]0;x\u0007',
  '\u0301',
  '\ufe0f',
  '\u200d',
  '界',
  '👍',
  'é',
  '\t',
  '\u0000',
);

describe('C0 tables that fit the terminal', () => {
  it.each([...NARROW_EXTRA])('%s, measured without string-width, is one column wide as string-width says', (char) => {
    expect(stringWidth(char)).toBe(1);
    // One UTF-16 unit, so the narrow-text check may match code units.
    expect(char.length).toBe(1);
  });

  test.prop([fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 12 })])(
    'a cell is as wide as string-width says, whatever it holds',
    (parts) => {
      const text = parts.join('');
      expect(cellWidth(text)).toBe(stringWidth(text));
    },
  );
});

/**
 * User text reaches SVG and HTML only as text: whatever string a log holds, escapeMarkup leaves
 * no markup character, no character XML forbids, no lone surrogate and no bidirectional override
 * in it, and gives text that needs none of that back unchanged.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { escapeMarkup } from '../../src/visual/markup.ts';

const RAW = /[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/;
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text that needs no escaping: letters, digits, punctuation, accents, wide characters, emoji, tabs, line feeds. */
const benign = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '-', '.', 'é', '界', '—', '\t', '\n', '😀') });

/** One of each kind of character that must not reach markup as it is. */
const HAZARDS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\ud83d',
  '\ude00',
  '\ufffe',
  '\uffff',
];

/** Strings of any code units (lone surrogates included), and benign text around one hazard. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.tuple(benign, fc.constantFrom(...HAZARDS), benign).map(([before, hazard, after]) => before + hazard + after),
  fc.string({ unit: fc.constantFrom('a', '界', '\t', ...HAZARDS) }),
);

describe('C0 user strings are text in SVG and HTML', () => {
  test.prop([text])(
    'escapeMarkup leaves no markup character and nothing XML forbids or that reorders text',
    (input) => {
      const escaped = escapeMarkup(input);
      expect(escaped).not.toMatch(RAW);
      expect(escaped).not.toMatch(FORBIDDEN);
    },
  );

  test.prop([benign])('gives text with nothing to escape back unchanged', (input) => {
    expect(escapeMarkup(input)).toBe(input);
  });
});

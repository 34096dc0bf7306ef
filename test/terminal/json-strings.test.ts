/**
 * A JSON string on its way to a terminal: `terminalSafeJson` is `terminalSafe(JSON.stringify(text))`
 * for every text, its one-scan shortcut included: quotes, backslashes, controls, lone and paired
 * surrogates and the invisible characters the net escapes all take the full path.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { terminalSafe, terminalSafeJson } from '../../src/cli/render/terminal-text.ts';

const special = fc.constantFrom(
  '"',
  '\\',
  '\u0000',
  '\u0007',
  '\n',
  '\u001b[2J',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udfff',
  '🧪',
  '’',
  ' ',
);
const text = fc
  .array(fc.oneof(special, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** Plain text around exactly one character that needs escaping, so no other one hides a missed case. */
const one = fc
  .tuple(fc.string({ unit: 'grapheme-ascii' }), special, fc.string({ unit: 'grapheme-ascii' }))
  .map(([before, char, after]) => `${before.replace(/["\\]/g, '')}${char}${after.replace(/["\\]/g, '')}`);

describe('C0 JSON strings for a terminal', () => {
  test.prop([one])('escape each character that needs it, alone in plain text', (value) => {
    expect(terminalSafeJson(value)).toBe(terminalSafe(JSON.stringify(value), false));
  });

  test.prop([text])('are the terminal-safe JSON.stringify of the text, whatever it holds', (value) => {
    expect(terminalSafeJson(value)).toBe(terminalSafe(JSON.stringify(value), false));
  });
});

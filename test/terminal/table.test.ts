/**
 * Issue 12, item 7: tables fit the terminal. On a terminal of W columns every line of a table is
 * at most W wide (while the columns that may not wrap leave room), the wrapping column keeps every
 * word in order, and colour codes do not count as width; piped, every row stays on one line.
 */
import { fc, test } from '@fast-check/vitest';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { styleFor } from '../../src/cli/render/style.ts';
import { table } from '../../src/cli/render/table.ts';

const word = fc.stringMatching(/^[a-z0-9$€’—-]{1,14}$/);
const text = fc.array(word, { minLength: 0, maxLength: 40 }).map((words) => words.join(' '));
const short = fc.stringMatching(/^[a-z0-9.-]{0,10}$/);
const rows = fc.array(fc.tuple(short, short, text), { minLength: 1, maxLength: 8 });
/** Widths around the point where the fixed columns alone just fit, and some well above. */
const width = fc.oneof(fc.integer({ min: 30, max: 40 }), fc.integer({ min: 40, max: 200 }));

describe('the table renderer', () => {
  test.prop([rows, width])('fits a terminal of W columns whenever the fixed columns leave room', (cells, columns) => {
    const lines = table(['A', 'B', 'REASON'], cells, { width: columns }).trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  });

  test.prop([rows, width])('keeps all the text of the wrapped column, in order', (cells, columns) => {
    const lines = table(['A', 'B', 'REASON'], cells, { width: columns }).trimEnd().split('\n').slice(2);
    const offset =
      Math.max(1, ...cells.map((row) => row[0].length)) + 2 + Math.max(1, ...cells.map((row) => row[1].length)) + 2;
    const kept = lines
      .map((line) => line.slice(offset))
      .join('')
      .replace(/\s+/g, '');
    expect(kept).toBe(cells.map((row) => row[2].replace(/\s+/g, '')).join(''));
  });

  test.prop([rows])('keeps one row per line when not on a terminal', (cells) => {
    // Every line ends in a newline; a row of empty cells is an empty line, not none.
    const lines = table(['A', 'B', 'REASON'], cells).split('\n').slice(0, -1);
    expect(lines).toHaveLength(cells.length + 2);
  });

  it('does not count colour codes as width', () => {
    const style = styleFor(true);
    const plain = table(['X', 'Y'], [['breach', 'a b c d e f g h i j k l m n o p q r s t']], { width: 24 });
    const coloured = table(['X', 'Y'], [[style.red('breach'), 'a b c d e f g h i j k l m n o p q r s t']], {
      width: 24,
    });
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});

describe('the CLI’s tables fit the terminal', () => {
  const FUTURE = 'simulations/as-signed/third-party-api-off-azure.jsonl';

  it('simulate on a 100-column terminal: every line of its timeline and tables is at most 100 wide', async () => {
    const { code, out } = await runInMemory(['simulate', FUTURE], { columns: 100 });
    expect(code).toBe(0);
    // The tables, not the list of source URLs under them (a URL is never broken).
    const tables = out.slice(out.indexOf('Timeline'), out.indexOf('\nSources'));
    expect(tables).toContain('REASON');
    for (const line of tables.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(100);
  });

  it('simulate piped: one line per finding, whatever its length', async () => {
    const { out } = await runInMemory(['simulate', FUTURE, '--json']);
    const findings = (JSON.parse(out) as { findings: unknown[] }).findings.length;
    const piped = (await runInMemory(['simulate', FUTURE])).out;
    const section = piped.slice(piped.indexOf('Findings')).split('\n\n')[0]?.split('\n');
    expect(findings).toBeGreaterThan(0);
    expect(section).toHaveLength(findings + 3);
  });

  it.each([
    ['assumptions'],
    ['clauses'],
    ['events'],
    ['diff', 'simulations/no-agi-ever.jsonl', 'simulations/verified-2034.jsonl'],
  ])('%s on a 72-column terminal prints no line wider than 72', async (...argv) => {
    const { code, out } = await runInMemory(argv, { columns: 72 });
    expect(code).toBe(0);
    // diff's first two lines name the files compared: not a table.
    const lines = out.split('\n').slice(argv[0] === 'diff' ? 2 : 0);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(72);
  });
});

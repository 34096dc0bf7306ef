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
    const printed = table(['A', 'B', 'REASON'], cells, { width: columns });
    fc.pre(printed.split('\n')[1] !== '    REASON'); // stacked: see the stacked properties below
    const lines = printed.trimEnd().split('\n').slice(2);
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

  // Fixed cells too wide for the terminal: each row is stacked, its reason under its other cells.
  const wide = fc.stringMatching(/^[a-z0-9.:-]{0,24}$/);
  const first = fc.stringMatching(/^[a-z0-9.:-]{1,24}$/); // a row's LINE or TERM is never blank
  const wideRows = fc.array(fc.tuple(first, wide, wide, text), { minLength: 1, maxLength: 8 });
  const narrow = fc.integer({ min: 20, max: 90 });
  const HEADER = ['A', 'B', 'C', 'REASON'];

  test.prop([wideRows, narrow])(
    'stacks each row when the other columns leave no room: no line wider than W but one cell of 24',
    (cells, columns) => {
      const lines = table(HEADER, cells, { width: columns }).trimEnd().split('\n');
      // A cell wider than a line has a line of its own, indented by two; a word of a reason is at most 14.
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(Math.max(columns, 2 + 24));
    },
  );

  test.prop([wideRows, narrow])(
    'keeps a stacked row’s reason whole, in order, indented under its row',
    (cells, columns) => {
      const printed = table(HEADER, cells, { width: columns });
      fc.pre(printed.split('\n')[1] === '    REASON'); // the columns fit: the properties above cover it
      const body = printed.trimEnd().split('\n').slice(3);
      // A row's cells start at the margin (or two in, continued); its reason four in.
      const kept = body
        .filter((line) => line.startsWith('    '))
        .join('')
        .replace(/\s+/g, '');
      expect(kept).toBe(cells.map((row) => row[3].replace(/\s+/g, '')).join(''));
      expect(body.filter((line) => !line.startsWith(' '))).toHaveLength(cells.length);
    },
  );

  it('stacks rather than breaking the words of a column that cannot be as wide as its longest word', () => {
    const rows = [['research-ip', 'microsoft', '2025-10-28', 'line 4: panel.verified']];
    expect(table(['TERM', 'HOLDER', 'FROM', 'ENDED BY'], rows, { width: 40 })).toBe(
      [
        'TERM         HOLDER     FROM',
        '    ENDED BY',
        '─'.repeat(34),
        'research-ip  microsoft  2025-10-28',
        '    line 4: panel.verified',
        '',
      ].join('\n'),
    );
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

  it('simulate on an 80-column terminal stacks its findings and terms: every line is at most 80 wide', async () => {
    const { code, out } = await runInMemory(['simulate', 'simulations/declared-2028-verified-2028.jsonl'], {
      columns: 80,
    });
    expect(code).toBe(0);
    const tables = out.slice(out.indexOf('Timeline'), out.indexOf('\nSources'));
    expect(tables).toContain('\n    REASON\n');
    expect(tables).toContain('\n    ENDED BY\n');
    for (const line of tables.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
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

/**
 * The one table renderer for people's output: a header row, a rule, columns padded to their widest
 * cell (widths measured by string-width, so colour codes and wide characters count right). On a
 * terminal, the table fits its width: one column (the reason, the meaning) wraps by words with
 * wrap-ansi. On a terminal too narrow for the columns that do not wrap, each row is stacked: its
 * other cells on one line, then its last cell (the reason) wrapped on the lines under it,
 * indented. Not on a terminal (`width` undefined), every row stays on one line, for grep and cut.
 */
import { stringWidth, wrapAnsi } from './text-width.ts';

export interface TableOptions {
  /** The terminal's width in columns ({@link Io.columns}); undefined: never wrap. */
  readonly width?: number | undefined;
  /** The columns that may wrap to fit `width`, the widest narrowed first; default the last. */
  readonly wrap?: readonly number[];
  /** Spaces before every line. */
  readonly indent?: number;
  /** Spaces between columns; default 2 (1 for a bulleted list: `['-', sentence]` rows). */
  readonly gap?: number;
}

/** A wrapping column is never narrowed below its longest word, nor this; past that the terminal folds the line. */
const MIN_WRAP_WIDTH = 6;
/** Longer words (URLs, long IDs) are broken rather than keep the column this wide. */
const MAX_WORD_WIDTH = 24;
/** How far a stacked row's last cell is indented under its other cells. */
const STACK_INDENT = 4;

/**
 * The single place cell text passes through on its way to the terminal: where user text (event
 * names, notes, file names) is made safe to print. Cells may carry dealsim's own colour codes.
 */
function cellText(cell: string): string {
  return cell;
}

/** `rows` under `header` (none when null), as lines ending in a newline; see {@link TableOptions}. */
export function table(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const body = rows.map((row) => row.map(cellText));
  const head = header?.map(cellText);
  const measure = new TableMeasure(options);
  if (head) measure.add(head);
  for (const row of body) measure.add(row);
  if (!head && body.length === 0) return '\n';
  const layout = measure.layout();
  let text = head ? tableHead(head, layout) : '';
  for (const row of body) text += tableRow(row, layout);
  return text;
}

/**
 * The widths of a table's columns, measured row by row, so that a long table can be printed
 * without being held: measure every row (the header too), take the {@link TableLayout}, then
 * print the header with {@link tableHead} and each row with {@link tableRow}, as {@link table} does.
 */
export class TableMeasure {
  private readonly widths: number[] = [];
  /** Per column, its longest word: what a wrapping column may not be narrowed below (only with a width). */
  private readonly longest: number[] = [];

  constructor(private readonly options: TableOptions = {}) {}

  add(row: readonly string[]): void {
    const { widths, longest } = this;
    for (let column = widths.length; column < row.length; column++) {
      widths.push(0);
      longest.push(0);
    }
    for (let column = 0; column < row.length; column++) {
      const cell = row[column] as string;
      const width = cellWidth(cell);
      if (width > (widths[column] as number)) widths[column] = width;
      // Words are only needed to fit a terminal; a cell no wider than the longest word so far has none longer.
      if (this.options.width !== undefined && width > (longest[column] as number)) {
        for (const word of cell.split(/\s+/)) {
          const wordWidth = cellWidth(word);
          if (wordWidth > (longest[column] as number)) longest[column] = wordWidth;
        }
      }
    }
  }

  /**
   * A row the caller measured itself (each cell's {@link cellWidth}), for a table that is not
   * fitted to a terminal (no `width`): its words are not measured.
   */
  addWidths(row: readonly number[]): void {
    if (this.options.width !== undefined)
      throw new TypeError('addWidths measures no words: a fitted table needs add()');
    const { widths, longest } = this;
    for (let column = 0; column < row.length; column++) {
      if (column === widths.length) {
        widths.push(0);
        longest.push(0);
      }
      if ((row[column] as number) > (widths[column] as number)) widths[column] = row[column] as number;
    }
  }

  /** The layout of every row measured so far, fitted to the terminal's width when one is given. */
  layout(): TableLayout {
    const columns = this.widths.length;
    const widths = [...this.widths];
    const indent = ' '.repeat(this.options.indent ?? 0);
    const gap = ' '.repeat(this.options.gap ?? 2);
    // Not on a terminal nothing wraps, not even a cell wider than its column (a row measured late).
    const wrap = new Set(this.options.width === undefined ? [] : (this.options.wrap ?? [columns - 1]));
    const width = this.options.width;
    if (width === undefined) return { widths, wrap, indent, gap };
    const room = width - indent.length - gap.length * (columns - 1);
    const least = widths.reduce(
      (sum, w, column) => sum + (wrap.has(column) ? Math.min(w, wordFloor(this.longest, column)) : w),
      0,
    );
    if (least > room && columns > 1) {
      // Too narrow even with every wrapping column down to its longest word: stack each row instead.
      const first = widths.slice(0, -1).reduce((sum, w) => sum + w, 0) + gap.length * (columns - 2);
      return { widths, wrap: new Set(), indent, gap, stacked: { width, padded: indent.length + first <= width } };
    }
    fit(widths, wrap, this.longest, room);
    return { widths, wrap, indent, gap };
  }
}

/** How a table's rows are laid out: see {@link TableMeasure}. */
export interface TableLayout {
  readonly widths: readonly number[];
  readonly wrap: ReadonlySet<number>;
  readonly indent: string;
  readonly gap: string;
  /**
   * Set when the terminal is too narrow for the columns: each row's cells but the last on one
   * line (padded to their columns when that line fits `width`), the last wrapped under it.
   */
  readonly stacked?: { readonly width: number; readonly padded: boolean };
}

/** The header's lines and the rule under it. */
export function tableHead(header: readonly string[], layout: TableLayout): string {
  const { widths, indent, gap, stacked } = layout;
  if (stacked === undefined) {
    return `${tableRow(header, layout)}${indent}${widths.map((width) => '─'.repeat(width)).join(gap)}\n`;
  }
  // As wide as the padded cells, or the terminal when they are not padded (they would not fit).
  const padded = widths.slice(0, -1).reduce((sum, width) => sum + width, 0) + gap.length * (widths.length - 2);
  const rule = stacked.padded ? padded : stacked.width - indent.length;
  return `${tableRow(header, layout)}${indent}${'─'.repeat(rule)}\n`;
}

/**
 * A stacked row's cells but the last, as lines: padded to their columns on one line when that
 * fits; else packed, whole cells at a time, into lines of the terminal's width, each line after
 * the first indented by two (a cell wider than a line has one of its own).
 */
function stackedCells(
  row: readonly string[],
  layout: TableLayout,
  stacked: NonNullable<TableLayout['stacked']>,
): string[] {
  const { widths, gap } = layout;
  const cells = widths.slice(0, -1).map((width, column) => {
    const cell = row[column] ?? '';
    return stacked.padded ? cell + ' '.repeat(Math.max(0, width - cellWidth(cell))) : cell;
  });
  if (stacked.padded) return [cells.join(gap).trimEnd()];
  const room = stacked.width - layout.indent.length;
  const lines: string[] = [];
  let line = '';
  for (const cell of cells.filter((text, column) => text !== '' || column === 0)) {
    const next = line === '' ? cell : `${line}${gap}${cell}`;
    if (line !== '' && cellWidth(next) + (lines.length > 0 ? 2 : 0) > room) {
      lines.push(line);
      line = cell;
    } else line = next;
  }
  lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : `  ${text}`));
}

/** One row's lines (more than one when a wrapping column wraps), each ending in a newline. */
export function tableRow(row: readonly string[], layout: TableLayout): string {
  const { widths, wrap, indent, gap, stacked } = layout;
  if (stacked !== undefined) {
    const under = `${indent}${' '.repeat(STACK_INDENT)}`;
    const last = row[widths.length - 1] ?? '';
    const room = Math.max(MIN_WRAP_WIDTH, stacked.width - under.length);
    const body = last === '' ? [] : wrapAnsi(last, room, { hard: true }).split('\n');
    const head = stackedCells(row, layout, stacked).map((line) => `${indent}${line}\n`);
    return `${head.join('')}${body.map((line) => `${`${under}${line}`.trimEnd()}\n`).join('')}`;
  }
  const columns = widths.length;
  const cells = widths.map((width, column) => {
    const cell = row[column] ?? '';
    return wrap.has(column) && cellWidth(cell) > width ? wrapAnsi(cell, width, { hard: true }).split('\n') : [cell];
  });
  let height = 0;
  for (const cell of cells) if (cell.length > height) height = cell.length;
  let text = '';
  for (let index = 0; index < height; index++) {
    let line = indent;
    for (let column = 0; column < columns; column++) {
      const cell = (cells[column] as string[])[index] ?? '';
      if (column > 0) line += gap;
      line += column === columns - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - cellWidth(cell));
    }
    text += `${line.trimEnd()}\n`;
  }
  return text;
}

/**
 * A cell's width in columns, as string-width gives it. Text of printable ASCII and the few
 * one-column characters dealsim's own words use (’ → ✓ ✕ ℹ ● —), with at most dealsim's own
 * colour codes, is one column a character and measured without string-width's grapheme
 * segmentation, which cost a long log's tables most of their time; anything else string-width
 * measures.
 */
export function cellWidth(text: string): number {
  if (NARROW_TEXT.test(text)) return text.length;
  if (text.includes('\u001b')) {
    const bare = text.replace(OWN_STYLES, '');
    if (NARROW_TEXT.test(bare)) return bare.length;
  }
  return stringWidth(text);
}

/**
 * Characters besides printable ASCII that are one column wide, as string-width measures them (a
 * test checks each); not asked of string-width here, as its first answer costs a start its time.
 */
export const NARROW_EXTRA: readonly string[] = [
  '’',
  '‘',
  '“',
  '”',
  '→',
  '✓',
  '✕',
  'ℹ',
  '●',
  '—',
  '–',
  '…',
  '×',
  '≤',
  '≥',
  '─',
];
// No 'u' flag: every character listed is one UTF-16 unit (a test checks), and a code-unit match runs about twice as fast.
const NARROW_TEXT = new RegExp(`^[\\x20-\\x7e${NARROW_EXTRA.join('')}]*$`);
const OWN_STYLES = /\u001b\[\d+m/g;

/** What a wrapping column is narrowed to before words are broken: its longest word, within bounds. */
function wordFloor(longest: readonly number[], column: number): number {
  return Math.max(MIN_WRAP_WIDTH, Math.min(longest[column] ?? 0, MAX_WORD_WIDTH));
}

/**
 * Narrows the wrapping columns, widest first, until their sum with the others fits `room`; never
 * below a column's longest word (the layout stacks the rows when that would not fit).
 */
function fit(widths: number[], wrap: ReadonlySet<number>, longest: readonly number[], room: number): void {
  let excess = widths.reduce((sum, width) => sum + width, 0) - room;
  while (excess > 0) {
    const widest = [...wrap]
      .filter((column) => (widths[column] ?? 0) > wordFloor(longest, column))
      .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
    if (widest === undefined) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess -= 1;
  }
}

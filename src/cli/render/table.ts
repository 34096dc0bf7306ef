/**
 * The one table renderer for people's output: a header row, a rule, columns padded to their widest
 * cell (widths measured by string-width, so colour codes and wide characters count right). On a
 * terminal, the table fits its width: one column (the reason, the meaning) wraps by words with
 * wrap-ansi. Not on a terminal (`width` undefined), every row stays on one line, for grep and cut.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

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
  const all = head ? [head, ...body] : body;
  // Loops, not Math.max(...rows): a long log's table has more rows than a call takes arguments.
  const columns = all.reduce((most, row) => Math.max(most, row.length), 0);
  const widths = Array.from({ length: columns }, (_, column) =>
    all.reduce((widest, row) => Math.max(widest, stringWidth(row[column] ?? '')), 0),
  );
  const indent = ' '.repeat(options.indent ?? 0);
  const GAP = ' '.repeat(options.gap ?? 2);
  const wrap = new Set(options.wrap ?? [columns - 1]);
  if (options.width !== undefined) fit(widths, wrap, all, options.width - indent.length - GAP.length * (columns - 1));
  const lines = (row: readonly string[]): string[] => {
    const cells = widths.map((width, column) => {
      const cell = row[column] ?? '';
      return wrap.has(column) && stringWidth(cell) > width ? wrapAnsi(cell, width, { hard: true }).split('\n') : [cell];
    });
    const height = Math.max(...cells.map((cell) => cell.length));
    return Array.from({ length: height }, (_, index) =>
      `${indent}${cells
        .map((cell, column) => {
          const text = cell[index] ?? '';
          return column === columns - 1 ? text : text + ' '.repeat((widths[column] ?? 0) - stringWidth(text));
        })
        .join(GAP)}`.trimEnd(),
    );
  };
  const rule = head ? [`${indent}${widths.map((width) => '─'.repeat(width)).join(GAP)}`] : [];
  return `${[...(head ? lines(head) : []), ...rule, ...body.flatMap(lines)].join('\n')}\n`;
}

/** Narrows the wrapping columns, widest first, until their sum with the others fits `room`. */
function fit(widths: number[], wrap: ReadonlySet<number>, rows: readonly (readonly string[])[], room: number): void {
  const floor = new Map(
    [...wrap].map((column) => {
      let longest = 0;
      for (const row of rows) {
        for (const word of (row[column] ?? '').split(/\s+/)) longest = Math.max(longest, stringWidth(word));
      }
      return [column, Math.max(MIN_WRAP_WIDTH, Math.min(longest, MAX_WORD_WIDTH))];
    }),
  );
  let excess = widths.reduce((sum, width) => sum + width, 0) - room;
  // First down to whole words; then, only if that makes the table fit, breaking words down to
  // MIN_WRAP_WIDTH. When the columns that do not wrap are too wide anyway, words stay whole.
  const fixed = widths.reduce((sum, width, column) => sum + (wrap.has(column) ? MIN_WRAP_WIDTH : width), 0);
  const floors = [(column: number) => floor.get(column) ?? MIN_WRAP_WIDTH];
  if (fixed <= room) floors.push(() => MIN_WRAP_WIDTH);
  for (const least of floors) {
    while (excess > 0) {
      const widest = [...wrap]
        .filter((column) => (widths[column] ?? 0) > least(column))
        .sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
      if (widest === undefined) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess -= 1;
    }
  }
}

/**
 * Reading a long log without holding it: fixed-size chunks are read synchronously and split into
 * lines at LF, CRLF or a lone CR on the bytes, the whole lines of a chunk checked as UTF-8 and
 * decoded at once, each handed to a {@link LineParser} to validate. The generator is lazy, so a
 * fold that consumes it keeps only the line in hand.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../domain/errors.ts';
import { notUtf8 } from '../log/encoding.ts';
import { BOM, LineParser, type LoggedEvent, type LogLine, MAX_LINE_BYTES } from '../log/parse.ts';

const CHUNK_BYTES = 1 << 20;
const CR = 0x0d;
const LF = 0x0a;

function openLog(file: string): number {
  try {
    if (statSync(file).isDirectory()) {
      throw new InputError(`${file} is a directory, not an event log`, { hint: 'name a .jsonl file' });
    }
    return openSync(file, 'r');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? String(error)})`,
      {
        hint: code === 'ENOENT' ? 'check the path' : 'check the file’s permissions',
      },
    );
  }
}

/**
 * The lines of `file` as {@link splitLines} gives them for the whole text, read chunk by chunk;
 * `onBom` is called when the first line starts with a byte-order mark (which it drops).
 */
export function readLogLines(file: string, chunkBytes = CHUNK_BYTES, onBom?: () => void): Generator<LogLine> {
  return readLines(file, chunkBytes, onBom, (line, text, terminated) => ({ line, text, terminated }));
}

/** What a reader makes of one line (its number, text and whether a line end followed); undefined skips it. */
type TakeLine<T> = (line: number, text: string, terminated: boolean) => T | undefined;

/**
 * The reader behind {@link readLogLines} and {@link streamLog}: each line goes to `take` as it is
 * split, and what `take` returns is yielded, so a streamed parse costs one generator, not one per
 * stage (a long log has a million lines).
 */
function* readLines<T>(
  file: string,
  chunkBytes: number,
  onBom: (() => void) | undefined,
  take: TakeLine<T>,
): Generator<T> {
  const fd = openLog(file);
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  const withoutBom = (text: string) => {
    if (line !== 1 || text.charCodeAt(0) !== BOM) return text;
    onBom?.();
    return text.slice(1);
  };
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      const eof = read === 0;
      const bytes = carry.length === 0 ? buffer.subarray(0, read) : Buffer.concat([carry, buffer.subarray(0, read)]);
      const cut = completeLines(bytes, eof);
      const whole = bytes.subarray(0, cut);
      // Line ends are ASCII, so the lines are UTF-8 exactly when all of them together are: decode
      // them at once; otherwise name the first bad line (all of them end, so none is torn).
      if (!isUtf8(whole)) throw notUtf8(whole, file, line);
      for (const text of splitDecoded(whole.toString('utf8'))) {
        const taken = take(line, withoutBom(text), true);
        line++;
        if (taken !== undefined) yield taken;
      }
      carry = Buffer.from(bytes.subarray(cut));
      if (carry.length > 4 * MAX_LINE_BYTES) {
        throw new InputError(`the line is longer than the ${MAX_LINE_BYTES / 1024} KiB an event may take`, {
          file,
          line,
          hint: 'put one event on each line',
        });
      }
      if (eof) break;
    }
    if (carry.length > 0) {
      // The last line, with no end after it: the error shows it as it is, torn.
      if (!isUtf8(carry)) throw notUtf8(carry, file, line);
      const text = withoutBom(carry.toString('utf8'));
      // A file that is only a byte-order mark has no line, as splitLines says.
      if (text !== '' || line > 1) {
        const taken = take(line, text, false);
        if (taken !== undefined) yield taken;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * How many leading bytes of `bytes` are whole lines, ends included. A CR that is the last byte
 * read may be the first half of a CRLF, so before the end of the file it waits for the next read.
 */
function completeLines(bytes: Buffer, eof: boolean): number {
  let last = Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
  if (last === bytes.length - 1 && bytes[last] === CR && !eof) {
    last = last === 0 ? -1 : Math.max(bytes.lastIndexOf(LF, last - 1), bytes.lastIndexOf(CR, last - 1));
  }
  return last + 1;
}

/**
 * The lines of `text`, every one of which ends with LF, CRLF or a lone CR, without their ends:
 * an array per chunk read, as a generator here would cost a resume per line.
 */
function splitDecoded(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  if (text.indexOf('\r') === -1) {
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lines.push(text.slice(start, end));
      start = end + 1;
    }
    return lines;
  }
  const ends = /\r\n?|\n/g;
  for (let end = ends.exec(text); end !== null; end = ends.exec(text)) {
    lines.push(text.slice(start, end.index));
    start = end.index + end[0].length;
  }
  return lines;
}

/** The validated events of `file`, streamed: same checks and errors as `readLog`; `onBom` as for {@link readLogLines}. */
export function streamLog(file: string, onBom?: () => void): Generator<LoggedEvent> {
  const parser = new LineParser(file);
  return readLines(file, CHUNK_BYTES, onBom, (line, text, terminated) => parser.take(line, text, terminated));
}

/**
 * Reading a long log without holding it: fixed-size chunks are read synchronously, decoded as
 * UTF-8 across chunk edges, and split into lines that {@link parseLogLines} validates one by one.
 * The generator is lazy, so a fold that consumes it keeps only the line in hand.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../domain/errors.ts';
import { type LoggedEvent, type LogLine, parseLogLines } from '../log/parse.ts';

const CHUNK_BYTES = 1 << 20;

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

/** The lines of `file` as {@link splitLines} gives them for the whole text, read chunk by chunk. */
export function* readLogLines(file: string, chunkBytes = CHUNK_BYTES): Generator<LogLine> {
  const fd = openLog(file);
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 1;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      const text = carry + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        const raw = text.slice(start, end);
        yield { line: line++, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, terminated: true };
        start = end + 1;
      }
      carry = text.slice(start);
    }
    carry += decoder.end();
    if (carry.length > 0) yield { line, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry, terminated: false };
  } finally {
    closeSync(fd);
  }
}

/** The validated events of `file`, streamed: same checks and errors as `readLog`. */
export function streamLog(file: string): Generator<LoggedEvent> {
  return parseLogLines(readLogLines(file), file);
}

/**
 * Text that must be printed after something not known yet (a table's widths, a term's end):
 * encoded to UTF-8 once, kept in memory up to a limit, then appended to a temporary file, so a
 * command's memory does not grow with what it prints. Read back once, in order, as bytes (copied
 * to the output as they are) or as text, then closed (the file is removed).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const MEMORY_LIMIT = 1 << 20;
const READ_BYTES = 1 << 20;
/** The most UTF-8 bytes one UTF-16 code unit can take. */
const BYTES_PER_UNIT = 3;

/** Temporary folders not removed yet: removed when the process exits early (a closed pipe, Ctrl-C). */
const leftAtExit = new Set<string>();
let removingAtExit = false;

function removedAtExit(dir: string): void {
  if (!removingAtExit) {
    removingAtExit = true;
    process.once('exit', () => {
      for (const left of leftAtExit) rmSync(left, { recursive: true, force: true });
    });
    // A signal ends the process without 'exit': turn it into an exit (128 + the signal's number), unless a command handles it.
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
    }
  }
  leftAtExit.add(dir);
}

export class Spill {
  /** Allocated on the first write: a spill never written to (the other output mode's) costs nothing. */
  private buffer: Buffer | undefined;
  private used = 0;
  private dir: string | undefined;
  private fd: number | undefined;

  /**
   * `limit`: bytes kept in memory before they go to the temporary file; `readBytes`: the size of
   * the pieces read back from it.
   */
  constructor(
    private readonly limit = MEMORY_LIMIT,
    private readonly readBytes = READ_BYTES,
  ) {}

  /** Appends `text` as UTF-8 (a lone surrogate becomes U+FFFD, as on any output). */
  write(text: string): void {
    if (text.length * BYTES_PER_UNIT > this.limit - this.used) {
      this.flush();
      if (text.length * BYTES_PER_UNIT > this.limit) {
        writeSync(this.file(), text);
        return;
      }
    }
    this.buffer ??= Buffer.allocUnsafe(this.limit);
    this.used += this.buffer.write(text, this.used);
  }

  private file(): number {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'dealsim-'));
      removedAtExit(this.dir);
      this.fd = openSync(join(this.dir, 'spill'), 'w+');
    }
    return this.fd;
  }

  private flush(): void {
    if (this.used === 0 || this.buffer === undefined) return;
    const fd = this.file();
    let done = 0;
    while (done < this.used) done += writeSync(fd, this.buffer, done, this.used - done);
    this.used = 0;
  }

  /**
   * Everything written, in order, as bytes: pieces of any length, which may end inside a
   * character. A piece is valid until the next one is asked for.
   */
  *chunks(): Generator<Uint8Array> {
    if (this.fd !== undefined) {
      const buffer = Buffer.allocUnsafe(this.readBytes);
      let position = 0;
      for (;;) {
        const read = readSync(this.fd, buffer, 0, this.readBytes, position);
        if (read === 0) break;
        position += read;
        yield buffer.subarray(0, read);
      }
    }
    if (this.used > 0 && this.buffer !== undefined) yield this.buffer.subarray(0, this.used);
  }

  /** Everything written, in order, as text in pieces of any length. */
  *read(): Generator<string> {
    const decoder = new StringDecoder('utf8');
    for (const chunk of this.chunks()) yield decoder.write(chunk as Buffer);
    const rest = decoder.end();
    if (rest) yield rest;
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) {
      rmSync(this.dir, { recursive: true, force: true });
      leftAtExit.delete(this.dir);
    }
    this.fd = undefined;
    this.dir = undefined;
    this.used = 0;
  }
}

/**
 * Records of a fixed number of fields, the last of which may hold any character (a reason
 * quoting user text): each is written as its fields joined by tabs, then the last one's length
 * and the last one itself.
 */
export class RecordSpill {
  private readonly spill: Spill;
  /** `fields`: how many tab-free fields come before the last one. */
  constructor(
    private readonly fields: number,
    limit?: number,
  ) {
    this.spill = new Spill(limit);
  }

  /** `fields` are joined by tabs and must hold none; `last` may hold anything. */
  write(fields: string, last: string): void {
    this.spill.write(`${fields}\t${last.length}\t${last}`);
  }

  /** Calls `each` with every record's fields and its last field, in the order written. */
  forEach(each: (fields: readonly string[], last: string) => void): void {
    let text = '';
    const fields: string[] = new Array(this.fields);
    for (const piece of this.spill.read()) {
      text = text.length === 0 ? piece : text + piece;
      let at = 0;
      for (;;) {
        let start = at;
        let whole = true;
        for (let f = 0; f <= this.fields && whole; f++) {
          const tab = text.indexOf('\t', start);
          if (tab === -1) whole = false;
          else {
            fields[f] = text.slice(start, tab);
            start = tab + 1;
          }
        }
        if (!whole) break;
        const end = start + Number(fields[this.fields]);
        if (end > text.length) break;
        each(fields, text.slice(start, end));
        at = end;
      }
      text = text.slice(at);
    }
  }

  close(): void {
    this.spill.close();
  }
}

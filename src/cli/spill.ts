/**
 * Text that must be printed after something not known yet (a table's widths, a term's end):
 * kept in memory up to a limit, then appended to a temporary file, so a command's memory does
 * not grow with what it prints. Read back once, in order, then closed (the file is removed).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const MEMORY_LIMIT = 1 << 20;
const READ_BYTES = 1 << 20;

export class Spill {
  private pieces: string[] = [];
  private size = 0;
  private dir: string | undefined;
  private fd: number | undefined;

  /** `limit`: characters kept in memory before they go to the temporary file. */
  constructor(private readonly limit = MEMORY_LIMIT) {}

  write(text: string): void {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'dealsim-'));
      this.fd = openSync(join(this.dir, 'spill'), 'w+');
    }
    writeSync(this.fd, this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }

  /** Everything written, in order, in pieces of any length. */
  *read(): Generator<string> {
    if (this.fd !== undefined) {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const decoder = new StringDecoder('utf8');
      let position = 0;
      for (;;) {
        const read = readSync(this.fd, buffer, 0, READ_BYTES, position);
        if (read === 0) break;
        position += read;
        yield decoder.write(buffer.subarray(0, read));
      }
      const rest = decoder.end();
      if (rest) yield rest;
    }
    for (const piece of this.pieces) yield piece;
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    this.pieces = [];
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

/**
 * Output written in large pieces: text (through the terminal's safety net, `io.out`) and bytes
 * already safe for a terminal (`io.outBytes`), in the order given; and spilled bytes copied out
 * with their marks filled in. What `simulate` prints once a replay is done goes through here.
 */
import type { Io } from './io.ts';
import type { Spill } from './spill.ts';

const FLUSH_CHARS = 1 << 16;
const BYTES_FLUSH = 1 << 20;
const SPACE = 0x20;
/** Pieces shorter than this are copied byte by byte (see Printer.copy). */
const SHORT_COPY = 64;

/**
 * Writes text to `io.out` in pieces of about 64 KiB, and bytes (already safe for a terminal) to
 * `io.outBytes` in pieces of about 1 MiB, in the order given.
 */
export class Printer {
  private text = '';
  private bytes = Buffer.allocUnsafe(BYTES_FLUSH);
  private used = 0;
  constructor(private readonly io: Io) {}
  write(text: string): void {
    if (this.used > 0) this.flushBytes();
    this.text += text;
    if (this.text.length >= FLUSH_CHARS) this.flushText();
  }
  /** Bytes `start` to `end` of `source` as they are (already safe for a terminal); they are copied. */
  copy(source: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length === 0) return;
    if (this.text.length > 0) this.flushText();
    if (length > BYTES_FLUSH - this.used) {
      this.flushBytes();
      if (length > BYTES_FLUSH) {
        this.io.outBytes(Buffer.from(source.subarray(start, end)));
        return;
      }
    }
    const bytes = this.bytes;
    let used = this.used;
    // A table row is many short pieces: a loop copies them faster than Buffer.copy's set-up.
    if (length < SHORT_COPY) for (let at = start; at < end; at++) bytes[used++] = source[at] as number;
    else used += source.copy(bytes, used, start, end);
    this.used = used;
  }
  /** `count` spaces, as bytes. */
  spaces(count: number): void {
    if (count <= 0) return;
    if (this.text.length > 0) this.flushText();
    if (count > BYTES_FLUSH - this.used) this.flushBytes();
    const end = this.used + Math.min(count, BYTES_FLUSH);
    for (let at = this.used; at < end; at++) this.bytes[at] = SPACE;
    this.used = end;
    if (count > BYTES_FLUSH) this.spaces(count - BYTES_FLUSH);
  }
  /** `text` of ASCII characters only (a date), as bytes. */
  writeAscii(text: string): void {
    if (text.length > BYTES_FLUSH - this.used) this.flushBytes();
    this.used += this.bytes.write(text, this.used, 'latin1');
  }
  flush(): void {
    this.flushText();
    this.flushBytes();
  }
  private flushText(): void {
    if (this.text.length > 0) this.io.out(this.text);
    this.text = '';
  }
  private flushBytes(): void {
    if (this.used === 0) return;
    this.io.outBytes(this.bytes.subarray(0, this.used));
    // A new buffer: the stream may still hold the old one.
    this.bytes = Buffer.allocUnsafe(BYTES_FLUSH);
    this.used = 0;
  }
}

/**
 * Copies `spill`'s bytes to `out`, each mark replaced by what `fill` writes for it. A mark is a
 * NUL byte (which the spilled text must hold nowhere else), a kind byte, then a body:
 * `markBytes(kind)` is the whole mark's length. `fill` gets the bytes and the mark's offset in
 * them; marks cut between the spill's pieces are put back together first.
 */
export function copyMarked(
  out: Printer,
  spill: Spill,
  markBytes: (kind: number) => number,
  fill: (bytes: Buffer, mark: number) => void,
): void {
  let carry: Buffer | undefined;
  for (const piece of spill.chunks()) {
    const chunk =
      carry === undefined
        ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
        : Buffer.concat([carry, piece]);
    carry = undefined;
    let at = 0;
    for (;;) {
      const mark = chunk.indexOf(0, at);
      if (mark === -1) {
        out.copy(chunk, at, chunk.length);
        break;
      }
      out.copy(chunk, at, mark);
      if (mark + 1 >= chunk.length || mark + markBytes(chunk[mark + 1] as number) > chunk.length) {
        // The mark goes on in the next piece.
        carry = Buffer.from(chunk.subarray(mark));
        break;
      }
      fill(chunk, mark);
      at = mark + markBytes(chunk[mark + 1] as number);
    }
  }
}

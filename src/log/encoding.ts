/**
 * From a log's bytes to its text. A log is UTF-8: a leading byte-order mark is accepted (and the
 * caller told, so it can say so), and bytes that are not UTF-8 are refused with the line that
 * holds them instead of being read as U+FFFD and written back changed by the next append.
 * Pure: the caller reads the file and names it.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../domain/errors.ts';

export interface DecodedLog {
  readonly text: string;
  /** Whether the bytes started with a UTF-8 byte-order mark (EF BB BF), which `text` keeps. */
  readonly bom: boolean;
}

const CR = 0x0d;
const LF = 0x0a;

/** Decodes a whole log; throws an {@link InputError} at the first line that is not UTF-8. */
export function decodeLog(bytes: Uint8Array, file?: string): DecodedLog {
  if (!isUtf8(bytes)) throw notUtf8(bytes, file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), bom };
}

/** The error for bytes that are not all UTF-8: which line, which byte, and what a torn end means. */
export function notUtf8(bytes: Uint8Array, file?: string, firstLine = 1): InputError {
  let line = firstLine;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const c = bytes[i];
    if (i < bytes.length && c !== LF && c !== CR) continue;
    const content = bytes.subarray(start, i);
    if (!isUtf8(content)) {
      const { at, truncated } = firstBadByte(content);
      if (truncated && i === bytes.length) {
        return new InputError('the last line is incomplete: it ends inside a character, torn by an interrupted write', {
          line,
          ...(file && { file }),
          hint: `run "dealsim repair ${file ?? 'LOG'}" to move the torn line aside into a .torn file, then append the event again`,
        });
      }
      return new InputError(
        `the line is not valid UTF-8 (byte 0x${(content[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at + 1} of the line)`,
        {
          line,
          ...(file && { file }),
          hint: 'save the log as UTF-8 (most editors offer "Save with encoding"), or correct the character on that line',
        },
      );
    }
    if (c === CR && bytes[i + 1] === LF) i++;
    start = i + 1;
    line++;
  }
  return new InputError('the log is not valid UTF-8', { ...(file && { file }), hint: 'save the log as UTF-8' });
}

/**
 * Where `bytes` first stops being UTF-8, and whether it only stops because it ends inside a
 * character (a write cut off mid-character). The rules are RFC 3629's: no overlong forms, no
 * surrogates, nothing past U+10FFFF.
 */
export function firstBadByte(bytes: Uint8Array): { readonly at: number; readonly truncated: boolean } {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return { at: i, truncated: false };
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { at: i, truncated: true };
      const next = bytes[i + k] as number;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return { at: i, truncated: false };
    }
    i += length;
  }
  return { at: bytes.length, truncated: false };
}

/**
 * JSON written by a user (an `--amendments` file, a Monte Carlo spec), parsed within bounds: a
 * size and a nesting depth checked in one linear pass before `JSON.parse`, so a hostile file is
 * refused in milliseconds instead of overflowing the stack or running out of memory later; and
 * no key named `__proto__`, which schema validators silently drop. Pure: the caller reads the file.
 */
import { type ParseError, parse as parseTolerantly } from 'jsonc-parser';
import { InputError } from './errors.ts';

export interface JsonInputOptions {
  /** The file, as the user named it, for errors. */
  readonly file: string;
  /** What the file holds, for errors: "an amendment file". */
  readonly what: string;
  /** How to write a valid file, for the "Fix:" of a JSON syntax error. */
  readonly hint: string;
  /** Largest accepted text, in UTF-16 code units (about bytes for JSON). */
  readonly maxChars?: number;
  /** Deepest accepted nesting of objects and arrays. */
  readonly maxDepth?: number;
}

/** 1 MiB: hundreds of times the largest hand-written spec or amendment file. */
export const MAX_JSON_INPUT_CHARS = 1 << 20;
/** The deepest nesting a spec or amendment file needs is 6; 32 leaves room and stays cheap. */
export const MAX_JSON_INPUT_DEPTH = 32;

/** Parses `text` as JSON within the bounds; every refusal is an {@link InputError} with the file and line. */
export function parseJsonInput(text: string, options: JsonInputOptions): unknown {
  const { file, what } = options;
  const maxChars = options.maxChars ?? MAX_JSON_INPUT_CHARS;
  const maxDepth = options.maxDepth ?? MAX_JSON_INPUT_DEPTH;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark from a Windows editor
  if (body.length > maxChars) {
    throw new InputError(
      `${what} of ${body.length.toLocaleString('en-US')} characters is larger than the ${(maxChars / 1024).toLocaleString('en-US')} KiB dealsim reads`,
      { file, hint: 'keep the file to what it needs; split a long list into several runs' },
    );
  }
  const deep = firstTooDeep(body, maxDepth);
  if (deep !== undefined) {
    throw new InputError(`${what} nests objects or arrays more than ${maxDepth} deep`, {
      file,
      line: deep,
      hint: 'no valid file nests that deep: check for a runaway bracket',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const offset = syntaxErrorOffset(body, message);
    throw new InputError(`not valid JSON (${message})`, {
      file,
      ...(offset !== undefined && { line: lineAt(body, offset) }),
      hint: options.hint,
    });
  }
  if (holdsProtoKey(value)) {
    throw new InputError(`${what} has a key named "__proto__"`, {
      file,
      // The key, not an earlier string value of that name: a quoted "__proto__" followed by a colon.
      line: lineAt(body, body.search(/"__proto__"\s*:/)),
      hint: 'remove it: no field of dealsim has that name',
    });
  }
  return value;
}

/**
 * Where `JSON.parse` failed on `text`, as an offset: the position its `message` gives, or, for the
 * messages that quote the text around the fault instead (Node 20's "Unexpected token ']', …"),
 * the first fault jsonc-parser finds reading the text as strict JSON. A text cut short fails at
 * its end, which is put at its last line that holds anything. Undefined for a blank text.
 */
function syntaxErrorOffset(text: string, message: string): number | undefined {
  const content = text.trimEnd().length;
  if (content === 0) return undefined;
  const position = /at position (\d+)/.exec(message)?.[1];
  let offset: number | undefined = position === undefined ? undefined : Number(position);
  if (offset === undefined) {
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    offset = errors[0]?.offset;
  }
  return offset === undefined ? undefined : Math.min(offset, content - 1);
}

/** The line at which nesting first exceeds `maxDepth`, outside strings; undefined when it never does. */
function firstTooDeep(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return line;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x0a) line++;
  }
  return undefined;
}

/** Whether any object in `value` has an own key "__proto__" (iterative: depth is already bounded). */
function holdsProtoKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (!Array.isArray(next) && Object.hasOwn(next, '__proto__')) return true;
    for (const child of Object.values(next)) pending.push(child);
  }
  return false;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

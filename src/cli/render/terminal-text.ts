/**
 * The one place where text is made safe for a terminal. Every control character (C0, DEL, C1)
 * and every character that reorders or hides text (bidirectional overrides, zero-width marks,
 * line separators, the byte-order mark) is shown as a visible `\uXXXX` escape, so an escape
 * sequence in a product name prints as text instead of clearing the screen or setting the title.
 *
 * Two layers use it. Human renderers pass the data they print through {@link visibleData}
 * (line breaks and tabs in a name are escaped too), and the terminal itself ({@link terminalSafe},
 * applied by every {@link Io}) escapes whatever control character is left, except line breaks,
 * tabs and, when colour is on, dealsim's own styles. The escape is the JSON one, so `--json`
 * output passed through it still decodes to exactly the same values.
 */
import { INVISIBLE_CLASS, TAG_PAIR, unitEscapes } from '../../visual/invisible.ts';

const HIDDEN = new RegExp(`[\\u0000-\\u001f${INVISIBLE_CLASS}]|${TAG_PAIR}`, 'g');
/** What the safety net escapes: the same, less line feed and tab. */
const NET_CLASS = `[\\u0000-\\u0008\\u000b-\\u001f${INVISIBLE_CLASS}]|${TAG_PAIR}`;
// Also a safety net: keeps line feed and tab, and dealsim's own SGR styles (see style.ts) when asked.
const NET = new RegExp(`\\u001b\\[(?:1|2|22|31|32|33|36|39)m|${NET_CLASS}`, 'g');
/** Whether NET could match at all: its class alone, which the regular expression engine scans far faster. */
const NET_START = new RegExp(NET_CLASS);

const escape = unitEscapes;

/** `text` with every control or invisible character, line breaks included, shown as `\uXXXX`. */
export function visibleText(text: string): string {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text) ? text.replace(HIDDEN, escape) : text;
}

/**
 * `text` as it may reach a terminal: control characters escaped as in {@link visibleText}, but
 * line feeds and tabs kept, and dealsim's own colour styles kept when `styles` is true.
 */
export function terminalSafe(text: string, styles: boolean): string {
  if (!NET_START.test(text)) return text;
  NET.lastIndex = 0;
  return text.replace(NET, (match) =>
    match.length === 1 || match.charCodeAt(0) !== 0x1b
      ? escape(match)
      : styles
        ? match
        : `${escape('\u001b')}${match.slice(1)}`,
  );
}

/**
 * Characters that make `JSON.stringify` of a string escape something (a quote, a backslash, a
 * control character, a surrogate, paired or not) or that {@link terminalSafe} would escape.
 */
const JSON_OR_NET = new RegExp(`["\\\\\\u0000-\\u001f\\ud800-\\udfff${INVISIBLE_CLASS}]`);

/**
 * `terminalSafe(JSON.stringify(text), false)`: a JSON string as it may reach a terminal. A text
 * with nothing to escape (most reasons on a long log) is only quoted, with one scan.
 */
export function terminalSafeJson(text: string): string {
  return JSON_OR_NET.test(text) ? terminalSafe(JSON.stringify(text), false) : `"${text}"`;
}

/**
 * A copy of `value` with {@link visibleText} applied to every string in it (object keys
 * included), for a renderer to print; other values pass through.
 */
export function visibleData<T>(value: T): T {
  if (typeof value === 'string') return visibleText(value) as T;
  if (Array.isArray(value)) return value.map((item) => visibleData(item)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, visibleText(key), { value: visibleData(item), enumerable: true, writable: true });
    }
    return copy as T;
  }
  return value;
}

/**
 * Characters that hide or reorder text, which every output shows as `\uXXXX` escapes instead
 * (the terminal, SVG and HTML alike), so that user text reads as what it is.
 */

/**
 * Besides the C0 controls: DEL and C1, the soft hyphen, the Arabic letter mark, zero-width
 * spaces and joiners and the directional marks, the line and paragraph separators, the
 * bidirectional embeddings, overrides and isolates, the word joiner and invisible operators, and
 * the byte-order mark (regular-expression class syntax, for use inside `[...]`).
 */
export const INVISIBLE_CLASS = '\\u007f-\\u009f\\u00ad\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff';

/**
 * The tag characters U+E0000–U+E007F, invisible copies of ASCII (text can be smuggled in them),
 * as the UTF-16 pairs a regular expression without the `u` flag sees.
 */
export const TAG_PAIR = '\\udb40[\\udc00-\\udc7f]';

/** `text` (one character: a unit or a pair) as JSON's `\uXXXX` escapes, one per UTF-16 unit. */
export function unitEscapes(text: string): string {
  let escaped = '';
  for (let i = 0; i < text.length; i++) escaped += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}

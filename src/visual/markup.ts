/**
 * Escaping for the SVG and HTML the visuals write. Every string that came from a user (event
 * names, notes, sources, file names) passes through here, so a note holding markup shows as text.
 */

import { INVISIBLE_CLASS, TAG_PAIR, unitEscapes } from './invisible.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Characters shown as a visible `\uXXXX` instead: those XML 1.0 forbids (C0 controls but tab and
 * line breaks, which markup shows as spaces and dealsim's own preformatted text needs, U+FFFE,
 * U+FFFF, lone surrogates), and every character that hides or reorders text
 * ({@link INVISIBLE_CLASS}, tag characters), so the SVG stays well-formed and the text honest.
 */
const UNSHOWABLE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${INVISIBLE_CLASS}\\ufffe\\uffff]|${TAG_PAIR}|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`,
  'g',
);

/** Anything {@link escapeMarkup} may change (a surrogate, paired or lone, counts): most text has none. */
const MAY_ESCAPE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${INVISIBLE_CLASS}\\ufffe\\uffff\\ud800-\\udfff&<>"']`,
);

/** Escapes text for an element's content or a quoted attribute, in HTML and in SVG. */
export function escapeMarkup(text: string): string {
  if (!MAY_ESCAPE.test(text)) return text;
  return text.replace(UNSHOWABLE, unitEscapes).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` can close the element,
 * and the line separators that older parsers reject are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * An SVG document as the project's renderers write it, cut into its root's opening tag and the
 * source text of each element directly inside the root. The studio redraws a picture by parsing
 * only the parts whose text changed since the last drawing and keeping the elements of the others
 * (see browser/svg-view.ts). Pure; the cut is exact for well-formed XML, where `<` only ever
 * starts markup and `>` may appear inside a quoted attribute value.
 */

export interface SvgParts {
  /** The root's opening tag, `<svg …>`. */
  readonly open: string;
  /** The exact text of each top-level element, in document order. */
  readonly children: readonly string[];
}

/** The index just past the tag that starts at `from` (a `<`), skipping quoted attribute values; -1 if it never ends. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i + 1;
  }
  return -1;
}

/** The index just past the markup at `from` that is not an element tag (comment, CDATA, processing instruction); -1 if it never ends. */
function otherMarkupEnd(text: string, from: number): number {
  for (const [start, end] of [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ] as const) {
    if (text.startsWith(start, from)) {
      const at = text.indexOf(end, from + start.length);
      return at < 0 ? -1 : at + end.length;
    }
  }
  return -2;
}

/**
 * The root's opening tag and its top-level elements' texts, or null when the text is not a lone
 * `<svg>` element whose root holds only elements and white space (then the caller draws it whole).
 */
export function svgParts(svg: string): SvgParts | null {
  const text = svg.trim();
  if (!/^<svg[\s>]/.test(text)) return null;
  const openEnd = tagEnd(text, 0);
  if (openEnd < 0 || text[openEnd - 2] === '/') return null;
  const children: string[] = [];
  let depth = 0;
  let start = -1;
  let i = openEnd;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return null;
    if (depth === 0 && text.slice(i, lt).trim() !== '') return null;
    const other = otherMarkupEnd(text, lt);
    if (other === -1) return null;
    if (other >= 0) {
      if (depth === 0) return null;
      i = other;
      continue;
    }
    const end = tagEnd(text, lt);
    if (end < 0) return null;
    if (text[lt + 1] === '/') {
      if (depth === 0) {
        // The root's closing tag: nothing may follow it.
        return text.slice(lt, end) === '</svg>' && end === text.length
          ? { open: text.slice(0, openEnd), children }
          : null;
      }
      depth--;
      if (depth === 0) children.push(text.slice(start, end));
    } else if (text[end - 2] === '/') {
      if (depth === 0) children.push(text.slice(lt, end));
    } else {
      if (depth === 0) start = lt;
      depth++;
    }
    i = end;
  }
  return null;
}

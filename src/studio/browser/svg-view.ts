/// <reference lib="dom" />
/**
 * A picture the page redraws from a renderer's SVG text after every edit (the rights timeline).
 * The text is cut into its top-level elements (svg-parts.ts); an element whose text is the same
 * as last time is kept, and only the changed ones are parsed, as XML like {@link showSvg} does,
 * and put in place. An edit to one event changes a few elements of hundreds, so the browser
 * parses, styles and lays out a few. The drawing is the one a full parse gives, less the white
 * space between the root's elements, which SVG does not draw.
 */
import { svgParts } from '../svg-parts.ts';
import { prefixIds, showSvg } from './dom.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses SVG text as XML into the page's document; null if it is not well-formed SVG. */
function parseSvg(text: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.querySelector('parsererror')) return null;
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

/** Namespace declarations of an element, which an existing element cannot change. */
function declarations(element: Element): string {
  return [...element.attributes]
    .filter((attribute) => attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:'))
    .map((attribute) => `${attribute.name}=${attribute.value}`)
    .sort()
    .join(' ');
}

export class SvgView {
  private root: SVGSVGElement | null = null;
  private open = '';
  /** The elements drawn last time, by their text (a text drawn twice has two). */
  private drawn = new Map<string, Element[]>();

  /** @param prefix prefixed to every ID the SVG defines and refers to, as {@link showSvg} does */
  constructor(
    private readonly host: Element,
    private readonly prefix = '',
  ) {}

  /** Empties the host. */
  clear(): void {
    this.root = null;
    this.drawn = new Map();
    this.host.replaceChildren();
  }

  /** Shows `svg` in the host, keeping the elements whose text did not change. */
  show(svg: string): SVGSVGElement {
    const text = prefixIds(svg, this.prefix);
    const parts = svgParts(text);
    if (parts === null) return this.whole(text, null);
    if (this.root === null || !this.root.isConnected || this.root.parentNode !== this.host) {
      return this.whole(text, parts.children);
    }
    const root = this.root;
    if (parts.open !== this.open) {
      const opened = parseSvg(`${parts.open}</svg>`);
      if (opened === null || declarations(opened) !== declarations(root)) return this.whole(text, parts.children);
      for (const attribute of [...root.attributes]) {
        if (!opened.hasAttributeNS(attribute.namespaceURI, attribute.localName)) root.removeAttributeNode(attribute);
      }
      for (const attribute of opened.attributes) {
        if (root.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) {
          root.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
        }
      }
    }
    const next = new Map<string, Element[]>();
    const nodes: (Element | null)[] = parts.children.map((child) => this.drawn.get(child)?.shift() ?? null);
    const missing = parts.children.filter((_, index) => nodes[index] === null);
    if (missing.length > 0) {
      // The changed elements, parsed in one document under the same root tag (its namespaces).
      const fresh = parseSvg(`${parts.open}${missing.join('')}</svg>`);
      if (fresh === null || fresh.children.length !== missing.length) return this.whole(text, parts.children);
      const made = [...fresh.children];
      nodes.forEach((node, index) => {
        if (node === null) nodes[index] = made.shift() as Element;
      });
    }
    const kept = new Set(nodes);
    for (const child of [...root.childNodes]) if (!kept.has(child as Element)) child.remove();
    let at = root.firstChild;
    for (const node of nodes as Element[]) {
      if (node === at) at = at.nextSibling;
      else root.insertBefore(node, at);
    }
    parts.children.forEach((child, index) => {
      const list = next.get(child) ?? [];
      list.push(nodes[index] as Element);
      next.set(child, list);
    });
    this.drawn = next;
    this.open = parts.open;
    return root;
  }

  /** Parses and shows the whole text; remembers its elements by their texts when `children` gives them. */
  private whole(text: string, children: readonly string[] | null): SVGSVGElement {
    const root = showSvg(this.host, text);
    this.root = null;
    this.drawn = new Map();
    if (children === null) return root;
    for (const child of [...root.childNodes]) {
      if (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() === '') child.remove();
    }
    if (root.children.length !== children.length || root.childNodes.length !== children.length) return root;
    children.forEach((child, index) => {
      const list = this.drawn.get(child) ?? [];
      list.push(root.children[index] as Element);
      this.drawn.set(child, list);
    });
    this.root = root;
    this.open = svgParts(text)?.open ?? '';
    return root;
  }
}

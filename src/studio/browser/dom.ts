/// <reference lib="dom" />
/**
 * The few DOM helpers the studio's page uses. Text from users only ever reaches the page as
 * `textContent` or an attribute value; SVG drawn by the project's renderers (which escape
 * every user string) is parsed as XML and imported, never assigned through `innerHTML`.
 */

type Child = Node | string | null | undefined | false;

/** `<tag attr=…>children</tag>`; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new TypeError(`the studio page has no #${id}`);
  return node as T;
}

/** `svg` with `prefix` before every ID it defines and refers to. */
export function prefixIds(svg: string, prefix: string): string {
  return prefix
    ? svg.replace(
        /(\bid="|url\(#|aria-labelledby=")([\w-]+)/g,
        (_, before: string, id: string) => `${before}${prefix}${id}`,
      )
    : svg;
}

/**
 * Parses SVG text as XML and puts it in `host`, replacing what was there. With `prefix`, every
 * ID the SVG defines and refers to gets it, so two drawings of one renderer can share a page.
 */
export function showSvg(host: Element, svg: string, prefix = ''): SVGSVGElement {
  const text = prefixIds(svg, prefix);
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg') throw new TypeError('the renderer did not return an SVG document');
  const node = document.importNode(root, true) as unknown as SVGSVGElement;
  host.replaceChildren(node);
  return node;
}

/** A link to an http(s) source, opening in a new tab without a referrer; other text stays text. */
export function sourceLink(url: string | undefined, text = 'source'): Node {
  if (url === undefined) return document.createTextNode('—');
  let safe = false;
  try {
    const protocol = new URL(url).protocol;
    safe = protocol === 'https:' || protocol === 'http:';
  } catch {
    safe = false;
  }
  if (!safe) return document.createTextNode(url);
  const link = el('a', { rel: 'noopener noreferrer', target: '_blank' }, text);
  link.href = url;
  link.title = url;
  return link;
}

/** Sets `node`'s text unless it already reads so: an unchanged text is not laid out again. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Shows `message` in an alert element, or hides it when null. */
export function say(node: HTMLElement, message: string | null): void {
  setText(node, message ?? '');
  if (node.hidden !== (message === null)) node.hidden = message === null;
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number that names `object` for as long as it lives: unchanged events keep their rows. */
export function identity(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = ++nextId;
    ids.set(object, id);
  }
  return id;
}

/**
 * A list of rows drawn from items, where an item whose key was drawn last time keeps its row:
 * after an edit only the rows that changed are built again and only they are taken out of and
 * put into the host; the rows that stay are never moved, so the browser lays out again only
 * around what changed (re-inserting a hundred unchanged table rows costs more than the replay).
 */
export class KeyedRows<T> {
  private rows = new Map<string, Element>();

  constructor(
    private readonly host: Element,
    private readonly key: (item: T, index: number) => string,
    private readonly draw: (item: T, index: number) => Element,
  ) {}

  render(items: readonly T[]): void {
    const next = new Map<string, Element>();
    const nodes = items.map((item, index) => {
      const key = this.key(item, index);
      // Two items with one key get a row each: the second is drawn afresh.
      const drawn = next.has(key) ? undefined : this.rows.get(key);
      const row = drawn ?? this.draw(item, index);
      if (!next.has(key)) next.set(key, row);
      return row;
    });
    const kept = new Set(nodes);
    for (const child of [...this.host.children]) if (!kept.has(child)) child.remove();
    // What is left is in the order it was drawn; put each row where it belongs, moving none
    // that is already there.
    let at = this.host.firstElementChild;
    for (const node of nodes) {
      if (node === at) at = at.nextElementSibling;
      else this.host.insertBefore(node, at);
    }
    this.rows = next;
  }
}

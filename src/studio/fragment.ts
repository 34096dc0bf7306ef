/**
 * The studio's whole view in the URL fragment, as on the command line:
 * `#future=<base64url of the future's JSON Lines>&assume=KEY%3DVALUE` (repeatable), plus
 * `history=none` when the deal as signed is chosen, `at=DATE` for the date cursor and, when two
 * views are compared, `vs=<base64url>` and `vs-assume=KEY%3DVALUE`. Nothing here touches the
 * page; the fragment never leaves the browser (it is not sent with a request).
 */

/** Which history a future is replayed after: the real one (today's deal) or none (as signed). */
export type HistoryChoice = 'real' | 'none';

export interface StudioView {
  /** The user's future as JSON Lines text, exactly as exported. */
  readonly future: string;
  /** `KEY=VALUE` pairs, as `--assume` takes them. */
  readonly assume: readonly string[];
  readonly history: HistoryChoice;
  /** The date cursor, when the user moved it. */
  readonly at?: string;
  /** The second side of a comparison: another future and/or other assumptions. */
  readonly vs?: { readonly future?: string; readonly assume: readonly string[] };
}

export const EMPTY_VIEW: StudioView = { future: '', assume: [], history: 'real' };

/** base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of `text`. */
export function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text whose UTF-8 bytes `encoded` holds; throws a {@link FragmentError} on anything else. */
export function fromBase64Url(encoded: string, what: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) {
    throw new FragmentError(`${what} is not base64url text (only A–Z, a–z, 0–9, - and _)`);
  }
  let binary: string;
  try {
    binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw new FragmentError(`${what} is cut short: its base64url text has a wrong length`);
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FragmentError(`${what} does not decode to UTF-8 text`);
  }
}

/** A fragment the studio cannot read; the message says which part and why. */
export class FragmentError extends Error {}

/** The fragment (with its `#`) that restores `view`. */
export function toFragment(view: StudioView): string {
  const parts = [`future=${toBase64Url(view.future)}`];
  for (const pair of view.assume) parts.push(`assume=${encodeURIComponent(pair)}`);
  if (view.history === 'none') parts.push('history=none');
  if (view.at) parts.push(`at=${encodeURIComponent(view.at)}`);
  if (view.vs) {
    if (view.vs.future !== undefined) parts.push(`vs=${toBase64Url(view.vs.future)}`);
    for (const pair of view.vs.assume) parts.push(`vs-assume=${encodeURIComponent(pair)}`);
    if (view.vs.future === undefined && view.vs.assume.length === 0) parts.push('vs-assume=');
  }
  return `#${parts.join('&')}`;
}

const KEYS = ['future', 'assume', 'history', 'at', 'vs', 'vs-assume'];

/**
 * The view a fragment describes; an empty fragment is today's deal with no future of one's own.
 * Unknown keys and malformed values throw a {@link FragmentError}.
 */
export function fromFragment(hash: string): StudioView {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return EMPTY_VIEW;
  let future = '';
  let history: HistoryChoice = 'real';
  let at: string | undefined;
  const assume: string[] = [];
  let vsFuture: string | undefined;
  let vsAssume: string[] | undefined;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw new FragmentError(`the link's "${key}" is not valid percent-encoding`);
    }
    switch (key) {
      case 'future':
        future = fromBase64Url(raw, 'the link\'s "future"');
        break;
      case 'assume':
        assume.push(value);
        break;
      case 'history':
        if (value !== 'real' && value !== 'none') {
          throw new FragmentError(`the link's "history" must be real or none, found "${value}"`);
        }
        history = value;
        break;
      case 'at':
        at = value;
        break;
      case 'vs':
        vsFuture = fromBase64Url(raw, 'the link\'s "vs"');
        break;
      case 'vs-assume':
        vsAssume ??= [];
        if (value !== '') vsAssume.push(value);
        break;
      default:
        throw new FragmentError(`the link has an unknown part "${key}"; the parts are ${KEYS.join(', ')}`);
    }
  }
  const vs =
    vsFuture !== undefined || vsAssume !== undefined
      ? { ...(vsFuture !== undefined && { future: vsFuture }), assume: vsAssume ?? [] }
      : undefined;
  return { future, assume, history, ...(at !== undefined && { at }), ...(vs && { vs }) };
}

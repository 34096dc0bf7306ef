/**
 * What a torn line is: the start of a JSON object that an interrupted write cut off. Only such a
 * line may be moved aside by `dealsim repair`; a line that is whole JSON, or text that no
 * continuation could make valid JSON, is something else and is reported, never cut. Pure.
 */

/**
 * Whether `text` is a proper prefix of a JSON object: it opens with `{`, holds nothing that
 * makes it invalid, and is not yet complete. A scanner over JSON's grammar (RFC 8259) with a
 * stack of open containers; strings, numbers and literals may stop part-way.
 */
export function isTornJsonObject(text: string): boolean {
  const body = text.trimStart();
  if (!body.startsWith('{')) return false;
  const stack: ('{' | '[')[] = [];
  // What may come next: a value, an object key (or `}` right after `{`), `:`, or `,`/close.
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'done';
  let expect = 'value' as Expect;
  let i = 0;
  const afterValue = () => {
    expect = stack.length === 0 ? 'done' : 'comma-or-close';
  };
  while (i < body.length) {
    const c = body[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (expect === 'done') return false;
    const closes = c === '}' || c === ']';
    if (closes) {
      const open = stack.at(-1);
      const ok =
        (c === '}' && open === '{' && (expect === 'key-or-close' || expect === 'comma-or-close')) ||
        (c === ']' && open === '[' && (expect === 'value-or-close' || expect === 'comma-or-close'));
      if (!ok) return false;
      stack.pop();
      i++;
      afterValue();
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return false;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      if (c !== ',') return false;
      i++;
      expect = stack.at(-1) === '{' ? 'key' : 'value';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c !== '"') return false;
      const end = scanString(body, i);
      if (end === 'invalid') return false;
      if (end === 'open') return true;
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (c === '"') {
      const end = scanString(body, i);
      if (end === 'invalid') return false;
      if (end === 'open') return true;
      i = end;
      afterValue();
      continue;
    }
    const token = /^[-+.\w]+/.exec(body.slice(i, i + 400))?.[0];
    if (token === undefined) return false;
    const atEnd = i + token.length === body.length;
    const literal = ['true', 'false', 'null'].some((word) => (atEnd ? word.startsWith(token) : word === token));
    const number = atEnd ? PARTIAL_NUMBER.test(token) : WHOLE_NUMBER.test(token);
    if (!literal && !number) return false;
    i += token.length;
    afterValue();
  }
  return expect !== 'done';
}

const WHOLE_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
/** A number that may still be being written: "-", "1.", "1e+". */
const PARTIAL_NUMBER = /^-?(?:(?:0|[1-9]\d*)(?:\.(?:\d+(?:[eE][-+]?\d*)?)?|[eE][-+]?\d*)?)?$/;

/** The index after the string that opens at `start`, 'open' if the text ends inside it, 'invalid' if it cannot be a string. */
function scanString(text: string, start: number): number | 'open' | 'invalid' {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return 'invalid';
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === undefined) return 'open';
      if (escape === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return 'invalid';
        if (hex.length < 4) return 'open';
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escape)) return 'invalid';
      i += 2;
      continue;
    }
    i++;
  }
  return 'open';
}

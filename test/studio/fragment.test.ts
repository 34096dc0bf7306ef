/**
 * The studio's link: the whole view in the URL fragment (issue 13, "Share"). Any future text,
 * any assumptions and the other parts come back unchanged from their fragment; the fragment is
 * plain URL text (no character that a link would need to escape); a malformed one is refused
 * with a message naming the part.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_KEYS } from '../../src/domain/assumptions.ts';
import { FragmentError, fromBase64Url, fromFragment, type StudioView, toFragment } from '../../src/studio/fragment.ts';

/** Text with the characters that break naive encodings: &, =, #, %, +, /, newlines, astral and RTL. */
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '=', '#', '%', '+', '/', '?', '\n', '\r', ' ', '"', '\u2028', '\u202e', '😀', 'é'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 200,
});

const pair = fc.tuple(fc.constantFrom(...ASSUMPTION_KEYS), awkwardText).map(([key, value]) => `${key}=${value}`);

const view: fc.Arbitrary<StudioView> = fc.record(
  {
    future: awkwardText,
    assume: fc.array(pair, { maxLength: 4 }),
    history: fc.constantFrom('real' as const, 'none' as const),
    at: fc.constantFrom('2025-10-28', '2029-06-01', '2040-12-31'),
    vs: fc.record({ future: awkwardText, assume: fc.array(pair, { maxLength: 3 }) }, { requiredKeys: ['assume'] }),
  },
  { requiredKeys: ['future', 'assume', 'history'] },
);

describe('the studio link (URL fragment)', () => {
  test.prop([view])('restores the same view it was made from', (original) => {
    const restored = fromFragment(toFragment(original));
    const expected =
      original.vs && original.vs.future === undefined && original.vs.assume.length === 0
        ? { ...original, vs: { assume: [] } }
        : original;
    expect(restored).toEqual(expected);
  });

  test.prop([view])('is made of characters a URL carries as they are', (original) => {
    expect(toFragment(original)).toMatch(/^#[A-Za-z0-9_\-.~!*'()%=&]*$/);
  });

  it('reads the documented form: #future=<base64url JSONL>&assume=KEY%3DVALUE', () => {
    const jsonl = '{"type":"agi.declared","date":"2028-03-01"}\n';
    const encoded = Buffer.from(jsonl, 'utf8').toString('base64url');
    expect(
      fromFragment(`#future=${encoded}&assume=agi-ends-exclusivity%3Ddeclaration&assume=panel-deadline-days%3D90`),
    ).toEqual({
      future: jsonl,
      assume: ['agi-ends-exclusivity=declaration', 'panel-deadline-days=90'],
      history: 'real',
    });
  });

  it('an empty fragment is today’s deal with no events of ones own', () => {
    expect(fromFragment('')).toEqual({ future: '', assume: [], history: 'real' });
    expect(fromFragment('#')).toEqual({ future: '', assume: [], history: 'real' });
  });

  it.each([
    ['#future=a+b', 'not base64url text'],
    ['#future=A', 'wrong length'],
    [`#future=${Buffer.from([0xff, 0xfe]).toString('base64url')}`, 'does not decode to UTF-8'],
    ['#history=maybe', '"history" must be real or none'],
    ['#assume=%E0%A4%A', 'not valid percent-encoding'],
    ['#futur=abc', 'unknown part "futur"'],
  ])('refuses %s, saying why', (fragment, why) => {
    expect(() => fromFragment(fragment)).toThrow(FragmentError);
    expect(() => fromFragment(fragment)).toThrow(why);
  });

  test.prop([fc.string({ maxLength: 300 })])('base64url decoding never throws anything but a FragmentError', (text) => {
    try {
      fromBase64Url(text, 'x');
    } catch (error) {
      expect(error).toBeInstanceOf(FragmentError);
    }
  });
});

/**
 * The studio redraws the rights timeline by parsing only the elements whose text changed (issue
 * 13, the re-simulation budget), so the cut of an SVG text into its root tag and top-level
 * elements must be exact: every element whole, none merged or split, whatever quotes, `>`,
 * comments and CDATA the elements hold; and anything else is refused, so the page draws it whole.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/log/parse.ts';
import { builtinHistory, simulateView } from '../../src/studio/simulation.ts';
import { svgParts } from '../../src/studio/svg-parts.ts';
import { dealChart } from '../../src/visual/statechart.ts';
import { renderTimeline } from '../../src/visual/timeline.ts';
import { bigFuture } from '../visual/fixtures/big-future.ts';
import { allFutures } from '../visual/run-cli.ts';

/** An XML element as the model knows it: its exact text. */
const name = fc.constantFrom('g', 'rect', 'text', 'title', 'line', 'path', 'tspan', 'a-b', 'x:y');
/** Attribute values hold anything XML allows there: `>`, the other quote, `/`, entities. */
const attribute = fc
  .tuple(
    fc.constantFrom('x', 'd', 'data-line', 'aria-label', 'xlink:href'),
    fc.constantFrom('"', "'"),
    fc.string({ unit: fc.constantFrom('a', '>', '/', '"', "'", ' ', '&amp;', '=', '\n') }),
  )
  .map(
    ([key, quote, value]) => ` ${key}=${quote}${value.split(quote).join(quote === '"' ? '&quot;' : '&apos;')}${quote}`,
  );
/** Text and other markup allowed inside an element: `>` raw, `<` only as markup. */
const content = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '>', ' ', '\n', '&lt;', '&amp;', '"', "'", '/') }),
  fc.string({ unit: fc.constantFrom('a', '<', '>', '-', ' ') }).map((text) => `<!--${text.replace(/--/g, '- ')}-->`),
  fc
    .string({ unit: fc.constantFrom('a', '<', '>', '&', ']') })
    .map((text) => `<![CDATA[${text.replace(/]]>/g, '')}]]>`),
);
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc
    .tuple(
      name,
      fc.array(attribute, { maxLength: 3 }),
      fc.constantFrom(' ', '', '\n'),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 2 },
        fc.array(fc.oneof(content, tie('element') as fc.Arbitrary<string>), { maxLength: 4, depthIdentifier: 'svg' }),
      ),
    )
    .map(([tag, attributes, space, children]) =>
      children === null
        ? `<${tag}${attributes.join('')}${space}/>`
        : `<${tag}${attributes.join('')}${space}>${children.join('')}</${tag}>`,
    ),
}));
const space = fc.constantFrom('', ' ', '\n', '\n  ', '\t\n');

describe('svgParts cuts an SVG into its root tag and top-level elements', () => {
  test.prop([fc.array(attribute, { maxLength: 3 }), fc.array(fc.tuple(space, element), { maxLength: 8 }), space])(
    'gives back exactly the elements the text was made of',
    (attributes, children, last) => {
      const open = `<svg xmlns="http://www.w3.org/2000/svg"${attributes.join('')}>`;
      const text = `${open}${children.map(([before, child]) => `${before}${child}`).join('')}${last}</svg>\n`;
      expect(svgParts(text)).toEqual({ open, children: children.map(([, child]) => child) });
    },
  );

  it('cuts every timeline the studio draws (one future or two) into whole elements', () => {
    const history = builtinHistory(readFileSync('src/history/real-history.jsonl', 'utf8'));
    const logs = [
      ...allFutures().map((future) => ({ ...future, text: readFileSync(future.path, 'utf8') })),
      { path: 'a 100-event future', history: 'none' as const, assume: [], text: bigFuture(100) },
    ];
    expect(logs.length).toBeGreaterThan(10);
    const sides = logs.map((log) => {
      const future = parseLog(log.text, log.path).map(({ event }) => event);
      const view = {
        future,
        history: log.history === 'none' ? ('none' as const) : ('real' as const),
        assume: log.assume,
      };
      const { collected, events } = simulateView(view, history, dealChart());
      return { label: log.path, replayed: collected.replayed, events };
    });
    for (const [index, side] of sides.entries()) {
      const other = sides[(index + 1) % sides.length] as (typeof sides)[number];
      for (const svg of [renderTimeline([side], { cursor: true }), renderTimeline([side, other])]) {
        const parts = svgParts(svg);
        expect(parts, side.label).not.toBeNull();
        const { open, children } = parts as NonNullable<typeof parts>;
        // The cut is a partition of the body: every character kept, in order, but the new lines between.
        const body = svg.slice(open.length, svg.lastIndexOf('</svg>'));
        expect(children.join('').replace(/\n/g, '')).toBe(body.replace(/\n/g, ''));
        for (const child of children) {
          const tag = /^<([\w:-]+)/.exec(child)?.[1];
          expect(child.endsWith('/>') || child.endsWith(`</${tag}>`), child).toBe(true);
        }
        expect(children.length).toBeGreaterThan(svg.split('\n').length - 6);
      }
    }
  });

  it.each([
    ['a text that is not an svg element', '<g/>'],
    ['an XML declaration first', '<?xml version="1.0"?><svg></svg>'],
    ['an empty root', '<svg/>'],
    ['text beside the elements', '<svg><g/>loose text</svg>'],
    ['a comment beside the elements', '<svg><!-- a --><g/></svg>'],
    ['anything after the root', '<svg><g/></svg><g/>'],
    ['an element left open', '<svg><g><rect/></svg>'],
    ['a root never closed', '<svg><g/>'],
    ['a tag never ended', '<svg><rect x="1></svg>'],
    ['a comment never ended', '<svg><g><!-- a </g></svg>'],
  ])('refuses %s (the page then draws it whole)', (_, text) => {
    expect(svgParts(text)).toBeNull();
  });

  it('keeps identical elements apart, in order', () => {
    expect(svgParts('<svg a=">"><rect/>\n<rect/><g t=\'"/>\'><title>1 > 0</title></g></svg>')).toEqual({
      open: '<svg a=">">',
      children: ['<rect/>', '<rect/>', "<g t='\"/>'><title>1 > 0</title></g>"],
    });
  });
});

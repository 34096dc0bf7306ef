/**
 * Monte Carlo pictures that never mislead (issue 10): one date-to-x scale for ticks and data (a
 * term that ends on 1 January of a year is drawn on that year's tick), a histogram with a count
 * axis, legends that never sit on data, and no rendered text with an unfilled `{…}`, for every
 * shipped spec. The SVGs are read back as drawn, not recomputed from the chart code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { type IsoDate, toDayNumber } from '../../src/domain/dates.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { type Box, CHAR_WIDTH, cdfChart, PLOT, researchIpHistogram } from '../../src/montecarlo/charts.ts';
import { emptyTally, type Tally } from '../../src/montecarlo/tally.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-mc-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPECS = readdirSync('simulations/montecarlo')
  .filter((name) => name.endsWith('.json'))
  .map((name) => join('simulations/montecarlo', name));
const day = (iso: string) => toDayNumber(iso as IsoDate);
const HORIZON = day('2045-01-01');

/** The year ticks as drawn: label → x. */
function drawnTicks(svg: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const match of svg.matchAll(/<text class="tick" x="([\d.]+)"[^>]*>(\d{4})<\/text>/g)) {
    ticks.set(match[2] as string, Number(match[1]));
  }
  return ticks;
}

/** The polyline's points as drawn. */
function drawnCurve(svg: string): [number, number][] {
  const points = /<polyline class="data"[^>]* points="([^"]+)"/.exec(svg)?.[1] ?? '';
  return points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
}

function attr(element: string, name: string): number {
  return Number(new RegExp(` ${name}="(-?[\\d.]+)"`).exec(element)?.[1]);
}

/** Boxes of the elements of `cls`: rects as drawn, texts by the chart's conservative character width. */
function boxes(svg: string, cls: string): Box[] {
  const found: Box[] = [];
  for (const [element] of svg.matchAll(new RegExp(`<rect class="${cls}"[^>]*>`, 'g'))) {
    found.push({
      x: attr(element, 'x'),
      y: attr(element, 'y'),
      width: attr(element, 'width'),
      height: attr(element, 'height'),
    });
  }
  for (const match of svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))) {
    const element = match[0];
    const size = attr(element, 'font-size');
    const text = (match[1] as string).replace(/&[a-z#0-9]+;/g, '_');
    found.push({
      x: attr(element, 'x'),
      y: attr(element, 'y') - size,
      width: text.length * CHAR_WIDTH,
      height: size + 3,
    });
  }
  for (const match of svg.matchAll(new RegExp(`<polyline class="${cls}"[^>]* points="([^"]+)"`, 'g'))) {
    const points = (match[1] as string).split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    found.push({
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    });
  }
  return found;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function within(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 0.05 &&
    inner.y >= outer.y - 0.05 &&
    inner.x + inner.width <= outer.x + outer.width + 0.05 &&
    inner.y + inner.height <= outer.y + outer.height + 0.05
  );
}

/** The text an SVG shows: element content and titles. */
function shownText(svg: string): string[] {
  return [...svg.matchAll(/>([^<>]+)</g)].map((m) => (m[1] as string).trim()).filter(Boolean);
}

/** A tally in which `term` ends on `iso` in every one of `futures` futures, by `cause`. */
function tallyEndingOn(term: string, iso: string, futures = 10, cause: 'event' | 'calendar' = 'calendar'): Tally {
  const tally = emptyTally();
  tally.futures = futures;
  TERM_IDS.forEach((id, t) => {
    const counts = tally.terms[t];
    if (!counts) return;
    if (id === term) counts[cause].set(day(iso), futures);
    else counts.never = futures;
  });
  return tally;
}

describe('issue 10 Monte Carlo pictures: one date scale', () => {
  const years = Array.from({ length: 21 }, (_, i) => 2025 + i);

  it.each(years)(
    "a term ending on %i-01-01 is drawn on that year's tick in the CDF, where the year is labelled",
    (year) => {
      const svg = cdfChart('model-product-ip', tallyEndingOn('model-product-ip', `${year}-01-01`), HORIZON, 'test');
      const ticks = drawnTicks(svg);
      const tick = ticks.get(String(year));
      const curve = drawnCurve(svg);
      const step = curve.findIndex(
        (point, i) => i > 0 && point[0] === curve[i - 1]?.[0] && point[1] !== curve[i - 1]?.[1],
      );
      expect(step).toBeGreaterThan(0);
      if (tick !== undefined) expect(curve[step]?.[0]).toBe(tick);
      // Between labelled years the step lies proportionally between the two ticks around it.
      const labelled = [...ticks].map(([label, x]) => [Number(label), x] as const);
      const before = labelled.filter(([y]) => y <= year).at(-1);
      const after = labelled.find(([y]) => y >= year);
      if (before && after && after[0] > before[0]) {
        const expected =
          before[1] +
          ((day(`${year}-01-01`) - day(`${before[0]}-01-01`)) /
            (day(`${after[0]}-01-01`) - day(`${before[0]}-01-01`))) *
            (after[1] - before[1]);
        expect(Math.abs((curve[step]?.[0] ?? 0) - expected)).toBeLessThanOrEqual(0.1);
      }
    },
  );

  it('the effective date 2025-10-28 is drawn 300 days right of the 2025 tick, not on it', () => {
    const svg = cdfChart('research-ip', tallyEndingOn('research-ip', '2025-10-28', 4, 'event'), HORIZON, 'test');
    const tick2025 = drawnTicks(svg).get('2025') as number;
    const tick2027 = drawnTicks(svg).get('2027') as number;
    const step = drawnCurve(svg).find((point) => point[0] > tick2025)?.[0] as number;
    expect(step).toBeCloseTo(tick2025 + (300 / 730) * (tick2027 - tick2025), 0);
  });

  it.each(years)("the histogram bar of %i starts on that year's tick", (year) => {
    const svg = researchIpHistogram(tallyEndingOn('research-ip', `${year}-06-30`, 7, 'event'), HORIZON, 'test');
    const tick = drawnTicks(svg).get(String(year));
    const bar = /<rect class="data" x="([\d.]+)"[^>]*><title>(\d{4}): 7 by verification/.exec(svg);
    expect(bar?.[2]).toBe(String(year));
    if (tick !== undefined) expect(Number(bar?.[1]) - 1).toBeCloseTo(tick, 1);
  });

  it('the histogram has a count axis whose labelled top is at least the tallest bar', () => {
    const svg = researchIpHistogram(tallyEndingOn('research-ip', '2031-01-01', 14_321), HORIZON, 'test');
    const labels = [...svg.matchAll(/text-anchor="end">([\d,]+)<\/text>/g)].map((m) =>
      Number((m[1] as string).replace(/,/g, '')),
    );
    expect(labels[0]).toBe(0);
    expect(labels.at(-1)).toBeGreaterThanOrEqual(14_321);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(7);
    const bar = /<rect class="data"[^>]* y="([\d.]+)"[^>]* height="([\d.]+)"/.exec(svg);
    const top = PLOT.top + PLOT.height - Number(bar?.[2]);
    // The bar's top is where the axis puts 14,321.
    const grid = [...svg.matchAll(/<line x1="[\d.]+" y1="([\d.]+)"[^>]*\/><text[^>]*text-anchor="end">([\d,]+)</g)].map(
      (m) => [Number((m[2] as string).replace(/,/g, '')), Number(m[1])] as const,
    );
    const [v0, y0] = grid[0] as readonly [number, number];
    const [v1, y1] = grid.at(-1) as readonly [number, number];
    expect(top).toBeCloseTo(y0 + ((14_321 - v0) / (v1 - v0)) * (y1 - y0), 0);
  });
});

describe('issue 10 Monte Carlo pictures of every shipped spec', () => {
  it.each(SPECS)('%s: legends off the data, data inside the plot, no unfilled {…} in any text', async (spec) => {
    const out = join(dir, spec.replace(/\W+/g, '-'));
    const run = await runInMemory(['montecarlo', spec, '--futures', '1500', '--workers', '1', '-o', out]);
    expect(run.code, run.err).toBe(0);
    const plot: Box = { x: PLOT.left, y: PLOT.top, width: PLOT.width, height: PLOT.height };
    const page: Box = { x: 0, y: 0, width: 640, height: 360 };
    const svgs = readdirSync(out).filter((name) => name.endsWith('.svg'));
    expect(svgs.length).toBe(TERM_IDS.length + 1);
    for (const name of svgs) {
      const svg = readFileSync(join(out, name), 'utf8');
      const legend = boxes(svg, 'legend');
      const data = boxes(svg, 'data');
      expect(legend.length, name).toBeGreaterThan(0);
      for (const box of legend) {
        expect(overlap(box, plot), `${name}: legend ${JSON.stringify(box)} on the plot`).toBe(false);
        expect(within(box, page), `${name}: legend ${JSON.stringify(box)} off the page`).toBe(true);
        for (const mark of data) expect(overlap(box, mark), name).toBe(false);
      }
      for (const mark of data)
        expect(within(mark, plot), `${name}: data ${JSON.stringify(mark)} outside the plot`).toBe(true);
      for (const text of shownText(svg)) expect(text, name).not.toMatch(/\{[^}]*\}/);
    }
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).not.toMatch(/\{[^}]*\}/);
    expect(run.out).not.toMatch(/\{[^}]*\}/);
  });
});

/**
 * The README's statechart is legible where people read it (issue 13): GitHub shows Markdown 880
 * px wide and scales a wider Mermaid diagram down to fit, so the one-diagram chart (11,554 px
 * wide in GitHub's Mermaid) had text about a pixel high. Each Mermaid block between the chart
 * markers is rendered here with the real `mermaid` package in Debian's chromium, in an 880 px
 * column as GitHub lays it out, and every piece of text must come out at 12 px or more.
 * Without /usr/bin/chromium these tests are skipped loudly; under CI=true they fail instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const README_WIDTH = 880;
const MIN_TEXT_PX = 12;
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

if (!HAVE_CHROMIUM && process.env.CI !== 'true') {
  console.warn(`\n!! SKIPPED test/e2e/readme-chart: Debian's chromium is not at ${CHROMIUM}\n`);
}

/** The Mermaid blocks of the README's chart, in order. */
function readmeDiagrams(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const chart = /<!-- chart:start -->\n([\s\S]*?)<!-- chart:end -->/.exec(readme)?.[1] ?? '';
  return [...chart.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

interface Rendered {
  readonly naturalWidth: number;
  readonly shownWidth: number;
  /** Each text run's font size as shown: its CSS size times the diagram's scale. */
  readonly sizes: readonly { readonly text: string; readonly px: number }[];
}

describe.skipIf(!HAVE_CHROMIUM)('the README chart rendered by mermaid at 880 px', () => {
  let browser: Browser;
  const diagrams = readmeDiagrams();
  let rendered: Rendered[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0"><article id="readme" style="width:${README_WIDTH}px"></article></body></html>`,
    );
    await page.addScriptTag({ path: MERMAID });
    rendered = await page.evaluate<Rendered[]>(`(async (sources) => {
      mermaid.initialize({ startOnLoad: false });
      const results = [];
      for (const [i, source] of sources.entries()) {
        const { svg } = await mermaid.render('readme-chart-' + i, source);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.getElementById('readme').append(holder);
        const element = holder.querySelector('svg');
        const scale = element.getBoundingClientRect().width / element.viewBox.baseVal.width;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const sizes = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent.trim() || node.parentElement.closest('style')) continue;
          sizes.push({ text: node.textContent.trim(), px: parseFloat(getComputedStyle(node.parentElement).fontSize) * scale });
        }
        results.push({ naturalWidth: element.viewBox.baseVal.width, shownWidth: element.getBoundingClientRect().width, sizes });
      }
      return results;
    })(${JSON.stringify(diagrams)})`);
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has one diagram per region of the machine, each rendered by mermaid', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(10);
    expect(rendered).toHaveLength(diagrams.length);
    for (const diagram of rendered) expect(diagram.sizes.length).toBeGreaterThan(0);
  });

  it(`shows every state and transition label at ${MIN_TEXT_PX} px or more`, () => {
    for (const [i, diagram] of rendered.entries()) {
      const smallest = diagram.sizes.reduce((min, size) => (size.px < min.px ? size : min));
      expect(
        smallest.px,
        `diagram ${i + 1}: "${smallest.text}" is ${smallest.px.toFixed(1)} px`,
      ).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      expect(diagram.shownWidth).toBeLessThanOrEqual(README_WIDTH);
    }
  });

  it('draws the guards as words: no code name reaches the picture', () => {
    const words = rendered.flatMap((diagram) => diagram.sizes.map((size) => size.text)).join(' ');
    expect(words).toContain('if the rule ends it on verification');
    for (const name of ['endsOnVerification', 'isOwnSunset', 'amendmentEnds', 'mayRedeclare']) {
      expect(words).not.toContain(name);
    }
  });
});

/**
 * The studio (issue 13): the re-simulation budget, measured in Debian's chromium. A 100-event
 * future is opened from a link; each edit changes one event through the form (Edit, change the
 * amount, Save), which checks the form, replays the whole future and redraws every panel that
 * changed. Reported: the script's time (the page's `studio:update` measure, from the Save to the
 * end of the redraw) and the time from the Save to the next frame after it (style, layout and
 * paint included), each the median of the last 25 of 30 edits, against the budget of 50 ms. Also
 * the page's size and opening time.
 * Without /usr/bin/chromium the section says so and measures only the build.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildStudio } from '../../src/studio/build.ts';
import { toFragment } from '../../src/studio/fragment.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium.ts';
import { bigFuture } from '../../test/visual/fixtures/big-future.ts';
import type { BenchSection } from '../section.ts';

const EVENTS = 100;
const EDITS = 30;
const BUDGET_MS = 50;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function inBrowser(file: string): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-studio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = await context.newPage();
    const fragment = toFragment({ future: bigFuture(EVENTS), assume: [], history: 'none' });
    const start = performance.now();
    await page.goto(`file://${file}${fragment}`);
    await page.waitForSelector('body[data-ready="true"]');
    const openMs = performance.now() - start;
    const row = await page.evaluate<number>(
      `[...document.querySelectorAll('#future-body tr')].findIndex((tr) => tr.textContent.includes('revenue.recognized'))`,
    );
    const frames: number[] = [];
    const settled: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      await page.click(`#future-body tr:nth-child(${row + 1}) button:first-of-type`);
      await page.fill('#field-amountUsd', String(1e8 + i * 1e6));
      // From the click on Save to the next frame after the page redrew (replay, render, style,
      // layout), and on to the end of the explanation's replays under the other readings.
      const [frame, all] = await page.evaluate<[number, number]>(`new Promise((done) => {
        const t0 = performance.now();
        document.getElementById('event-submit').click();
        requestAnimationFrame(() => setTimeout(() => {
          const frame = performance.now() - t0;
          const wait = () => document.body.dataset.settled === document.body.dataset.renders
            ? done([frame, performance.now() - t0]) : setTimeout(wait, 0);
          wait();
        }, 0));
      })`);
      frames.push(frame);
      settled.push(all);
    }
    const scripts = await page.evaluate<number[]>(
      `performance.getEntriesByName('studio:update').map((entry) => entry.duration)`,
    );
    return {
      studioOpenMs: openMs,
      studioEditFrameMs: median(frames.slice(5)),
      studioEditScriptMs: median(scripts.slice(-EDITS + 5)),
      studioEditSettledMs: median(settled.slice(5)),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function measure(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-studio-'));
  try {
    const start = performance.now();
    const { html, sizes } = await buildStudio();
    const buildMs = performance.now() - start;
    const file = join(dir, 'studio.html');
    writeFileSync(file, html);
    const metrics: Record<string, number> = { studioBuildMs: buildMs, studioBytes: sizes.total };
    const lines = [
      `build: ${buildMs.toFixed(0)} ms; studio.html ${(sizes.total / 1024).toFixed(0)} KB (page script ${(sizes.script / 1024).toFixed(0)} KB, of which the Monte Carlo worker ${(sizes.worker / 1024).toFixed(0)} KB; statechart SVG ${(sizes.chart / 1024).toFixed(0)} KB)`,
    ];
    if (!existsSync(CHROMIUM)) {
      lines.push(`browser numbers skipped: no chromium at ${CHROMIUM}`);
      return { name: 'studio (issue 13)', metrics, lines };
    }
    const browser = await inBrowser(file);
    Object.assign(metrics, browser);
    const verdict = (browser.studioEditFrameMs as number) <= BUDGET_MS ? 'within' : 'OVER';
    lines.push(
      `open a ${EVENTS}-event future from a link: ${(browser.studioOpenMs as number).toFixed(0)} ms`,
      `edit one event of ${EVENTS} (replay + redraw): script ${(browser.studioEditScriptMs as number).toFixed(1)} ms, to the next frame ${(browser.studioEditFrameMs as number).toFixed(1)} ms (median of ${EDITS - 5}; budget ${BUDGET_MS} ms: ${verdict})`,
      `  then the explanation of the chosen term (a replay per other reading): done ${(browser.studioEditSettledMs as number).toFixed(1)} ms after the click`,
    );
    return { name: 'studio (issue 13)', metrics, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

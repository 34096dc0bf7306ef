/**
 * Visuals (issue 3): how long `dealsim chart`, `dealsim timeline` and `dealsim report` take,
 * and how a 10,000-event report behaves in Debian's chromium: time to open it and to step.
 * Measured, never asserted. Without /usr/bin/chromium the browser numbers are skipped and the
 * section says so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { instance } from '@viz-js/viz';
import { chromium } from 'playwright-core';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { toDot } from '../../src/visual/dot.ts';
import { toMermaid } from '../../src/visual/mermaid.ts';
import { dealChart } from '../../src/visual/statechart.ts';
import { toStatelyJson } from '../../src/visual/stately.ts';
import { renderTimeline } from '../../src/visual/timeline.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium.ts';
import { bigFuture } from '../../test/visual/fixtures/big-future.ts';
import type { BenchSection } from '../section.ts';

const BIG = 10_000;

/** Median milliseconds of `runs` calls. */
async function time(runs: number, work: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const quietIo = memoryIo();

async function browserNumbers(report: string): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`file://${resolve(report)}`);
    await page.waitForSelector('body[data-step="0"]');
    const openMs = performance.now() - start;
    // In-page: the time one keyboard step takes to update the page (script work, before paint).
    const inPage = await page.evaluate<{ stepMs: number; jumpMs: number }>(`(() => {
      const press = (key, shiftKey = false) => document.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
      const t0 = performance.now();
      for (let i = 0; i < 500; i++) press('ArrowRight');
      const stepMs = (performance.now() - t0) / 500;
      const t1 = performance.now();
      for (let i = 0; i < 20; i++) { press('End'); press('Home'); }
      const jumpMs = (performance.now() - t1) / 40;
      return { stepMs, jumpMs };
    })()`);
    // End to end through playwright: key press to the page showing the next step.
    const t2 = performance.now();
    for (let i = 1; i <= 20; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`body[data-step="${i}"]`);
    }
    const keyMs = (performance.now() - t2) / 20;
    return { openMs, stepMs: inPage.stepMs, jumpMs: inPage.jumpMs, keyMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function measure(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-visuals-'));
  const metrics: Record<string, number> = {};
  const lines: string[] = [];
  try {
    const chart = dealChart();
    metrics.chartDeriveMs = await time(20, dealChart);
    metrics.chartMermaidMs = await time(20, () => toMermaid(chart));
    metrics.chartDotMs = await time(20, () => toDot(chart));
    metrics.chartJsonMs = await time(20, () => JSON.stringify(toStatelyJson(chart)));
    const viz = await instance();
    metrics.chartSvgMs = await time(5, () => viz.renderString(toDot(chart), { format: 'svg' }));
    metrics.chartCliSvgMs = await time(3, () => main(['chart', '--format', 'svg', '-o', join(dir, 'c.svg')], quietIo));
    lines.push(
      `chart: derive ${metrics.chartDeriveMs.toFixed(2)} ms, mermaid ${metrics.chartMermaidMs.toFixed(2)} ms, dot ${metrics.chartDotMs.toFixed(2)} ms, json ${metrics.chartJsonMs.toFixed(2)} ms, svg (Graphviz WASM) ${metrics.chartSvgMs.toFixed(1)} ms; dealsim chart --format svg ${metrics.chartCliSvgMs.toFixed(1)} ms in-process`,
    );

    const small = 'simulations/rejected-then-redeclared-verified.jsonl';
    const smallEvents = parseLog(readFileSync(small, 'utf8'), small);
    const smallReplayed = replay(smallEvents);
    metrics.timelineSmallMs = await time(20, () =>
      renderTimeline([{ label: small, replayed: smallReplayed, events: smallEvents }]),
    );
    const bigText = bigFuture(BIG);
    const bigLog = join(dir, 'big.jsonl');
    writeFileSync(bigLog, bigText);
    const bigEvents = parseLog(bigText, bigLog);
    const replayStart = performance.now();
    const bigReplayed = replay(bigEvents);
    metrics.replayBigMs = performance.now() - replayStart;
    renderTimeline([{ label: bigLog, replayed: bigReplayed, events: bigEvents }]); // warm-up, not timed
    metrics.timelineBigMs = await time(5, () =>
      renderTimeline([{ label: bigLog, replayed: bigReplayed, events: bigEvents }]),
    );
    metrics.timelineBigVsMs = await time(5, () =>
      renderTimeline([
        { label: bigLog, replayed: bigReplayed, events: bigEvents },
        { label: small, replayed: smallReplayed, events: smallEvents },
      ]),
    );
    lines.push(
      `timeline: ${smallEvents.length}-event future ${metrics.timelineSmallMs.toFixed(2)} ms; ${BIG}-event future ${metrics.timelineBigMs.toFixed(1)} ms, with --vs ${metrics.timelineBigVsMs.toFixed(1)} ms (rendering only; its replay took ${metrics.replayBigMs.toFixed(0)} ms)`,
    );

    const report = join(dir, 'big.html');
    const reportStart = performance.now();
    const reportIo = memoryIo();
    // The future applies the amendments itself (bigFuture), so it is replayed on the deal as signed.
    const reportCode = await main(['report', bigLog, '--history', 'none', '-o', report], reportIo);
    if (reportCode !== 0) throw new Error(`dealsim report exited ${reportCode}: ${reportIo.stderr()}`);
    metrics.reportBigGenerateMs = performance.now() - reportStart;
    metrics.reportBigBytes = statSync(report).size;
    lines.push(
      `report: dealsim report on ${BIG} events ${metrics.reportBigGenerateMs.toFixed(0)} ms (replay included), ${(metrics.reportBigBytes / 1e6).toFixed(2)} MB of HTML`,
    );
    if (existsSync(CHROMIUM)) {
      const browser = await browserNumbers(report);
      metrics.reportBigOpenMs = browser.openMs as number;
      metrics.reportBigStepMs = browser.stepMs as number;
      metrics.reportBigJumpMs = browser.jumpMs as number;
      metrics.reportBigKeyMs = browser.keyMs as number;
      lines.push(
        `report in chromium: opening the ${BIG}-event report ${metrics.reportBigOpenMs.toFixed(0)} ms; one step ${metrics.reportBigStepMs.toFixed(3)} ms of script, first↔last ${metrics.reportBigJumpMs.toFixed(3)} ms; key press to step shown ${metrics.reportBigKeyMs.toFixed(1)} ms through playwright`,
      );
    } else {
      lines.push(`report in chromium: skipped, no ${CHROMIUM} (apt-get install -y chromium)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'visuals', metrics, lines };
}

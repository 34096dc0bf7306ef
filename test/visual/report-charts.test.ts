/**
 * Fast starts (issue 12): the report's statechart pictures the build renders ahead
 * (dist/src/cli/render/report-charts.json) are exactly what Graphviz draws now from the chart,
 * one for every order in which a future can apply the built-in amendments; a future applying an
 * amendment of the user's is drawn fresh.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportCharts } from '../../src/cli/render/report-charts.ts';
import { BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { builtInPictureKey, builtInSequences } from '../../src/visual/report-chart.ts';

const BUILT = new URL('../../dist/src/cli/render/report-charts.json', import.meta.url);

describe('C0 the report’s statechart, rendered at build time', () => {
  it('equals a fresh rendering from the chart, for every order of built-in amendments', async () => {
    const built = JSON.parse(readFileSync(BUILT, 'utf8')) as Record<string, string>;
    const fresh = await renderReportCharts();
    expect(Object.keys(fresh)).toEqual([
      '',
      '2026-02-27',
      '2026-04-27',
      '2026-02-27 2026-04-27',
      '2026-04-27 2026-02-27',
    ]);
    expect(built).toEqual(fresh);
  });

  it('names every order a log can apply the built-in amendments in, each once', () => {
    const ids = Object.keys(BUILT_IN_AMENDMENTS);
    const sequences = builtInSequences().map((sequence) => sequence.join(' '));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const first of ids) {
      expect(sequences).toContain(first);
      for (const second of ids) if (second !== first) expect(sequences).toContain(`${first} ${second}`);
    }
  });

  it('draws fresh a future that applied an amendment of the user’s, even under a built-in ID', () => {
    const s4 = BUILT_IN_AMENDMENTS['2026-04-27'];
    expect(builtInPictureKey({ '2026-04-27': s4 as never })).toBe('2026-04-27');
    expect(builtInPictureKey({ '2026-04-27': { ...s4 } as never })).toBeUndefined();
    expect(
      builtInPictureKey({ 'compute-threshold-dropped': { ...s4, id: 'compute-threshold-dropped' } as never }),
    ).toBeUndefined();
  });
});

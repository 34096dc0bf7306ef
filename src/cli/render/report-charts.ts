/**
 * The report's statechart pictures rendered at build time (`npm run build` writes them beside
 * this module), so that a report of a future applying only built-in amendments loads neither
 * Graphviz nor the reachability search. A test checks that the file equals a fresh rendering.
 */
import { readFileSync } from 'node:fs';
import type { Amendment } from '../../domain/amendments.ts';
import { BUILT_IN_AMENDMENTS } from '../../domain/amendments.ts';
import { builtInPictureKey, builtInSequences, reportChartDot } from '../../visual/report-chart.ts';
import { renderSvg } from '../commands/chart.ts';

/** Where the build writes the pictures: a JSON object from {@link builtInPictureKey} to SVG. */
export const REPORT_CHARTS_FILE = new URL('./report-charts.json', import.meta.url);

/** Renders every picture the build writes, by key. */
export async function renderReportCharts(): Promise<Record<string, string>> {
  const charts: Record<string, string> = {};
  for (const sequence of builtInSequences()) {
    const applied = Object.fromEntries(sequence.map((id) => [id, BUILT_IN_AMENDMENTS[id] as Amendment]));
    charts[sequence.join(' ')] = await renderSvg(reportChartDot(applied));
  }
  return charts;
}

let rendered: Readonly<Record<string, string>> | null | undefined;

/** The report's chart SVG for `applied`: rendered at build time when it could be, else now with Graphviz. */
export async function reportChartSvg(applied: Readonly<Record<string, Amendment>>): Promise<string> {
  const key = builtInPictureKey(applied);
  if (key !== undefined) {
    rendered ??= readRendered();
    const svg = rendered === null || !Object.hasOwn(rendered, key) ? undefined : rendered[key];
    if (svg !== undefined) return svg;
  }
  return renderSvg(reportChartDot(applied));
}

/** The build's pictures; null when there are none (running from the sources, or a build without them). */
function readRendered(): Readonly<Record<string, string>> | null {
  try {
    return JSON.parse(readFileSync(REPORT_CHARTS_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
}

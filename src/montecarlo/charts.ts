/**
 * SVG charts of a Monte Carlo run, as strings: the end-date CDF of a term, and a histogram of
 * research-IP end dates (C4) split by what ended it (verification or the 2031 sunset).
 */
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { CAUSE, NEVER, type Outcomes } from './outcomes.ts';
import { EFFECTIVE_DAY, isoOf } from './sample.ts';

const WIDTH = 640;
const HEIGHT = 320;
const PAD = { left: 56, right: 16, top: 36, bottom: 40 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function frame(title: string, firstYear: number, lastYear: number, yLabel: string, body: string): string {
  const x = (year: number) => PAD.left + ((year - firstYear) / (lastYear - firstYear)) * PLOT_W;
  const ticks: string[] = [];
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let year = firstYear; year <= lastYear; year += step) {
    ticks.push(
      `<line x1="${x(year)}" y1="${PAD.top + PLOT_H}" x2="${x(year)}" y2="${PAD.top + PLOT_H + 4}" stroke="#333"/>` +
        `<text x="${x(year)}" y="${PAD.top + PLOT_H + 18}" font-size="11" text-anchor="middle">${year}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="20" font-size="14" text-anchor="middle">${escapeXml(title)}</text>
<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + PLOT_H}" stroke="#333"/>
<line x1="${PAD.left}" y1="${PAD.top + PLOT_H}" x2="${PAD.left + PLOT_W}" y2="${PAD.top + PLOT_H}" stroke="#333"/>
<text x="14" y="${PAD.top + PLOT_H / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${PAD.top + PLOT_H / 2})">${escapeXml(yLabel)}</text>
${ticks.join('\n')}
${body}
</svg>
`;
}

function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** The fraction of futures in which `term` has ended, by date; the curve stays below 1 by the never fraction. */
export function cdfChart(term: TermId, sortedDays: Int32Array, horizonDay: number): string {
  const count = sortedDays.length;
  const firstYear = yearOf(EFFECTIVE_DAY);
  const lastYear = yearOf(horizonDay) + 1;
  const span = lastYear - firstYear;
  const x = (day: number) => PAD.left + ((day - EFFECTIVE_DAY) / 365.25 / span) * PLOT_W;
  const y = (fraction: number) => PAD.top + (1 - fraction) * PLOT_H;
  const points: string[] = [`${x(EFFECTIVE_DAY).toFixed(1)},${y(0).toFixed(1)}`];
  let ended = 0;
  for (let k = 0; k < count; ) {
    const day = sortedDays[k] as number;
    if (day === NEVER || day > horizonDay) break;
    while (k < count && sortedDays[k] === day) k++;
    points.push(`${x(day).toFixed(1)},${y(ended / count).toFixed(1)}`);
    ended = k;
    points.push(`${x(day).toFixed(1)},${y(ended / count).toFixed(1)}`);
  }
  points.push(`${x(horizonDay).toFixed(1)},${y(count ? ended / count : 0).toFixed(1)}`);
  const grid = [0.25, 0.5, 0.75, 1]
    .map(
      (f) =>
        `<line x1="${PAD.left}" y1="${y(f)}" x2="${PAD.left + PLOT_W}" y2="${y(f)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(f) + 4}" font-size="11" text-anchor="end">${f}</text>`,
    )
    .join('\n');
  const line = `<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${points.join(' ')}"/>`;
  return frame(
    `${term}: fraction of futures in which it has ended`,
    firstYear,
    lastYear,
    'fraction ended',
    `${grid}\n${line}`,
  );
}

/** Research-IP end dates by year, stacked by cause: an event (verification) or the calendar (sunset). */
export function researchIpHistogram(outcomes: Outcomes, count: number, horizonDay: number): string {
  const T = TERM_IDS.length;
  const t = TERM_IDS.indexOf('research-ip');
  const firstYear = yearOf(EFFECTIVE_DAY);
  const lastYear = yearOf(horizonDay) + 1;
  const bins = lastYear - firstYear;
  const byEvent = Array.from(new Float64Array(bins));
  const byCalendar = new Float64Array(bins);
  for (let k = 0; k < count; k++) {
    const day = outcomes.endDay[k * T + t] as number;
    if (day === NEVER) continue;
    const bin = Math.min(bins - 1, yearOf(day) - firstYear);
    if (outcomes.cause[k * T + t] === CAUSE.calendar) byCalendar[bin] = (byCalendar[bin] as number) + 1;
    else byEvent[bin] = (byEvent[bin] as number) + 1;
  }
  const max = byEvent.reduce((top, n, i) => Math.max(top, n + (byCalendar[i] as number)), 1);
  const barW = PLOT_W / bins;
  const h = (n: number) => (n / max) * PLOT_H;
  const bars = byEvent
    .map((events, i) => {
      const calendar = byCalendar[i] as number;
      const x = PAD.left + i * barW + 1;
      const base = PAD.top + PLOT_H;
      return (
        `<rect x="${x.toFixed(1)}" y="${(base - h(events)).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h(events).toFixed(1)}" fill="#1f6feb"><title>${firstYear + i}: ${events} by verification</title></rect>` +
        `<rect x="${x.toFixed(1)}" y="${(base - h(events) - h(calendar)).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h(calendar).toFixed(1)}" fill="#d29922"><title>${firstYear + i}: ${calendar} by the sunset</title></rect>`
      );
    })
    .join('\n');
  const legend = `<rect x="${PAD.left + 8}" y="${PAD.top}" width="10" height="10" fill="#1f6feb"/><text x="${PAD.left + 22}" y="${PAD.top + 9}" font-size="11">ended by verification (event)</text>
<rect x="${PAD.left + 8}" y="${PAD.top + 16}" width="10" height="10" fill="#d29922"/><text x="${PAD.left + 22}" y="${PAD.top + 25}" font-size="11">ended by the 2031-01-01 sunset (calendar)</text>`;
  return frame(
    `research-ip (C4): end dates of ${count.toLocaleString('en-US')} futures, by cause`,
    firstYear,
    lastYear,
    'futures',
    `${bars}\n${legend}`,
  );
}

/**
 * SVG charts of a Monte Carlo run, as strings, drawn from its {@link Tally} (so a merged run
 * draws the same bytes): the end-date CDF of each term, and a histogram of research-IP end
 * dates (C4) by year, split by what ended them. Every chart has one {@link DateScale}: the ticks
 * and the data are placed by the same function of the day, so a step on 2033-01-01 sits on the
 * 2033 tick. Legends and notes sit in a band above the plot, never on the data.
 */
import { type IsoDate, toDayNumber } from '../domain/dates.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { escapeMarkup } from '../visual/markup.ts';
import { EFFECTIVE_DAY, isoOf } from './sample.ts';
import { ascending, endDayCounts, type Tally, type TermTally } from './tally.ts';

const WIDTH = 640;
const HEIGHT = 360;
/** The plot area; the title, the subtitle and the legend band are above it. */
export const PLOT = { left: 64, top: 84, width: 640 - 64 - 16, height: 360 - 84 - 40 } as const;
const TITLE_Y = 20;
const SUBTITLE_Y = 38;
/** The legend's rows: two fit between the subtitle and the plot. */
const LEGEND_Y = 50;
const LEGEND_ROW = 15;
const FONT = 11;
/** A conservative width of one character at {@link FONT} px in the sans-serif fonts SVG viewers use. */
export const CHAR_WIDTH = 7;

/** A box in SVG user units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Maps a day to x, and gives the year ticks placed by the same mapping. */
export interface DateScale {
  readonly firstDay: number;
  readonly lastDay: number;
  x(day: number): number;
  /** One tick on 1 January of each labelled year. */
  readonly ticks: readonly { readonly day: number; readonly label: string; readonly x: number }[];
}

function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

function januaryFirst(year: number): number {
  return toDayNumber(`${String(year).padStart(4, '0')}-01-01` as IsoDate);
}

/** From 1 January of the effective date's year to 1 January after the horizon's year. */
export function dateScale(horizonDay: number): DateScale {
  const firstYear = yearOf(EFFECTIVE_DAY);
  const lastYear = yearOf(horizonDay) + 1;
  const firstDay = januaryFirst(firstYear);
  const lastDay = januaryFirst(lastYear);
  const x = (day: number) => round1(PLOT.left + ((day - firstDay) / (lastDay - firstDay)) * PLOT.width);
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 12));
  const ticks = [];
  for (let year = firstYear; year <= lastYear; year += step) {
    const day = januaryFirst(year);
    ticks.push({ day, label: String(year), x: x(day) });
  }
  return { firstDay, lastDay, x, ticks };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Tick values for counts up to `max`: 0 and steps of 1, 2 or 5 × 10^k, at most six of them. */
export function countTicks(max: number): number[] {
  let step = 1;
  for (let unit = 1; ; unit *= 10) {
    const found = [1, 2, 5].map((m) => m * unit).find((s) => Math.ceil(max / s) <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}

interface LegendEntry {
  readonly text: string;
  readonly color?: string;
}

/** Legend entries in rows in the band above the plot (swatch, text, gap), wrapped to the chart's width. */
function legend(entries: readonly LegendEntry[]): string {
  let x = PLOT.left;
  let row = LEGEND_Y;
  return entries
    .map((entry) => {
      const width = (entry.color === undefined ? 0 : 14) + entry.text.length * CHAR_WIDTH;
      if (x > PLOT.left && x + width > WIDTH - 8) {
        x = PLOT.left;
        row += LEGEND_ROW;
      }
      let svg = '';
      if (entry.color !== undefined) {
        svg += `<rect class="legend" x="${x}" y="${row}" width="10" height="10" fill="${entry.color}"/>`;
        x += 14;
      }
      svg += `<text class="legend" x="${x}" y="${row + 9}" font-size="${FONT}">${escapeMarkup(entry.text)}</text>`;
      x += entry.text.length * CHAR_WIDTH + 18;
      return svg;
    })
    .join('');
}

function frame(
  title: string,
  subtitle: string,
  scale: DateScale,
  yLabel: string,
  yAxis: string,
  body: string,
  legendEntries: readonly LegendEntry[],
): string {
  const bottom = PLOT.top + PLOT.height;
  const ticks = scale.ticks
    .map(
      (tick) =>
        `<line class="tick" x1="${tick.x}" y1="${bottom}" x2="${tick.x}" y2="${bottom + 4}" stroke="#333"/>` +
        `<text class="tick" x="${tick.x}" y="${bottom + 18}" font-size="${FONT}" text-anchor="middle">${tick.label}</text>`,
    )
    .join('\n');
  const middle = PLOT.top + PLOT.height / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">
<title>${escapeMarkup(`${title}. ${subtitle}`)}</title>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="${TITLE_Y}" font-size="14" text-anchor="middle">${escapeMarkup(title)}</text>
<text x="${WIDTH / 2}" y="${SUBTITLE_Y}" font-size="${FONT}" text-anchor="middle" fill="#444">${escapeMarkup(subtitle)}</text>
${legend(legendEntries)}
<g class="plot" data-x="${PLOT.left}" data-y="${PLOT.top}" data-width="${PLOT.width}" data-height="${PLOT.height}">
${yAxis}
${body}
</g>
<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${bottom}" stroke="#333"/>
<line x1="${PLOT.left}" y1="${bottom}" x2="${PLOT.left + PLOT.width}" y2="${bottom}" stroke="#333"/>
<text x="14" y="${middle}" font-size="${FONT}" text-anchor="middle" transform="rotate(-90 14 ${middle})">${escapeMarkup(yLabel)}</text>
${ticks}
</svg>
`;
}

/** Horizontal grid lines with their labels left of the axis. */
function yGrid(values: readonly number[], y: (value: number) => number, label: (value: number) => string): string {
  return values
    .map(
      (value) =>
        `<line x1="${PLOT.left}" y1="${round1(y(value))}" x2="${PLOT.left + PLOT.width}" y2="${round1(y(value))}" stroke="#ddd"/>` +
        `<text x="${PLOT.left - 6}" y="${round1(y(value) + 4)}" font-size="${FONT}" text-anchor="end">${label(value)}</text>`,
    )
    .join('\n');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * The fraction of futures in which `term` has stopped holding for good, by date; the curve
 * stays below 1 by the futures in which it never ends. `subtitle` names the run (its history).
 */
export function cdfChart(term: TermId, tally: Tally, horizonDay: number, subtitle: string): string {
  const counts = tally.terms[TERM_IDS.indexOf(term)] as TermTally;
  const total = tally.futures;
  const scale = dateScale(horizonDay);
  const y = (fraction: number) => round1(PLOT.top + (1 - fraction) * PLOT.height);
  const points: string[] = [`${scale.x(scale.firstDay)},${y(0)}`];
  let ended = 0;
  let shown = 0;
  for (const [day, n] of endDayCounts(counts)) {
    if (day > scale.lastDay) break;
    const at = Math.max(day, scale.firstDay);
    points.push(`${scale.x(at)},${y(total ? ended / total : 0)}`);
    ended += n;
    shown = ended;
    points.push(`${scale.x(at)},${y(total ? ended / total : 0)}`);
  }
  points.push(`${scale.x(scale.lastDay)},${y(total ? shown / total : 0)}`);
  const grid = yGrid([0, 0.25, 0.5, 0.75, 1], y, String);
  const line = `<polyline class="data" fill="none" stroke="#1f6feb" stroke-width="2" points="${points.join(' ')}"/>`;
  const neverEnds = total ? counts.never / total : 0;
  const later = total ? (total - counts.never - shown) / total : 0;
  const note = [`never ends: ${percent(neverEnds)} of ${total.toLocaleString('en-US')} futures`];
  if (later > 0) note.push(`ends after ${isoOf(scale.lastDay)}: ${percent(later)}`);
  return frame(`${term}: fraction of futures in which it has ended`, subtitle, scale, 'fraction ended', grid, line, [
    { text: note.join('; ') },
  ]);
}

const EVENT_COLOR = '#1f6feb';
const CALENDAR_COLOR = '#d29922';

/** Research-IP (C4) end dates by calendar year, stacked by cause: an event (verification) or the calendar (the sunset). */
export function researchIpHistogram(tally: Tally, horizonDay: number, subtitle: string): string {
  const counts = tally.terms[TERM_IDS.indexOf('research-ip')] as TermTally;
  const scale = dateScale(horizonDay);
  const firstYear = yearOf(scale.firstDay);
  const bins = yearOf(scale.lastDay) - firstYear;
  const byEvent = new Array<number>(bins).fill(0);
  const byCalendar = new Array<number>(bins).fill(0);
  let later = 0;
  const addTo = (into: number[], day: number, n: number) => {
    const bin = yearOf(Math.max(day, scale.firstDay)) - firstYear;
    if (bin >= bins) later += n;
    else into[bin] = (into[bin] as number) + n;
  };
  for (const [day, n] of ascending(counts.event)) addTo(byEvent, day, n);
  for (const [day, n] of ascending(counts.calendar)) addTo(byCalendar, day, n);
  const tallest = byEvent.reduce((top, n, i) => Math.max(top, n + (byCalendar[i] as number)), 1);
  const ticks = countTicks(tallest);
  const top = ticks[ticks.length - 1] as number;
  const y = (n: number) => PLOT.top + (1 - n / top) * PLOT.height;
  const bars = byEvent
    .map((events, i) => {
      const calendar = byCalendar[i] as number;
      const year = firstYear + i;
      const x0 = scale.x(januaryFirst(year));
      const x1 = scale.x(januaryFirst(year + 1));
      const x = round1(x0 + 1);
      const width = round1(x1 - x0 - 2);
      const base = PLOT.top + PLOT.height;
      const bar = (from: number, n: number, color: string, what: string) =>
        n === 0
          ? ''
          : `<rect class="data" x="${x}" y="${round1(y(from + n))}" width="${width}" height="${round1(base - y(n))}" fill="${color}"><title>${year}: ${n.toLocaleString('en-US')} ${what}</title></rect>`;
      return bar(0, events, EVENT_COLOR, 'by verification') + bar(events, calendar, CALENDAR_COLOR, 'by the sunset');
    })
    .join('\n');
  const entries: LegendEntry[] = [
    { text: 'ended by verification (event)', color: EVENT_COLOR },
    { text: 'ended by the sunset (calendar)', color: CALENDAR_COLOR },
  ];
  const hidden = [];
  if (counts.never > 0) hidden.push(`${counts.never.toLocaleString('en-US')} never end`);
  if (later > 0) hidden.push(`${later.toLocaleString('en-US')} end after ${isoOf(scale.lastDay)}`);
  if (hidden.length > 0) entries.push({ text: `not shown: ${hidden.join(', ')}` });
  return frame(
    `research-ip (C4): end dates of ${tally.futures.toLocaleString('en-US')} futures, by year and cause`,
    subtitle,
    scale,
    'futures',
    yGrid(ticks, y, (n) => n.toLocaleString('en-US')),
    bars,
    entries,
  );
}

/**
 * The rights timeline: a Gantt chart of who holds what, when, for one future or two side by
 * side. One row per term (holder and clause in the label), bars for its intervals on a calendar
 * axis from the effective date to a few years past the last event, the sunsets as lines, each
 * log event as a marker (breaches and amendments stand out), a legend. Pure: a string of SVG.
 * Colours are backed by fills, hatching and shapes, so the chart survives greyscale printing.
 */
import { EFFECTIVE_DATE, type IsoDate, isoDate, toDayNumber } from '../domain/dates.ts';
import { TERM_IDS, TERMS, type TermId } from '../domain/terms.ts';
import { type LoggedEvent, lineRef } from '../log/parse.ts';
import type { Verdict } from '../replay/findings.ts';
import { describeCause, type Interval } from '../replay/intervals.ts';
import type { Replayed } from '../replay/replay.ts';
import { eventKind, eventLabel } from './event-label.ts';
import { escapeMarkup } from './markup.ts';
import { MARKED_VERDICTS, VERDICT_MARKS } from './verdict-marks.ts';

/** One future to draw: its label (file and assumptions), its replay and its log. */
export interface TimelineSide {
  readonly label: string;
  readonly replayed: Replayed;
  readonly events: readonly LoggedEvent[];
}

export interface TimelineOptions {
  readonly title?: string;
  /** Draws a movable cursor line (`id="timeline-cursor"`), for the report's stepper. */
  readonly cursor?: boolean;
  /** Lists at most this many events per side below the chart (the AGI process, amendments and marked verdicts first). */
  readonly maxListed?: number;
}

/** Sunsets every future has: "through 2030" and "through 2032" (CLAUSES.md). */
export const FIXED_SUNSETS: readonly IsoDate[] = [isoDate('2031-01-01'), isoDate('2033-01-01')];

const WIDTH = 1280;
const LEFT = 300;
const RIGHT = 44;
const PLOT = WIDTH - LEFT - RIGHT;
const FONT = 'Helvetica, Arial, sans-serif';
const INK = '#222222';
const SIDE_FILL = ['#1f4e8c', '#f2a65a'] as const;
const SIDE_STROKE = ['#10294a', '#8a4b10'] as const;
const BREACH = '#b00020';

/** The axis: effective date to 1 January at least three years past the last event, 2034 at least. */
export function axisRange(sides: readonly TimelineSide[]): { readonly from: IsoDate; readonly to: IsoDate } {
  const last = sides.reduce((year, side) => Math.max(year, Number(side.replayed.lastEventDate.slice(0, 4))), 0);
  return { from: EFFECTIVE_DATE, to: isoDate(`${Math.max(last + 3, 2034)}-01-01`) };
}

/** Days where exactly one of two timelines holds, as intervals (null `until`: to the end). */
export function differences(a: readonly Interval[], b: readonly Interval[], end: IsoDate): [IsoDate, IsoDate][] {
  const cuts = new Set<IsoDate>([EFFECTIVE_DATE, end]);
  for (const interval of [...a, ...b]) {
    cuts.add(interval.from);
    if (interval.until !== null) cuts.add(interval.until);
  }
  const sorted = [...cuts].filter((date) => date <= end).sort();
  const holds = (intervals: readonly Interval[], date: IsoDate) =>
    intervals.some((interval) => interval.from <= date && (interval.until === null || date < interval.until));
  const result: [IsoDate, IsoDate][] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i] as IsoDate;
    const until = sorted[i + 1] as IsoDate;
    if (holds(a, from) === holds(b, from)) continue;
    const previous = result.at(-1);
    if (previous && previous[1] === from) previous[1] = until;
    else result.push([from, until]);
  }
  return result;
}

interface Marker {
  readonly x: number;
  readonly logged: LoggedEvent;
  /** The strongest verdict of its findings that gets a marker of its own (a breach), if any. */
  readonly verdict: Verdict | null;
  /** 0: the AGI process or an amendment; 1: a marked verdict; 2: other conduct. */
  readonly priority: number;
}

/** Renders the timeline of one future, or of two (`sides[1]` hatched) with their differences marked. */
export function renderTimeline(sides: readonly TimelineSide[], options: TimelineOptions = {}): string {
  if (sides.length < 1 || sides.length > 2) throw new TypeError('a timeline draws one or two futures');
  const { from, to } = axisRange(sides);
  const day0 = toDayNumber(from);
  const pxPerDay = PLOT / (toDayNumber(to) - day0);
  const x = (date: IsoDate) => LEFT + (Math.min(toDayNumber(date), toDayNumber(to)) - day0) * pxPerDay;
  const two = sides.length === 2;
  const out: string[] = [];
  const px = (value: number) => value.toFixed(1);

  const title = options.title ?? (two ? 'Rights timeline: two futures compared' : 'Rights timeline');
  const top = 56;
  const eventBand = 124;
  const rowHeight = two ? 40 : 28;
  const rowsTop = top + eventBand * sides.length;
  const rowsBottom = rowsTop + rowHeight * TERM_IDS.length;
  const legendTop = rowsBottom + 66;
  const markersOf = (side: TimelineSide): Marker[] => {
    const marked = new Map<string, Verdict>();
    for (const verdict of [...MARKED_VERDICTS].reverse()) {
      for (const finding of side.replayed.findings) {
        if (finding.verdict === verdict) marked.set(lineRef(finding.line, finding.origin), verdict);
      }
    }
    return side.events.map((logged) => {
      const kind = eventKind(logged.event);
      const verdict = marked.get(lineRef(logged.line, logged.origin)) ?? null;
      return {
        x: x(logged.event.date),
        logged,
        verdict,
        priority: kind === 'agi' || kind === 'amendment' ? 0 : verdict !== null ? 1 : 2,
      };
    });
  };
  const allMarkers = sides.map(markersOf);
  const listTop = legendTop + (two ? 118 : 96);
  const listed = allMarkers.map((markers) => listedEvents(markers, options.maxListed ?? 90));
  const listHeight = listed.reduce((sum, list) => sum + listBlockHeight(list), 0);
  const height = listTop + listHeight + 10;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="timeline-title" font-family="${FONT}" font-size="12" data-day0="${day0}" data-px-per-day="${pxPerDay}" data-left="${LEFT}" data-right="${LEFT + PLOT}">`,
    `<title id="timeline-title">${escapeMarkup(`${title}: ${sides.map((side) => side.label).join(' vs ')}`)}</title>`,
    '<defs>',
    `<pattern id="hatch-b" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${SIDE_FILL[1]}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${SIDE_STROKE[1]}" stroke-width="2"/></pattern>`,
    `<pattern id="hatch-diff" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#fff0f0"/><path d="M0 0L8 8M8 0L0 8" stroke="${BREACH}" stroke-width="0.8"/></pattern>`,
    '</defs>',
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="17" font-weight="bold" fill="${INK}">${escapeMarkup(title)}</text>`,
    `<text x="16" y="44" fill="#444444">${escapeMarkup(sides.map((side, i) => `${two ? `${'AB'[i]}: ` : ''}${side.label}`).join('   ·   '))}</text>`,
  );

  // Year grid and axis labels, top and bottom.
  const firstYear = Number(from.slice(0, 4)) + 1;
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const gx = px(x(isoDate(`${year}-01-01`)));
    out.push(
      `<line x1="${gx}" y1="${top}" x2="${gx}" y2="${rowsBottom}" stroke="#dddddd" stroke-width="1"/>`,
      `<text x="${gx}" y="${rowsBottom + 16}" text-anchor="middle" fill="${INK}">${year}</text>`,
    );
  }
  out.push(
    `<line x1="${LEFT}" y1="${rowsBottom}" x2="${LEFT + PLOT}" y2="${rowsBottom}" stroke="${INK}"/>`,
    `<text x="${LEFT}" y="${rowsBottom + 32}" fill="#444444" font-size="11">${from} (effective date)</text>`,
    `<text x="${LEFT + PLOT}" y="${rowsBottom + 32}" text-anchor="end" fill="#444444" font-size="11">calendar year (1 January)</text>`,
  );

  // Term rows: label, bars per side, differences behind them.
  TERM_IDS.forEach((term, row) => {
    const y = rowsTop + row * rowHeight;
    const spec = TERMS[term];
    const diffs = two
      ? differences(
          (sides[0] as TimelineSide).replayed.timelines[term],
          (sides[1] as TimelineSide).replayed.timelines[term],
          to,
        )
      : [];
    if (row % 2 === 0) out.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${rowHeight}" fill="#f6f6f6"/>`);
    for (const [start, end] of diffs) {
      out.push(
        `<rect x="${px(x(start))}" y="${y + 1}" width="${px(Math.max(2, x(end) - x(start)))}" height="${rowHeight - 2}" fill="url(#hatch-diff)" stroke="${BREACH}" stroke-width="1"><title>${escapeMarkup(`${term} differs from ${start} to ${end}`)}</title></rect>`,
      );
    }
    const mark = diffs.length > 0 ? ' ≠' : '';
    out.push(
      `<text x="12" y="${y + rowHeight / 2 - 2}" font-weight="bold" fill="${INK}">${escapeMarkup(term)}${mark}</text>`,
      `<text x="12" y="${y + rowHeight / 2 + 11}" font-size="10.5" fill="#444444">${escapeMarkup(`${holderName(spec.holder)} · ${spec.kind} · ${spec.cited}`)}</text>`,
    );
    sides.forEach((side, index) => {
      const barHeight = two ? 13 : 16;
      const barY = two ? y + 6 + index * 15 : y + (rowHeight - barHeight) / 2;
      for (const bar of bars(side.replayed.timelines[term], term, index, barY, barHeight, x, to, px)) out.push(bar);
    });
  });

  // Sunsets: the two every future has, and any an amendment set.
  const sunsets = new Set<IsoDate>(FIXED_SUNSETS);
  for (const side of sides) {
    for (const term of TERM_IDS) {
      const sunset = side.replayed.context.rules.terms[term].sunset;
      if (sunset !== null && sunset <= to) sunsets.add(sunset);
    }
  }
  for (const sunset of [...sunsets].sort()) {
    const sx = px(x(sunset));
    out.push(
      `<line x1="${sx}" y1="${top}" x2="${sx}" y2="${rowsBottom}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6 3"/>`,
      `<text x="${sx}" y="${rowsBottom + 46}" text-anchor="middle" font-size="10.5" fill="${INK}">${sunset} sunset (through ${Number(sunset.slice(0, 4)) - 1})</text>`,
    );
  }

  // Events: one band per side, markers on a baseline, labels rotated above.
  sides.forEach((side, index) => {
    const base = top + eventBand * (index + 1) - 14;
    out.push(
      `<text x="12" y="${base + 4}" font-weight="bold" fill="${INK}">${escapeMarkup(two ? `${'AB'[index]}: events` : 'events')}</text>`,
      `<text x="12" y="${base - 12}" font-size="10.5" fill="#444444">${side.events.length} log event${side.events.length === 1 ? '' : 's'}</text>`,
      `<line x1="${LEFT}" y1="${base}" x2="${LEFT + PLOT}" y2="${base}" stroke="#999999"/>`,
    );
    const markers = allMarkers[index] as Marker[];
    // A line down through the rows for each marked verdict, unless so many would hide the bars.
    const verdictLines = markers.filter((marker) => marker.verdict !== null).length <= 40;
    for (const marker of markers) out.push(markerSvg(marker, base, rowsBottom, verdictLines, px));
    out.push(...labels(markers, base, px));
  });

  if (options.cursor) {
    out.push(
      `<line id="timeline-cursor" x1="${LEFT}" y1="${top}" x2="${LEFT}" y2="${rowsBottom}" stroke="#000000" stroke-width="2"/>`,
    );
  }
  out.push(...legend(sides, legendTop, two));
  let listY = listTop;
  sides.forEach((side, index) => {
    out.push(...eventList(listed[index] as Listed, side, listY, two ? `${'AB'[index]}: ` : ''));
    listY += listBlockHeight(listed[index] as Listed);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function holderName(holder: string): string {
  return holder === 'microsoft' ? 'Microsoft' : holder === 'openai' ? 'OpenAI' : holder;
}

function bars(
  intervals: readonly Interval[],
  term: TermId,
  side: number,
  y: number,
  height: number,
  x: (date: IsoDate) => number,
  to: IsoDate,
  px: (value: number) => string,
): string[] {
  const fill = side === 0 ? SIDE_FILL[0] : 'url(#hatch-b)';
  return intervals.map((interval) => {
    const start = x(interval.from);
    const end = interval.until === null || interval.until > to ? x(to) : x(interval.until);
    const why = interval.endedBy ? ` (ended by ${describeCause(interval.endedBy)})` : '';
    const tip = `${term} holds from ${interval.from} until ${interval.until ?? 'no end date'}${why}`;
    const open = interval.until === null ? 'open' : 'closed';
    return `<rect class="bar" data-term="${term}" data-side="${side}" data-end="${open}" x="${px(start)}" y="${px(y)}" width="${px(Math.max(1, end - start))}" height="${height}" fill="${fill}" stroke="${SIDE_STROKE[side === 0 ? 0 : 1]}" stroke-width="1"><title>${escapeMarkup(tip)}</title></rect>`;
  });
}

function markerSvg(
  marker: Marker,
  base: number,
  rowsBottom: number,
  breachLine: boolean,
  px: (value: number) => string,
): string {
  const { x, logged, verdict } = marker;
  const cx = px(x);
  const tip = escapeMarkup(
    `${lineRef(logged.line, logged.origin)}, ${logged.event.date}: ${logged.event.type}, ${eventLabel(logged.event)}${verdict ? ` (${verdict})` : ''}${logged.event.note ? ` (${logged.event.note})` : ''}; ${logged.event.status ?? 'hypothetical'}${logged.event.source ? `, source ${logged.event.source}` : ''}`,
  );
  const kind = eventKind(logged.event);
  let shape: string;
  if (verdict !== null) {
    const { colour, symbol } = VERDICT_MARKS[verdict];
    const line = breachLine
      ? `<line x1="${cx}" y1="${base}" x2="${cx}" y2="${rowsBottom}" stroke="${colour}" stroke-width="1" stroke-dasharray="2 2"/>`
      : '';
    shape =
      verdict === 'breach'
        ? `${line}<path d="M${px(x - 5)} ${base - 5}L${px(x + 5)} ${base + 5}M${px(x + 5)} ${base - 5}L${px(x - 5)} ${base + 5}" stroke="${colour}" stroke-width="3"/>`
        : `${line}<text x="${cx}" y="${base + 5}" text-anchor="middle" font-size="14" font-weight="bold" fill="${colour}">${symbol}</text>`;
  } else if (kind === 'agi') {
    shape = `<path d="M${cx} ${base - 6}L${px(x + 6)} ${base}L${cx} ${base + 6}L${px(x - 6)} ${base}Z" fill="${INK}"/>`;
  } else if (kind === 'amendment') {
    shape = `<rect x="${px(x - 5)}" y="${base - 5}" width="10" height="10" fill="#ffffff" stroke="${INK}" stroke-width="2"/><line x1="${cx}" y1="${base + 5}" x2="${cx}" y2="${rowsBottom}" stroke="${INK}" stroke-width="1" stroke-dasharray="1 3"/>`;
  } else {
    shape = `<circle cx="${cx}" cy="${base}" r="3" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/>`;
  }
  return `<g class="event" data-line="${escapeMarkup(lineRef(logged.line, logged.origin))}"><title>${tip}</title>${shape}</g>`;
}

/** Horizontal room one rotated label needs so that it does not touch its neighbour. */
const LABEL_SPACING = 22;

/** Markers this close together share one number label (a range of log lines). */
const GROUP_PX = 6;

/**
 * Markers in groups of neighbours, each group a run of consecutive log lines (a log is in date
 * order), widened until every group can have a label of its own on the plot.
 */
function markerGroups(markers: readonly Marker[]): Marker[][] {
  const capacity = Math.floor(PLOT / LABEL_SPACING);
  for (let reach = GROUP_PX; ; reach *= 2) {
    const groups: Marker[][] = [];
    for (const marker of markers) {
      const group = groups.at(-1);
      if (group && marker.x - (group[0] as Marker).x < reach) group.push(marker);
      else groups.push([marker]);
    }
    if (groups.length <= capacity || reach > PLOT) return groups;
  }
}

/** A marker's number: its log line, `h4` for line 4 of the history the future branches from. */
export function markerNumber(logged: LoggedEvent): string {
  return `${logged.origin === undefined ? '' : 'h'}${logged.line}`;
}

/**
 * `4`, `4–7`, `h8–h9, 1–2`: the lines a group of markers stands for, one range per run of lines
 * from the same file (history lines and the user's interleave by date); past two runs, the first
 * and the last with an ellipsis between.
 */
function linesOf(group: readonly Marker[]): string {
  const runs: Marker[][] = [];
  for (const marker of group) {
    const run = runs.at(-1);
    if (run && (run[0] as Marker).logged.origin === marker.logged.origin) run.push(marker);
    else runs.push([marker]);
  }
  const range = (run: readonly Marker[]) => {
    const first = markerNumber((run[0] as Marker).logged);
    const last = markerNumber((run.at(-1) as Marker).logged);
    return first === last ? first : `${first}–${last}`;
  };
  if (runs.length <= 2) return runs.map(range).join(', ');
  return `${markerNumber((group[0] as Marker).logged)} … ${markerNumber((group.at(-1) as Marker).logged)}`;
}

/**
 * Every marker is numbered with its log line (neighbours share a range, 12–40), in rotated labels
 * nudged sideways with a leader line when they crowd; an AGI step, an amendment or a marked
 * verdict alone in its group also gets its short name. The list below the chart says what each
 * number is, so the chart reads on paper.
 */
function labels(markers: readonly Marker[], base: number, px: (value: number) => string): string[] {
  const groups = markerGroups(markers);
  // Spread crowded labels: push right past the previous one, then back left from the plot's end.
  const at = groups.map((group) => (group[0] as Marker).x);
  for (let i = 1; i < at.length; i++) at[i] = Math.max(at[i] as number, (at[i - 1] as number) + LABEL_SPACING);
  if (at.length > 0) at[at.length - 1] = Math.min(at.at(-1) as number, LEFT + PLOT);
  for (let i = at.length - 2; i >= 0; i--) at[i] = Math.min(at[i] as number, (at[i + 1] as number) - LABEL_SPACING);
  const out: string[] = [];
  groups.forEach((group, i) => {
    const x = at[i] as number;
    const first = group[0] as Marker;
    const alone = group.length === 1 && first.priority < 2;
    const name = alone ? ` ${eventLabel(first.logged.event)}` : '';
    const text = `${linesOf(group)}${name.length > 28 ? `${name.slice(0, 27)}…` : name}`;
    const verdict = group.find((marker) => marker.verdict !== null)?.verdict ?? null;
    const weight = group.some((marker) => marker.priority < 2) ? ' font-weight="bold"' : '';
    const colour = verdict ? VERDICT_MARKS[verdict].colour : '#333333';
    if (Math.abs(x - first.x) > 0.5) {
      out.push(
        `<line x1="${px(first.x)}" y1="${base - 7}" x2="${px(x)}" y2="${base - 16}" stroke="#888888" stroke-width="0.8"/>`,
      );
    }
    out.push(
      `<text class="marker-number" x="${px(x + 2)}" y="${base - 18}" transform="rotate(-40 ${px(x + 2)} ${base - 18})" font-size="10"${weight} fill="${colour}">${escapeMarkup(text)}</text>`,
    );
  });
  return out;
}

/** What the list below the chart shows of one side: the events, and how many it leaves out. */
interface Listed {
  readonly markers: readonly Marker[];
  readonly left: number;
}

const LIST_COLUMNS = 3;
const LIST_ROW = 16;

/** Every event when they fit in `max`; else the AGI steps, amendments and marked verdicts first. */
function listedEvents(markers: readonly Marker[], max: number): Listed {
  if (markers.length <= max) return { markers, left: 0 };
  // By position in the log: a marker's index, so a long log sorts numbers rather than looking markers up.
  const priority = (index: number) => (markers[index] as Marker).priority;
  const kept = markers
    .map((_, index) => index)
    .sort((a, b) => priority(a) - priority(b) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b)
    .map((index) => markers[index] as Marker);
  return { markers: kept, left: markers.length - kept.length };
}

function listBlockHeight(listed: Listed): number {
  const rows = Math.ceil(listed.markers.length / LIST_COLUMNS);
  return 28 + rows * LIST_ROW + (listed.left > 0 ? LIST_ROW : 0) + 8;
}

/** The numbered events below the chart, in columns: `4  2028-09-01  AGI verified`. */
function eventList(listed: Listed, side: TimelineSide, y: number, prefix: string): string[] {
  const out = [
    `<text x="16" y="${y + 14}" font-weight="bold" fill="${INK}">${escapeMarkup(`${prefix}Events by log line (the numbers on the markers; h: a line of the history the future branches from)`)}</text>`,
  ];
  const rows = Math.ceil(listed.markers.length / LIST_COLUMNS);
  const columnWidth = (WIDTH - 32) / LIST_COLUMNS;
  listed.markers.forEach((marker, i) => {
    const column = Math.floor(i / Math.max(1, rows));
    const row = i % Math.max(1, rows);
    const tx = 16 + column * columnWidth;
    const ty = y + 28 + (row + 1) * LIST_ROW - 4;
    const { logged, verdict } = marker;
    const mark = verdict ? `${VERDICT_MARKS[verdict].symbol} ${verdict}: ` : '';
    const label = eventLabel(logged.event);
    const text = `${logged.event.date}  ${mark}${label.length > 44 ? `${label.slice(0, 43)}…` : label}`;
    const colour = verdict ? VERDICT_MARKS[verdict].colour : INK;
    out.push(
      `<text class="event-listed" data-marker="${markerNumber(logged)}" x="${tx.toFixed(1)}" y="${ty}" font-size="11" fill="${colour}"><tspan font-weight="bold">${markerNumber(logged)}</tspan><tspan x="${(tx + 40).toFixed(1)}">${escapeMarkup(text)}</tspan></text>`,
    );
  });
  if (listed.left > 0) {
    const ty = y + 28 + (rows + 1) * LIST_ROW - 4;
    out.push(
      `<text x="16" y="${ty}" font-size="11" fill="#444444">${escapeMarkup(`…and ${listed.left} more event${listed.left === 1 ? '' : 's'} of ${side.label}, numbered on the chart: dealsim simulate lists every line.`)}</text>`,
    );
  }
  return out;
}

function legend(sides: readonly TimelineSide[], y: number, two: boolean): string[] {
  const out = [`<text x="16" y="${y}" font-weight="bold" fill="${INK}">Legend</text>`];
  let row = y + 20;
  sides.forEach((side, index) => {
    const fill = index === 0 ? SIDE_FILL[0] : 'url(#hatch-b)';
    out.push(
      `<rect x="16" y="${row - 10}" width="36" height="12" fill="${fill}" stroke="${SIDE_STROKE[index === 0 ? 0 : 1]}"/>`,
      `<text x="60" y="${row}" fill="${INK}">${escapeMarkup(`${two ? `${'AB'[index]}: ` : ''}term holds (${side.label})`)}</text>`,
    );
    row += 20;
  });
  if (two) {
    out.push(
      `<rect x="16" y="${row - 10}" width="36" height="12" fill="url(#hatch-diff)" stroke="${BREACH}"/>`,
      `<text x="60" y="${row}" fill="${INK}">the two futures differ (row marked ≠)</text>`,
    );
    row += 20;
  }
  const items = [
    `<path d="M22 ${row - 10}L28 ${row - 4}L22 ${row + 2}L16 ${row - 4}Z" fill="${INK}"/><text x="36" y="${row}" fill="${INK}">AGI process (C2)</text>`,
    `<rect x="176" y="${row - 9}" width="10" height="10" fill="#ffffff" stroke="${INK}" stroke-width="2"/><text x="194" y="${row}" fill="${INK}">amendment (agreement.amended)</text>`,
    `<circle cx="420" cy="${row - 4}" r="3" fill="#ffffff" stroke="${INK}" stroke-width="1.2"/><text x="430" y="${row}" fill="${INK}">other conduct</text>`,
    `<line x1="550" y1="${row - 10}" x2="550" y2="${row + 2}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="6 3"/><text x="558" y="${row}" fill="${INK}">sunset</text>`,
  ];
  // One item per verdict that marks an event (verdict-marks.ts), after the fixed ones.
  MARKED_VERDICTS.forEach((verdict, i) => {
    const { colour, symbol } = VERDICT_MARKS[verdict];
    const vx = 640 + i * 130;
    items.push(
      verdict === 'breach'
        ? `<path d="M${vx} ${row - 9}L${vx + 10} ${row + 1}M${vx + 10} ${row - 9}L${vx} ${row + 1}" stroke="${colour}" stroke-width="3"/><text x="${vx + 18}" y="${row}" fill="${INK}">${verdict}</text>`
        : `<text x="${vx + 5}" y="${row + 1}" text-anchor="middle" font-size="14" font-weight="bold" fill="${colour}">${symbol}</text><text x="${vx + 18}" y="${row}" fill="${INK}">${verdict}</text>`,
    );
  });
  out.push(
    ...items,
    `<text x="16" y="${row + 22}" fill="#444444">Numbers above the markers are log lines (h4: line 4 of the history; a range for neighbours), listed below.</text>`,
  );
  return out;
}

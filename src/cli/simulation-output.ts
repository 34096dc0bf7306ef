/**
 * What `dealsim simulate` prints, written as the replay goes instead of built whole: the steps
 * and findings a replay reports (through {@link FoldObserver}, the lean fold's or `replay()`'s
 * `onStep`) go to spills, and the tables and JSON are printed from them once the replay is done
 * and the terms' timelines are final. Memory stays flat however long the log; the bytes are
 * those of rendering `toSimulationJson` whole (the differential tests compare both engines).
 */
import { basename } from 'node:path';
import type { DealContext } from '../../machines/deal.machine.ts';
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS, formatAssumption } from '../domain/assumptions.ts';
import type { IsoDate } from '../domain/dates.ts';
import { formatUsd } from '../domain/money.ts';
import { countOf } from '../domain/numbers.ts';
import { TERM_IDS, TERMS, type TermId } from '../domain/terms.ts';
import { describeHistory, type HistoryUsed } from '../history/history.ts';
import type { FoldObserver, ObservedFinding } from '../kernel/fold.ts';
import { lineRef } from '../log/parse.ts';
import type { AgiStatus } from '../replay/engine.ts';
import { type Finding, type MissingFact, type Outcome, UNTIL, type Verdict } from '../replay/findings.ts';
import { type Cause, describeCause, type Interval, intervalOn } from '../replay/intervals.ts';
import { coveredUntil } from '../replay/replay.ts';
import { findingJson as findingJsonOf, termsJson } from '../replay/report.ts';
import { VERDICT_MARKS } from '../visual/verdict-marks.ts';
import type { Io } from './io.ts';
import { copyMarked, Printer } from './printer.ts';
import { type Style, styleFor } from './render/style.ts';
import { cellWidth, TableMeasure, table, tableHead, tableRow } from './render/table.ts';
import { terminalSafe, terminalSafeJson, visibleData, visibleText } from './render/terminal-text.ts';
import { wrapAnsi } from './render/text-width.ts';
import { RecordSpill, Spill } from './spill.ts';

/** What a replay knows once it is done, as `simulate` prints it. */
export interface SimulationSummary {
  readonly agi: AgiStatus;
  readonly context: DealContext;
  readonly timelines: Readonly<Record<TermId, readonly Interval[]>>;
  /** With `--at`: how many lines of the log are dated after it, and so not counted. */
  readonly linesAfter?: number;
}

const ALL_TERMS = (1 << TERM_IDS.length) - 1;
const FINDINGS_HEADER = ['LINE', 'DATE', 'EVENT', 'VERDICT', 'CLAUSE', 'STATUS', 'SOURCE', 'REASON'];
const NO_COVER = '-';
/** The findings table wraps its LINE (a long file name) and REASON columns to fit a terminal. */
const FINDINGS_WRAP = [0, 7];
/** The timeline's first row; 'effective' padded so the where column is at least ten wide, as line references need. */
const EFFECTIVE_ROW = ['2025-10-28', 'effective'.padEnd(10), 'the agreement takes effect (C0)'];
/** The last field of a finding's record: its reason alone, or JSON with its origin, source and openness. */
const PLAIN = 'r';
const RICH = 'j';
/**
 * In `--json` mode a covered finding's {@link UNTIL} is spilled as a mark: NUL (never in JSON text,
 * which escapes every control character), a letter for the covering term (A for TERM_IDS[0]),
 * and the finding's date; the print replaces it with the term's end, copying all else as bytes.
 */
const UNTIL_MARK = '\u0000';
/** The findings row's VERDICT cell, the one that may carry colour styles. */
const VERDICT_COLUMN = 3;
const UNTIL_MARK_BYTES = 12;
const TERM_LETTER_A = 65;
/**
 * In the people's rows off a terminal, a padded cell is followed by a mark: NUL (visibleText
 * escapes every control character in user text, so none is raw), a letter for the column (a for
 * the first), and the cell's width in six digits; the print replaces it with the spaces that pad
 * the cell to its column's final width.
 */
const PAD_MARK_BYTES = 8;
const COLUMN_LETTER_A = 97;
const DIGIT_0 = 48;
const PADDED_COLUMNS = FINDINGS_HEADER.length - 1;
const GAP = '  ';

/** The holding mask of a list of terms: bit i is `TERM_IDS[i]`. */
export function holdingMask(terms: readonly TermId[]): number {
  let mask = 0;
  for (const term of terms) mask |= 1 << TERM_IDS.indexOf(term);
  return mask;
}

/** A finding of `replay()` as the lean fold reports it. */
export function observedFinding(finding: Finding): ObservedFinding {
  return {
    line: finding.line,
    origin: finding.origin,
    date: finding.date,
    type: finding.type,
    verdict: finding.verdict,
    clause: finding.clause,
    reason: finding.reason,
    status: finding.status,
    source: finding.source,
    coveredBy: finding.coveredBy,
    missingFacts: finding.missingFacts,
    outcomes: finding.outcomes,
  };
}

/** A finding read back from the spill, {@link UNTIL} still in its reasons; the reason is made visible (visibleText) already. */
interface StoredFinding {
  readonly line: string;
  readonly origin: string | null;
  readonly date: string;
  readonly type: string;
  readonly verdict: Verdict;
  readonly clause: string;
  readonly reason: string;
  readonly status: string;
  readonly source: string | null;
  readonly cover: string;
  readonly missingFacts: readonly MissingFact[] | null;
  readonly outcomes: readonly Outcome[] | null;
}

/**
 * Collects a replay's steps and findings for printing; `json` picks the shape. Pass it as the
 * replay's observer, then call {@link SimulationOutput.print} with the summary. Always
 * {@link SimulationOutput.close} it (it may hold a temporary file).
 */
export class SimulationOutput implements FoldObserver {
  private readonly style: Style;
  /** The timeline's rows: date and the length of `where`, then `where` and what happened, run together. */
  private readonly timeline = new RecordSpill(2);
  private readonly timelineWidths: TableMeasure;
  /** The findings table: its columns' widths, the reasons of covered findings not yet counted. */
  private readonly findingsWidths: TableMeasure;
  /**
   * People's output: verdict, clause, date, type, line, status, covering term (or "-"), kind;
   * then the reason, or JSON of the reason with the finding's origin, source and openness.
   */
  private readonly findings = new RecordSpill(8);
  /** `--json`: the findings array's text as it prints, but for the {@link UNTIL_MARK}s. */
  private readonly jsonFindings: Spill;
  /**
   * People's findings off a terminal, where nothing wraps: each row as the bytes it prints but
   * for its marks (see {@link PAD_MARK_BYTES} and {@link UNTIL_MARK}), filled in once the widths
   * and timelines are final. Undefined on a terminal, where `findings` keeps records to lay out.
   */
  private readonly rows: Spill | undefined;
  /**
   * For the rows' covered reasons, by covering term and date: per count k of {@link UNTIL} in the
   * reason, the widest such reason less the columns of its k marks (an end fills each).
   */
  private readonly coveredReasons = new Map<string, Map<number, number>>();
  /** Widths of the short cells a long log repeats (event types, clauses, statuses, verdicts). */
  private readonly cellWidths = new Map<string, number>();
  /** The pad marks made so far, by column and width. */
  private readonly padMarks: string[][] = Array.from({ length: PADDED_COLUMNS }, () => []);
  private findingCount = 0;
  private undetermined = 0;
  private covered = 0;
  private readonly painted = new Map<Verdict, string>();
  /** Every source URL cited, numbered in order of first citation (escaped, as printed). */
  private readonly sources = new Map<string, number>();
  private holding = ALL_TERMS;
  /** The file's name as the findings' LINE column gives it (escaped), and its width. */
  private readonly name: string;
  private readonly nameWidth: number;

  constructor(
    private readonly json: boolean,
    color: boolean,
    /** LOG as the user named it. */
    private readonly file: string,
    /** The terminal's width, which tables fit (see `table`); undefined when not a terminal. */
    private readonly width?: number,
    /** Bytes of the `--json` findings held in memory, and read back at a time (tests set it small). */
    spillBytes?: number,
  ) {
    this.jsonFindings = new Spill(spillBytes, spillBytes);
    this.rows = !json && width === undefined ? new Spill(spillBytes, spillBytes) : undefined;
    this.style = styleFor(color);
    this.name = basename(visibleText(file));
    this.nameWidth = cellWidth(this.name);
    this.timelineWidths = new TableMeasure({ indent: 2, width });
    this.timelineWidths.add(EFFECTIVE_ROW);
    this.findingsWidths = new TableMeasure({ width, wrap: FINDINGS_WRAP });
    this.findingsWidths.add(FINDINGS_HEADER);
  }

  finding(finding: ObservedFinding): void {
    this.findingCount++;
    if (this.json) {
      // Written as it will print, safe for a terminal; only a covering term's end (UNTIL) is
      // filled in at the end.
      const text = findingJson(finding);
      const cover = finding.coveredBy;
      const mark =
        cover === undefined
          ? text
          : text.replaceAll(
              UNTIL,
              `${UNTIL_MARK}${String.fromCharCode(TERM_LETTER_A + TERM_IDS.indexOf(cover))}${finding.date}`,
            );
      this.jsonFindings.write(this.findingCount === 1 ? `    ${mark}` : `,\n    ${mark}`);
      return;
    }
    const { origin, source, missingFacts, outcomes } = finding;
    if (finding.verdict === 'undetermined') this.undetermined++;
    const covered = finding.coveredBy !== undefined;
    if (covered) this.covered++;
    const ref = source === undefined ? '' : this.sourceRef(visibleText(source));
    const where = `${origin === undefined ? this.name : visibleText(origin)}:${finding.line}`;
    // Made visible once; UNTIL, a noncharacter, is left as it is for the date to replace.
    const reason = visibleText(finding.reason);
    if (this.rows !== undefined) {
      this.spillRow(finding, where, ref, reason);
      return;
    }
    const rich = origin !== undefined || source !== undefined || missingFacts !== undefined || outcomes !== undefined;
    this.findings.write(
      `${finding.verdict}\t${finding.clause}\t${finding.date}\t${finding.type}\t${finding.line}\t${finding.status}\t${finding.coveredBy ?? NO_COVER}\t${rich ? RICH : PLAIN}`,
      rich ? JSON.stringify([reason, origin ?? null, source ?? null, missingFacts ?? null, outcomes ?? null]) : reason,
    );
    this.findingsWidths.add([
      where,
      finding.date,
      finding.type,
      this.paint(finding.verdict),
      finding.clause,
      finding.status,
      ref,
      covered ? '' : reason,
    ]);
  }

  /**
   * A findings row off a terminal, spilled as it prints (cells, pad marks, gaps, the reason) and
   * measured: {@link tableRow}'s line for the same cells once the marks are filled in, trailing
   * spaces trimmed as it trims them.
   */
  private spillRow(finding: ObservedFinding, where: string, ref: string, reason: string): void {
    const cells = [where, finding.date, finding.type, this.paint(finding.verdict), finding.clause, finding.status, ref];
    const widths = cells.map((cell, column) => this.rowCellWidth(column, cell, finding.origin));
    const cover = finding.coveredBy;
    if (cover === undefined) this.findingsWidths.addWidths([...widths, cellWidth(reason)]);
    else {
      this.findingsWidths.addWidths(widths);
      const pieces = reason.split(UNTIL);
      const ends = pieces.length - 1;
      const key = `${cover}\t${finding.date}`;
      let byCount = this.coveredReasons.get(key);
      if (byCount === undefined) this.coveredReasons.set(key, (byCount = new Map()));
      // The reason less its marks: each end that fills one adds its own (ASCII) length.
      const rest = cellWidth(pieces.join(''));
      if (rest > (byCount.get(ends) ?? -1)) byCount.set(ends, rest);
    }
    // tableRow trims each line's end: a reason never is blank (it starts with dealsim's own
    // words), so only its own trailing spaces go (a cloud's name may end with some).
    const trimmed = reason.trimEnd();
    let row = '';
    for (let column = 0; column < PADDED_COLUMNS; column++) {
      row += `${cells[column]}${this.padMark(column, widths[column] as number)}${GAP}`;
    }
    row +=
      cover === undefined
        ? trimmed
        : trimmed.replaceAll(
            UNTIL,
            `${UNTIL_MARK}${String.fromCharCode(TERM_LETTER_A + TERM_IDS.indexOf(cover))}${finding.date}`,
          );
    (this.rows as Spill).write(`${row}\n`);
  }

  /** The width of cell `column` of a findings row, as {@link cellWidth} measures it. */
  private rowCellWidth(column: number, cell: string, origin: string | undefined): number {
    if (column === VERDICT_COLUMN) return this.widthOf(cell); // painted: its styles take no columns
    if (column !== 0) return cell.length; // ASCII by construction: a date, an event type, a clause, a status, "[n]"
    // LINE: the log's name (measured once), then ASCII ":" and the line; or a history line's reference.
    return origin === undefined ? this.nameWidth + cell.length - this.name.length : this.widthOf(cell);
  }

  /** The {@link cellWidth} of a short cell, remembered. */
  private widthOf(cell: string): number {
    let width = this.cellWidths.get(cell);
    if (width === undefined) {
      width = cellWidth(cell);
      if (this.cellWidths.size < 1024) this.cellWidths.set(cell, width);
    }
    return width;
  }

  private padMark(column: number, width: number): string {
    const marks = this.padMarks[column] as string[];
    return (marks[width] ??=
      `${UNTIL_MARK}${String.fromCharCode(COLUMN_LETTER_A + column)}${String(width).padStart(PAD_MARK_BYTES - 2, '0')}`);
  }

  step(cause: Cause, holding: number, findings: number, marked: readonly ObservedFinding[]): void {
    if (this.json) return;
    const before = this.holding;
    this.holding = holding;
    if (cause.line !== null && findings > 0 && before === holding && marked.length === 0) return;
    const style = this.style;
    const ended: TermId[] = [];
    const started: TermId[] = [];
    for (let t = 0; t < TERM_IDS.length; t++) {
      const was = (before >> t) & 1;
      const is = (holding >> t) & 1;
      if (was && !is) ended.push(TERM_IDS[t] as TermId);
      else if (is && !was) started.push(TERM_IDS[t] as TermId);
    }
    const where = cause.line === null ? 'calendar' : lineRef(cause.line, cause.origin);
    const what = visibleText(describeCause(cause)).replace(/^(\S+ \d+|\S+:\d+|calendar \S+): /, '');
    const effects = [
      ...(ended.length ? [style.red(`ends ${ended.join(', ')}`)] : []),
      ...(started.length ? [style.green(`restores ${started.join(', ')}`)] : []),
    ];
    for (const finding of marked) {
      if (finding.verdict === 'breach') effects.push(style.red(`BREACH ${finding.clause}`));
    }
    for (const finding of marked) {
      if (finding.verdict !== 'undetermined') continue;
      const missing = (finding.missingFacts ?? []).join(', ');
      effects.push(style.yellow(`UNDETERMINED ${finding.clause} (${missing} missing)`));
    }
    const text = `${what}${effects.length ? ` → ${effects.join('; ')}` : ''}`;
    this.timelineWidths.add([cause.date, where, text]);
    this.timeline.write(`${cause.date}\t${where.length}`, where + text);
  }

  /**
   * Prints the whole output; `at` as given to `--at`, `history` the part of the history
   * replayed; `extra` JSON fields go last.
   */
  print(io: Io, summary: SimulationSummary, history: HistoryUsed, at?: IsoDate, extra?: Record<string, unknown>): void {
    const out = new Printer(io);
    if (this.json) this.printJson(out, summary, history, at, extra);
    else this.printText(out, summary, history, at);
    out.flush();
  }

  close(): void {
    this.timeline.close();
    this.findings.close();
    this.jsonFindings.close();
    this.rows?.close();
  }

  /** The VERDICT cell, painted once per verdict (a long log prints it a million times). */
  private paint(verdict: Verdict): string {
    let painted = this.painted.get(verdict);
    if (painted === undefined) {
      const style = this.style;
      const text = `${VERDICT_MARKS[verdict].symbol} ${verdict}`;
      if (verdict === 'breach') painted = style.red(text);
      else if (verdict === 'permitted') painted = style.green(text);
      else painted = verdict === 'undetermined' ? style.yellow(text) : style.dim(text);
      this.painted.set(verdict, painted);
    }
    return painted;
  }

  private sourceRef(source: string): string {
    let index = this.sources.get(source);
    if (index === undefined) {
      index = this.sources.size + 1;
      this.sources.set(source, index);
    }
    return `[${index}]`;
  }

  /** Calls `each` with every finding, its {@link UNTIL} filled from the final timelines. */
  private eachFinding(summary: SimulationSummary, each: (finding: StoredFinding) => void): void {
    this.findings.forEach((fields, last) => {
      const [verdict, clause, date, type, line, status, cover, kind] = fields as string[] as [
        Verdict,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const [reason, origin, source, missingFacts, outcomes] =
        kind === RICH
          ? (JSON.parse(last) as [string, string | null, string | null, MissingFact[] | null, Outcome[] | null])
          : [last, null, null, null, null];
      const until = cover === NO_COVER ? undefined : coveredUntil(summary.timelines[cover as TermId], date as IsoDate);
      const fill = (text: string) => (until === undefined ? text : text.replaceAll(UNTIL, until));
      each({
        line,
        origin,
        date,
        type,
        verdict,
        clause,
        reason: fill(reason),
        status,
        source,
        cover,
        missingFacts,
        outcomes: outcomes && until !== undefined ? outcomes.map((o) => ({ ...o, reason: fill(o.reason) })) : outcomes,
      });
    });
  }

  private printText(out: Printer, summary: SimulationSummary, history: HistoryUsed, at: IsoDate | undefined): void {
    const style = this.style;
    const { context } = summary;
    out.write(`${style.bold(describeHistory(visibleData(history)))}\n`);
    const after = summary.linesAfter ?? 0;
    // As of a day, intervals end as scheduled then: a later line that ends a term sooner is not counted.
    const uncounted = after > 0 ? ` (${countOf(after, 'line')} dated after it not counted)` : '';
    out.write(`${style.bold('Future')} ${visibleText(this.file)}${at ? `, as of ${at}${uncounted}` : ''}\n`);
    const assume = visibleData(context.assumptions);
    const changed = ASSUMPTION_KEYS.filter((key) => assume[key] !== DEFAULT_ASSUMPTIONS[key]);
    out.write(
      `${style.bold('Assumptions')} ${changed.length === 0 ? 'defaults' : changed.map((key) => `${key}=${formatAssumption(key, assume[key])}`).join(', ')} ${style.dim('(dealsim assumptions)')}\n`,
    );
    out.write(`\n${style.bold('Timeline')}\n`);
    const timeline = this.timelineWidths.layout();
    out.write(tableRow(EFFECTIVE_ROW, timeline));
    this.timeline.forEach((fields, rest) => {
      const split = Number(fields[1]);
      out.write(tableRow([fields[0] as string, rest.slice(0, split), rest.slice(split)], timeline));
    });
    const holding = at === undefined ? undefined : holdingOn(summary, at);
    out.write(`\n${style.bold(at ? `Terms (holding on ${at} marked ●)` : 'Terms')}\n`);
    const rows: string[][] = [];
    for (const term of TERM_IDS) {
      const spec = TERMS[term];
      const mark = holding ? (holding.includes(term) ? style.green('● ') : '  ') : '';
      const label = `${mark}${term}`;
      const intervals = summary.timelines[term];
      if (intervals.length === 0) rows.push([label, spec.holder, spec.cited, '—', '—', 'never held']);
      intervals.forEach((interval, index) => {
        rows.push([
          index === 0 ? label : '',
          index === 0 ? spec.holder : '',
          index === 0 ? spec.cited : '',
          interval.from,
          interval.until ?? 'no end',
          interval.endedBy ? visibleText(describeCause(interval.endedBy)) : '',
        ]);
      });
    }
    out.write(table(['TERM', 'HOLDER', 'CLAUSE', 'FROM', 'UNTIL', 'ENDED BY'], rows, { width: this.width }).trimEnd());
    const agi = context.agi;
    const dates = [
      agi.declaredOn && `declared ${agi.declaredOn}`,
      agi.verifiedOn && `verified ${agi.verifiedOn}`,
      agi.rejectedOn && `${agi.lapsedOn ? 'lapsed' : 'rejected'} ${agi.rejectedOn}`,
    ].filter(Boolean);
    out.write(`\n\n${style.bold('AGI')} ${summary.agi}${dates.length ? ` (${dates.join(', ')})` : ''}\n`);
    if (context.applied.length) {
      out.write(`${style.bold('Amendments')} ${visibleData(context.applied).join(', ')}\n`);
    }
    out.write(`\n${style.bold('Findings')}\n`);
    if (this.findingCount === 0) out.write('  none: the log has no conduct events\n');
    else this.printFindings(out, summary);
    const ledger = context.ledger;
    out.write(
      `\n${style.bold('Ledger')} Azure purchased ${formatUsd(ledger.azurePurchasedUsd)} of ${formatUsd(ledger.azureCommitmentUsd)}; revenue recognised ${formatUsd(ledger.revenueRecognizedUsd)}; revenue share accrued to Microsoft ${formatUsd(ledger.revenueShareAccruedUsd)}\n`,
    );
  }

  private printFindings(out: Printer, summary: SimulationSummary): void {
    const style = this.style;
    if (this.rows === undefined) this.printFindingsTable(out, summary);
    else this.printRows(out, summary, this.rows);
    const open = this.undetermined;
    if (open > 0) {
      const note = `${VERDICT_MARKS.undetermined.symbol} ${open} verdict${open === 1 ? ' is' : 's are'} undetermined: the log leaves out a fact that decides ${open === 1 ? 'it' : 'them'}; each reason says what each value would give (add the fact to the line to settle it)`;
      out.write(`\n${style.yellow(this.width === undefined ? note : wrapAnsi(note, this.width))}\n`);
    }
    if (this.sources.size > 0) {
      out.write(`\n${style.bold('Sources')}\n`);
      for (const [source, index] of this.sources) out.write(`  [${index}] ${source}\n`);
    }
  }

  /** The findings table laid out to fit a terminal, from the spilled records. */
  private printFindingsTable(out: Printer, summary: SimulationSummary): void {
    const widths = this.findingsWidths;
    if (this.covered > 0) {
      this.eachFinding(summary, (finding) => {
        if (finding.cover !== NO_COVER) widths.add(['', '', '', '', '', '', '', finding.reason]);
      });
    }
    const layout = widths.layout();
    out.write(tableHead(FINDINGS_HEADER, layout));
    this.eachFinding(summary, (finding) => {
      const origin = finding.origin === null ? this.name : visibleText(finding.origin);
      out.write(
        tableRow(
          [
            `${origin}:${finding.line}`,
            finding.date,
            finding.type,
            this.paint(finding.verdict),
            finding.clause,
            finding.status,
            finding.source === null ? '' : `[${this.sources.get(visibleText(finding.source))}]`,
            finding.reason,
          ],
          layout,
        ),
      );
    });
  }

  /** The findings rows off a terminal, copied as bytes with their marks filled in. */
  private printRows(out: Printer, summary: SimulationSummary, rows: Spill): void {
    const widths = this.findingsWidths;
    const ends = new Map<string, string>();
    for (const [key, byCount] of this.coveredReasons) {
      const [term, date] = key.split('\t') as [TermId, IsoDate];
      const until = coveredUntil(summary.timelines[term], date);
      let widest = 0;
      for (const [count, rest] of byCount) widest = Math.max(widest, rest + count * until.length);
      widths.addWidths([0, 0, 0, 0, 0, 0, 0, widest]);
      ends.set(key, until);
    }
    const layout = widths.layout();
    out.write(tableHead(FINDINGS_HEADER, layout));
    copyMarked(out, rows, markBytes, (bytes, mark) => {
      const kind = bytes[mark + 1] as number;
      if (kind >= COLUMN_LETTER_A) {
        let width = 0;
        for (let at = mark + 2; at < mark + PAD_MARK_BYTES; at++) width = width * 10 + (bytes[at] as number) - DIGIT_0;
        out.spaces((layout.widths[kind - COLUMN_LETTER_A] as number) - width);
        return;
      }
      const term = TERM_IDS[kind - TERM_LETTER_A] as TermId;
      out.writeAscii(ends.get(`${term}\t${bytes.toString('latin1', mark + 2, mark + UNTIL_MARK_BYTES)}`) as string);
    });
  }

  /** The JSON of `toSimulationJson` (src/replay/report.ts) as `JSON.stringify(…, null, 2)` prints it. */
  private printJson(
    out: Printer,
    summary: SimulationSummary,
    history: HistoryUsed,
    at: IsoDate | undefined,
    extra: Record<string, unknown> | undefined,
  ): void {
    const { context } = summary;
    const field = (key: string, value: unknown, comma = true) =>
      out.write(
        `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${comma ? ',' : ''}\n`,
      );
    out.write('{\n');
    field('history', history);
    field('assume', context.assumptions);
    field('agi', { status: summary.agi, ...context.agi });
    field('amendments', context.applied);
    field('terms', termsJson(summary.timelines));
    if (this.findingCount === 0) out.write('  "findings": [],\n');
    else {
      out.write('  "findings": [\n');
      this.printJsonFindings(out, summary);
      out.write('\n  ],\n');
    }
    const tail: [string, unknown][] = [['ledger', context.ledger]];
    if (at !== undefined) tail.push(['at', at], ['holding', holdingOn(summary, at)]);
    for (const [key, value] of Object.entries(extra ?? {})) if (value !== undefined) tail.push([key, value]);
    tail.forEach(([key, value], index) => field(key, value, index < tail.length - 1));
    out.write('}\n');
  }
  /** The spilled findings' text, copied as bytes, each {@link UNTIL_MARK} replaced by its term's end. */
  private printJsonFindings(out: Printer, summary: SimulationSummary): void {
    copyMarked(out, this.jsonFindings, markBytes, (bytes, mark) => {
      const term = TERM_IDS[(bytes[mark + 1] as number) - TERM_LETTER_A] as TermId;
      const date = bytes.toString('latin1', mark + 2, mark + UNTIL_MARK_BYTES) as IsoDate;
      out.writeAscii(coveredUntil(summary.timelines[term], date));
    });
  }
}

/** A mark's length in bytes, from its second byte: a column letter (a pad) or a term letter (an end). */
function markBytes(kind: number): number {
  return kind >= COLUMN_LETTER_A ? PAD_MARK_BYTES : UNTIL_MARK_BYTES;
}

/**
 * A finding as `JSON.stringify(…, null, 2)` lays it out as an element of the findings array
 * (indented by four spaces), {@link UNTIL} still in its reasons, safe for a terminal. The common finding (no openness) is
 * written by hand: a long log has a million of them.
 */
function findingJson(finding: ObservedFinding): string {
  const { origin, source, missingFacts, outcomes } = finding;
  if (missingFacts === undefined && outcomes === undefined) {
    // Only the origin, reason and source can hold user text; the other fields are dates, numbers and names from closed sets.
    return `{\n      "line": ${finding.line},\n      "origin": ${withoutRawUntil(safeJson(origin ?? null))},\n      "date": "${finding.date}",\n      "type": "${finding.type}",\n      "verdict": "${finding.verdict}",\n      "clause": "${finding.clause}",\n      "reason": ${safeJson(finding.reason)},\n      "status": "${finding.status}",\n      "source": ${safeJson(source ?? null)}\n    }`;
  }
  const json = terminalSafe(JSON.stringify(findingJsonOf(finding), null, 2).replaceAll('\n', '\n    '), false);
  // The origin is the first field to hold user text, so its line is the first of that text.
  const originField = terminalSafe(`"origin": ${JSON.stringify(origin ?? null)}`, false);
  return origin?.includes(UNTIL) ? json.replace(originField, withoutRawUntil(originField)) : json;
}

/**
 * JSON text with each raw {@link UNTIL} written as the escape `\ufdd0` (the same string to a
 * reader), for fields other than the reason: the print fills every raw one with a date. Only a
 * history's file name can hold one (a log's strings may not).
 */
function withoutRawUntil(json: string): string {
  return json.includes(UNTIL) ? json.replaceAll(UNTIL, '\\ufdd0') : json;
}

/** `value` as JSON text, made safe for a terminal (JSON escapes the C0 controls, not the others). */
function safeJson(value: string | null): string {
  return value === null ? 'null' : terminalSafeJson(value);
}

/** The terms holding on `date`. */
function holdingOn(summary: SimulationSummary, date: IsoDate): TermId[] {
  return TERM_IDS.filter((term) => intervalOn(summary.timelines[term], date) !== undefined);
}

/**
 * Counterfactuals: what differs between two replayed futures, term by term and verdict by
 * verdict, in sentences a reader can quote ("without the 2026-04-27 amendment, the revenue share
 * to Microsoft (revenue-share) would run until AGI verification (this future has none) instead
 * of ending on 2031-01-01 (its sunset, through 2030)"). Pure.
 */
import type { IsoDate } from '../domain/dates.ts';
import type { LogEvent } from '../domain/events.ts';
import { formatUsd } from '../domain/money.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { type LoggedEvent, lineRef } from '../log/parse.ts';
import type { Finding } from '../replay/findings.ts';
import type { Interval } from '../replay/intervals.ts';
import type { Replayed } from '../replay/replay.ts';
import { TERM_WORDS, timelinePhrase } from './phrases.ts';

/** One side of a comparison: the replay and the log it came from. */
export interface Side {
  readonly replayed: Replayed;
  readonly events: readonly LoggedEvent[];
}

/** An interval without its causes: `[from, until)`. */
export interface IntervalJson {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
}

/** A term whose intervals differ: both timelines and the sentence that says how. */
export interface TermDifference {
  readonly term: TermId;
  readonly a: readonly IntervalJson[];
  readonly b: readonly IntervalJson[];
  readonly sentence: string;
}

/** One verdict as the diff reports it. */
export interface VerdictJson {
  readonly line: number;
  /** The history the line belongs to; null for the user's own file. */
  readonly origin: string | null;
  readonly verdict: Finding['verdict'];
  readonly clause: Finding['clause'];
  readonly reason: string;
}

/** A conduct event judged differently, or judged in only one of the futures. */
export interface VerdictDifference {
  readonly date: IsoDate;
  readonly type: LogEvent['type'];
  /** Null when the event is only in the other future. */
  readonly a: VerdictJson | null;
  readonly b: VerdictJson | null;
  readonly sentence: string;
}

/** Everything that differs; `same` when nothing does. */
export interface ReplayDiff {
  readonly same: boolean;
  readonly terms: readonly TermDifference[];
  readonly verdicts: readonly VerdictDifference[];
  /** AGI process and ledger differences, as sentences. */
  readonly other: readonly string[];
  /** Every difference as one sentence each, in the order above. */
  readonly sentences: readonly string[];
}

/**
 * How the sentences open: `in B` ("in scratch/b.jsonl, …") or a counterfactual condition
 * ("without the 2026-04-27 amendment, …").
 */
export interface DiffWording {
  readonly condition: string;
}

/** The differences of future `b` from future `a`. */
export function diffReplays(a: Side, b: Side, wording: DiffWording): ReplayDiff {
  const open = capitalize(wording.condition);
  const terms: TermDifference[] = [];
  for (const term of TERM_IDS) {
    const before = a.replayed.timelines[term];
    const after = b.replayed.timelines[term];
    if (sameIntervals(before, after)) continue;
    const was = timelinePhrase(a.replayed, term);
    const would = timelinePhrase(b.replayed, term);
    terms.push({
      term,
      a: before.map(plain),
      b: after.map(plain),
      sentence: `${open}, ${TERM_WORDS[term]} would ${would.would} instead of ${was.instead}.`,
    });
  }
  const verdicts = diffVerdicts(a, b, open);
  const other = [...diffAgi(a.replayed, b.replayed, open), ...diffLedger(a.replayed, b.replayed, open)];
  const sentences = [...terms.map((t) => t.sentence), ...verdicts.map((v) => v.sentence), ...other];
  return { same: sentences.length === 0, terms, verdicts, other, sentences };
}

function plain(interval: Interval): IntervalJson {
  return { from: interval.from, until: interval.until };
}

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((x, i) => x.from === b[i]?.from && x.until === b[i]?.until);
}

/**
 * Findings are matched by the event they judge, not by line number, so that removing a line
 * does not make every later verdict look changed: same date, type and fields, in order.
 */
function diffVerdicts(a: Side, b: Side, open: string): VerdictDifference[] {
  const left = keyed(a);
  const right = keyed(b);
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  const differences: VerdictDifference[] = [];
  for (const key of keys) {
    const x = left.get(key);
    const y = right.get(key);
    const finding = (x ?? y) as Finding;
    if (x && y && x.verdict === y.verdict && x.clause === y.clause) continue;
    if ((x ?? y)?.verdict === 'info' && !(x && y)) continue; // an info finding of an event only one side has
    const event = `${finding.type} of ${finding.date}`;
    let sentence: string;
    if (x && y) {
      sentence = `${open}, the ${event} (${refOf(y)}) would be ${verdictWords(y)} instead of ${verdictWords(x)}.`;
    } else if (y) {
      sentence = `${open}, the ${event} (${refOf(y)}) would be ${verdictWords(y)}: ${y.reason}.`;
    } else {
      sentence = `${open}, there would be no ${event}, ${verdictWords(x as Finding)} on ${refOf(x as Finding)}.`;
    }
    differences.push({
      date: finding.date,
      type: finding.type,
      a: x ? toJson(x) : null,
      b: y ? toJson(y) : null,
      sentence,
    });
  }
  return differences.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
}

function toJson({ line, origin, verdict, clause, reason }: Finding): VerdictJson {
  return { line, origin: origin ?? null, verdict, clause, reason };
}

/** `line 4` in the user's file, `history:4` in the history. */
function refOf(finding: Finding): string {
  return lineRef(finding.line, finding.origin);
}

function verdictWords(finding: Finding): string {
  switch (finding.verdict) {
    case 'breach':
      return `a breach of ${finding.clause}`;
    case 'permitted':
      return `permitted by ${finding.clause}`;
    case 'undetermined':
      return `undetermined under ${finding.clause} (the record does not say ${(finding.missingFacts ?? []).join(' or ')})`;
    case 'info':
      return `information under ${finding.clause}`;
    default: {
      const unhandled: never = finding.verdict;
      throw new TypeError(`unknown verdict ${String(unhandled)}`);
    }
  }
}

/** Each finding keyed by its event's content and its place among identical events. */
function keyed(side: Side): Map<string, Finding> {
  // Lines are named by their reference: a history's line 3 and the user's line 3 are two events.
  const eventKeys = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const { line, event, origin } of side.events) {
    const { note: _note, source: _source, status: _status, ...fields } = event;
    const content = JSON.stringify(fields, Object.keys(fields).sort());
    const count = seen.get(content) ?? 0;
    seen.set(content, count + 1);
    eventKeys.set(lineRef(line, origin), `${content}#${count}`);
  }
  const keys = new Map<string, Finding>();
  const perLine = new Map<string, number>();
  for (const finding of side.replayed.findings) {
    const ref = refOf(finding);
    const index = perLine.get(ref) ?? 0;
    perLine.set(ref, index + 1);
    keys.set(`${eventKeys.get(ref) ?? ref}/${index}`, finding);
  }
  return keys;
}

function diffAgi(a: Replayed, b: Replayed, open: string): string[] {
  const describe = (r: Replayed) => {
    const { declaredOn, verifiedOn, rejectedOn } = r.context.agi;
    switch (r.agi) {
      case 'none':
        return 'never declared';
      case 'pending':
        return `declared on ${declaredOn} and still before the panel`;
      case 'verified':
        return `verified on ${verifiedOn}`;
      case 'rejected':
        return `rejected on ${rejectedOn}`;
      default: {
        const unhandled: never = r.agi;
        throw new TypeError(`unknown AGI status ${String(unhandled)}`);
      }
    }
  };
  const was = describe(a);
  const would = describe(b);
  return was === would ? [] : [`${open}, AGI would be ${would} instead of ${was}.`];
}

function diffLedger(a: Replayed, b: Replayed, open: string): string[] {
  const sentences: string[] = [];
  const x = a.context.ledger;
  const y = b.context.ledger;
  if (x.revenueShareAccruedUsd !== y.revenueShareAccruedUsd) {
    sentences.push(
      `${open}, ${formatUsd(y.revenueShareAccruedUsd)} of revenue share would accrue to Microsoft instead of ${formatUsd(x.revenueShareAccruedUsd)}.`,
    );
  }
  if (x.azurePurchasedUsd !== y.azurePurchasedUsd) {
    sentences.push(
      `${open}, OpenAI would buy ${formatUsd(y.azurePurchasedUsd)} of Azure services instead of ${formatUsd(x.azurePurchasedUsd)}.`,
    );
  }
  return sentences;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The log without one event: by line number, or by the ID of the amendment it applies. Lines keep
 * their numbers, so verdicts and errors still point into the file. Returns undefined if nothing
 * matches.
 */
export function withoutEvent(
  events: readonly LoggedEvent[],
  target: string,
): { readonly events: LoggedEvent[]; readonly removed: LoggedEvent } | undefined {
  const byLine = /^\d+$/.test(target) ? Number(target) : undefined;
  // A bare line number is the user's own line; an amendment ID may be the history's.
  const removed = events.find(({ line, event, origin }) =>
    byLine !== undefined
      ? line === byLine && origin === undefined
      : event.type === 'agreement.amended' && event.amendment === target,
  );
  if (!removed) return undefined;
  return { events: events.filter((entry) => entry !== removed), removed };
}

/** "without the 2026-04-27 amendment", "without line 4 (panel.verified of 2028-09-01)". */
export function withoutWording(removed: LoggedEvent): DiffWording {
  const { event, line, origin } = removed;
  return event.type === 'agreement.amended'
    ? { condition: `without the ${event.amendment} amendment` }
    : { condition: `without ${lineRef(line, origin)} (${event.type} of ${event.date})` };
}

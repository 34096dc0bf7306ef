/**
 * What the invariants compare: term timelines as plain `[from, until)` spans, the verification
 * date read straight from the log, and the window in which a term still runs on the base rules
 * (before the first amendment that changes it). The oracle's dates are CLAUSES.md's constants,
 * never the rules in the chart's context, so an altered rule cannot move the expectation.
 */
import {
  type AmendmentCatalog,
  amendmentById,
  BUILT_IN_AMENDMENTS,
  retimingsOf,
  type TermRetiming,
} from '../domain/amendments.ts';
import { EFFECTIVE_DATE, type IsoDate, isoDate } from '../domain/dates.ts';
import { baseRules, type TermRule } from '../domain/rules.ts';
import type { TermId } from '../domain/terms.ts';
import type { LoggedEvent } from '../log/parse.ts';
import type { Interval } from '../replay/intervals.ts';
import type { Replayed } from '../replay/replay.ts';
import type { FutureRun, InvariantId, Violation } from './invariant.ts';

/** C4: research IP runs "through 2030". */
export const RESEARCH_SUNSET = isoDate('2031-01-01');
/** C3: model and product IP runs "through 2032". */
export const MODEL_PRODUCT_SUNSET = isoDate('2033-01-01');
/** Terms that verification ends for good under the October 2025 terms (C1, C4, C8, C9). */
export const AGI_BOUND_TERMS = [
  'research-ip',
  'ip-exclusivity',
  'azure-api-exclusivity',
  'revenue-share',
  'compute-threshold',
] as const satisfies readonly TermId[];

/** A half-open span of days; `until: null` runs forever. */
export interface Span {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
}

export function spansOf(intervals: readonly Interval[]): Span[] {
  return intervals.map(({ from, until }) => ({ from, until }));
}

/** The part of `spans` before `end` (all of it when `end` is null); empty spans dropped. */
export function clipSpans(spans: readonly Span[], end: IsoDate | null): Span[] {
  if (end === null) return spans.map(({ from, until }) => ({ from, until }));
  return spans
    .map(({ from, until }) => ({ from, until: until === null || until > end ? end : until }))
    .filter(({ from, until }) => from < until);
}

export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((span, i) => span.from === b[i]?.from && span.until === b[i]?.until);
}

/** One span from the effective date to `until`, or none when `until` is the effective date. */
export function fromEffective(until: IsoDate | null): Span[] {
  return until === EFFECTIVE_DATE ? [] : [{ from: EFFECTIVE_DATE, until }];
}

/** The first day on or after `date` on which the spans hold, or undefined. */
export function firstHoldingFrom(spans: readonly Span[], date: IsoDate): IsoDate | undefined {
  for (const span of spans) {
    if (span.until === null || span.until > date) return span.from > date ? span.from : date;
  }
  return undefined;
}

/** A future the term invariants judge: the whole log, or a prefix of it as `--at` would see it. */
export interface Judged {
  readonly events: readonly LoggedEvent[];
  readonly input: FutureRun['input'];
  readonly replayed: Replayed;
  /** Null for the whole future; else the number of leading events kept. */
  readonly cut: number | null;
}

/**
 * The whole future and each of its prefixes: `--at D` replays the events dated up to D (invariant
 * 6 checks that it equals the prefix's replay), so a term invariant must hold on every prefix too.
 */
export function judgedFutures(run: FutureRun): Judged[] {
  return [
    { events: run.events, input: run.input, replayed: run.replayed, cut: null },
    ...run.prefixes.map((prefix) => ({
      events: run.events.slice(0, prefix.count),
      input: run.input,
      replayed: prefix.replayed,
      cut: prefix.count,
    })),
  ];
}

/** ` in the future cut after line N` for a prefix, nothing for the whole future. */
export function where(future: Judged): string {
  return future.cut === null ? '' : ` in the future cut after line ${future.cut} (as --at sees it)`;
}

/** The date of the log's `panel.verified`, read from the log itself (a valid log has at most one). */
export function verificationDate(future: Pick<Judged, 'events'>): IsoDate | null {
  return future.events.find(({ event }) => event.type === 'panel.verified')?.event.date ?? null;
}

/**
 * The first day `term` no longer runs on the base rules: the date of the first amendment in the
 * log that ends it or changes how it ends. Null when no amendment touches it.
 */
export function baseRulesUntil(future: Pick<Judged, 'events' | 'input'>, term: TermId): IsoDate | null {
  const catalog: AmendmentCatalog = future.input.amendments ?? BUILT_IN_AMENDMENTS;
  const base = baseRules(future.input.assumptions).terms[term];
  for (const { event } of future.events) {
    if (event.type !== 'agreement.amended') continue;
    const amendment = amendmentById(catalog, event.amendment);
    if (!amendment) continue;
    if (amendment.ends?.includes(term)) return event.date;
    // The re-timing under the future's own readings: S4 unties every term from AGI under s4-agi-clause=removed.
    const retiming = retimingsOf(amendment, future.input.assumptions)[term];
    if (retiming && changesRule(base, retiming)) return event.date;
  }
  return null;
}

function changesRule(base: TermRule, retiming: TermRetiming): boolean {
  return Object.entries(retiming).some(
    ([field, value]) => value !== undefined && value !== base[field as keyof TermRule],
  );
}

/** `[2025-10-28, 2031-01-01)` style text for messages. */
export function showSpans(spans: readonly Span[]): string {
  if (spans.length === 0) return 'never';
  return spans.map(({ from, until }) => `[${from}, ${until ?? '∞'})`).join(' ');
}

/** Runs a term invariant's judgement on the whole future, then on each prefix; the first violation. */
export function firstViolation<V>(run: FutureRun, judge: (future: Judged) => V | null): V | null {
  for (const future of judgedFutures(run)) {
    const violation = judge(future);
    if (violation) return violation;
  }
  return null;
}

/** Evidence fields that say which future was judged. */
export function cutEvidence(future: Judged): { cutAfterLine?: number } {
  return future.cut === null ? {} : { cutAfterLine: future.cut };
}

/**
 * Compares a term's spans, inside its base-rules window, with holding from the effective date
 * until `until`; null when they agree, else the violation. `because` reads e.g. "with no
 * verification", and `extra` adds invariant-specific evidence (the reading in force).
 */
export function spansViolation(
  future: Judged,
  check: { readonly invariant: InvariantId; readonly name: string; readonly term: TermId; readonly clause: string },
  until: IsoDate | null,
  because: string,
  extra: Record<string, unknown> = {},
): Violation | null {
  const window = baseRulesUntil(future, check.term);
  const expected = clipSpans(fromEffective(until), window);
  const actual = clipSpans(spansOf(future.replayed.timelines[check.term]), window);
  if (sameSpans(actual, expected)) return null;
  const verified = verificationDate(future);
  return {
    invariant: check.invariant,
    name: check.name,
    message: `${check.term} (${check.clause}) holds ${showSpans(actual)}, but ${because} it must hold ${showSpans(expected)}${where(future)}`,
    evidence: {
      ...cutEvidence(future),
      term: check.term,
      ...extra,
      verifiedOn: verified,
      actual,
      expected,
      ...(window && { baseRulesUntil: window }),
    },
  };
}

/** "with verification on D" or "with no verification", for messages. */
export function verificationPhrase(verified: IsoDate | null): string {
  return verified ? `with verification on ${verified}` : 'with no verification';
}

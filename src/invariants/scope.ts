/**
 * What the invariants compare: term timelines as plain `[from, until)` spans, the verification
 * date read straight from the log, and the window in which a term still runs on the base rules
 * (before the first amendment that changes it). The oracle's dates are CLAUSES.md's constants,
 * never the rules in the chart's context, so an altered rule cannot move the expectation.
 */
import { type AmendmentCatalog, BUILT_IN_AMENDMENTS, type TermRetiming } from '../domain/amendments.ts';
import { EFFECTIVE_DATE, type IsoDate, isoDate } from '../domain/dates.ts';
import { baseRules, type TermRule } from '../domain/rules.ts';
import type { TermId } from '../domain/terms.ts';
import type { Interval } from '../replay/intervals.ts';
import type { FutureRun } from './invariant.ts';

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

/** The date of the log's `panel.verified`, read from the log itself (a valid log has at most one). */
export function verificationDate(run: FutureRun): IsoDate | null {
  return run.events.find(({ event }) => event.type === 'panel.verified')?.event.date ?? null;
}

/**
 * The first day `term` no longer runs on the base rules: the date of the first amendment in the
 * log that ends it or changes how it ends. Null when no amendment touches it.
 */
export function baseRulesUntil(run: FutureRun, term: TermId): IsoDate | null {
  const catalog: AmendmentCatalog = run.input.amendments ?? BUILT_IN_AMENDMENTS;
  const base = baseRules(run.input.assumptions).terms[term];
  for (const { event } of run.events) {
    if (event.type !== 'agreement.amended') continue;
    const amendment = catalog[event.amendment];
    if (!amendment) continue;
    if (amendment.ends?.includes(term)) return event.date;
    const retiming = amendment.retime?.[term];
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

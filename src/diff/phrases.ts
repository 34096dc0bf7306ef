/**
 * How a term's timeline reads in a sentence a person can quote: "end on 2031-01-01 (its sunset,
 * through 2030)", "run until AGI verification (this future has none)".
 */
import type { IsoDate } from '../domain/dates.ts';
import { EFFECTIVE_DATE } from '../domain/dates.ts';
import type { TermId } from '../domain/terms.ts';
import { lineRef } from '../log/parse.ts';
import type { Cause, Interval } from '../replay/intervals.ts';
import type { Replayed } from '../replay/replay.ts';

/** The term in words, then its ID, so a reader can look it up. */
export const TERM_WORDS: { readonly [T in TermId]: string } = {
  'research-ip': 'Microsoft’s research-IP rights (research-ip)',
  'model-product-ip': 'Microsoft’s model and product IP rights (model-product-ip)',
  'ip-exclusivity': 'the exclusivity of Microsoft’s IP rights (ip-exclusivity)',
  'azure-api-exclusivity': 'Azure API exclusivity (azure-api-exclusivity)',
  'revenue-share': 'the revenue share to Microsoft (revenue-share)',
  'revenue-share-to-openai': 'Microsoft’s revenue share to OpenAI (revenue-share-to-openai)',
  'compute-threshold': 'the compute threshold on Microsoft (compute-threshold)',
  'azure-commitment': 'OpenAI’s $250B Azure commitment (azure-commitment)',
};

/** One timeline as a verb phrase in two forms: after "would" and after "instead of". */
export interface Phrase {
  readonly would: string;
  readonly instead: string;
}

/** What ended an interval, in words. */
export function causeWords(cause: Cause | null): string {
  if (cause === null) return 'nothing';
  const line = cause.line === null ? '' : ` on ${lineRef(cause.line, cause.origin)}`;
  switch (cause.event) {
    case 'calendar.sunset':
      return cause.date.endsWith('-01-01') ? `its sunset, through ${Number(cause.date.slice(0, 4)) - 1}` : 'its sunset';
    case 'panel.verified':
      return `AGI verification${line}`;
    case 'agi.declared':
      return `the AGI declaration${line}`;
    case 'panel.lapsed':
      return 'the panel deadline';
    case 'agreement.amended':
      return `the amendment${line}`;
    case 'revenue.recognized':
      return `the cap, reached by the revenue${line}`;
    case 'azure.purchased':
      return `fulfilment by the purchase${line}`;
    default:
      return `${cause.event}${line}`;
  }
}

/** The timeline of `term` in `replayed` as a phrase. */
export function timelinePhrase(replayed: Replayed, term: TermId): Phrase {
  const intervals = replayed.timelines[term];
  const [first] = intervals;
  if (first === undefined) return { would: 'never hold', instead: 'never holding' };
  if (intervals.length === 1 && first.from === EFFECTIVE_DATE) {
    if (first.until === null) return openPhrase(replayed, term);
    const why = causeWords(first.endedBy);
    return { would: `end on ${first.until} (${why})`, instead: `ending on ${first.until} (${why})` };
  }
  const spans = intervals.map(span).join(', then ');
  return { would: `hold ${spans}`, instead: `holding ${spans}` };
}

/** A term that holds to the end: what would first stop it, under the rule and the readings in force. */
function openPhrase(replayed: Replayed, term: TermId): Phrase {
  const rule = replayed.context.rules.terms[term];
  // A declaration comes first: under compute-cap-lifts=declaration (or agi-ends-exclusivity=declaration) it lifts the term.
  if ((rule.suspendsOnDeclaration || rule.endsOnDeclaration) && replayed.agi === 'none') {
    return {
      would: 'run until an AGI declaration (this future has none)',
      instead: 'running until an AGI declaration (this future has none)',
    };
  }
  if (rule.endsOnVerification && replayed.agi !== 'verified') {
    return {
      would: 'run until AGI verification (this future has none)',
      instead: 'running until AGI verification (this future has none)',
    };
  }
  return { would: 'run with no end date', instead: 'running with no end date' };
}

function span(interval: Interval): string {
  const until: IsoDate | 'no end' = interval.until ?? 'no end';
  return `from ${interval.from} to ${until}${interval.endedBy ? ` (${causeWords(interval.endedBy)})` : ''}`;
}

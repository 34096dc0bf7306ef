/**
 * The terms of CLAUSES.md ("Terms: what holds when"): rights, obligations and constraints whose
 * status changes over time. Each is one parallel region of the statechart, and its ID is the
 * tag that the region's holding state carries.
 */
import type { ClauseId, SourceId } from './clauses.ts';

/** The terms the statechart tracks, one region each, by their CLAUSES.md IDs. */
export const TERM_IDS = [
  'research-ip',
  'model-product-ip',
  'ip-exclusivity',
  'azure-api-exclusivity',
  'revenue-share',
  'revenue-share-to-openai',
  'compute-threshold',
  'azure-commitment',
] as const;

/** A term's ID in CLAUSES.md, e.g. `research-ip`. */
export type TermId = (typeof TERM_IDS)[number];

/** A party to the agreement. */
export type Party = 'microsoft' | 'openai';

/** One term of the agreement as CLAUSES.md describes it. */
export interface TermSpec {
  readonly id: TermId;
  readonly holder: Party;
  readonly kind: 'right' | 'obligation' | 'constraint';
  /**
   * What governs it: a clause of C0–C12, or the source that alone supports it (S4 for the revenue
   * share to OpenAI, which the October 2025 clauses do not mention).
   */
  readonly clause: ClauseId | SourceId;
  /** Every clause of C0–C12 it draws on; none for a term only an amendment's source supports. */
  readonly clauses: readonly ClauseId[];
  readonly sources: readonly SourceId[];
  /** How outputs cite it: its clauses, or its sources when it has none (`C3, C4`; `S4`). */
  readonly cited: string;
  /** What holding the term means, in one sentence. */
  readonly meaning: string;
  /** When it ends under the October 2025 terms, in words. */
  readonly ends: string;
}

/** The terms as CLAUSES.md describes them, before {@link TERMS} adds how each is cited. */
const SPECS: { readonly [T in TermId]: Omit<TermSpec, 'cited'> } = {
  'research-ip': {
    id: 'research-ip',
    holder: 'microsoft',
    kind: 'right',
    clause: 'C4',
    clauses: ['C4'],
    sources: ['S1'],
    meaning: 'Microsoft holds rights to OpenAI research IP (confidential methods, internal-only models).',
    ends: 'the earlier of the verification date and 2031-01-01 (through 2030)',
  },
  'model-product-ip': {
    id: 'model-product-ip',
    holder: 'microsoft',
    kind: 'right',
    clause: 'C3',
    clauses: ['C3', 'C4'],
    sources: ['S1', 'S4'],
    meaning: 'Microsoft holds IP rights to OpenAI models and products, post-AGI models included.',
    ends: '2033-01-01 (through 2032), whatever happens to AGI',
  },
  'ip-exclusivity': {
    id: 'ip-exclusivity',
    holder: 'microsoft',
    kind: 'right',
    clause: 'C1',
    clauses: ['C1'],
    sources: ['S1'],
    meaning: 'Microsoft’s IP rights are exclusive.',
    ends: '"until AGI": verification, or suspended from each declaration (assumption agi-ends-exclusivity)',
  },
  'azure-api-exclusivity': {
    id: 'azure-api-exclusivity',
    holder: 'microsoft',
    kind: 'right',
    clause: 'C1',
    clauses: ['C1', 'C6'],
    sources: ['S1', 'S3'],
    meaning: 'OpenAI API products, third-party ones included, are served only on Azure.',
    ends: 'as ip-exclusivity',
  },
  'revenue-share': {
    id: 'revenue-share',
    holder: 'microsoft',
    kind: 'right',
    clause: 'C9',
    clauses: ['C9'],
    sources: ['S1', 'R1'],
    meaning: 'OpenAI pays Microsoft a share of its revenue (assumption revenue-share-rate).',
    ends: 'the verification date; never, if the panel never verifies',
  },
  'revenue-share-to-openai': {
    id: 'revenue-share-to-openai',
    holder: 'openai',
    kind: 'right',
    clause: 'S4',
    clauses: [],
    sources: ['S4'],
    meaning: 'Microsoft pays OpenAI a revenue share.',
    ends: 'never under the October 2025 terms; the 2026-04-27 amendment (S4) ends it',
  },
  'compute-threshold': {
    id: 'compute-threshold',
    holder: 'microsoft',
    kind: 'constraint',
    clause: 'C8',
    clauses: ['C8', 'C7'],
    sources: ['S1'],
    meaning: 'Microsoft models developed with OpenAI IP must stay under the compute threshold.',
    ends: 'see assumption compute-cap-lifts: lifted while a declaration is pending, gone on verification',
  },
  'azure-commitment': {
    id: 'azure-commitment',
    holder: 'openai',
    kind: 'obligation',
    clause: 'C10',
    clauses: ['C10'],
    sources: ['S1', 'S2'],
    meaning: 'OpenAI must buy an incremental $250B of Azure services.',
    ends: 'the day cumulative azure.purchased reaches $250B (fulfilled)',
  },
};

/**
 * Every term by ID: holder, kind, governing clauses and sources, meaning, and how it ends under the
 * October 2025 terms.
 */
export const TERMS: { readonly [T in TermId]: TermSpec } = Object.fromEntries(
  Object.entries(SPECS).map(([id, spec]) => [
    id,
    { ...spec, cited: (spec.clauses.length > 0 ? spec.clauses : spec.sources).join(', ') },
  ]),
) as { readonly [T in TermId]: TermSpec };

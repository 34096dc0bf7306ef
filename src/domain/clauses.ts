/**
 * The clause catalogue of CLAUSES.md: each clause with its stable ID, a paraphrase and its source.
 * The contract is unpublished; every line here comes from the companies' public statements.
 */

export type SourceId = 'S1' | 'S2' | 'S3' | 'S4' | 'R1';

/** One public source: title, date, how official it is, and where to read it. */
export interface Source {
  readonly id: SourceId;
  readonly title: string;
  readonly date: string;
  readonly status: 'official' | 'official filing' | 'reported, not official';
  readonly where: string;
}

/** The public sources of CLAUSES.md (S1–S4, R1) that the clauses and amendments cite. */
export const SOURCES: readonly Source[] = [
  {
    id: 'S1',
    title: 'The next chapter of the Microsoft–OpenAI partnership',
    date: '2025-10-28',
    status: 'official',
    where: 'openai.com/index/next-chapter-of-microsoft-openai-partnership; blogs.microsoft.com 2025/10/28',
  },
  {
    id: 'S2',
    title: 'Microsoft 10-Q (quarter to 2025-09-30), Note 17, subsequent event',
    date: '2025-10-28',
    status: 'official filing',
    where: 'Microsoft Form 10-Q',
  },
  {
    id: 'S3',
    title: 'Joint statement: continuing the Microsoft–OpenAI partnership',
    date: '2026-02-27',
    status: 'official',
    where: 'joint statement of both companies',
  },
  {
    id: 'S4',
    title: 'The next phase of the Microsoft–OpenAI partnership (amendment)',
    date: '2026-04-27',
    status: 'official',
    where: 'announced by both companies',
  },
  {
    id: 'R1',
    title: 'Press reports: ~20% revenue share; $38B cap on the post-amendment revenue share',
    date: '2026-05',
    status: 'reported, not official',
    where: 'The Information, Bloomberg, CNBC',
  },
];

/** A clause's stable ID in CLAUSES.md, cited by every finding and term. */
export type ClauseId = 'C0' | 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9' | 'C10' | 'C11' | 'C12';

/** Whether a citation names a clause of the agreement (C0–C12) rather than a source (S3, S4). */
export function isClauseId(citation: string): citation is ClauseId {
  return /^C(?:[0-9]|1[0-2])$/.test(citation);
}

/**
 * One clause of the agreement: who it favours, what kind it is, a paraphrase and its sources.
 */
export interface Clause {
  readonly id: ClauseId;
  readonly who: string;
  readonly kind: string;
  readonly text: string;
  readonly sources: readonly SourceId[];
}

/** The clause catalogue C0–C12 of CLAUSES.md, each paraphrased with the sources it rests on. */
export const CLAUSES: readonly Clause[] = [
  {
    id: 'C0',
    who: 'Microsoft',
    kind: 'fact (equity)',
    text: 'OpenAI recapitalises as a public benefit corporation, OpenAI Group PBC; Microsoft’s stake is valued at about $135B, roughly 27% on an as-converted diluted basis.',
    sources: ['S1'],
  },
  {
    id: 'C1',
    who: 'Microsoft',
    kind: 'rights',
    text: 'OpenAI remains Microsoft’s frontier model partner; Microsoft keeps exclusive IP rights and Azure API exclusivity "until Artificial General Intelligence (AGI)".',
    sources: ['S1'],
  },
  {
    id: 'C2',
    who: 'OpenAI, panel',
    kind: 'process',
    text: 'Once OpenAI declares AGI, an independent expert panel verifies the declaration.',
    sources: ['S1', 'S3'],
  },
  {
    id: 'C3',
    who: 'Microsoft',
    kind: 'right',
    text: 'Microsoft’s IP rights for models and products are extended through 2032 and include post-AGI models, "with appropriate safety guardrails".',
    sources: ['S1'],
  },
  {
    id: 'C4',
    who: 'Microsoft',
    kind: 'right',
    text: 'Microsoft’s rights to research IP (confidential methods used to develop models and systems, including models meant only for internal deployment or research) last until the panel verifies AGI or through 2030, whichever is first. Research IP excludes model architecture, weights, inference and finetuning code and data-centre IP, which Microsoft keeps under C3.',
    sources: ['S1'],
  },
  {
    id: 'C5',
    who: 'OpenAI',
    kind: 'exclusion',
    text: 'Microsoft’s IP rights exclude OpenAI’s consumer hardware.',
    sources: ['S1'],
  },
  {
    id: 'C6',
    who: 'both',
    kind: 'permission + constraint',
    text: 'OpenAI may develop some products jointly with third parties. API products developed with third parties are exclusive to Azure; non-API products may be served on any cloud.',
    sources: ['S1', 'S3'],
  },
  {
    id: 'C7',
    who: 'Microsoft',
    kind: 'permission',
    text: 'Microsoft may pursue AGI alone or with third parties.',
    sources: ['S1'],
  },
  {
    id: 'C8',
    who: 'Microsoft',
    kind: 'constraint',
    text: 'If Microsoft uses OpenAI’s IP to develop AGI before AGI is declared, those models are subject to compute thresholds "significantly larger" than the systems that train leading models today.',
    sources: ['S1'],
  },
  {
    id: 'C9',
    who: 'OpenAI → Microsoft',
    kind: 'right',
    text: 'The revenue share continues until the panel verifies AGI; payments are made over a longer period.',
    sources: ['S1', 'R1'],
  },
  {
    id: 'C10',
    who: 'OpenAI; Microsoft',
    kind: 'obligation; ended right',
    text: 'OpenAI buys an incremental $250B of Azure services; Microsoft no longer has a right of first refusal to be OpenAI’s compute provider.',
    sources: ['S1', 'S2'],
  },
  {
    id: 'C11',
    who: 'OpenAI',
    kind: 'permission',
    text: 'OpenAI may provide API access to US government national-security customers on any cloud.',
    sources: ['S1'],
  },
  {
    id: 'C12',
    who: 'OpenAI',
    kind: 'permission',
    text: 'OpenAI may release open-weight models that meet "requisite capability criteria" (not defined publicly).',
    sources: ['S1'],
  },
];

export function clauseById(id: ClauseId): Clause {
  const clause = CLAUSES.find((c) => c.id === id);
  if (!clause) throw new TypeError(`unknown clause ${id}`);
  return clause;
}

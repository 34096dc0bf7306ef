/**
 * The answer to "what holds, when, and why" in the shape `dealsim simulate --json` prints: every
 * term with its intervals, the AGI process, findings and ledger, and with `at` the terms holding
 * on that day. Plain data, stable field names: other tools read it.
 */
import type { Assumptions } from '../domain/assumptions.ts';
import type { ClauseId, SourceId } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { EventStatus } from '../domain/events.ts';
import type { Ledger } from '../domain/ledger.ts';
import { TERM_IDS, TERMS, type TermId } from '../domain/terms.ts';
import type { HistoryUsed } from '../history/history.ts';
import type { AgiStatus } from './engine.ts';
import type { Citation, MissingFact, Outcome, Verdict } from './findings.ts';
import { describeCause, intervalOn } from './intervals.ts';
import type { Replayed } from './replay.ts';

/** One interval of a term in `--json` output, with what ended it. */
export interface IntervalJson {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  /** `line 4: panel.verified`, `calendar 2031-01-01: sunset (through 2030)`; null while open. */
  readonly endedBy: string | null;
  readonly endedByLine: number | null;
  /** `history` (or the history file) when the line that ended it is the history's; else null. */
  readonly endedByOrigin: string | null;
}

/** One term in `--json` output: holder, kind, clauses and its intervals. */
export interface TermJson {
  readonly id: TermId;
  readonly holder: string;
  readonly kind: string;
  /** A clause of C0–C12, or the source that alone supports the term (S4). */
  readonly clause: ClauseId | SourceId;
  readonly clauses: readonly ClauseId[];
  readonly intervals: readonly IntervalJson[];
}

/** One finding in `--json` output. */
export interface FindingJson {
  readonly line: number;
  /** The history the line belongs to; null for the user's own file. */
  readonly origin: string | null;
  readonly date: IsoDate;
  readonly type: string;
  readonly verdict: Verdict;
  readonly clause: Citation;
  readonly reason: string;
  readonly status: EventStatus;
  readonly source: string | null;
  /** With `undetermined`: the facts the event leaves out, and the finding under each value. */
  readonly missingFacts?: readonly MissingFact[];
  readonly outcomes?: readonly Outcome[];
}

/** The fields a finding's JSON is made of, as the replay and the lean fold both report them. */
export type FindingFields = Pick<FindingJson, 'line' | 'date' | 'type' | 'verdict' | 'clause' | 'reason' | 'status'> & {
  readonly origin?: string | undefined;
  readonly source?: string | undefined;
  readonly missingFacts?: readonly MissingFact[] | undefined;
  readonly outcomes?: readonly Outcome[] | undefined;
};

/** A finding as `--json` gives it (absent origin and source as null; openness only when undetermined). */
export function findingJson(finding: FindingFields): FindingJson {
  const { line, origin, date, type, verdict, clause, reason, status, source, missingFacts, outcomes } = finding;
  return {
    line,
    origin: origin ?? null,
    date,
    type,
    verdict,
    clause,
    reason,
    status,
    source: source ?? null,
    ...(missingFacts && { missingFacts }),
    ...(outcomes && { outcomes }),
  };
}

/** Every term with its holder, kind, clauses and intervals, as `--json` gives them. */
export function termsJson(timelines: Replayed['timelines']): TermJson[] {
  return TERM_IDS.map((id) => ({
    id,
    holder: TERMS[id].holder,
    kind: TERMS[id].kind,
    clause: TERMS[id].clause,
    clauses: TERMS[id].clauses,
    intervals: timelines[id].map((interval) => ({
      from: interval.from,
      until: interval.until,
      endedBy: interval.endedBy && describeCause(interval.endedBy),
      endedByLine: interval.endedBy?.line ?? null,
      endedByOrigin: interval.endedBy?.origin ?? null,
    })),
  }));
}

/**
 * The answer of `dealsim simulate --json`: the history and assumptions used, the AGI process, every
 * term's intervals, the findings, the ledger and, with a date, the terms holding on it.
 */
export interface SimulationJson {
  /** The history the future was replayed after, and up to which date (absent from library calls without one). */
  readonly history?: HistoryUsed;
  readonly assume: Assumptions;
  readonly agi: {
    readonly status: AgiStatus;
    readonly declaredOn: IsoDate | null;
    readonly verifiedOn: IsoDate | null;
    readonly rejectedOn: IsoDate | null;
    readonly lapsedOn: IsoDate | null;
  };
  readonly amendments: readonly string[];
  readonly terms: readonly TermJson[];
  readonly findings: readonly FindingJson[];
  readonly ledger: Ledger;
  readonly at?: IsoDate;
  readonly holding?: readonly TermId[];
}

/** The terms holding on `date` in a replayed future. */
export function holdingOn(replayed: Replayed, date: IsoDate): TermId[] {
  return TERM_IDS.filter((term) => intervalOn(replayed.timelines[term], date) !== undefined);
}

/** The JSON answer for a replayed future; `history` says which history it branched from. */
export function toSimulationJson(replayed: Replayed, at?: IsoDate, history?: HistoryUsed): SimulationJson {
  const { context } = replayed;
  return {
    ...(history !== undefined && { history }),
    assume: context.assumptions,
    agi: { status: replayed.agi, ...context.agi },
    amendments: context.applied,
    terms: termsJson(replayed.timelines),
    findings: replayed.findings.map(findingJson),
    ledger: context.ledger,
    ...(at !== undefined && { at, holding: holdingOn(replayed, at) }),
  };
}

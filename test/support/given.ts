/**
 * Given/when/then for clause tests: given plain events (and assumptions), when the real replay
 * folds them (whole, or as of a date), then term intervals, holding terms, findings or the error.
 * Events go through the log parser, so every case is a log the CLI would accept line for line.
 */
import { expect } from 'vitest';
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { Ledger } from '../../src/domain/ledger.ts';
import type { TermId } from '../../src/domain/terms.ts';
import { type LoggedEvent, parseLog } from '../../src/log/parse.ts';
import type { AgiStatus } from '../../src/replay/engine.ts';
import type { Finding, Verdict } from '../../src/replay/findings.ts';
import { describeCause } from '../../src/replay/intervals.ts';
import { type Replayed, replay } from '../../src/replay/replay.ts';
import { holdingOn } from '../../src/replay/report.ts';

/** An event as a person writes it in a log line. */
export interface PlainEvent {
  readonly type: string;
  readonly date: string;
  readonly [field: string]: unknown;
}

/** `[from, until)` with `until: null` for an open end. */
export type Span = readonly [from: string, until: string | null];

/** The file name the given logs are parsed as, so errors read like the CLI's. */
export const GIVEN_FILE = 'given.jsonl';

/** The events as a log: one JSON line each, numbered from 1, validated by the real parser. */
export function logOf(events: readonly PlainEvent[]): LoggedEvent[] {
  const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
  return parseLog(text, GIVEN_FILE);
}

export interface When {
  /** The same events read under these assumptions (the rest keep their defaults). */
  assuming(assumptions: Partial<Assumptions>): When;
  /** Replays the whole future. */
  whenReplayed(): Then;
  /** Replays with only the events dated up to `date`, as `simulate --at DATE` does. */
  whenReplayedAt(date: string): Then;
  /** Replays (whole, or as of `at`) and expects the future to be refused; returns the error. */
  whenRefused(at?: string): InputError;
}

export interface Then {
  readonly replayed: Replayed;
  readonly agi: AgiStatus;
  readonly ledger: Ledger;
  /** The term's intervals as `[from, until)` pairs. */
  intervals(term: TermId): Span[];
  /** What ended each closed interval of the term: `line 3: panel.verified`, `calendar …`. */
  endedBy(term: TermId): (string | null)[];
  holds(term: TermId, date: string): boolean;
  holdingOn(date: string): TermId[];
  /** Every finding as `[line, verdict, clause]`. */
  verdicts(): [number, Verdict, string][];
  /** The findings of one line, in order. */
  findingsOf(line: number): Finding[];
  /** The only finding of `line` with `verdict` (fails the test if there is not exactly one). */
  finding(line: number, verdict?: Verdict): Finding;
}

/** Starts a case from plain events; line numbers follow their order. */
export function given(...events: PlainEvent[]): When {
  return scenario(events, DEFAULT_ASSUMPTIONS);
}

function scenario(events: readonly PlainEvent[], assumptions: Assumptions): When {
  const run = (until?: string) =>
    thenOf(replay(logOf(events), { assumptions }, until === undefined ? {} : { until: until as IsoDate }));
  return {
    assuming: (more) => scenario(events, { ...assumptions, ...more }),
    whenReplayed: () => run(),
    whenReplayedAt: (date) => run(date),
    whenRefused: (at) => {
      try {
        run(at);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return error as InputError;
      }
      return expect.fail('expected the future to be refused with an InputError, but it replayed');
    },
  };
}

function thenOf(replayed: Replayed): Then {
  const findingsOf = (line: number) => replayed.findings.filter((finding) => finding.line === line);
  return {
    replayed,
    agi: replayed.agi,
    ledger: replayed.context.ledger,
    intervals: (term) => replayed.timelines[term].map(({ from, until }) => [from, until] as const),
    endedBy: (term) => replayed.timelines[term].map(({ endedBy }) => endedBy && describeCause(endedBy)),
    holds: (term, date) => holdingOn(replayed, date as IsoDate).includes(term),
    holdingOn: (date) => holdingOn(replayed, date as IsoDate),
    verdicts: () => replayed.findings.map(({ line, verdict, clause }) => [line, verdict, clause]),
    findingsOf,
    finding: (line, verdict) => {
      const matching = findingsOf(line).filter((finding) => verdict === undefined || finding.verdict === verdict);
      expect(matching, `findings of line ${line}${verdict ? ` with verdict ${verdict}` : ''}`).toHaveLength(1);
      return matching[0] as Finding;
    },
  };
}

// Shorthands for the events most cases need; anything else is written as a plain object.

/** C2: OpenAI declares AGI. */
export const declared = (date: string): PlainEvent => ({ type: 'agi.declared', date });
/** C2: the panel verifies the pending declaration. */
export const verified = (date: string): PlainEvent => ({ type: 'panel.verified', date });
/** C2: the panel rejects the pending declaration. */
export const rejected = (date: string): PlainEvent => ({ type: 'panel.rejected', date });
/** S3, S4: a built-in amendment applies from `date` (the 2026-04-27 one unless named). */
export const amended = (date: string, amendment = '2026-04-27'): PlainEvent => ({
  type: 'agreement.amended',
  date,
  amendment,
});
/** C6, C11: OpenAI launches a product. */
export const launched = (
  date: string,
  fields: {
    api: boolean;
    cloud: string;
    thirdParty?: string;
    customer?: string;
    name?: string;
    azureFirst?: boolean;
    stateful?: boolean;
    azureCannotSupport?: boolean;
    azureChoosesNotToSupport?: boolean;
  },
): PlainEvent => ({ type: 'product.launched', date, name: 'Product', ...fields });
/** C3, C4, C12: OpenAI releases a model. */
export const released = (
  date: string,
  fields: {
    name?: string;
    openWeights?: boolean;
    meetsCapabilityCriteria?: boolean;
    internalOnly?: boolean;
    postAgi?: boolean;
    safetyGuardrails?: boolean;
  } = {},
): PlainEvent => ({ type: 'model.released', date, name: 'Model', ...fields });
/** C7, C8: Microsoft trains a model of `computeFlop` FLOP. */
export const trainingRun = (date: string, computeFlop: number, usesOpenAiIp = true): PlainEvent => ({
  type: 'msft.training-run',
  date,
  usesOpenAiIp,
  computeFlop,
});
/** C10: OpenAI buys Azure services. */
export const purchased = (date: string, amountUsd: number): PlainEvent => ({
  type: 'azure.purchased',
  date,
  amountUsd,
});
/** C9: OpenAI recognises revenue. */
export const revenue = (date: string, amountUsd: number): PlainEvent => ({
  type: 'revenue.recognized',
  date,
  amountUsd,
});

/** The effective date of the agreement, where every term starts. */
export const START = '2025-10-28';

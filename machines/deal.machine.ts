/**
 * The partnership as an XState v5 statechart: the single source of truth for the lifecycle and
 * the terms. One parallel region runs the AGI process of C2, one tracks the agreement's
 * amendments, and one per term (CLAUSES.md, "Terms") says whether it holds. A holding state is
 * tagged with its term ID. No timers and no clock: calendar deadlines arrive as dated events
 * (`calendar.sunset`, `panel.lapsed`) that the replay delivers in date order.
 */
import { assign, setup } from 'xstate';
import {
  type AmendmentCatalog,
  amendmentById,
  amendmentEndsTerm,
  amendmentUnsuspends,
  applyAmendment,
  BUILT_IN_AMENDMENTS,
} from '../src/domain/amendments.ts';
import type { Assumptions } from '../src/domain/assumptions.ts';
import type { ClauseId } from '../src/domain/clauses.ts';
import type { IsoDate } from '../src/domain/dates.ts';
import type { DealEvent, LogEventOf } from '../src/domain/events.ts';
import {
  EMPTY_LEDGER,
  fulfilsCommitment,
  type Ledger,
  reachesCap,
  recordPurchase,
  recordRevenue,
  shareOf,
} from '../src/domain/ledger.ts';
import { baseRules, type Rules } from '../src/domain/rules.ts';
import type { TermId } from '../src/domain/terms.ts';

/** What a state means, for diagrams, explanations and coverage. */
export interface StateMeta {
  readonly clause: ClauseId | `S${number}`;
  readonly description: string;
}

/** Dates of the AGI process (C2); `declaredOn` is the latest declaration. */
export interface AgiRecord {
  readonly declaredOn: IsoDate | null;
  readonly verifiedOn: IsoDate | null;
  readonly rejectedOn: IsoDate | null;
  /** Set when the latest ruling was a lapse under `panel-deadline-days`, rather than a rejection. */
  readonly lapsedOn: IsoDate | null;
}

/**
 * The statechart's context: the readings, the rules in force, the AGI process and the ledger, as
 * replayed so far.
 */
export interface DealContext {
  readonly assumptions: Assumptions;
  /** The rules in force: base terms plus the amendments applied so far. */
  readonly rules: Rules;
  /** The amendments a log may apply: the built-in ones and any the user supplies. */
  readonly amendments: AmendmentCatalog;
  readonly applied: readonly string[];
  readonly agi: AgiRecord;
  readonly ledger: Ledger;
}

/**
 * What a replay starts from: the assumptions (readings of ambiguous clauses) and, optionally, a
 * catalogue of amendments beyond the built-in ones.
 */
export interface DealInput {
  readonly assumptions: Assumptions;
  readonly amendments?: AmendmentCatalog;
}

type TermParams = { readonly term: TermId };
type EventOf<T extends DealEvent['type']> = Extract<DealEvent, { type: T }>;

const dealSetup = setup({
  types: {
    context: {} as DealContext,
    events: {} as DealEvent,
    input: {} as DealInput,
    tags: {} as TermId,
    meta: {} as StateMeta,
  },
  guards: {
    /** The term's rule says verification ends it (C1, C4, C8, C9; S4 unties the revenue share). */
    endsOnVerification: ({ context }, { term }: TermParams) => context.rules.terms[term].endsOnVerification,
    /** The term's rule says a pending declaration suspends it (assumption readings of C1, C8). */
    suspendsOnDeclaration: ({ context }, { term }: TermParams) => context.rules.terms[term].suspendsOnDeclaration,
    /** The term's rule says a declaration ends it for good (C8 read as compute-cap-lifts=first-declaration). */
    endsOnDeclaration: ({ context }, { term }: TermParams) => context.rules.terms[term].endsOnDeclaration,
    /** The calendar reached this term's sunset. */
    isOwnSunset: ({ event }, { term }: TermParams) => event.type === 'calendar.sunset' && event.term === term,
    /** The amendment being applied ends this term (S4), or caps it at an amount already reached. */
    amendmentEnds: ({ context, event }, { term }: TermParams) => {
      const amendment =
        event.type === 'agreement.amended' ? amendmentById(context.amendments, event.amendment) : undefined;
      return (
        amendment !== undefined && amendmentEndsTerm(amendment, event.date, context.assumptions, context.ledger, term)
      );
    },
    /** The amendment being applied stops declarations suspending this term (S4 under s4-agi-clause=removed). */
    amendmentUnsuspends: ({ context, event }, { term }: TermParams) => {
      const amendment =
        event.type === 'agreement.amended' ? amendmentById(context.amendments, event.amendment) : undefined;
      return amendment !== undefined && amendmentUnsuspends(amendment, context.assumptions, term);
    },
    /** C2 with assumption after-rejection: OpenAI may declare again after a rejection. */
    mayRedeclare: ({ context }) => context.assumptions['after-rejection'] === 'redeclare',
    /** C10: this purchase brings the total to $250B. */
    fulfilsCommitment: ({ context, event }) =>
      event.type === 'azure.purchased' && fulfilsCommitment(context.ledger, event.amountUsd),
    /** S4 with assumption revenue-share-cap-usd: this revenue brings the accrued share to the cap. */
    capReached: ({ context, event }) => {
      const cap = context.rules.terms['revenue-share'].capUsd;
      if (event.type !== 'revenue.recognized' || cap === null) return false;
      return reachesCap(context.ledger, event.amountUsd, context.assumptions['revenue-share-rate'], cap);
    },
  },
  actions: {
    recordDeclaration: assign({
      agi: ({ context, event }) => ({ ...context.agi, declaredOn: event.date }),
    }),
    recordVerification: assign({ agi: ({ context, event }) => ({ ...context.agi, verifiedOn: event.date }) }),
    recordRejection: assign({
      agi: ({ context, event }) => ({ ...context.agi, rejectedOn: event.date, lapsedOn: null }),
    }),
    recordLapse: assign({
      agi: ({ context, event }) => ({ ...context.agi, rejectedOn: event.date, lapsedOn: event.date }),
    }),
    applyAmendment: assign(({ context, event }) => {
      const id = (event as EventOf<'agreement.amended'>).amendment;
      const amendment = amendmentById(context.amendments, id);
      if (!amendment) return {};
      return {
        rules: applyAmendment(context.rules, amendment, context.assumptions, context.ledger),
        applied: [...context.applied, id],
      };
    }),
    recordPurchase: assign({
      ledger: ({ context, event }) => recordPurchase(context.ledger, (event as EventOf<'azure.purchased'>).amountUsd),
    }),
    /** C9: accrue the share while the revenue share holds, never past a cap. */
    accrueRevenue: assign({
      ledger: ({ context, event }) => {
        const { amountUsd } = event as LogEventOf<'revenue.recognized'>;
        const cap = context.rules.terms['revenue-share'].capUsd;
        const share = shareOf(context.ledger, amountUsd, context.assumptions['revenue-share-rate'], cap);
        return recordRevenue(context.ledger, amountUsd, share);
      },
    }),
    recordRevenueOnly: assign({
      ledger: ({ context, event }) =>
        recordRevenue(context.ledger, (event as EventOf<'revenue.recognized'>).amountUsd, 0),
    }),
  },
});

interface RegionText {
  readonly clause: StateMeta['clause'];
  readonly holding: string;
  readonly ended: string;
  /** For terms a pending declaration can suspend: the state's name and meaning. */
  readonly suspended?: { readonly name: 'suspended' | 'lifted'; readonly description: string };
  /** For terms a reading lets the first declaration end for good (C8, compute-cap-lifts=first-declaration). */
  readonly endsOnDeclaration?: true;
  /** What the term's own conduct events do while it holds and after it ended. */
  readonly holdingOn?: object;
  readonly endedOn?: object;
  readonly endedName?: 'ended' | 'fulfilled';
}

/**
 * One term's region. Every term can end by its calendar sunset and by an amendment, and by
 * verification when its rule says so: the dates and flags live in `context.rules`, so an
 * amendment re-times a term without changing the chart.
 */
function termRegion(term: TermId, text: RegionText) {
  const params = { term };
  const ended = text.endedName ?? 'ended';
  const endings = {
    'panel.verified': { target: ended, guard: { type: 'endsOnVerification', params } },
    'calendar.sunset': { target: ended, guard: { type: 'isOwnSunset', params } },
    'agreement.amended': { target: ended, guard: { type: 'amendmentEnds', params } },
  } as const;
  const suspended = text.suspended;
  return dealSetup.createStateConfig({
    initial: 'holding',
    states: {
      holding: {
        tags: [term],
        meta: { clause: text.clause, description: text.holding },
        on: {
          ...endings,
          ...(suspended && {
            'agi.declared': [
              ...(text.endsOnDeclaration ? [{ target: ended, guard: { type: 'endsOnDeclaration', params } }] : []),
              { target: suspended.name, guard: { type: 'suspendsOnDeclaration', params } },
            ],
          }),
          ...text.holdingOn,
        },
      },
      ...(suspended && {
        [suspended.name]: {
          meta: { clause: text.clause, description: suspended.description },
          on: {
            ...endings,
            'panel.verified': [{ target: ended, guard: { type: 'endsOnVerification', params } }, { target: 'holding' }],
            'agreement.amended': [
              { target: ended, guard: { type: 'amendmentEnds', params } },
              { target: 'holding', guard: { type: 'amendmentUnsuspends', params } },
            ],
            'panel.rejected': { target: 'holding' },
            'panel.lapsed': { target: 'holding' },
          },
        },
      }),
      [ended]: {
        meta: { clause: text.clause, description: text.ended },
        ...(text.endedOn && { on: text.endedOn }),
      },
    },
  } as never);
}

/** The statechart of the partnership agreement of 2025-10-28. */
export const dealMachine = dealSetup.createMachine({
  id: 'deal',
  type: 'parallel',
  context: ({ input }) => ({
    assumptions: input.assumptions,
    rules: baseRules(input.assumptions),
    amendments: input.amendments ?? BUILT_IN_AMENDMENTS,
    applied: [],
    agi: { declaredOn: null, verifiedOn: null, rejectedOn: null, lapsedOn: null },
    ledger: EMPTY_LEDGER,
  }),
  states: {
    /** C2: OpenAI declares, an independent expert panel verifies or rejects. */
    agi: {
      initial: 'none',
      states: {
        none: {
          meta: { clause: 'C2', description: 'No AGI declaration has been made.' },
          on: { 'agi.declared': { target: 'pending', actions: 'recordDeclaration' } },
        },
        pending: {
          meta: { clause: 'C2', description: 'OpenAI has declared AGI; the expert panel has not ruled.' },
          on: {
            'panel.verified': { target: 'verified', actions: 'recordVerification' },
            'panel.rejected': { target: 'rejected', actions: 'recordRejection' },
            'panel.lapsed': { target: 'rejected', actions: 'recordLapse' },
          },
        },
        verified: {
          meta: { clause: 'C2', description: 'The expert panel has verified AGI: post-AGI.' },
        },
        rejected: {
          meta: { clause: 'C2', description: 'The panel rejected the declaration, or it lapsed unruled.' },
          on: { 'agi.declared': { target: 'pending', guard: 'mayRedeclare', actions: 'recordDeclaration' } },
        },
      },
    },
    /** S3, S4: amendments apply dated overlays on the rules. */
    agreement: {
      initial: 'as-signed',
      states: {
        'as-signed': {
          meta: { clause: 'C0', description: 'The terms of the definitive agreement of 2025-10-28 (S1).' },
          on: { 'agreement.amended': { target: 'amended', actions: 'applyAmendment' } },
        },
        amended: {
          meta: { clause: 'S4', description: 'One or more amendments apply over the 2025 terms.' },
          on: { 'agreement.amended': { actions: 'applyAmendment' } },
        },
      },
    },
    'research-ip': termRegion('research-ip', {
      clause: 'C4',
      holding: 'Microsoft holds rights to OpenAI research IP.',
      ended: 'Research IP rights ended: AGI verified, or 2030 is over.',
    }),
    'model-product-ip': termRegion('model-product-ip', {
      clause: 'C3',
      holding: 'Microsoft holds IP rights to models and products, post-AGI ones included.',
      ended: 'Model and product IP rights ended with 2032.',
    }),
    'ip-exclusivity': termRegion('ip-exclusivity', {
      clause: 'C1',
      holding: 'Microsoft’s IP rights are exclusive.',
      ended: 'Exclusivity ended: AGI verified, or the license became non-exclusive (S4).',
      suspended: { name: 'suspended', description: 'Exclusivity suspended while a declaration is pending.' },
    }),
    'azure-api-exclusivity': termRegion('azure-api-exclusivity', {
      clause: 'C1',
      holding: 'OpenAI API products are served only on Azure.',
      ended: 'Azure API exclusivity ended: AGI verified, or the 2026-04-27 amendment (S4).',
      suspended: { name: 'suspended', description: 'Azure API exclusivity suspended while a declaration is pending.' },
    }),
    'revenue-share': termRegion('revenue-share', {
      clause: 'C9',
      holding: 'OpenAI shares revenue with Microsoft.',
      ended: 'The revenue share ended: AGI verified, or (after S4) 2030 is over or the cap is reached.',
      holdingOn: {
        'revenue.recognized': [
          { target: 'ended', guard: 'capReached', actions: 'accrueRevenue' },
          { actions: 'accrueRevenue' },
        ],
      },
      endedOn: { 'revenue.recognized': { actions: 'recordRevenueOnly' } },
    }),
    'revenue-share-to-openai': termRegion('revenue-share-to-openai', {
      clause: 'S4',
      holding: 'Microsoft pays OpenAI a revenue share.',
      ended: 'Microsoft no longer pays OpenAI a revenue share (S4).',
    }),
    'compute-threshold': termRegion('compute-threshold', {
      clause: 'C8',
      holding: 'Microsoft AGI work with OpenAI IP is capped by the compute threshold.',
      ended: 'The compute cap is gone for good: AGI verified (or declared, under compute-cap-lifts=first-declaration).',
      suspended: { name: 'lifted', description: 'The compute cap is lifted while a declaration is pending.' },
      endsOnDeclaration: true,
    }),
    'azure-commitment': termRegion('azure-commitment', {
      clause: 'C10',
      holding: 'OpenAI still owes purchases toward the incremental $250B of Azure services.',
      ended: 'OpenAI has bought $250B of Azure services.',
      endedName: 'fulfilled',
      holdingOn: {
        'azure.purchased': [
          { target: 'fulfilled', guard: 'fulfilsCommitment', actions: 'recordPurchase' },
          { actions: 'recordPurchase' },
        ],
      },
      endedOn: { 'azure.purchased': { actions: 'recordPurchase' } },
    }),
  },
});

export type DealMachine = typeof dealMachine;

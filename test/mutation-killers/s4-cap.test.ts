/**
 * C9 under S4 (the 2026-04-27 amendment): the amendment caps the revenue share at
 * revenue-share-cap-usd, so a share that has already accrued the cap ends on the amendment's date.
 * Pinned at the boundary accrued = cap, one dollar either side, and for overlays that leave the
 * cap alone or lift it (`capUsd: null`).
 */
import { describe, expect, it } from 'vitest';
import {
  type Amendment,
  amendmentEndsTerm,
  amendmentsOf,
  amendmentUnsuspends,
  applyAmendment,
  BUILT_IN_AMENDMENTS,
  retimingsOf,
} from '../../src/domain/amendments.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { EMPTY_LEDGER, type Ledger } from '../../src/domain/ledger.ts';
import { baseRules } from '../../src/domain/rules.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { given } from '../support/given.ts';

const S4 = BUILT_IN_AMENDMENTS['2026-04-27'] as Amendment;
const S3 = BUILT_IN_AMENDMENTS['2026-02-27'] as Amendment;
/** The day S4 applies. */
const S4_DATE = '2026-04-27' as IsoDate;
const rules = baseRules(DEFAULT_ASSUMPTIONS);
const accrued = (usd: number): Ledger => ({ ...EMPTY_LEDGER, revenueShareAccruedUsd: usd });
const withCap = (cap: number) => ({ ...DEFAULT_ASSUMPTIONS, 'revenue-share-cap-usd': cap });

const revenue = (date: string, amountUsd: number) => ({ type: 'revenue.recognized', date, amountUsd });
const s4 = { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' };

/** A user overlay that lifts the revenue share's cap (`capUsd: null`). */
const LIFTS_THE_CAP: Amendment = {
  id: 'lift',
  title: 'no cap',
  source: 'hypothetical',
  summary: 'lifts the cap',
  retime: { 'revenue-share': { capUsd: null } },
};

describe('C9 revenue share under S4: the cap reached before the amendment', () => {
  it('ends the share when the accrued total equals the cap exactly, not when it is a dollar short', () => {
    const cap = 4e9;
    expect(amendmentEndsTerm(S4, S4_DATE, withCap(cap), accrued(cap), 'revenue-share')).toBe(true);
    expect(amendmentEndsTerm(S4, S4_DATE, withCap(cap), accrued(cap + 1), 'revenue-share')).toBe(true);
    expect(amendmentEndsTerm(S4, S4_DATE, withCap(cap), accrued(cap - 1), 'revenue-share')).toBe(false);
    expect(amendmentEndsTerm(S4, S4_DATE, withCap(cap), EMPTY_LEDGER, 'revenue-share')).toBe(false);
  });

  it('ends it on 2026-04-27 in a replay where 20% of the revenue is exactly the assumed cap', () => {
    // $20B of revenue at 20% accrues exactly $4B before the amendment.
    const at = (cap: number) =>
      given(revenue('2026-01-15', 20e9), s4, revenue('2026-06-01', 20e9))
        .assuming({ 'revenue-share-cap-usd': cap })
        .whenReplayed();
    const exactly = at(4e9);
    expect(exactly.ledger.revenueShareAccruedUsd).toBe(4e9);
    expect(exactly.intervals('revenue-share')).toEqual([['2025-10-28', '2026-04-27']]);
    expect(exactly.endedBy('revenue-share')).toEqual(['line 2: agreement.amended']);
    // A dollar more of cap: the share holds on and the June revenue accrues the last dollar.
    const short = at(4e9 + 1);
    expect(short.ledger.revenueShareAccruedUsd).toBe(4e9 + 1);
    expect(short.holds('revenue-share', '2026-04-27')).toBe(true);
    expect(short.holds('revenue-share', '2026-06-01')).toBe(false);
  });

  it('does not end a term the amendment neither names nor caps', () => {
    for (const term of TERM_IDS) {
      const named = (S4.ends ?? []).includes(term);
      expect(amendmentEndsTerm(S4, S4_DATE, withCap(1), accrued(1e12), term)).toBe(named || term === 'revenue-share');
      // S3 changes no term, whatever the ledger.
      expect(amendmentEndsTerm(S3, S4_DATE, withCap(1), accrued(1e12), term)).toBe(false);
    }
  });

  it('caps only the revenue share: a cap written on another term ends nothing', () => {
    const odd: Amendment = {
      id: 'odd',
      title: 'a cap on research IP',
      source: 'hypothetical',
      summary: 'caps research IP',
      retime: { 'research-ip': { capUsd: 5 } },
    };
    expect(amendmentEndsTerm(odd, S4_DATE, DEFAULT_ASSUMPTIONS, accrued(1e12), 'research-ip')).toBe(false);
  });

  it('reads a re-timing without a cap, or one lifting the cap, as no ending', () => {
    const lifted = LIFTS_THE_CAP;
    const resunset: Amendment = { ...lifted, retime: { 'revenue-share': { sunset: null } } };
    const fixed: Amendment = { ...lifted, retime: { 'revenue-share': { capUsd: 5 } } };
    for (const ledger of [EMPTY_LEDGER, accrued(1e12)]) {
      expect(amendmentEndsTerm(lifted, S4_DATE, DEFAULT_ASSUMPTIONS, ledger, 'revenue-share')).toBe(false);
      expect(amendmentEndsTerm(resunset, S4_DATE, DEFAULT_ASSUMPTIONS, ledger, 'revenue-share')).toBe(false);
    }
    // A fixed cap in the overlay counts, not the assumed one.
    expect(amendmentEndsTerm(fixed, S4_DATE, withCap(1e12), accrued(5), 'revenue-share')).toBe(true);
    expect(amendmentEndsTerm(fixed, S4_DATE, withCap(1), accrued(4), 'revenue-share')).toBe(false);
  });

  it('lists S4 among the amendments of the terms it ends or re-times, and S3 among none', () => {
    const applied = ['2026-02-27', '2026-04-27'];
    expect(amendmentsOf('revenue-share', applied, BUILT_IN_AMENDMENTS)).toEqual([S4]);
    expect(amendmentsOf('ip-exclusivity', applied, BUILT_IN_AMENDMENTS)).toEqual([S4]);
    expect(amendmentsOf('research-ip', applied, BUILT_IN_AMENDMENTS)).toEqual([]);
  });

  it('caps the share at the assumed cap of each future, even when futures share their base rules', () => {
    // applyAmendment remembers its answer per rules and amendment: a second future with another
    // assumed cap must not get the first one's rules.
    const shared = baseRules(DEFAULT_ASSUMPTIONS);
    const low = withCap(1e9);
    const high = withCap(2e9);
    expect(applyAmendment(shared, S4, low).terms['revenue-share'].capUsd).toBe(1e9);
    expect(applyAmendment(shared, S4, high).terms['revenue-share'].capUsd).toBe(2e9);
    expect(applyAmendment(shared, S4, low).terms['revenue-share'].capUsd).toBe(1e9);
    expect(applyAmendment(shared, S4, low)).toEqual(applyAmendment(baseRules(DEFAULT_ASSUMPTIONS), S4, low));
    expect(shared.terms['revenue-share'].capUsd).toBeNull();
  });
});

describe('S4 revenue-share-cap-counts=since-amendment: the cap counts from the amendment', () => {
  const sinceAmendment = { ...withCap(4e9), 'revenue-share-cap-counts': 'since-amendment' as const };
  const lifted = LIFTS_THE_CAP;

  it('stops the share at the cap above what had accrued on the amendment’s date, per ledger', () => {
    // The same rules, amendment and assumptions with two ledgers: the stop moves with the ledger.
    const shared = baseRules(DEFAULT_ASSUMPTIONS);
    expect(applyAmendment(shared, S4, sinceAmendment, accrued(1e9)).terms['revenue-share'].capUsd).toBe(5e9);
    expect(applyAmendment(shared, S4, sinceAmendment, accrued(3e9)).terms['revenue-share'].capUsd).toBe(7e9);
    expect(applyAmendment(shared, S4, sinceAmendment, accrued(1e9)).terms['revenue-share'].capUsd).toBe(5e9);
    // Under since-effective the ledger does not move the cap.
    expect(applyAmendment(shared, S4, withCap(4e9), accrued(3e9)).terms['revenue-share'].capUsd).toBe(4e9);
    // Nothing accrued since the amendment yet: a share already past 4e9 before it does not end.
    expect(amendmentEndsTerm(S4, S4_DATE, sinceAmendment, accrued(9e9), 'revenue-share')).toBe(false);
  });

  it('lifts the cap for an overlay with capUsd null, whatever had accrued', () => {
    for (const usd of [0, 4e9, 1e12]) {
      expect(applyAmendment(rules, lifted, sinceAmendment, accrued(usd)).terms['revenue-share'].capUsd).toBeNull();
      expect(amendmentEndsTerm(lifted, S4_DATE, sinceAmendment, accrued(usd), 'revenue-share')).toBe(false);
    }
  });

  it('leaves the cap alone for an overlay that re-times the share without a cap', () => {
    const resunset: Amendment = { ...lifted, retime: { 'revenue-share': { sunset: '2029-01-01' as IsoDate } } };
    const capped = applyAmendment(rules, S4, sinceAmendment, accrued(1e9));
    const after = applyAmendment(capped, resunset, sinceAmendment, accrued(2e9)).terms['revenue-share'];
    expect(after.capUsd).toBe(5e9);
    expect(after.sunset).toBe('2029-01-01');
  });
});

describe('S4 s4-agi-clause: which amendments untie the terms from AGI', () => {
  const removed = { ...DEFAULT_ASSUMPTIONS, 's4-agi-clause': 'removed' as const };

  it('under removed, S4 unties every term from every AGI event, ending on a declaration included', () => {
    // compute-cap-lifts=first-declaration makes the first declaration end the compute threshold (C8).
    const base = baseRules({ ...removed, 'compute-cap-lifts': 'first-declaration' });
    expect(base.terms['compute-threshold'].endsOnDeclaration).toBe(true);
    const after = applyAmendment(base, S4, removed);
    for (const term of TERM_IDS) {
      expect(after.terms[term], term).toMatchObject({
        endsOnVerification: false,
        suspendsOnDeclaration: false,
        endsOnDeclaration: false,
      });
    }
  });

  it('under removed, an amendment whose AGI clause is not in question (S3, a user overlay) unties nothing', () => {
    const overlay: Amendment = {
      id: 'later-sunset',
      title: 'a later sunset',
      source: 'hypothetical',
      summary: 'moves research IP’s sunset',
      retime: { 'research-ip': { sunset: '2032-01-01' as IsoDate } },
    };
    const base = baseRules(removed);
    expect(retimingsOf(S3, removed)).toEqual({});
    expect(retimingsOf(overlay, removed)).toEqual(overlay.retime);
    expect(applyAmendment(base, S3, removed).terms).toEqual(base.terms);
    const after = applyAmendment(base, overlay, removed);
    expect(after.terms['revenue-share'].endsOnVerification).toBe(true);
    expect(after.terms['research-ip']).toEqual({ ...base.terms['research-ip'], sunset: '2032-01-01' });
    for (const term of TERM_IDS) expect(amendmentUnsuspends(overlay, removed, term), term).toBe(false);
  });
});

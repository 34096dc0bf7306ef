/**
 * The readings of S3 and S4 as assumptions (CLAUSES.md, "Assumptions"): each value of
 * s3-first-party, stateful-api, s4-exception, s4-agi-clause and revenue-share-cap-counts, and the
 * cap named on the line that reaches it.
 */
import { describe, expect, it } from 'vitest';
import {
  amended,
  declared,
  given,
  launched,
  rejected,
  revenue,
  START,
  trainingRun,
  verified,
} from '../support/given.ts';

const S3 = amended('2026-02-27', '2026-02-27');
const S4 = amended('2026-04-27');

describe('S3 s3-first-party: whether first-party products stay on Azure', () => {
  const firstParty = launched('2026-03-01', { api: false, cloud: 'gcp' });

  it('restates (default): S3 changed no term, so a first-party non-API product off Azure is permitted (C6)', () => {
    expect(given(S3, firstParty).whenReplayed().finding(2)).toMatchObject({ verdict: 'permitted', clause: 'C6' });
  });

  it('azure-only: from S3’s date a first-party product off Azure is a breach of S3 while exclusivity holds', () => {
    const then = given(S3, firstParty).assuming({ 's3-first-party': 'azure-only' }).whenReplayed();
    expect(then.finding(2)).toMatchObject({ verdict: 'breach', clause: 'S3' });
    const thirdParty = launched('2026-03-01', { api: false, cloud: 'gcp', thirdParty: 'Amazon' });
    expect(given(S3, thirdParty).assuming({ 's3-first-party': 'azure-only' }).whenReplayed().finding(2).verdict).toBe(
      'permitted',
    );
  });
});

describe('S3 stateful-api: whether a stateful API product is inside Azure API exclusivity', () => {
  const stateful = launched('2026-01-15', { api: true, cloud: 'aws', thirdParty: 'Amazon', stateful: true });

  it('outside (default): judged like a non-API product from 2025-10-28, permitted off Azure (S3)', () => {
    expect(given(stateful).whenReplayed().finding(1)).toMatchObject({ verdict: 'permitted', clause: 'S3' });
  });

  it('inside: a breach of C6 off Azure while exclusivity holds, like any API product', () => {
    expect(given(stateful).assuming({ 'stateful-api': 'inside' }).whenReplayed().finding(1)).toMatchObject({
      verdict: 'breach',
      clause: 'C6',
    });
  });

  it('a launch without "stateful" is stateless: a breach either way', () => {
    const stateless = launched('2026-01-15', { api: true, cloud: 'aws', thirdParty: 'Amazon' });
    expect(given(stateless).whenReplayed().finding(1).verdict).toBe('breach');
  });
});

describe('S4 s4-exception: "cannot and chooses not to" support the product', () => {
  const onlyCannot = launched('2026-05-01', { api: true, cloud: 'aws', azureFirst: false, azureCannotSupport: true });

  it('cannot-and-chooses-not (default, the official wording): one fact alone is not the exception', () => {
    expect(given(S4, onlyCannot).whenReplayed().finding(2)).toMatchObject({ verdict: 'breach', clause: 'S4' });
  });

  it('cannot-or-chooses-not (the press wording): either fact suffices', () => {
    const then = given(S4, onlyCannot).assuming({ 's4-exception': 'cannot-or-chooses-not' }).whenReplayed();
    expect(then.finding(2)).toMatchObject({ verdict: 'permitted', clause: 'S4' });
    expect(then.finding(2).reason).toContain('cannot or chooses not to support');
  });
});

describe('S4 s4-agi-clause: which AGI triggers S4 removes', () => {
  const future = [S4, declared('2028-01-01'), verified('2028-06-01')];

  it('revenue-share-only (default, the official text): verification still ends research IP (C4)', () => {
    expect(
      given(...future)
        .whenReplayed()
        .intervals('research-ip'),
    ).toEqual([[START, '2028-06-01']]);
  });

  it('removed (R2): from S4’s date no AGI event ends or suspends any term', () => {
    const then = given(...future)
      .assuming({ 's4-agi-clause': 'removed' })
      .whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
    expect(then.intervals('compute-threshold')).toEqual([[START, null]]);
  });

  it('removed: a cap a pending declaration lifted before S4 holds again on S4’s date', () => {
    const then = given(declared('2026-03-01'), S4, rejected('2026-06-01'))
      .assuming({ 's4-agi-clause': 'removed' })
      .whenReplayed();
    expect(then.intervals('compute-threshold')).toEqual([
      [START, '2026-03-01'],
      ['2026-04-27', null],
    ]);
  });

  it('removed: before S4, AGI events still end terms as signed', () => {
    const then = given(declared('2026-01-01'), verified('2026-02-01'), S4)
      .assuming({ 's4-agi-clause': 'removed' })
      .whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2026-02-01']]);
  });
});

describe('C8 compute-cap-lifts=first-declaration', () => {
  it('the first declaration lifts the cap for good, whatever the panel rules', () => {
    const then = given(declared('2028-01-01'), rejected('2028-03-01'), trainingRun('2028-04-01', 1e29))
      .assuming({ 'compute-cap-lifts': 'first-declaration' })
      .whenReplayed();
    expect(then.intervals('compute-threshold')).toEqual([[START, '2028-01-01']]);
    expect(then.finding(3)).toMatchObject({ verdict: 'permitted', clause: 'C7' });
  });

  it('declaration (default) restores the cap on rejection', () => {
    const then = given(declared('2028-01-01'), rejected('2028-03-01')).whenReplayed();
    expect(then.intervals('compute-threshold')).toEqual([
      [START, '2028-01-01'],
      ['2028-03-01', null],
    ]);
  });
});

describe('S4 revenue-share-cap-counts and the cap named on the line that reaches it', () => {
  const future = [revenue('2026-03-31', 50e9), S4, revenue('2027-03-31', 100e9), revenue('2028-03-31', 100e9)];

  it('since-effective (default): the $10B accrued before S4 counts; the cap is reached on 2028-03-31', () => {
    const then = given(...future).whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(38e9);
    expect(then.intervals('revenue-share')).toEqual([[START, '2028-03-31']]);
    expect(then.finding(4)).toMatchObject({
      clause: 'S4',
      reason: '$8B accrues to Microsoft at 20%; $38B accrued in all: the S4 cap of $38B is reached',
    });
    expect(then.finding(3).reason).toBe('$20B accrues to Microsoft at 20%; $30B accrued in all');
  });

  it('since-amendment: only what accrues from S4 counts, so $38B more may accrue after the $10B', () => {
    const then = given(...future)
      .assuming({ 'revenue-share-cap-counts': 'since-amendment' })
      .whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(48e9);
    expect(then.finding(4).reason).toBe(
      '$18B accrues to Microsoft at 20%; $48B accrued in all: the S4 cap of $38B, counted from the amendment’s date, is reached',
    );
  });

  it('since-amendment: S4 never ends the share on its own date, however much accrued before it', () => {
    const then = given(revenue('2026-03-31', 500e9), S4)
      .assuming({ 'revenue-share-cap-counts': 'since-amendment' })
      .whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2031-01-01']]);
    const before = given(revenue('2026-03-31', 500e9), S4).whenReplayed();
    expect(before.intervals('revenue-share')).toEqual([[START, '2026-04-27']]);
  });
});

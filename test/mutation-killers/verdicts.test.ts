/**
 * Verdicts and ledger at their boundaries (C3–C12, S4): the exact threshold, the exact $250B,
 * the exact cap, and the reasons' figures, which say how much accrued and until when a model is
 * covered. Written for the mutants the clause tests left alive.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, fulfilsCommitment, recordPurchase, recordRevenue, shareOf } from '../../src/domain/ledger.ts';
import {
  amended,
  declared,
  given,
  launched,
  purchased,
  rejected,
  released,
  revenue,
  trainingRun,
  verified,
} from '../support/given.ts';

const reasonsOf = (then: ReturnType<ReturnType<typeof given>['whenReplayed']>) =>
  then.replayed.findings.map((finding) => [finding.line, finding.verdict, finding.clause, finding.reason]);

describe('C8 the compute threshold at its boundary', () => {
  it('a run of exactly the threshold is within it; one FLOP more is a breach while the cap holds', () => {
    const then = given(trainingRun('2027-01-01', 1e28), trainingRun('2027-01-02', 1.0000000001e28)).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C7'],
      [2, 'breach', 'C8'],
    ]);
    expect(then.replayed.findings[1]?.reason).toContain('exceeds the 1e28 FLOP threshold');
  });

  it('without OpenAI IP any run is permitted (C7), and so is one while the cap is lifted', () => {
    const then = given(
      trainingRun('2027-01-01', 1e30, false),
      declared('2028-01-01'),
      trainingRun('2028-01-02', 1e30),
      rejected('2028-02-01'),
      trainingRun('2028-02-01', 1e30),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C7'],
      [3, 'permitted', 'C7'],
      [5, 'breach', 'C8'],
    ]);
    expect(then.replayed.findings[1]?.reason).toContain('does not hold on 2028-01-02');
  });
});

describe('C9, C10 the ledger at its boundaries', () => {
  it('accrues the share and says how much, and nothing once the share ended', () => {
    const then = given(revenue('2027-01-01', 100e9), declared('2028-01-01'), verified('2028-01-01')).whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(20e9);
    const after = given(declared('2027-01-01'), verified('2027-06-01'), revenue('2027-07-01', 100e9)).whenReplayed();
    expect(after.ledger.revenueRecognizedUsd).toBe(100e9);
    expect(after.ledger.revenueShareAccruedUsd).toBe(0);
    expect(reasonsOf(after)).toEqual([
      [3, 'info', 'C9', 'the revenue share no longer holds: nothing accrues; $0 accrued in all'],
    ]);
    const twice = given(revenue('2027-01-01', 10e9), revenue('2027-02-01', 5e9)).whenReplayed();
    expect(twice.replayed.findings.map((finding) => finding.reason)).toEqual([
      '$2B accrues to Microsoft at 20%; $2B accrued in all',
      '$1B accrues to Microsoft at 20%; $3B accrued in all',
    ]);
  });

  it('after S4 the share stops at the cap exactly, and accrues only up to it', () => {
    const then = given(
      amended('2026-04-27'),
      revenue('2027-01-01', 150e9),
      revenue('2027-02-01', 50e9),
      revenue('2027-03-01', 1e9),
    )
      .assuming({ 'revenue-share-cap-usd': 38e9 })
      .whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(38e9);
    expect(then.intervals('revenue-share')).toEqual([['2025-10-28', '2027-02-01']]);
    const under = given(amended('2026-04-27'), revenue('2027-01-01', 189e9))
      .assuming({ 'revenue-share-cap-usd': 38e9 })
      .whenReplayed();
    expect(under.ledger.revenueShareAccruedUsd).toBeCloseTo(37.8e9);
    expect(under.intervals('revenue-share')).toEqual([['2025-10-28', '2031-01-01']]);
  });

  it('the commitment is fulfilled on the purchase that reaches $250B exactly, not before', () => {
    const then = given(
      purchased('2027-01-01', 100e9),
      purchased('2027-02-01', 149e9),
      purchased('2027-03-01', 1e9),
      purchased('2027-04-01', 5e9),
    ).whenReplayed();
    expect(then.intervals('azure-commitment')).toEqual([['2025-10-28', '2027-03-01']]);
    expect(then.ledger.azurePurchasedUsd).toBe(255e9);
    const reasons = then.replayed.findings.map((finding) => finding.reason);
    expect(reasons[1]).not.toContain('fulfilled');
    expect(reasons[2]).toContain('$250B of $250B bought: the commitment is fulfilled');
    expect(reasons[3]).toContain('$255B of $250B bought: the commitment is fulfilled');
  });

  it('ledger functions add, compare at the boundary and cap', () => {
    expect(fulfilsCommitment(EMPTY_LEDGER, 250e9)).toBe(true);
    expect(fulfilsCommitment(EMPTY_LEDGER, 249e9)).toBe(false);
    expect(fulfilsCommitment(recordPurchase(EMPTY_LEDGER, 1e9), 249e9)).toBe(true);
    expect(shareOf(EMPTY_LEDGER, 100, 0.2, null)).toBe(20);
    expect(shareOf(EMPTY_LEDGER, 100, 0.2, 15)).toBe(15);
    expect(shareOf(recordRevenue(EMPTY_LEDGER, 0, 15), 100, 0.2, 10)).toBe(0);
    expect(recordRevenue(EMPTY_LEDGER, 100, 20)).toMatchObject({
      revenueRecognizedUsd: 100,
      revenueShareAccruedUsd: 20,
    });
  });
});

describe('C3, C4 how long Microsoft’s rights cover a released model', () => {
  it('names the end of the covering rights, or says they ended', () => {
    const then = given(
      released('2027-01-01'),
      released('2027-01-02', { internalOnly: true }),
      declared('2028-01-01'),
      verified('2028-06-01'),
      released('2028-07-01', { internalOnly: true }),
      released('2033-02-01'),
    ).whenReplayed();
    expect(reasonsOf(then).map(([line, , clause, reason]) => [line, clause, reason])).toEqual([
      [1, 'C3', 'Microsoft’s model and product IP rights cover "Model" until 2033-01-01'],
      [2, 'C4', 'internal-only model "Model" is research IP: Microsoft’s rights cover it until 2028-06-01'],
      [5, 'C4', 'internal-only model "Model" is research IP, and Microsoft’s research-IP rights have ended'],
      [6, 'C3', 'Microsoft’s model and product IP rights have ended: "Model" is not covered'],
    ]);
  });

  it('a post-AGI model without guardrails is covered only under post-agi-without-guardrails=included', () => {
    const model = released('2029-01-01', { postAgi: true, safetyGuardrails: false });
    expect(given(model).whenReplayed().replayed.findings[0]?.reason).toContain('not covered');
    expect(
      given(model).assuming({ 'post-agi-without-guardrails': 'included' }).whenReplayed().replayed.findings[0]?.reason,
    ).toContain('cover "Model" until 2033-01-01');
    expect(
      given(released('2029-01-01', { postAgi: true, safetyGuardrails: true })).whenReplayed().replayed.findings[0]
        ?.reason,
    ).toContain('cover "Model" until');
  });

  it('C12 open weights: undetermined without the capability criteria, a breach when they are not met, permitted with them, before the C3 note', () => {
    const then = given(
      released('2027-01-01', { openWeights: true }),
      released('2027-01-02', { openWeights: true, meetsCapabilityCriteria: true }),
      released('2027-01-03', { meetsCapabilityCriteria: true }),
      released('2027-01-04', { openWeights: true, meetsCapabilityCriteria: false }),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'undetermined', 'C12'],
      [1, 'info', 'C3'],
      [2, 'permitted', 'C12'],
      [2, 'info', 'C3'],
      [3, 'info', 'C3'],
      [4, 'breach', 'C12'],
      [4, 'info', 'C3'],
    ]);
  });
});

describe('C6, C11, S4 product launches', () => {
  it('judges each kind of launch before and after the 2026-04-27 amendment', () => {
    const then = given(
      launched('2026-01-01', { api: true, cloud: 'azure' }),
      launched('2026-01-02', { api: true, cloud: 'aws', customer: 'us-natsec' }),
      launched('2026-01-03', { api: false, cloud: 'aws' }),
      launched('2026-01-04', { api: true, cloud: 'aws', thirdParty: 'Amazon' }),
      launched('2026-01-05', { api: true, cloud: 'aws', customer: 'enterprise' }),
      amended('2026-04-27'),
      launched('2026-05-01', { api: false, cloud: 'aws' }),
      { type: 'product.launched', date: '2026-05-02', name: 'Product', api: true, cloud: 'aws', azureFirst: true },
      {
        type: 'product.launched',
        date: '2026-05-03',
        name: 'Product',
        api: true,
        cloud: 'aws',
        azureCannotSupport: true,
        azureChoosesNotToSupport: true,
      },
      launched('2026-05-04', { api: true, cloud: 'azure' }),
      launched('2026-05-05', { api: true, cloud: 'gcp', customer: 'us-natsec' }),
      launched('2026-05-06', { api: true, cloud: 'aws', azureFirst: false }),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C6'],
      [2, 'permitted', 'C11'],
      [3, 'permitted', 'C6'],
      [4, 'breach', 'C6'],
      [5, 'breach', 'C6'],
      [6, 'info', 'S4'],
      [7, 'undetermined', 'S4'],
      [8, 'permitted', 'S4'],
      [9, 'permitted', 'S4'],
      [10, 'permitted', 'C6'],
      [11, 'permitted', 'C11'],
      [12, 'breach', 'S4'],
    ]);
    expect(then.replayed.findings[3]?.reason).toContain('(with Amazon)');
    expect(then.replayed.findings[4]?.reason).not.toContain('(with');
  });

  it('after verification an off-Azure API product is permitted under C1', () => {
    const then = given(
      declared('2028-01-01'),
      verified('2028-02-01'),
      launched('2028-03-01', { api: true, cloud: 'aws' }),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([[3, 'permitted', 'C1']]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { centsSumming } from '../support/cents.ts';
import { amended, declared, given, type PlainEvent, rejected, revenue, START, verified } from '../support/given.ts';

describe('S4 the 2026-04-27 amendment over the base terms', () => {
  it('ends both exclusivities and the revenue share to OpenAI on its date', () => {
    const then = given(amended('2026-04-27')).whenReplayed();
    for (const term of ['ip-exclusivity', 'azure-api-exclusivity', 'revenue-share-to-openai'] as const) {
      expect(then.intervals(term), term).toEqual([[START, '2026-04-27']]);
      expect(then.endedBy(term), term).toEqual(['line 1: agreement.amended']);
    }
  });

  it('leaves the revenue share to OpenAI holding with no end when it never applies', () => {
    expect(given().whenReplayed().intervals('revenue-share-to-openai')).toEqual([[START, null]]);
  });

  it('ends a suspended exclusivity for good: a later rejection does not restore it', () => {
    const then = given(declared('2026-03-01'), amended('2026-04-27'), rejected('2026-06-01'))
      .assuming({ 'agi-ends-exclusivity': 'declaration' })
      .whenReplayed();
    expect(then.intervals('ip-exclusivity')).toEqual([[START, '2026-03-01']]);
    expect(then.intervals('azure-api-exclusivity')).toEqual([[START, '2026-03-01']]);
  });

  it('runs the revenue share to 2031-01-01 when AGI is never verified', () => {
    const then = given(amended('2026-04-27')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2031-01-01']]);
    expect(then.endedBy('revenue-share')).toEqual(['calendar 2031-01-01: sunset (through 2030)']);
  });

  it('runs the revenue share to 2031-01-01 regardless of a later verification', () => {
    const then = given(amended('2026-04-27'), declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2031-01-01']]);
    expect(then.holds('revenue-share', '2030-12-31')).toBe(true);
  });

  it('runs the revenue share to 2031-01-01 even when verification comes later the same day', () => {
    const then = given(declared('2026-01-01'), amended('2026-04-27'), verified('2026-04-27')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2031-01-01']]);
  });

  it('keeps accruing the revenue share after verification, until 2031-01-01', () => {
    const then = given(
      amended('2026-04-27'),
      declared('2028-03-01'),
      verified('2028-09-01'),
      revenue('2029-01-01', 10e9),
      revenue('2031-01-01', 10e9),
    ).whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(2e9);
    expect(then.finding(5).reason).toContain('no longer holds');
  });

  it('stops the revenue share on the day the accrued total reaches revenue-share-cap-usd', () => {
    const then = given(
      amended('2026-04-27'),
      revenue('2027-01-01', 100e9),
      revenue('2028-01-01', 100e9),
      revenue('2029-01-01', 100e9),
    ).whenReplayed();
    expect(then.ledger).toMatchObject({ revenueRecognizedUsd: 300e9, revenueShareAccruedUsd: 38e9 });
    expect(then.intervals('revenue-share')).toEqual([[START, '2028-01-01']]);
    expect(then.endedBy('revenue-share')).toEqual(['line 3: revenue.recognized']);
    expect(then.finding(3)).toMatchObject({
      clause: 'S4',
      reason: '$18B accrues to Microsoft at 20%; $38B accrued in all: the S4 cap of $38B is reached',
    });
    expect(then.finding(2).reason).toBe('$20B accrues to Microsoft at 20%; $20B accrued in all');
    expect(then.finding(4).reason).toBe('the revenue share no longer holds: nothing accrues; $38B accrued in all');
  });

  it('follows an assumed revenue-share-cap-usd', () => {
    const then = given(amended('2026-04-27'), revenue('2027-01-01', 100e9))
      .assuming({ 'revenue-share-cap-usd': 5e9 })
      .whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBe(5e9);
    expect(then.intervals('revenue-share')).toEqual([[START, '2027-01-01']]);
  });

  it('stops the revenue share at a fractional cap that floating point cannot reach exactly', () => {
    // Regression: accrued + (cap - accrued) rounded to just under 5e9/3, so the share ran on to 2031.
    const then = given(amended('2026-04-27'), revenue('2027-01-01', 781396646.85), revenue('2028-01-01', 100e9))
      .assuming({ 'revenue-share-cap-usd': 5e9 / 3 })
      .whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2028-01-01']]);
    expect(then.ledger.revenueShareAccruedUsd).toBeCloseTo(5e9 / 3, 0);
  });

  it('books each line’s share in whole cents, so shares that add up to the cap reach it on that line, and a cent less does not', () => {
    // Revenue in whole cents whose 20% shares, each in whole cents, add up to exactly $38B
    // (floating point added three such shares to $37,999,999,999.99999 and missed the cap).
    fc.assert(
      fc.property(centsSumming(38e11, { maxPart: 1e12, maxParts: 5 }), ({ cents, short }) => {
        // A share of c cents comes from 5c cents of revenue at 20%.
        const lines = cents.map((c, i) => revenue(`2027-01-${String(i + 1).padStart(2, '0')}`, (5 * c) / 100));
        const then = given(amended('2026-04-27'), ...lines).whenReplayed();
        const lastLine = lines.length + 1;
        expect(then.ledger.revenueShareAccruedUsd).toBe(short ? 37_999_999_999.99 : 38e9);
        expect(then.intervals('revenue-share')).toEqual([[START, short ? '2031-01-01' : lines.at(-1)?.date]]);
        const reason = then.finding(lastLine).reason;
        if (short) expect(reason).toMatch(/; \$37,999,999,999\.99 accrued in all$/);
        else expect(reason).toMatch(/; \$38B accrued in all: the S4 cap of \$38B is reached$/);
      }),
      { numRuns: 200 },
    );
  });

  it('does not end the revenue share just below the cap', () => {
    const then = given(amended('2026-04-27'), revenue('2027-01-01', 189.95e9)).whenReplayed();
    expect(then.ledger.revenueShareAccruedUsd).toBeCloseTo(37.99e9, 0);
    expect(then.intervals('revenue-share')).toEqual([[START, '2031-01-01']]);
  });

  it('leaves research IP, model and product IP, and the compute threshold as they were', () => {
    const future = [declared('2028-03-01'), verified('2028-09-01')];
    const base = given(...future).whenReplayed();
    const then = given(amended('2026-04-27'), ...future).whenReplayed();
    for (const term of ['research-ip', 'model-product-ip', 'compute-threshold', 'azure-commitment'] as const) {
      expect(then.intervals(term), term).toEqual(base.intervals(term));
    }
    expect(then.intervals('research-ip')).toEqual([[START, '2028-09-01']]);
    expect(then.intervals('model-product-ip')).toEqual([[START, '2033-01-01']]);
  });

  it('gets an info finding citing its date', () => {
    const finding = given(amended('2026-04-27')).whenReplayed().finding(1);
    expect(finding).toMatchObject({ verdict: 'info', clause: 'S4' });
    expect(finding.reason).toContain('amendment 2026-04-27 applies from 2026-04-27');
  });

  describe('product launches after it (S4: Azure first)', () => {
    const launch = (fields: Record<string, unknown>): PlainEvent => ({
      type: 'product.launched',
      date: '2027-01-01',
      name: 'Product',
      api: true,
      cloud: 'aws',
      ...fields,
    });

    it('permits any product on any cloud that shipped first on Azure or that Microsoft cannot and chooses not to support', () => {
      const then = given(
        amended('2026-04-27'),
        launch({ azureFirst: true }),
        launch({ azureCannotSupport: true, azureChoosesNotToSupport: true }),
        launch({ api: false, azureFirst: true }),
      ).whenReplayed();
      expect(then.verdicts().slice(1)).toEqual([
        [2, 'permitted', 'S4'],
        [3, 'permitted', 'S4'],
        [4, 'permitted', 'S4'],
      ]);
    });

    it('is a breach of S4 off Azure for a product that did not ship first on Azure', () => {
      const finding = given(amended('2026-04-27'), launch({ azureFirst: false }))
        .whenReplayed()
        .finding(2);
      expect(finding).toMatchObject({ verdict: 'breach', clause: 'S4' });
      expect(finding.reason).toContain('did not ship first on Azure');
    });

    it('is undetermined off Azure when the launch does not say whether it shipped first on Azure', () => {
      const finding = given(amended('2026-04-27'), launch({})).whenReplayed().finding(2);
      expect(finding).toMatchObject({ verdict: 'undetermined', clause: 'S4', missingFacts: ['azureFirst'] });
      expect(finding.outcomes?.map(({ verdict }) => verdict)).toEqual(['permitted', 'breach']);
    });

    it('still permits national-security API access on any cloud (C11)', () => {
      const finding = given(amended('2026-04-27'), launch({ customer: 'us-natsec' }))
        .whenReplayed()
        .finding(2);
      expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C11' });
    });
  });
});

describe('S3 the 2026-02-27 clarification', () => {
  it('changes no term', () => {
    const future = [declared('2028-03-01'), rejected('2028-05-01'), revenue('2029-01-01', 10e9)];
    const base = given(...future).whenReplayed();
    const then = given(amended('2026-02-27', '2026-02-27'), ...future).whenReplayed();
    for (const term of TERM_IDS) expect(then.intervals(term), term).toEqual(base.intervals(term));
    expect(then.ledger).toEqual(base.ledger);
  });
});

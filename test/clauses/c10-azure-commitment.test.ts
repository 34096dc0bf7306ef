import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsSumming } from '../support/cents.ts';
import { declared, given, purchased, START, verified } from '../support/given.ts';

describe('C10 Azure commitment', () => {
  it('holds with no end while nothing is bought', () => {
    expect(given().whenReplayed().intervals('azure-commitment')).toEqual([[START, null]]);
  });

  it('is fulfilled on the day cumulative purchases reach exactly $250B', () => {
    const then = given(purchased('2027-01-01', 100e9), purchased('2029-06-01', 150e9)).whenReplayed();
    expect(then.intervals('azure-commitment')).toEqual([[START, '2029-06-01']]);
    expect(then.endedBy('azure-commitment')).toEqual(['line 2: azure.purchased']);
    expect(then.ledger.azurePurchasedUsd).toBe(250e9);
  });

  it('is fulfilled by the line whose purchase, in whole cents, makes exactly $250B, and not a cent short of it', () => {
    // Floating point added such amounts to $249,999,999,999.99997 and never fulfilled the commitment.
    fc.assert(
      fc.property(centsSumming(25e12, { maxPart: 1e13, maxParts: 6 }), ({ cents, short }) => {
        const lines = cents.map((c, i) => purchased(`2027-01-${String(i + 1).padStart(2, '0')}`, c / 100));
        const then = given(...lines).whenReplayed();
        expect(then.ledger.azurePurchasedUsd).toBe(short ? 249_999_999_999.99 : 250e9);
        expect(then.intervals('azure-commitment')).toEqual([[START, short ? null : lines.at(-1)?.date]]);
        expect(then.finding(lines.length).reason).toMatch(
          short
            ? /; \$249,999,999,999\.99 of \$250B bought$/
            : /; \$250B of \$250B bought: the commitment is fulfilled$/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('says each purchase as booked, to the cent: never rounded up to the $250B it does not reach', () => {
    const then = given(purchased('2027-01-01', 249_999_999_999.99), purchased('2027-02-01', 0.004)).whenReplayed();
    expect(then.finding(1).reason).toBe(
      '$249,999,999,999.99 of Azure services counts toward the commitment; $249,999,999,999.99 of $250B bought',
    );
    // A fraction of a cent books nothing, and says so.
    expect(then.finding(2).reason).toMatch(/^\$0 of Azure services counts toward the commitment; /);
    expect(given(purchased('2027-01-01', 1.25e6)).whenReplayed().finding(1).reason).toMatch(/^\$1\.25M of Azure/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25e12 }), (cents) => {
        const reason = given(purchased('2027-01-01', cents / 100))
          .whenReplayed()
          .finding(1).reason;
        const shown = /^\$([\d,.]+)([KMBT]?) of Azure/.exec(reason) as RegExpExecArray;
        const unit = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[shown[2] as ''] as number;
        expect(Math.round(Number((shown[1] as string).replaceAll(',', '')) * unit * 100)).toBe(cents);
      }),
      { numRuns: 300 },
    );
  });

  it('is not fulfilled at $249.99B', () => {
    const then = given(purchased('2027-01-01', 100e9), purchased('2029-06-01', 149.99e9)).whenReplayed();
    expect(then.ledger.azurePurchasedUsd).toBe(249.99e9);
    expect(then.intervals('azure-commitment')).toEqual([[START, null]]);
  });

  it('is fulfilled by the purchase that takes $249.99B past $250B', () => {
    const then = given(purchased('2027-01-01', 249.99e9), purchased('2030-01-01', 1e9)).whenReplayed();
    expect(then.intervals('azure-commitment')).toEqual([[START, '2030-01-01']]);
  });

  it('is fulfilled by one purchase of $250B', () => {
    expect(given(purchased('2028-01-01', 250e9)).whenReplayed().intervals('azure-commitment')).toEqual([
      [START, '2028-01-01'],
    ]);
  });

  it('never holds when fulfilled on the effective date', () => {
    expect(given(purchased(START, 300e9)).whenReplayed().intervals('azure-commitment')).toEqual([]);
  });

  it('is not ended by AGI', () => {
    const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('azure-commitment')).toEqual([[START, null]]);
  });

  it('reports the running total with every azure.purchased (info)', () => {
    const then = given(
      purchased('2027-01-01', 100e9),
      purchased('2028-01-01', 149.99e9),
      purchased('2029-01-01', 0.01e9),
      purchased('2030-01-01', 50e9),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'info', 'C10'],
      [2, 'info', 'C10'],
      [3, 'info', 'C10'],
      [4, 'info', 'C10'],
    ]);
    expect(then.finding(1).reason).toBe('$100B of Azure services counts toward the commitment; $100B of $250B bought');
    expect(then.finding(2).reason).toBe(
      '$149.99B of Azure services counts toward the commitment; $249.99B of $250B bought',
    );
    expect(then.finding(3).reason).toBe(
      '$10M of Azure services counts toward the commitment; $250B of $250B bought: the commitment is fulfilled',
    );
    expect(then.finding(4).reason).toContain('$300B of $250B bought: the commitment is fulfilled');
    expect(then.ledger.azurePurchasedUsd).toBe(300e9);
    expect(then.intervals('azure-commitment')).toEqual([[START, '2029-01-01']]);
  });
});

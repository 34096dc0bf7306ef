import { describe, expect, it } from 'vitest';
import { declared, given, rejected, revenue, START, verified } from '../support/given.ts';

describe('C9 revenue share', () => {
  it('never ends when the panel never verifies', () => {
    expect(given().whenReplayed().intervals('revenue-share')).toEqual([[START, null]]);
  });

  it('is not ended by a declaration alone, under either exclusivity reading', () => {
    for (const reading of ['verification', 'declaration'] as const) {
      const then = given(declared('2028-03-01')).assuming({ 'agi-ends-exclusivity': reading }).whenReplayed();
      expect(then.intervals('revenue-share')).toEqual([[START, null]]);
    }
  });

  it('is not ended or interrupted by a rejection, under either exclusivity reading', () => {
    for (const reading of ['verification', 'declaration'] as const) {
      const then = given(declared('2027-01-01'), rejected('2027-06-01'))
        .assuming({ 'agi-ends-exclusivity': reading, 'compute-cap-lifts': 'declaration' })
        .whenReplayed();
      expect(then.intervals('revenue-share')).toEqual([[START, null]]);
    }
  });

  it('is not ended by a lapse', () => {
    const then = given(declared('2028-01-01')).assuming({ 'panel-deadline-days': 30 }).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, null]]);
  });

  it('ends on the verification date', () => {
    const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2028-09-01']]);
    expect(then.endedBy('revenue-share')).toEqual(['line 2: panel.verified']);
  });

  it('is not ended by the 2030 or 2032 sunsets', () => {
    const then = given(declared('2033-06-01'), verified('2034-01-01')).whenReplayed();
    expect(then.intervals('revenue-share')).toEqual([[START, '2034-01-01']]);
  });

  describe('revenue.recognized', () => {
    it('accrues revenue-share-rate of the amount while the share holds', () => {
      const then = given(revenue('2027-01-01', 100e9), revenue('2028-01-01', 50e9)).whenReplayed();
      expect(then.ledger).toMatchObject({ revenueRecognizedUsd: 150e9, revenueShareAccruedUsd: 30e9 });
      expect(then.finding(1)).toMatchObject({ verdict: 'info', clause: 'C9' });
      expect(then.finding(1).reason).toBe('$20B accrues to Microsoft at 20%; $20B accrued in all');
      expect(then.finding(2).reason).toBe('$10B accrues to Microsoft at 20%; $30B accrued in all');
    });

    it('has no cap before the 2026-04-27 amendment', () => {
      const then = given(revenue('2027-01-01', 1000e9)).whenReplayed();
      expect(then.ledger.revenueShareAccruedUsd).toBe(200e9);
    });

    it('accrues at the assumed revenue-share-rate', () => {
      const then = given(revenue('2027-01-01', 100e9)).assuming({ 'revenue-share-rate': 0.1 }).whenReplayed();
      expect(then.ledger.revenueShareAccruedUsd).toBe(10e9);
      expect(then.finding(1).reason).toBe('$10B accrues to Microsoft at 10%; $10B accrued in all');
    });

    it('names a rate such as 0.07 or 0.29 as a plain percentage', () => {
      // Regression: the rate was printed as rate * 100, i.e. 7.000000000000001% and 28.999999999999996%.
      for (const [rate, percent] of [
        [0.07, '7%'],
        [0.29, '29%'],
        [0.125, '12.5%'],
      ] as const) {
        const then = given(revenue('2027-01-01', 100e9)).assuming({ 'revenue-share-rate': rate }).whenReplayed();
        expect(then.finding(1).reason).toContain(`at ${percent};`);
      }
    });

    it('says the share a line accrues as booked, to the cent, not rounded to three decimals of a unit', () => {
      const then = given(revenue('2027-01-01', 123_456_789.01)).whenReplayed();
      expect(then.finding(1).reason).toMatch(/^\$24,691,357\.80 accrues to Microsoft at 20%; /);
      expect(given(revenue('2027-01-01', 100e9)).whenReplayed().finding(1).reason).toMatch(/^\$20B accrues/);
    });

    it('keeps accruing while a declaration is pending', () => {
      const then = given(declared('2028-03-01'), revenue('2028-04-01', 100e9)).whenReplayed();
      expect(then.ledger.revenueShareAccruedUsd).toBe(20e9);
    });

    it('accrues nothing once verification has ended the share, but still counts the revenue', () => {
      const then = given(
        revenue('2027-01-01', 100e9),
        declared('2028-03-01'),
        verified('2028-09-01'),
        revenue('2028-09-01', 100e9),
      ).whenReplayed();
      expect(then.ledger).toMatchObject({ revenueRecognizedUsd: 200e9, revenueShareAccruedUsd: 20e9 });
      expect(then.finding(4)).toMatchObject({ verdict: 'info', clause: 'C9' });
      expect(then.finding(4).reason).toBe('the revenue share no longer holds: nothing accrues; $20B accrued in all');
    });

    it('accrues nothing on revenue of the day of verification, even on a line above it: the share does not hold that day', () => {
      const then = given(declared('2028-03-01'), revenue('2028-09-01', 100e9), verified('2028-09-01')).whenReplayed();
      expect(then.ledger).toMatchObject({ revenueRecognizedUsd: 100e9, revenueShareAccruedUsd: 0 });
      expect(then.holds('revenue-share', '2028-09-01')).toBe(false);
      const dayBefore = given(declared('2028-03-01'), revenue('2028-08-31', 100e9), verified('2028-09-01'));
      expect(dayBefore.whenReplayed().ledger.revenueShareAccruedUsd).toBe(20e9);
    });
  });
});

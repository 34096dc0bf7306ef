import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.ts';
import { toSimulationJson } from '../../src/replay/report.ts';
import { declared, given, launched, purchased, START, verified } from '../support/given.ts';

describe('simulate --at DATE (replay until a date)', () => {
  const future = given(
    declared('2028-03-01'),
    launched('2028-06-01', { api: true, cloud: 'aws' }),
    verified('2028-09-01'),
    purchased('2029-01-01', 250e9),
  );

  it('uses only events dated up to the date: a later verification is not seen', () => {
    const then = future.whenReplayedAt('2028-06-01');
    expect(then.agi).toBe('pending');
    expect(then.replayed.context.agi).toMatchObject({ declaredOn: '2028-03-01', verifiedOn: null });
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
    expect(then.verdicts()).toEqual([[2, 'breach', 'C6']]);
  });

  it('lists the terms holding on the date', () => {
    const then = future.whenReplayedAt('2028-06-01');
    expect(then.holdingOn('2028-06-01')).toEqual([
      'research-ip',
      'model-product-ip',
      'ip-exclusivity',
      'azure-api-exclusivity',
      'revenue-share',
      'revenue-share-to-openai',
      'azure-commitment',
    ]);
    expect(toSimulationJson(then.replayed, '2028-06-01' as IsoDate)).toMatchObject({
      at: '2028-06-01',
      holding: then.holdingOn('2028-06-01'),
      agi: { status: 'pending', declaredOn: '2028-03-01', verifiedOn: null },
    });
  });

  it('includes every event dated on the date itself', () => {
    const then = future.whenReplayedAt('2028-09-01');
    expect(then.agi).toBe('verified');
    expect(then.holds('research-ip', '2028-09-01')).toBe(false);
    expect(future.whenReplayedAt('2028-08-31').holds('research-ip', '2028-08-31')).toBe(true);
  });

  it('gives the ledger as of the date', () => {
    expect(future.whenReplayedAt('2028-12-31').ledger.azurePurchasedUsd).toBe(0);
    expect(future.whenReplayedAt('2029-01-01').ledger.azurePurchasedUsd).toBe(250e9);
  });

  it('lets the calendar arrive: research IP does not hold on 2031-01-01 with no events at all', () => {
    const then = given().whenReplayedAt('2031-01-01');
    expect(then.holdingOn('2031-01-01')).not.toContain('research-ip');
    expect(then.holdingOn('2031-01-01')).toContain('model-product-ip');
  });

  it('gives the AGI status of the date when a declaration lapses under panel-deadline-days', () => {
    const lapsing = given(declared('2028-01-01')).assuming({ 'panel-deadline-days': 90 });
    expect(lapsing.whenReplayedAt('2028-03-30').agi).toBe('pending');
    const lapsed = lapsing.whenReplayedAt('2028-03-31');
    expect(lapsed.agi).toBe('rejected');
    expect(lapsed.replayed.context.agi.lapsedOn).toBe('2028-03-31');
  });

  it('agrees with the whole replay on every day up to the date: later events never change the past', () => {
    const whole = future.whenReplayed();
    for (const day of [
      '2025-10-28',
      '2028-02-29',
      '2028-03-01',
      '2028-06-01',
      '2028-09-01',
      '2029-01-01',
      '2031-01-01',
    ]) {
      expect(future.whenReplayedAt(day).holdingOn(day), day).toEqual(whole.holdingOn(day));
    }
  });
});

describe('simulate --at DATE on an invalid log (invariant 8)', () => {
  it('refuses the whole log even when the invalid line comes after the date', () => {
    // Regression: `until` stopped reading at the date, so `simulate --at` printed a status for an invalid log.
    const error = given(declared('2027-01-01'), declared('2028-01-01')).whenRefused('2027-06-01');
    expect(error.line).toBe(2);
    expect(error.message).toContain('the declaration of 2027-01-01 is still before the panel');
  });
});

import { describe, expect, it } from 'vitest';
import { amended, declared, given, rejected, START, trainingRun, verified } from '../support/given.ts';

describe('C8 compute threshold', () => {
  describe('compute-cap-lifts=declaration (default)', () => {
    it('holds with no end when AGI is never declared', () => {
      expect(given().whenReplayed().intervals('compute-threshold')).toEqual([[START, null]]);
    });

    it('is lifted on declaration and restored on rejection', () => {
      const then = given(declared('2027-01-01'), rejected('2027-06-01')).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([
        [START, '2027-01-01'],
        ['2027-06-01', null],
      ]);
    });

    it('is restored when the declaration lapses', () => {
      const then = given(declared('2028-01-01')).assuming({ 'panel-deadline-days': 90 }).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([
        [START, '2028-01-01'],
        ['2028-03-31', null],
      ]);
    });

    it('is gone for good on verification', () => {
      const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([[START, '2028-03-01']]);
      expect(then.holds('compute-threshold', '2028-09-01')).toBe(false);
    });

    it('merges the intervals around a declaration rejected the same day', () => {
      const then = given(declared('2027-01-01'), rejected('2027-01-01')).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([[START, null]]);
    });
  });

  describe('compute-cap-lifts=verification', () => {
    const verification = { 'compute-cap-lifts': 'verification' } as const;

    it('holds through a declaration and its rejection', () => {
      const then = given(declared('2027-01-01'), rejected('2027-06-01')).assuming(verification).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([[START, null]]);
    });

    it('ends on verification', () => {
      const then = given(declared('2028-03-01'), verified('2028-09-01')).assuming(verification).whenReplayed();
      expect(then.intervals('compute-threshold')).toEqual([[START, '2028-09-01']]);
      expect(then.endedBy('compute-threshold')).toEqual(['line 2: panel.verified']);
    });
  });

  it('is not changed by the 2026-04-27 amendment', () => {
    const then = given(amended('2026-04-27'), declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('compute-threshold')).toEqual([[START, '2028-03-01']]);
  });
});

describe('C8/C7 msft.training-run verdicts', () => {
  it('is a breach of C8 over the threshold with OpenAI IP while the cap holds', () => {
    const finding = given(trainingRun('2027-01-01', 2e28)).whenReplayed().finding(1);
    expect(finding).toMatchObject({ verdict: 'breach', clause: 'C8' });
    expect(finding.reason).toContain('exceeds the 1e28 FLOP threshold');
  });

  it('is permitted (C7) exactly at the threshold', () => {
    expect(given(trainingRun('2027-01-01', 1e28)).whenReplayed().finding(1)).toMatchObject({
      verdict: 'permitted',
      clause: 'C7',
    });
  });

  it('is permitted (C7) under the threshold', () => {
    expect(given(trainingRun('2027-01-01', 5e26)).whenReplayed().finding(1)).toMatchObject({
      verdict: 'permitted',
      clause: 'C7',
    });
  });

  it('is permitted (C7) over the threshold without OpenAI IP', () => {
    const finding = given(trainingRun('2027-01-01', 1e30, false))
      .whenReplayed()
      .finding(1);
    expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C7' });
    expect(finding.reason).toContain('without OpenAI IP');
  });

  it('is permitted while a declaration lifts the cap (compute-cap-lifts=declaration)', () => {
    const finding = given(declared('2028-03-01'), trainingRun('2028-04-01', 2e28)).whenReplayed().finding(2);
    expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C7' });
    expect(finding.reason).toContain('the compute cap does not hold on 2028-04-01');
  });

  it('is a breach while a declaration is pending under compute-cap-lifts=verification', () => {
    const then = given(declared('2028-03-01'), trainingRun('2028-04-01', 2e28))
      .assuming({ 'compute-cap-lifts': 'verification' })
      .whenReplayed();
    expect(then.finding(2)).toMatchObject({ verdict: 'breach', clause: 'C8' });
  });

  it('is a breach again once the panel rejects the declaration', () => {
    const then = given(declared('2028-03-01'), rejected('2028-05-01'), trainingRun('2028-05-01', 2e28)).whenReplayed();
    expect(then.finding(3)).toMatchObject({ verdict: 'breach', clause: 'C8' });
  });

  it('is permitted after verification under either reading', () => {
    for (const reading of ['declaration', 'verification'] as const) {
      const then = given(declared('2028-03-01'), verified('2028-09-01'), trainingRun('2028-09-01', 2e28))
        .assuming({ 'compute-cap-lifts': reading })
        .whenReplayed();
      expect(then.finding(3)).toMatchObject({ verdict: 'permitted', clause: 'C7' });
    }
  });

  it('is judged by the cap as it stands on its date: a run on the day of a declaration is permitted, whichever line comes first', () => {
    const then = given(
      trainingRun('2028-03-01', 2e28),
      declared('2028-03-01'),
      trainingRun('2028-03-01', 2e28),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C7'],
      [3, 'permitted', 'C7'],
    ]);
    expect(then.holds('compute-threshold', '2028-03-01')).toBe(false);
    expect(given(trainingRun('2028-02-29', 2e28), declared('2028-03-01')).whenReplayed().verdicts()).toEqual([
      [1, 'breach', 'C8'],
    ]);
  });

  it('follows compute-threshold-flop', () => {
    const run = given(trainingRun('2027-01-01', 1e27));
    expect(run.whenReplayed().finding(1).verdict).toBe('permitted');
    const lower = run.assuming({ 'compute-threshold-flop': 5e26 }).whenReplayed().finding(1);
    expect(lower).toMatchObject({ verdict: 'breach', clause: 'C8' });
    expect(lower.reason).toContain('exceeds the 5e26 FLOP threshold');
    expect(run.assuming({ 'compute-threshold-flop': 1e27 }).whenReplayed().finding(1).verdict).toBe('permitted');
  });
});

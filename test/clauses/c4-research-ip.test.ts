import { describe, expect, it } from 'vitest';
import { declared, given, rejected, released, START, verified } from '../support/given.ts';

describe('C4 research IP', () => {
  it('ends on verification when it comes before 2031-01-01', () => {
    const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2028-09-01']]);
    expect(then.endedBy('research-ip')).toEqual(['line 2: panel.verified']);
  });

  it('ends on 2031-01-01 when nothing is verified', () => {
    const then = given().whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
    expect(then.endedBy('research-ip')).toEqual(['calendar 2031-01-01: sunset (through 2030)']);
  });

  it('ends on 2031-01-01 when verification comes later', () => {
    const then = given(declared('2030-06-01'), verified('2031-06-01')).whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
  });

  it('ends on 2030-12-31 when the panel verifies on 2030-12-31', () => {
    const then = given(declared('2030-06-01'), verified('2030-12-31')).whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2030-12-31']]);
    expect(then.holds('research-ip', '2030-12-30')).toBe(true);
    expect(then.holds('research-ip', '2030-12-31')).toBe(false);
  });

  it('ends on 2031-01-01 by the calendar when the panel verifies that same day', () => {
    const then = given(declared('2030-06-01'), verified('2031-01-01')).whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
    expect(then.endedBy('research-ip')).toEqual(['calendar 2031-01-01: sunset (through 2030)']);
    expect(then.holds('research-ip', '2030-12-31')).toBe(true);
  });

  it('is not ended by a declaration or a rejection', () => {
    const then = given(declared('2027-01-01'), rejected('2027-06-01'))
      .assuming({ 'agi-ends-exclusivity': 'declaration' })
      .whenReplayed();
    expect(then.intervals('research-ip')).toEqual([[START, '2031-01-01']]);
  });

  it('ends on verification the day the effective date is verified', () => {
    const then = given(declared(START), verified(START)).whenReplayed();
    expect(then.intervals('research-ip')).toEqual([]);
  });

  describe('internal-only models are research IP', () => {
    it('are covered until research IP ends', () => {
      const then = given(
        released('2027-01-01', { internalOnly: true }),
        declared('2028-03-01'),
        verified('2028-09-01'),
      ).whenReplayed();
      const finding = then.finding(1, 'info');
      expect(finding.clause).toBe('C4');
      expect(finding.reason).toContain('cover it until 2028-09-01');
    });

    it('are covered until 2031-01-01 when nothing is verified', () => {
      const then = given(released('2030-12-31', { internalOnly: true })).whenReplayed();
      expect(then.finding(1, 'info').reason).toContain('cover it until 2031-01-01');
    });

    it('are not covered once research IP has ended', () => {
      const then = given(released('2031-01-01', { internalOnly: true })).whenReplayed();
      const finding = then.finding(1, 'info');
      expect(finding.clause).toBe('C4');
      expect(finding.reason).toContain('research-IP rights have ended');
    });

    it('released on the day of a verification are not covered, whichever line comes first', () => {
      // An event dated D takes effect on D: the day's verification is taken before the day's release.
      const then = given(
        declared('2028-03-01'),
        released('2028-09-01', { internalOnly: true }),
        verified('2028-09-01'),
      ).whenReplayed();
      expect(then.finding(2, 'info').reason).toContain('research-IP rights have ended');
      const onTheEffectiveDate = given(
        released(START, { internalOnly: true }),
        declared(START),
        verified(START),
      ).whenReplayed();
      expect(onTheEffectiveDate.finding(1, 'info').reason).toContain('research-IP rights have ended');
    });

    it('released after a same-day verification are not covered', () => {
      const then = given(
        declared('2028-03-01'),
        verified('2028-09-01'),
        released('2028-09-01', { internalOnly: true }),
      ).whenReplayed();
      expect(then.finding(3, 'info').reason).toContain('research-IP rights have ended');
    });
  });
});

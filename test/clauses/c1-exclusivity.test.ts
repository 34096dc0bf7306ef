import { describe, expect, it } from 'vitest';
import type { TermId } from '../../src/domain/terms.ts';
import { declared, given, rejected, START, verified } from '../support/given.ts';

const EXCLUSIVITIES: readonly TermId[] = ['ip-exclusivity', 'azure-api-exclusivity'];

describe.each(EXCLUSIVITIES)('C1 %s', (term) => {
  describe('agi-ends-exclusivity=verification (default)', () => {
    it('holds with no end when AGI is never declared', () => {
      expect(given().whenReplayed().intervals(term)).toEqual([[START, null]]);
    });

    it('holds through a pending declaration and ends on verification', () => {
      const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, '2028-09-01']]);
      expect(then.endedBy(term)).toEqual(['line 2: panel.verified']);
      expect(then.holds(term, '2028-08-31')).toBe(true);
    });

    it('is not interrupted by a declaration that the panel rejects', () => {
      const then = given(declared('2027-01-01'), rejected('2027-06-01')).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, null]]);
    });

    it('never holds when AGI is declared and verified on the effective date', () => {
      expect(given(declared(START), verified(START)).whenReplayed().intervals(term)).toEqual([]);
    });
  });

  describe('agi-ends-exclusivity=declaration', () => {
    const declaration = { 'agi-ends-exclusivity': 'declaration' } as const;

    it('is suspended on declaration and restored on rejection', () => {
      const then = given(declared('2027-01-01'), rejected('2027-06-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([
        [START, '2027-01-01'],
        ['2027-06-01', null],
      ]);
      expect(then.endedBy(term)).toEqual(['line 1: agi.declared', null]);
      expect(then.holds(term, '2026-12-31')).toBe(true);
      expect(then.holds(term, '2027-01-01')).toBe(false);
      expect(then.holds(term, '2027-05-31')).toBe(false);
      expect(then.holds(term, '2027-06-01')).toBe(true);
    });

    it('is restored when the declaration lapses on exactly declared+N days', () => {
      const then = given(declared('2028-01-01'))
        .assuming({ ...declaration, 'panel-deadline-days': 90 })
        .whenReplayed();
      expect(then.intervals(term)).toEqual([
        [START, '2028-01-01'],
        ['2028-03-31', null],
      ]);
      expect(then.replayed.timelines[term][1]?.startedBy).toEqual({
        date: '2028-03-31',
        line: null,
        event: 'panel.lapsed',
      });
    });

    it('ends for good on verification, without being restored', () => {
      const then = given(declared('2028-03-01'), verified('2028-09-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, '2028-03-01']]);
      expect(then.holds(term, '2028-09-01')).toBe(false);
    });

    it('is suspended by each declaration after a rejection, and ends on the final verification', () => {
      const then = given(declared('2027-01-01'), rejected('2027-06-01'), declared('2029-01-01'), verified('2029-07-01'))
        .assuming(declaration)
        .whenReplayed();
      expect(then.intervals(term)).toEqual([
        [START, '2027-01-01'],
        ['2027-06-01', '2029-01-01'],
      ]);
    });

    it('merges the intervals around a declaration rejected the same day', () => {
      const then = given(declared('2027-01-01'), rejected('2027-01-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, null]]);
    });

    it('drops the empty interval when AGI is declared on the effective date', () => {
      const then = given(declared(START), rejected('2026-01-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([['2026-01-01', null]]);
      expect(then.holds(term, START)).toBe(false);
    });

    it('ends on the day of a declaration verified that same day', () => {
      const then = given(declared('2028-03-01'), verified('2028-03-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, '2028-03-01']]);
    });

    it('stays suspended, with no end date, while the panel never rules', () => {
      const then = given(declared('2028-03-01')).assuming(declaration).whenReplayed();
      expect(then.intervals(term)).toEqual([[START, '2028-03-01']]);
      expect(then.holds(term, '2040-01-01')).toBe(false);
    });
  });

  it('never holds on or after verification under either reading', () => {
    for (const reading of ['verification', 'declaration'] as const) {
      const then = given(declared('2027-01-01'), rejected('2027-02-01'), declared('2028-01-01'), verified('2028-06-01'))
        .assuming({ 'agi-ends-exclusivity': reading })
        .whenReplayed();
      for (const date of ['2028-06-01', '2031-01-01', '2040-01-01']) expect(then.holds(term, date)).toBe(false);
    }
  });
});

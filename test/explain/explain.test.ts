/**
 * `dealsim explain` says what mattered (issue 10): the rule in force on the date, once; the
 * categorical readings that change this answer and nothing else; for the undisclosed figures the
 * range of values that keep the answer, found by search over replays; and the report explains
 * every term of a long log with one replay per reading tried.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { branchFrom } from '../../src/history/history.ts';
import { explain, explainTerms } from '../../src/replay/explain.ts';
import { builtinHistory } from '../../src/store/history-file.ts';
import { logOf } from '../support/given.ts';

const d = (text: string) => text as IsoDate;
const todays = (...events: Parameters<typeof logOf>[0]) => [...branchFrom(builtinHistory(), logOf(events))];

describe('S4 the revenue share: the cap that ended it is a range, not "nothing mattered"', () => {
  const events = todays({ type: 'revenue.recognized', date: '2027-12-31', amountUsd: 200e9 });
  const result = explain(events, { assumptions: DEFAULT_ASSUMPTIONS }, 'revenue-share', d('2028-06-01'));

  it('does not hold on 2028-06-01 under the assumed $38B cap, which $40B of accruals reached', () => {
    expect(result.holds).toBe(false);
    expect(result.interval?.until).toBe('2027-12-31');
  });

  it('finds the cap above which it would still hold: the $40B accrued, to 0.1%', () => {
    const cap = result.ranges?.find((range) => range.key === 'revenue-share-cap-usd');
    expect(cap?.above?.value).toBeGreaterThan(40e9 * 0.999);
    expect(cap?.above?.value).toBeLessThan(40e9);
    expect(cap?.above?.beyond).toEqual({ holds: true, until: '2031-01-01' });
    expect(cap?.sentence).toMatch(
      /^does not hold for any revenue-share-cap-usd from \$1M up to about \$40B; above about \$40B it holds until 2031-01-01$/,
    );
  });

  it('states the rule in force on the date (S4), not the October 2025 rule it replaced', () => {
    expect(result.rule).toMatchObject({ by: '2026-04-27', source: 'S4' });
    expect(result.rule.ends).toContain('2031-01-01 (through 2030)');
    expect(result.rule.ends).toContain('cap');
    expect(result.rule.ends).not.toContain('verification');
  });
});

describe('C2 the panel deadline bears only on terms an AGI event can change', () => {
  it('is not named for model-product-ip, which no AGI event ends', () => {
    const events = todays({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.verified', date: '2028-09-01' });
    const result = explain(events, { assumptions: DEFAULT_ASSUMPTIONS }, 'model-product-ip', d('2029-01-01'));
    expect(result.ranges).toEqual([]);
    expect(result.mattered).toEqual([]);
    expect(result.rule).toMatchObject({ by: '2026-04-27', source: 'S4' });
    expect(result.rule.ends).toContain('2033-01-01 (through 2032)');
  });

  it('says once, for the future, that a deadline short enough to lapse the declaration makes it invalid', () => {
    const events = todays({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.verified', date: '2028-09-01' });
    const [research, share] = explainTerms(
      events,
      { assumptions: DEFAULT_ASSUMPTIONS },
      ['research-ip', 'revenue-share'],
      d('2029-01-01'),
    );
    // 184 days after 2028-03-01 is 2028-09-01: a deadline of 184 days or less lapses it before the ruling.
    const invalid = research?.invalidUnder.find((reading) => reading.key === 'panel-deadline-days');
    expect(invalid?.value).toBe('below 185 days');
    expect(invalid?.error).toContain('panel.verified is not allowed here');
    expect(share?.invalidUnder).toEqual(research?.invalidUnder);
    // Among the deadlines that keep the future valid, none changes either answer.
    expect(research?.ranges?.map((range) => range.key)).not.toContain('panel-deadline-days');
    expect(share?.ranges?.map((range) => range.key)).not.toContain('panel-deadline-days');
  });
});

describe('invariant 7: one replay per reading value, shared by every term', () => {
  it('explains every term alike, whether asked one by one or together', () => {
    const events = todays({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.rejected', date: '2028-06-01' });
    const terms = ['research-ip', 'ip-exclusivity', 'compute-threshold'] as const;
    const together = explainTerms(events, { assumptions: DEFAULT_ASSUMPTIONS }, terms, d('2028-04-01'), {
      ranges: false,
    });
    for (const [index, term] of terms.entries()) {
      const alone = explain(events, { assumptions: DEFAULT_ASSUMPTIONS }, term, d('2028-04-01'), { ranges: false });
      expect(together[index]).toEqual(alone);
    }
  });
});

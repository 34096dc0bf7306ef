/**
 * `dealsim explain LOG TERM --at DATE` answers for the future LOG, whose lines may go on past the
 * date: the end it states is the one scheduled on the date, and when later lines end the term
 * otherwise (or make a term that does not hold hold again), it says so, with the line. And the
 * rule in force after an amendment that moves a sunset into the past says the amendment ended
 * the term on its own date, never the past sunset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmendmentFile } from '../../src/domain/amendment-file.ts';
import { BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { dateArbitrary } from '../../src/fuzz/arbitraries/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { branchFrom } from '../../src/history/history.ts';
import { explain, explainTerms } from '../../src/replay/explain.ts';
import { intervalOn } from '../../src/replay/intervals.ts';
import { replay } from '../../src/replay/replay.ts';
import { builtinHistory } from '../../src/store/history-file.ts';
import { logOf } from '../support/given.ts';

const d = (text: string) => text as IsoDate;
const todays = (...events: Parameters<typeof logOf>[0]) => [...branchFrom(builtinHistory(), logOf(events))];
const input = { assumptions: DEFAULT_ASSUMPTIONS };

describe('C4 research IP explained before a later verification', () => {
  const events = todays({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.verified', date: '2028-09-01' });

  it('states the 2030 sunset as scheduled on the date, and the verification that ends it sooner', () => {
    const result = explain(events, input, 'research-ip', d('2027-01-01'), { ranges: false });
    expect(result.holds).toBe(true);
    expect(result.interval?.until).toBe('2031-01-01');
    expect(result.later).toMatchObject({ from: '2025-10-28', until: '2028-09-01' });
    expect(result.later?.endedBy).toMatchObject({ line: 2, event: 'panel.verified' });
  });

  it('says nothing more on a date after the last line', () => {
    expect(explain(events, input, 'research-ip', d('2029-01-01'), { ranges: false }).later).toBeNull();
  });
});

describe('C8 the compute cap lifted by a declaration and restored by a rejection', () => {
  const events = todays({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.rejected', date: '2028-06-01' });

  it('names the later line that makes it hold again while it does not hold', () => {
    const result = explain(events, input, 'compute-threshold', d('2028-04-01'), { ranges: false });
    expect(result.holds).toBe(false);
    expect(result.later).toMatchObject({ from: '2028-06-01', startedBy: { line: 2, event: 'panel.rejected' } });
  });
});

describe('an amendment that moves a sunset into the past (user overlay)', () => {
  const amendments = {
    ...BUILT_IN_AMENDMENTS,
    ...parseAmendmentFile(
      JSON.stringify({
        id: 'short',
        title: 'Short',
        summary: 'research IP through 2027',
        retime: { 'research-ip': { through: 2027 } },
      }),
      'short.json',
    ),
  };
  const events = todays({ type: 'agreement.amended', date: '2028-06-01', amendment: 'short' });

  it('states that the amendment ended the term on its own date, not on the sunset already past', () => {
    const result = explain(events, { ...input, amendments }, 'research-ip', d('2028-07-01'), { ranges: false });
    expect(result.holds).toBe(false);
    expect(result.interval?.until).toBe('2028-06-01');
    expect(result.rule.by).toBe('short');
    expect(result.rule.ends).toBe(
      'ended by amendment short on its date, 2028-06-01: it moves the sunset to 2028-01-01 (through 2027), already past',
    );
  });

  it('says the same of a sunset moved to the amendment’s own day', () => {
    const onTheDay = todays({ type: 'agreement.amended', date: '2028-01-01', amendment: 'short' });
    const result = explain(onTheDay, { ...input, amendments }, 'research-ip', d('2028-01-01'), { ranges: false });
    expect(result.holds).toBe(false);
    expect(result.interval?.endedBy).toMatchObject({ line: 1, event: 'agreement.amended' });
    expect(result.rule.ends).toMatch(/^ended by amendment short on its date, 2028-01-01: /);
  });

  it('states a sunset still ahead as the end', () => {
    const ahead = todays({ type: 'agreement.amended', date: '2027-06-01', amendment: 'short' });
    const result = explain(ahead, { ...input, amendments }, 'research-ip', d('2027-07-01'), { ranges: false });
    expect(result.interval?.until).toBe('2028-01-01');
    expect(result.rule.ends).toBe('2028-01-01 (through 2027)');
  });
});

describe('invariant 8: what explain states on a date agrees with the replay of the whole log', () => {
  it('gives the whole log’s end for a term that holds, and its next start for one that does not', () => {
    fc.assert(
      fc.property(futureArbitrary({ amendments: true, maxEvents: 8 }), dateArbitrary(), (future, date) => {
        const results = explainTerms(future.events, { assumptions: future.assumptions }, TERM_IDS, date, {
          ranges: false,
        });
        const whole = replay(future.events, { assumptions: future.assumptions }).timelines;
        for (const [t, term] of TERM_IDS.entries()) {
          const result = results[t];
          const holding = intervalOn(whole[term], date);
          expect(result?.holds).toBe(holding !== undefined);
          if (holding !== undefined) expect((result?.later ?? result?.interval)?.until).toBe(holding.until);
          else expect(result?.later?.from ?? null).toBe(whole[term].find((i) => i.from > date)?.from ?? null);
        }
      }),
      { numRuns: 150 },
    );
  });
});

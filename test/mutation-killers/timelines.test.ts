/**
 * How intervals are built, named and queried (CLAUSES.md "Terms": half-open, empty ones dropped,
 * touching ones merged), how calendar deadlines fall due, and how amendments re-time the rules:
 * the small pieces under every clause, each pinned at its boundary.
 */
import { describe, expect, it } from 'vitest';
import { type Amendment, applyAmendment, BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { baseRules } from '../../src/domain/rules.ts';
import {
  describeCause,
  type Interval,
  intervalOn,
  intervalsOf,
  observe,
  openTrack,
} from '../../src/replay/intervals.ts';
import { toSimulationJson } from '../../src/replay/report.ts';
import { amended, declared, given, rejected, verified } from '../support/given.ts';

const d = (text: string) => text as IsoDate;
const cause = (date: string, line: number | null = 1, event = 'panel.verified') => ({ date: d(date), line, event });

describe('CLAUSES.md terms: intervals', () => {
  it('closes, reopens, drops empty and merges touching intervals', () => {
    const track = openTrack(d('2025-10-28'), true);
    observe(track, true, cause('2026-01-01')); // no change
    observe(track, false, cause('2027-01-01'));
    observe(track, false, cause('2027-02-01')); // no change
    observe(track, true, cause('2027-03-01'));
    observe(track, false, cause('2027-03-01')); // empty: dropped
    observe(track, true, cause('2027-04-01'));
    observe(track, false, cause('2027-05-01'));
    observe(track, true, cause('2027-05-01')); // touching: merged
    expect(intervalsOf(track).map(({ from, until }) => [from, until])).toEqual([
      ['2025-10-28', '2027-01-01'],
      ['2027-04-01', null],
    ]);
    const merged = intervalsOf(track)[1] as Interval;
    expect(merged.startedBy).toEqual(cause('2027-04-01'));
    expect(merged.endedBy).toBeNull();
    expect(intervalsOf(track)[0]?.startedBy).toBeNull();
    expect(intervalsOf(track)[0]?.endedBy).toEqual(cause('2027-01-01'));
    expect(intervalsOf(openTrack(d('2025-10-28'), false))).toEqual([]);
  });

  it('finds the interval holding on a day, ends excluded', () => {
    const intervals = [
      { from: d('2025-10-28'), until: d('2027-01-01'), startedBy: null, endedBy: null },
      { from: d('2027-04-01'), until: null, startedBy: null, endedBy: null },
    ];
    expect(intervalOn(intervals, d('2025-10-28'))).toBe(intervals[0]);
    expect(intervalOn(intervals, d('2026-12-31'))).toBe(intervals[0]);
    expect(intervalOn(intervals, d('2027-01-01'))).toBeUndefined();
    expect(intervalOn(intervals, d('2027-03-31'))).toBeUndefined();
    expect(intervalOn(intervals, d('2027-04-01'))).toBe(intervals[1]);
    expect(intervalOn(intervals, d('2099-01-01'))).toBe(intervals[1]);
    expect(intervalOn(intervals, d('2025-10-27'))).toBeUndefined();
  });

  it('names causes: a log line, a sunset with its year, another calendar event', () => {
    expect(describeCause(cause('2028-01-01', 4))).toBe('line 4: panel.verified');
    expect(describeCause(cause('2031-01-01', null, 'calendar.sunset'))).toBe(
      'calendar 2031-01-01: sunset (through 2030)',
    );
    expect(describeCause(cause('2029-03-31', null, 'panel.lapsed'))).toBe('calendar 2029-03-31: panel.lapsed');
  });
});

describe('C2 the panel deadline falls due at the start of its day', () => {
  it('lapses on day N, a ruling that day comes too late, one the day before is in time', () => {
    const lapsed = given(declared('2029-01-01'), rejected('2029-04-01'))
      .assuming({ 'panel-deadline-days': 90 })
      .whenRefused();
    expect(lapsed.line).toBe(2);
    const inTime = given(declared('2029-01-01'), verified('2029-03-31'))
      .assuming({ 'panel-deadline-days': 90 })
      .whenReplayed();
    expect(inTime.agi).toBe('verified');
  });

  it('a lapse restores suspended exclusivity that day, named as a calendar cause', () => {
    const then = given(declared('2029-01-01'))
      .assuming({ 'panel-deadline-days': 90, 'agi-ends-exclusivity': 'declaration' })
      .whenReplayed();
    expect(then.intervals('ip-exclusivity')).toEqual([
      ['2025-10-28', '2029-01-01'],
      ['2029-04-01', null],
    ]);
    expect(then.replayed.context.agi).toMatchObject({ lapsedOn: '2029-04-01', rejectedOn: '2029-04-01' });
  });
});

describe('S4 amendments re-time the rules as dated overlays', () => {
  it('S4 moves the revenue share to a 2031 sunset with the assumed cap, and leaves the base rules alone', () => {
    const base = baseRules(DEFAULT_ASSUMPTIONS);
    const after = applyAmendment(base, BUILT_IN_AMENDMENTS['2026-04-27'] as Amendment, DEFAULT_ASSUMPTIONS);
    expect(after.terms['revenue-share']).toEqual({
      sunset: '2031-01-01',
      endsOnVerification: false,
      suspendsOnDeclaration: false,
      endsOnDeclaration: false,
      capUsd: 38e9,
    });
    expect(after.productLaunch).toBe('azure-first');
    expect(base.terms['revenue-share'].sunset).toBeNull();
    expect(base.productLaunch).toBe('azure-api-exclusivity');
    expect(after.terms['research-ip']).toEqual(base.terms['research-ip']);
  });

  it('an overlay keeps what it does not name and can clear a sunset or a cap', () => {
    const base = baseRules(DEFAULT_ASSUMPTIONS);
    const keep = applyAmendment(
      base,
      { id: 'k', title: '', source: 'hypothetical', summary: '', retime: { 'research-ip': {} } },
      DEFAULT_ASSUMPTIONS,
    );
    expect(keep.terms['research-ip']).toEqual(base.terms['research-ip']);
    expect(keep.productLaunch).toBe('azure-api-exclusivity');
    const clear = applyAmendment(
      base,
      {
        id: 'c',
        title: '',
        source: 'hypothetical',
        summary: '',
        retime: { 'research-ip': { sunset: null, capUsd: 5 } },
      },
      DEFAULT_ASSUMPTIONS,
    );
    expect(clear.terms['research-ip']).toEqual({
      sunset: null,
      endsOnVerification: true,
      suspendsOnDeclaration: false,
      endsOnDeclaration: false,
      capUsd: 5,
    });
    const uncap = applyAmendment(
      clear,
      {
        id: 'u',
        title: '',
        source: 'hypothetical',
        summary: '',
        retime: { 'research-ip': { capUsd: null, endsOnVerification: false, suspendsOnDeclaration: true } },
      },
      DEFAULT_ASSUMPTIONS,
    );
    expect(uncap.terms['research-ip']).toEqual({
      sunset: null,
      endsOnVerification: false,
      suspendsOnDeclaration: true,
      endsOnDeclaration: false,
      capUsd: null,
    });
  });

  it('the base rules read the assumptions of C1 and C8', () => {
    const declaration = baseRules({
      ...DEFAULT_ASSUMPTIONS,
      'agi-ends-exclusivity': 'declaration',
      'compute-cap-lifts': 'verification',
    });
    expect(declaration.terms['ip-exclusivity'].suspendsOnDeclaration).toBe(true);
    expect(declaration.terms['azure-api-exclusivity'].suspendsOnDeclaration).toBe(true);
    expect(declaration.terms['compute-threshold'].suspendsOnDeclaration).toBe(false);
    expect(declaration.terms['compute-threshold'].endsOnDeclaration).toBe(false);
    const first = baseRules({ ...DEFAULT_ASSUMPTIONS, 'compute-cap-lifts': 'first-declaration' });
    expect(first.terms['compute-threshold']).toMatchObject({ suspendsOnDeclaration: false, endsOnDeclaration: true });
    const defaults = baseRules(DEFAULT_ASSUMPTIONS);
    expect(defaults.terms['ip-exclusivity']).toEqual({
      sunset: null,
      endsOnVerification: true,
      suspendsOnDeclaration: false,
      endsOnDeclaration: false,
      capUsd: null,
    });
    expect(defaults.terms['compute-threshold'].suspendsOnDeclaration).toBe(true);
    expect(defaults.terms['model-product-ip']).toEqual({
      sunset: '2033-01-01',
      endsOnVerification: false,
      suspendsOnDeclaration: false,
      endsOnDeclaration: false,
      capUsd: null,
    });
    expect(defaults.terms['revenue-share-to-openai']).toEqual({
      sunset: null,
      endsOnVerification: false,
      suspendsOnDeclaration: false,
      endsOnDeclaration: false,
      capUsd: null,
    });
    expect(defaults.terms['azure-commitment'].endsOnVerification).toBe(false);
  });
});

describe('simulate --json and --at', () => {
  it('reports the terms holding on the day asked, and only then', () => {
    const then = given(
      declared('2028-03-01'),
      verified('2028-09-01'),
      amended('2029-01-01', '2026-04-27'),
    ).whenReplayed();
    const json = toSimulationJson(then.replayed, d('2028-09-01'));
    expect(json.at).toBe('2028-09-01');
    expect(json.holding).toEqual(['model-product-ip', 'revenue-share-to-openai', 'azure-commitment']);
    expect(json.amendments).toEqual(['2026-04-27']);
    const whole = toSimulationJson(then.replayed);
    expect('at' in whole).toBe(false);
    expect('holding' in whole).toBe(false);
    const research = whole.terms.find((term) => term.id === 'research-ip');
    expect(research?.intervals).toEqual([
      {
        from: '2025-10-28',
        until: '2028-09-01',
        endedBy: 'line 2: panel.verified',
        endedByLine: 2,
        endedByOrigin: null,
      },
    ]);
    const open = whole.terms.find((term) => term.id === 'azure-commitment');
    expect(open?.intervals).toEqual([
      { from: '2025-10-28', until: null, endedBy: null, endedByLine: null, endedByOrigin: null },
    ]);
    const sunset = whole.terms.find((term) => term.id === 'model-product-ip');
    expect(sunset?.intervals[0]?.endedByLine).toBeNull();
  });
});

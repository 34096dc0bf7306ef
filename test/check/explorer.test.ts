/**
 * `dealsim check`: the bounded exhaustive explorer over abstract futures (C2 and every term), its
 * date classes and coverage, and the command's output and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { assumptionCombinations } from '../../src/check/combinations.ts';
import { CHART_STATES, CHART_TRANSITIONS } from '../../src/check/coverage.ts';
import { dateClass, landmarks, nextDays } from '../../src/check/dates.ts';
import { explore } from '../../src/check/explorer.ts';
import { main } from '../../src/cli/main.ts';
import { ASSUMPTION_KEYS, ASSUMPTIONS, DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { isoDate } from '../../src/domain/dates.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { recordingIo } from './recording-io.ts';

const sunsets = [isoDate('2031-01-01'), isoDate('2033-01-01')];

describe('C2 date classes: before, on and after each sunset, and around the panel deadline', () => {
  it('puts a landmark before, on and after each sunset', () => {
    expect(landmarks(sunsets)).toEqual([
      '2025-10-28',
      '2030-12-31',
      '2031-01-01',
      '2031-01-02',
      '2032-12-31',
      '2033-01-01',
      '2033-01-02',
    ]);
  });

  it('classifies a day as on a landmark or in the gap before one', () => {
    const points = landmarks(sunsets);
    expect(dateClass(points, isoDate('2031-01-01'))).toBe('=2');
    expect(dateClass(points, isoDate('2029-05-05'))).toBe('<1');
    expect(dateClass(points, isoDate('2040-01-01'))).toBe('<7');
  });

  it('offers the same day, the next day, every later landmark and the days around a lapse', () => {
    const days = nextDays(landmarks(sunsets), isoDate('2030-12-31'), isoDate('2031-03-31'));
    expect(days).toContain('2030-12-31');
    expect(days).toContain('2031-01-01');
    expect(days).toContain('2031-01-02');
    expect(days).toEqual(expect.arrayContaining(['2031-03-30', '2031-03-31', '2031-04-01', '2033-01-01']));
    expect(days).not.toContain('2030-12-30');
  });
});

describe('Bounded exhaustive checking of invariants 1-8', () => {
  it('enumerates every combination of the AGI-process readings unless fixed, and every value of the others', () => {
    // agi-ends-exclusivity 2 × compute-cap-lifts 3 × after-rejection 2 × panel-deadline-days 2 × s4-agi-clause 2.
    const all = assumptionCombinations(DEFAULT_ASSUMPTIONS);
    expect(all).toHaveLength(48);
    for (const key of ASSUMPTION_KEYS) {
      const values = ASSUMPTIONS[key].enumerable as readonly unknown[] | undefined;
      for (const value of values ?? [])
        expect(
          all.some((combo) => combo[key] === value),
          `${key}=${value}`,
        ).toBe(true);
    }
    const fixed = new Set(['after-rejection', 'panel-deadline-days'] as const);
    const combos = assumptionCombinations({ ...DEFAULT_ASSUMPTIONS, 'after-rejection': 'final' }, fixed);
    expect(combos).toHaveLength(12);
    expect(combos.every((combo) => combo['after-rejection'] === 'final' && combo['panel-deadline-days'] === null)).toBe(
      true,
    );
  });

  it('finds every invariant holding at depth 3 on all 48 combinations, memoising states', () => {
    const combinations = assumptionCombinations(DEFAULT_ASSUMPTIONS);
    const report = explore({ depth: 3, combinations, engine: kernelEngine });
    expect(report.counterexample).toBeNull();
    expect(report.combinations).toBe(48);
    expect(report.futures).toBeGreaterThan(report.states);
    expect(report.coverage.states.total).toBe(CHART_STATES.length);
    // Every AGI state and every term's holding and ended state is reached by AGI events and the calendar.
    for (const state of ['agi.none', 'agi.pending', 'agi.verified', 'agi.rejected', 'research-ip.ended']) {
      expect(report.coverage.states.missed).not.toContain(state);
    }
    expect(report.coverage.transitions.missed).not.toContain('agi.pending --panel.lapsed--> agi.rejected');
    expect(report.coverage.transitions.total).toBe(CHART_TRANSITIONS.length);
  });

  it('explores the 2026 amendments too when asked, reaching the amended agreement', () => {
    const report = explore({
      depth: 2,
      combinations: [DEFAULT_ASSUMPTIONS],
      engine: kernelEngine,
      exploreAmendments: true,
    });
    expect(report.counterexample).toBeNull();
    expect(report.coverage.states.missed).not.toContain('agreement.amended');
    expect(report.coverage.transitions.missed).not.toContain(
      'ip-exclusivity.holding --agreement.amended[amendmentEnds]--> ip-exclusivity.ended',
    );
  });

  it('counts futures by depth: the empty future, then every allowed first event and date class', () => {
    const combinations = [DEFAULT_ASSUMPTIONS];
    const zero = explore({ depth: 0, combinations, engine: kernelEngine });
    const one = explore({ depth: 1, combinations, engine: kernelEngine });
    expect(zero.futures).toBe(1);
    // From 2025-10-28 a declaration may fall on the same day, the next, 6 landmarks or 3 gaps.
    expect(one.futures).toBe(1 + 11);
  });
});

describe('dealsim check', () => {
  it('prints futures, states, coverage and that all invariants hold (exit 0)', async () => {
    const { io, out } = recordingIo();
    const fixed = [
      'panel-deadline-days=90',
      'post-agi-without-guardrails=included',
      'compute-cap-lifts=verification',
      's4-agi-clause=removed',
    ];
    const code = await main(['check', '--depth', '3', ...fixed.flatMap((pair) => ['--assume', pair])], io);
    expect(code).toBe(0);
    expect(out()).toMatch(/4 assumption combinations/);
    expect(out()).toMatch(/futures +[\d,]+ abstract futures of up to 3 AGI and panel events/);
    expect(out()).toMatch(/coverage +chart states \d+\/25, transitions \d+\/\d+/);
    expect(out()).toContain('all 8 hold');
  });

  it('prints one JSON object with --json', async () => {
    const { io, out } = recordingIo();
    const fixed = [
      'agi-ends-exclusivity=declaration',
      'compute-cap-lifts=declaration',
      'post-agi-without-guardrails=excluded',
      's4-agi-clause=revenue-share-only',
    ];
    const argv = [
      'check',
      '--depth',
      '2',
      '--json',
      '--engine',
      'xstate',
      ...fixed.flatMap((pair) => ['--assume', pair]),
    ];
    expect(await main(argv, io)).toBe(0);
    const json = JSON.parse(out());
    expect(json).toMatchObject({ passed: true, depth: 2, combinations: 4, engine: 'xstate-transition' });
    expect(json.invariants).toHaveLength(8);
    expect(json.coverage.states.total).toBe(25);
    expect(json.coverage.transitions.covered).toContain('agi.none --agi.declared--> agi.pending');
    expect(json.coverage.transitions.covered.length + json.coverage.transitions.missed.length).toBe(
      json.coverage.transitions.total,
    );
  });

  it('refuses a bad depth with exit 2', async () => {
    const { io, err } = recordingIo();
    expect(await main(['check', '--depth', 'eight'], io)).toBe(2);
    expect(err()).toContain('--depth eight is not a whole number');
  });
});

/**
 * Clause coverage (src/coverage, `dealsim coverage`): the universe comes from the chart, a step
 * is credited to exactly the transitions XState selects, clauses come from transitions and
 * verdicts, and every clause C1–C12 is exercised by the shipped simulations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dealMachine } from '../../machines/deal.machine.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { CHART_STATES, CHART_TRANSITIONS } from '../../src/coverage/chart.ts';
import { reachableTransitions } from '../../src/coverage/reachable.ts';
import { emptyExercised, recordingEngine } from '../../src/coverage/recorder.ts';
import { coverageReport, mergeExercised, REPORTED_CLAUSES, toExercisedJson } from '../../src/coverage/report.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { replay } from '../../src/replay/replay.ts';
import { runs } from '../mutation-killers/budget.ts';

const logged = (...events: object[]) => events.map((event, i) => ({ line: i + 1, event: event as LogEvent }));

function exercise(events: ReturnType<typeof logged>, assumptions = DEFAULT_ASSUMPTIONS) {
  const exercised = emptyExercised();
  replay(events, { assumptions }, { engine: recordingEngine(exercised) });
  return exercised;
}

describe('the coverage universe is the statechart', () => {
  it('has every region’s atomic states and one transition per guarded branch', () => {
    const regions = Object.keys(dealMachine.root.states);
    expect(new Set(CHART_STATES.map((state) => state.region))).toEqual(new Set(regions));
    expect(CHART_STATES.map((state) => state.id)).toContain('ip-exclusivity.suspended');
    expect(CHART_TRANSITIONS.map((transition) => transition.id)).toEqual(
      expect.arrayContaining([
        'ip-exclusivity.suspended --panel.verified[endsOnVerification]--> ip-exclusivity.ended',
        'ip-exclusivity.suspended --panel.verified--> ip-exclusivity.holding',
      ]),
    );
    expect(new Set(CHART_TRANSITIONS.map((transition) => transition.id)).size).toBe(CHART_TRANSITIONS.length);
  });
});

describe('C2, C3, C4: what a future exercises', () => {
  it('an empty future exercises only the calendar: the C4 and C3 sunsets', () => {
    const exercised = exercise([]);
    expect([...exercised.clauses].sort()).toEqual(['C3', 'C4']);
    expect([...exercised.transitions].sort()).toEqual([
      'model-product-ip.holding --calendar.sunset[isOwnSunset]--> model-product-ip.ended',
      'research-ip.holding --calendar.sunset[isOwnSunset]--> research-ip.ended',
    ]);
  });

  it('a verified declaration exercises C2 and ends the AGI-bound terms', () => {
    const exercised = exercise(
      logged({ type: 'agi.declared', date: '2028-03-01' }, { type: 'panel.verified', date: '2028-09-01' }),
    );
    expect(exercised.transitions).toContain('agi.none --agi.declared--> agi.pending');
    expect(exercised.transitions).toContain('agi.pending --panel.verified--> agi.verified');
    expect(exercised.transitions).toContain(
      'revenue-share.holding --panel.verified[endsOnVerification]--> revenue-share.ended',
    );
    // Verification came first, so research IP never saw its sunset.
    expect(exercised.transitions).not.toContain(
      'research-ip.holding --calendar.sunset[isOwnSunset]--> research-ip.ended',
    );
    for (const clause of ['C1', 'C2', 'C4', 'C6', 'C8', 'C9'] as const) expect(exercised.clauses).toContain(clause);
    expect(exercised.states).toContain('agi.verified');
    expect(exercised.states).not.toContain('agi.rejected');
  });

  it('C5, C11, C12 come from the verdicts on conduct', () => {
    const exercised = exercise(
      logged(
        { type: 'hardware.launched', date: '2027-01-01', name: 'io' },
        {
          type: 'product.launched',
          date: '2027-01-02',
          name: 'Gov',
          api: true,
          cloud: 'oracle',
          customer: 'us-natsec',
        },
        { type: 'model.released', date: '2027-01-03', name: 'w', openWeights: true, meetsCapabilityCriteria: true },
      ),
    );
    expect(exercised.clauseEvidence.get('C5')).toBe('finding on hardware.launched');
    expect(exercised.clauseEvidence.get('C11')).toBe('finding on product.launched');
    expect(exercised.clauseEvidence.get('C12')).toBe('finding on model.released');
  });
});

describe('recording is transparent and adds up', () => {
  test.prop([futureArbitrary({ maxEvents: 10, amendments: true })], { numRuns: runs(100) })(
    'the recording engine replays exactly like the reference engine',
    ({ assumptions, events }) => {
      const plain = replay(events, { assumptions });
      const recorded = replay(events, { assumptions }, { engine: recordingEngine(emptyExercised()) });
      expect(recorded.timelines).toEqual(plain.timelines);
      expect(recorded.findings).toEqual(plain.findings);
    },
  );

  it('a recording survives JSON and merges by union', () => {
    const a = exercise(logged({ type: 'agi.declared', date: '2028-03-01' }));
    const b = exercise(logged({ type: 'hardware.launched', date: '2027-01-01', name: 'io' }));
    const merged = emptyExercised();
    const futures =
      mergeExercised(merged, JSON.parse(JSON.stringify(toExercisedJson(a, 1)))) +
      mergeExercised(merged, JSON.parse(JSON.stringify(toExercisedJson(b, 2))));
    expect(futures).toBe(3);
    expect(merged.clauses).toEqual(new Set([...a.clauses, ...b.clauses]));
    expect(merged.transitions).toEqual(new Set([...a.transitions, ...b.transitions]));
    const report = coverageReport(merged, futures, reachableTransitions());
    expect(report.clauses.total).toBe(12);
    expect(report.clauses.covered + report.clauses.missing.length).toBe(12);
    expect(report.states.total).toBe(CHART_STATES.length);
  });
});

describe('dealsim coverage', () => {
  it('every clause C1–C12 is exercised by the shipped simulations', async () => {
    const io = memoryIo();
    const empty = mkdtempSync(join(tmpdir(), 'dealsim-coverage-'));
    const code = await main(['coverage', '--json', '--tests', empty], io);
    rmSync(empty, { recursive: true });
    const json = JSON.parse(io.stdout());
    expect(json.tests).toBeNull();
    expect(json.simulations.clauses.missing).toEqual([]);
    expect(Object.keys(json.simulations.clauses.evidence)).toEqual(REPORTED_CLAUSES);
    expect(json.simulations.futures).toBeGreaterThanOrEqual(10);
    expect(code).toBe(0);
  });
});

describe('dealsim coverage --tests', () => {
  it('refuses a recording that is no folder, or none at all, with exit 2 (a file had ended in exit 70)', async () => {
    for (const [given, message] of [
      ['simulations/no-agi-ever.jsonl', 'not a folder'],
      ['scratch/no-such-recording', 'no such folder'],
    ]) {
      const io = memoryIo();
      expect(await main(['coverage', '--tests', given as string], io)).toBe(2);
      expect(io.stderr()).toContain(`--tests ${given}: ${message}. Fix: name the folder`);
    }
  });
});

describe('C1, C3, C4, C10: transitions only a user amendment can fire', () => {
  it('are told apart from the reachable ones by asking the chart’s guards', () => {
    const reachable = reachableTransitions();
    // C1 exclusivity has no sunset and C3 model and product IP does not end on verification...
    expect(reachable).not.toContain('ip-exclusivity.holding --calendar.sunset[isOwnSunset]--> ip-exclusivity.ended');
    expect(reachable).not.toContain(
      'model-product-ip.holding --panel.verified[endsOnVerification]--> model-product-ip.ended',
    );
    // ...while S4 ends exclusivity, verification ends research IP (C4), purchases fulfil C10.
    expect(reachable).toContain('ip-exclusivity.holding --agreement.amended[amendmentEnds]--> ip-exclusivity.ended');
    expect(reachable).toContain('research-ip.holding --panel.verified[endsOnVerification]--> research-ip.ended');
    expect(reachable).toContain('azure-commitment.holding --azure.purchased--> (stays)');
    expect(reachable).toContain('ip-exclusivity.suspended --panel.lapsed--> ip-exclusivity.holding');
    // A suspended exclusivity always ends on verification under the built-in rules.
    expect(reachable).not.toContain('ip-exclusivity.suspended --panel.verified--> ip-exclusivity.holding');
  });
});

/**
 * Breaking the clause logic on purpose, in a copy of the rules: `dealsim check` (the explorer),
 * `dealsim fuzz` and the invariant properties must all fail, and the counterexample they print
 * must replay with `dealsim simulate` to what the real rules say.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assumptionCombinations } from '../../src/check/combinations.ts';
import { explore } from '../../src/check/explorer.ts';
import { jsonl } from '../../src/cli/commands/checking.ts';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { isoDate } from '../../src/domain/dates.ts';
import { fuzz } from '../../src/fuzz/fuzz.ts';
import { alteredMachine, engineFor, INVARIANTS, withRules } from '../../src/invariants/index.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import type { Engine } from '../../src/replay/engine.ts';
import { checkInvariant } from '../properties/invariant-property.ts';
import { recordingIo } from './recording-io.ts';

/** C4 with its sunset one day late: "through 2030" read as through 2031-01-01. */
const lateResearchSunset = withRules(kernelEngine, (rules) => ({
  ...rules,
  terms: { ...rules.terms, 'research-ip': { ...rules.terms['research-ip'], sunset: isoDate('2031-01-02') } },
})) as Engine<unknown>;

/** C9 with a rejection ending the revenue share: a new transition in a copy of the chart. */
const rejectionEndsRevenueShare = engineFor(
  alteredMachine((config) => {
    const region = config.states['revenue-share'] as unknown as { states: { holding: { on: object } } };
    region.states.holding.on = { ...region.states.holding.on, 'panel.rejected': { target: 'ended' } };
  }),
) as Engine<unknown>;

const PLANTED = [
  ['research sunset moved by one day (C4)', lateResearchSunset, 1],
  ['a rejection ends the revenue share (C9)', rejectionEndsRevenueShare, 3],
] as const;

describe.each(PLANTED)('A planted bug: %s', (_, engine, invariant) => {
  it('makes dealsim check fail with a smallest counterexample', () => {
    const report = explore({ depth: 8, combinations: assumptionCombinations(DEFAULT_ASSUMPTIONS), engine });
    expect(report.counterexample?.violations.map((violation) => violation.invariant)).toContain(invariant);
    // Breadth-first: nothing shorter breaks it (the empty future for the sunset, one declaration and its rejection for C9).
    expect(report.counterexample?.events.length).toBe(invariant === 1 ? 0 : 2);
  });

  it('makes dealsim fuzz fail with a shrunk counterexample, its seed and path', () => {
    const report = fuzz({ runs: 300, seed: 7, engine });
    expect(report.failure).not.toBeNull();
    expect(report.failure?.violations.map((violation) => violation.invariant)).toContain(invariant);
    const again = fuzz({ runs: 300, seed: 7, engine, path: report.failure?.path ?? '' });
    expect(again.failure?.events).toEqual(report.failure?.events);
  });

  it('makes the invariant property fail', () => {
    const property = INVARIANTS.find((candidate) => candidate.id === invariant);
    if (!property) throw new Error(`no invariant ${invariant}`);
    expect(checkInvariant(property, { numRuns: 200, engine }).failed).toBe(true);
  });

  it('prints a counterexample that dealsim simulate replays with the real rules', async () => {
    const report = explore({ depth: 8, combinations: [DEFAULT_ASSUMPTIONS], engine });
    const dir = mkdtempSync(join(tmpdir(), 'dealsim-planted-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'counterexample.jsonl');
    writeFileSync(file, jsonl(report.counterexample?.events ?? []));
    const { io, out } = recordingIo();
    // The explorer ran on the deal as signed (no history): replay the counterexample the same way.
    expect(await main(['simulate', file, '--json', '--history', 'none'], io)).toBe(0);
    const terms = JSON.parse(out()).terms as { id: string; intervals: { until: string | null }[] }[];
    const term = terms.find(({ id }) => id === (invariant === 1 ? 'research-ip' : 'revenue-share'));
    // The real rules keep the invariant on the same future.
    expect(term?.intervals).toEqual([expect.objectContaining({ until: invariant === 1 ? '2031-01-01' : null })]);
  });
});

describe('The real rules', () => {
  it('pass the same fuzz run that catches the planted bugs', () => {
    expect(fuzz({ runs: 300, seed: 7, engine: kernelEngine as Engine<unknown> }).failure).toBeNull();
  });
});

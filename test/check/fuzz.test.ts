/** `dealsim fuzz`: seeded random futures through invariants 1-8, with progress only on a terminal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { toDayNumber } from '../../src/domain/dates.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { fuzz } from '../../src/fuzz/fuzz.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { recordingIo } from './recording-io.ts';

describe('C2 panel deadline in the fuzzed futures', () => {
  it('rules on the last day of a 90-day deadline, and never keeps a ruling on the day it lapses', () => {
    const assumptions = { ...DEFAULT_ASSUMPTIONS, 'panel-deadline-days': 90 };
    const futures = fc.sample(futureArbitrary({ assumptions, deadlineRulings: true, conduct: false }), {
      numRuns: 200,
      seed: 1,
    });
    const gaps = futures.flatMap(({ events }) =>
      events.slice(1).flatMap(({ event }, i) => {
        const previous = events[i]?.event;
        return previous?.type === 'agi.declared' && event.type.startsWith('panel.')
          ? [toDayNumber(event.date) - toDayNumber(previous.date)]
          : [];
      }),
    );
    expect(gaps).toContain(89);
    expect(gaps).toContain(0);
    expect(gaps.every((gap) => gap < 90)).toBe(true);
  });
});

describe('dealsim fuzz', () => {
  it('passes on the real rules and says so with the seed (exit 0)', async () => {
    const { io, out, err } = recordingIo();
    expect(await main(['fuzz', '--runs', '60', '--seed', '11'], io)).toBe(0);
    expect(out()).toMatch(/60 random futures, seed 11, .*all 8 invariants held/);
    expect(err()).toBe('');
  });

  it('prints one JSON object with --json, the fixed assumptions honoured', async () => {
    const { io, out } = recordingIo();
    const code = await main(['fuzz', '--runs', '30', '--seed', '5', '--assume', 'after-rejection=final', '--json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(out())).toMatchObject({ passed: true, runs: 30, seed: 5, failure: null });
  });

  it('reports progress on stderr only when stderr is a terminal', async () => {
    const { io, err } = recordingIo(true);
    expect(await main(['fuzz', '--runs', '500', '--seed', '2'], io)).toBe(0);
    expect(err()).toContain('dealsim fuzz: 500 futures');
  });

  it('is reproducible: the same seed draws the same futures', () => {
    const options = {
      runs: 40,
      seed: 99,
      fixed: { 'agi-ends-exclusivity': 'declaration' as const },
      engine: kernelEngine,
    };
    const a = fuzz(options);
    const b = fuzz(options);
    expect(a).toEqual(b);
  });

  it('refuses bad options with exit 2', async () => {
    const { io, err } = recordingIo();
    expect(await main(['fuzz', '--runs', '0'], io)).toBe(2);
    expect(err()).toContain('--runs 0 is not a whole number of at least 1');
    expect(await main(['fuzz', '--engine', 'fast'], io)).toBe(2);
    expect(err()).toContain('--engine fast is not an engine');
    expect(await main(['fuzz', '--seed', '1', '--path', 'abc'], io)).toBe(2);
    expect(err()).toContain('--path abc is not a fast-check path');
    // A well-formed path that the seed's runs never take is the user's input too, not an internal error.
    expect(await main(['fuzz', '--seed', '1', '--path', '0:0:0:0:0:0:0:0:0:0:0:0:0:0'], io)).toBe(2);
    expect(err()).toContain('--path 0:0:0:0:0:0:0:0:0:0:0:0:0:0 is not a path that seed 1 takes');
  });
});

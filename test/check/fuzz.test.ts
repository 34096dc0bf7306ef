/** `dealsim fuzz`: seeded random futures through invariants 1-8, with progress only on a terminal. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fuzz } from '../../src/fuzz/fuzz.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import { recordingIo } from './recording-io.ts';

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
  });
});

/**
 * The statechart builds when its module loads (machines/deal.machine.ts): a chart that cannot
 * be built — a region without its initial state, a target that does not exist, a missing
 * region — must fail a test, not only the import of every file that uses it (a test runner
 * reports an import error apart from its tests). So the modules are imported inside the test.
 * The replay checked is the chart's own calendar: C4 research IP to the end of 2030, C3 model
 * and product IP to the end of 2032, on both engines.
 */
import { describe, expect, it } from 'vitest';
// A type only: erased, so it loads nothing before the test.
import type { Engine } from '../../src/replay/engine.ts';

describe('C0 the statechart builds when it loads', () => {
  it('loads, compiles to the kernel, and replays the C3 and C4 sunsets on both engines', async () => {
    const { DEFAULT_ASSUMPTIONS } = await import('../../src/domain/assumptions.ts');
    const { replay } = await import('../../src/replay/replay.ts');
    const { xstateEngine } = await import('../../src/replay/engine.ts');
    const { kernelEngine } = await import('../../src/kernel/engine.ts');
    for (const engine of [xstateEngine, kernelEngine] as Engine<unknown>[]) {
      const replayed = replay([], { assumptions: DEFAULT_ASSUMPTIONS }, { engine });
      const spans = (term: keyof typeof replayed.timelines) =>
        replayed.timelines[term].map(({ from, until }) => [from, until]);
      expect(spans('research-ip')).toEqual([['2025-10-28', '2031-01-01']]);
      expect(spans('model-product-ip')).toEqual([['2025-10-28', '2033-01-01']]);
      expect(spans('azure-commitment')).toEqual([['2025-10-28', null]]);
      expect(replayed.agi).toBe('none');
    }
  });
});

/**
 * The kernel is compiled from a chart, not written by hand: a change to the chart (a new
 * transition, another guard) changes the table, features the kernel does not model are refused,
 * and the deal kernel's snapshots persist and restore like XState's (invariant 7).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { compileKernel } from '../../src/kernel/compile.ts';
import { DEAL_KERNEL, kernelEngine } from '../../src/kernel/engine.ts';
import { xstateEngine } from '../../src/replay/engine.ts';

const toy = (withReopen: boolean) =>
  setup({
    types: { context: {} as { n: number }, events: {} as { type: 'close' } | { type: 'reopen' } },
    guards: { isSmall: ({ context }) => context.n < 2 },
    actions: { count: assign({ n: ({ context }) => context.n + 1 }) },
  }).createMachine({
    type: 'parallel',
    context: { n: 0 },
    states: {
      'research-ip': {
        initial: 'holding',
        states: {
          holding: { tags: ['research-ip'], on: { close: { target: 'ended', guard: 'isSmall', actions: 'count' } } },
          ended: withReopen ? { on: { reopen: 'holding' } } : {},
        },
      },
    },
  });

describe('C0 kernel compiled from the statechart', () => {
  it('follows the chart: adding a transition adds an event column and changes the table', () => {
    const without = compileKernel(toy(false), ['research-ip']);
    const withReopen = compileKernel(toy(true), ['research-ip']);
    expect(without.eventTypes).toEqual(['close']);
    expect(withReopen.eventTypes).toEqual(['close', 'reopen']);
    expect(without.reachable).toEqual([0, 1]);
    // Ended without outgoing transitions reads as ended; with a way back it reads as suspended.
    expect([...without.termStatusCode]).toEqual([0, 2]);
    expect([...withReopen.termStatusCode]).toEqual([0, 1]);
    const entry = without.table[0 * without.eventTypes.length + 0];
    expect(entry?.[0]?.[0]?.label).toBe('(machine).research-ip.holding close [isSmall] → ended');
  });

  it('keeps guards and actions as the machine’s own implementations', () => {
    const kernel = compileKernel(toy(false), ['research-ip']);
    const close = kernel.table[0]?.[0]?.[0];
    expect(close?.guard?.({ n: 1 } as never, { type: 'close' } as never)).toBe(true);
    expect(close?.guard?.({ n: 5 } as never, { type: 'close' } as never)).toBe(false);
    expect(close?.actions[0]?.({ n: 1 } as never, { type: 'close' } as never)).toEqual({ n: 2 });
  });

  it('refuses chart features it does not compile, naming the state', () => {
    const entry = setup({}).createMachine({
      type: 'parallel',
      states: { r: { initial: 'a', states: { a: { entry: () => {} } } } },
    });
    expect(() => compileKernel(entry, [])).toThrow(/entry\/exit actions/);
  });

  it('covers the deal chart: every region, every event type, reachable configurations only', () => {
    expect(DEAL_KERNEL.regions.map((r) => r.key)).toContain('research-ip');
    expect(DEAL_KERNEL.eventTypes).toEqual(
      expect.arrayContaining([
        'agi.declared',
        'panel.verified',
        'panel.lapsed',
        'calendar.sunset',
        'revenue.recognized',
      ]),
    );
    expect(DEAL_KERNEL.reachable.length).toBeLessThanOrEqual(DEAL_KERNEL.idSpace);
  });

  it('persists and restores a state as data (invariant 7)', () => {
    let state = kernelEngine.start({ assumptions: DEFAULT_ASSUMPTIONS });
    state = kernelEngine.step(state, { type: 'agi.declared', date: '2028-01-01' as IsoDate });
    const restored = kernelEngine.restore(kernelEngine.persist(state), { assumptions: DEFAULT_ASSUMPTIONS });
    expect(restored).toEqual(state);
    expect(kernelEngine.agiStatus(restored)).toBe('pending');
  });
});

describe('C0 kernel table built as configurations are met', () => {
  /** Each region's candidates as labels: what a table entry says, comparable across kernels. */
  const labels = (entry: ReturnType<typeof DEAL_KERNEL.entry>) => entry?.map((list) => list.map((t) => t.label));

  it('gives every entry the chart’s own candidates: each region’s transitions from its state on that event', () => {
    const kernel = compileKernel(dealMachine, TERM_IDS);
    const E = kernel.eventTypes.length;
    let checked = 0;
    for (const config of kernel.reachable) {
      const value = Object.fromEntries(
        kernel.regions.map((region) => [
          region.key,
          region.states[Math.floor(config / region.stride) % region.states.length],
        ]),
      );
      for (let e = 0; e < E; e++) {
        const eventType = kernel.eventTypes[e] as string;
        // Straight from the machine's state nodes, in region (document) order.
        const fromChart = kernel.regions.map((region) => {
          const node = dealMachine.root.states[region.key]?.states[value[region.key] as string];
          return (node?.transitions.get(eventType) ?? []).length;
        });
        const entry = kernel.entry(config, e);
        if (fromChart.every((count) => count === 0)) expect(entry).toBeUndefined();
        else expect(entry?.map((list) => list.length)).toEqual(fromChart);
        checked++;
      }
    }
    expect(checked).toBe(kernel.reachable.length * E);
  });

  it('answers the same whatever order entries are first asked for in', () => {
    const inOrder = compileKernel(dealMachine, TERM_IDS);
    const shuffled = compileKernel(dealMachine, TERM_IDS);
    const E = inOrder.eventTypes.length;
    const keys = inOrder.reachable.flatMap((config) => Array.from({ length: E }, (_, e) => [config, e] as const));
    fc.assert(
      fc.property(fc.shuffledSubarray(keys, { minLength: 1, maxLength: 200 }), (sample) => {
        for (const [config, e] of sample)
          expect(labels(shuffled.entry(config, e))).toEqual(labels(inOrder.table[config * E + e]));
      }),
      { numRuns: 20 },
    );
  });

  it('never meets a configuration outside the searched reachable set while replaying valid futures', () => {
    const reachable = new Set(DEAL_KERNEL.reachable);
    fc.assert(
      fc.property(futureArbitrary({ amendments: true, maxEvents: 14 }), (future) => {
        let state = kernelEngine.start({ assumptions: future.assumptions });
        expect(reachable.has(state.config)).toBe(true);
        for (const { event } of future.events) {
          state = kernelEngine.step(state, event);
          expect(reachable.has(state.config)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('C0 kernel: each configuration’s statuses are those of its regions’ states', () => {
  it('gives every id the term statuses, holding mask and AGI state XState reads from its state names', () => {
    const { idSpace, holdingMask, terms } = DEAL_KERNEL;
    for (let config = 0; config < idSpace; config++) {
      const state = { config, context: undefined as never };
      // XState's engine reads statuses from the state value's names: a model apart from the kernel's tables.
      const snapshot = { value: kernelEngine.stateValue(state) } as never;
      terms.forEach((term, t) => {
        const status = xstateEngine.termStatus(snapshot, term);
        expect(kernelEngine.termStatus(state, term)).toBe(status);
        expect(((holdingMask[config] as number) >> t) & 1).toBe(status === 'holding' ? 1 : 0);
      });
      expect(kernelEngine.agiStatus(state)).toBe(xstateEngine.agiStatus(snapshot));
    }
  });
});

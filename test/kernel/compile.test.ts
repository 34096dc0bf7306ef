/**
 * The kernel is compiled from a chart, not written by hand: a change to the chart (a new
 * transition, another guard) changes the table, features the kernel does not model are refused,
 * and the deal kernel's snapshots persist and restore like XState's (invariant 7).
 */

import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { compileKernel } from '../../src/kernel/compile.ts';
import { DEAL_KERNEL, kernelEngine } from '../../src/kernel/engine.ts';

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

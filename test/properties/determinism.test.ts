/** Invariant 7: replay is deterministic, and a persisted snapshot plus the remaining events equals the whole. */
import { describe, expect, it } from 'vitest';
import type { DealContext } from '../../machines/deal.machine.ts';
import { determinism } from '../../src/invariants/determinism.ts';
import { checkFuture } from '../../src/invariants/index.ts';
import { type KernelState, kernelEngine } from '../../src/kernel/engine.ts';
import type { Engine } from '../../src/replay/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('Determinism (invariant 7): same log, same result; snapshot plus the rest equals the whole', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(determinism, { assumptions, numRuns: 10 });
  });

  it('holds with the reference XState engine, snapshots after every prefix', () => {
    assertInvariant(determinism, { numRuns: 40, engine: REFERENCE, depth: 'all' });
  });

  it('is broken by an engine whose persisted snapshot forgets the AGI dates', () => {
    const forgetful: Engine<KernelState> = {
      ...kernelEngine,
      persist: (state) => {
        const persisted = kernelEngine.persist(state) as { context: DealContext };
        return { ...persisted, context: { ...persisted.context, agi: { ...persisted.context.agi, declaredOn: null } } };
      },
    };
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.rejected', date: '2028-03-01' });
    const [violation] = checkFuture(events, {}, { engine: forgetful, invariants: [determinism] });
    expect(violation).toMatchObject({ invariant: 7 });
    expect(violation?.message).toContain('restoring the snapshot after line 1');
  });
});

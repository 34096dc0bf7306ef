/**
 * Invariant 7 in small: each engine reports the same statuses, and a persisted snapshot restores
 * to the same state on either engine. Example-based, for mutation testing (the random
 * differential suite in test/differential is too slow to run against every mutant).
 */
import { describe, expect, it } from 'vitest';
import { type DealInput } from '../../machines/deal.machine.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { DealEvent } from '../../src/domain/events.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { actorEngine, type Engine, xstateEngine } from '../../src/replay/engine.ts';

const input: DealInput = {
  assumptions: { ...DEFAULT_ASSUMPTIONS, 'agi-ends-exclusivity': 'declaration', 'compute-cap-lifts': 'declaration' },
};

const events = [
  { type: 'agi.declared', date: '2028-03-01' },
  { type: 'azure.purchased', date: '2028-04-01', amountUsd: 250e9 },
] as DealEvent[];

function run<S>(engine: Engine<S>, upTo = events.length): S {
  let state = engine.start(input);
  for (const event of events.slice(0, upTo)) state = engine.step(state, event);
  return state;
}

describe.each([xstateEngine, actorEngine] as Engine<unknown>[])('C1, C2, C8, C10 on the $name engine', (engine) => {
  it('starts with every term holding and no declaration', () => {
    const state = engine.start(input);
    expect(engine.agiStatus(state)).toBe('none');
    for (const term of TERM_IDS) expect(engine.termStatus(state, term)).toBe('holding');
    expect(engine.context(state).agi.declaredOn).toBeNull();
  });

  it('maps suspended and lifted to suspended, fulfilled to ended', () => {
    const state = run(engine);
    expect(engine.agiStatus(state)).toBe('pending');
    expect(engine.termStatus(state, 'ip-exclusivity')).toBe('suspended');
    expect(engine.termStatus(state, 'compute-threshold')).toBe('suspended');
    expect(engine.termStatus(state, 'azure-commitment')).toBe('ended');
    expect(engine.termStatus(state, 'research-ip')).toBe('holding');
    expect(engine.stateValue(state)).toMatchObject({
      agi: 'pending',
      'ip-exclusivity': 'suspended',
      'compute-threshold': 'lifted',
      'azure-commitment': 'fulfilled',
    });
    expect(engine.context(state).agi.declaredOn).toBe('2028-03-01');
    expect(engine.context(state).ledger.azurePurchasedUsd).toBe(250e9);
  });

  it.each([0, 1, 2])('persists after %i events and restores to the same state on both engines', (cut) => {
    const persisted = JSON.parse(JSON.stringify(engine.persist(run(engine, cut))));
    for (const target of [xstateEngine, actorEngine] as Engine<unknown>[]) {
      let restored = target.restore(persisted, input);
      for (const event of events.slice(cut)) restored = target.step(restored, event);
      const whole = run(target);
      expect(target.stateValue(restored)).toEqual(target.stateValue(whole));
      expect(target.context(restored)).toEqual(target.context(whole));
    }
  });
});

/** Invariant 6 (C2 and every term): the status on day D depends only on events dated up to D. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { EFFECTIVE_DATE } from '../../src/domain/dates.ts';
import { checkFuture } from '../../src/invariants/index.ts';
import { timeTravel } from '../../src/invariants/time-travel.ts';
import { type KernelState, kernelEngine } from '../../src/kernel/engine.ts';
import type { Engine } from '../../src/replay/engine.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('Time travel (invariant 6): --at D sees only events up to D; later events change nothing before them', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(timeTravel, { assumptions, numRuns: 10 });
  });

  it('holds on random futures and assumptions with the reference XState engine, every prefix deep', () => {
    assertInvariant(timeTravel, { numRuns: 40, engine: REFERENCE, depth: 'all' });
  });

  it('holds across a panel deadline that falls after the cut (panel-deadline-days=90)', () => {
    const events = log(
      { type: 'agi.declared', date: '2030-12-01' },
      { type: 'agi.declared', date: '2031-03-02' },
      { type: 'panel.verified', date: '2031-03-02' },
    );
    const input = { assumptions: { ...DEFAULT_ASSUMPTIONS, 'panel-deadline-days': 90 } };
    expect(checkFuture(events, input, { invariants: [timeTravel] })).toEqual([]);
  });

  it('is broken by an engine that leaks a later verification into earlier days', () => {
    // A planted bug: the engine remembers, across replays, that it once saw a verification, and
    // starts every later replay with research IP already ended, so `--at` sees the future.
    let sawVerification = false;
    const leaking: Engine<KernelState> = {
      ...kernelEngine,
      start: (input) => {
        const state = kernelEngine.start(input);
        const sunset = { type: 'calendar.sunset', term: 'research-ip', date: EFFECTIVE_DATE } as const;
        return sawVerification ? kernelEngine.step(state, sunset) : state;
      },
      step: (state, event) => {
        if (event.type === 'panel.verified') sawVerification = true;
        return kernelEngine.step(state, event);
      },
    };
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2028-06-01' });
    const [violation] = checkFuture(events, {}, { engine: leaking, invariants: [timeTravel] });
    expect(violation).toMatchObject({ invariant: 6 });
    expect(violation?.message).toContain('--at');
  });
});

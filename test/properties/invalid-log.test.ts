/** Invariant 8 (C2): an invalid log is rejected whole with an error naming its line; nothing half-applied. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { isoDate } from '../../src/domain/dates.ts';
import { alteredMachine, checkFuture, engineFor } from '../../src/invariants/index.ts';
import { forbiddenAgiEvent, invalidLogRejected, specAgiStatus } from '../../src/invariants/invalid-log.ts';
import { assertInvariant, COMBINATIONS, log, REFERENCE } from './invariant-property.ts';

describe('C2 invalid futures (invariant 8): rejected whole, naming the line', () => {
  it.each(COMBINATIONS)('holds on random valid futures under %s', (_, assumptions) => {
    assertInvariant(invalidLogRejected, { assumptions, numRuns: 10 });
  });

  it('holds with the reference XState engine, a forbidden line inserted after every prefix', () => {
    assertInvariant(invalidLogRejected, { numRuns: 40, engine: REFERENCE, depth: 'all' });
  });

  it('reads the AGI state of C2 from the log alone, lapses included', () => {
    const events = log({ type: 'agi.declared', date: '2028-01-01' });
    const deadline = { ...DEFAULT_ASSUMPTIONS, 'panel-deadline-days': 90 };
    expect(specAgiStatus(events, deadline, isoDate('2028-03-30'))).toBe('pending');
    expect(specAgiStatus(events, deadline, isoDate('2028-03-31'))).toBe('rejected');
    expect(forbiddenAgiEvent('rejected', { ...deadline, 'after-rejection': 'final' }, isoDate('2028-03-31')).type).toBe(
      'agi.declared',
    );
  });

  it('is broken by a chart that accepts a declaration after verification', () => {
    const lenient = engineFor(
      alteredMachine((config) => {
        const agi = config.states.agi as unknown as { states: { verified: { on?: Record<string, unknown> } } };
        agi.states.verified.on = { 'agi.declared': { target: 'pending' } };
      }),
    );
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.verified', date: '2028-02-01' });
    const [violation] = checkFuture(events, {}, { engine: lenient, invariants: [invalidLogRejected] });
    expect(violation).toMatchObject({ invariant: 8, evidence: { line: 3, event: { type: 'agi.declared' } } });
    expect(violation?.message).toContain('was accepted');
  });

  it('reports a valid future that the rules under test refuse', () => {
    const strict = engineFor(
      alteredMachine((config) => {
        const agi = config.states.agi as unknown as { states: { pending: { on: Record<string, unknown> } } };
        delete agi.states.pending.on['panel.rejected'];
      }),
    );
    const events = log({ type: 'agi.declared', date: '2028-01-01' }, { type: 'panel.rejected', date: '2028-02-01' });
    expect(checkFuture(events, {}, { engine: strict })).toMatchObject([{ invariant: 8, evidence: { line: 2 } }]);
  });
});

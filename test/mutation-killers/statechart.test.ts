/**
 * The statechart's own promises (machines/deal.machine.ts): every state carries the clause it
 * stands for, holding states carry their term's tag, and the AGI record and the amendment list
 * keep the dates and IDs the explanations print.
 */

import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { DealEvent } from '../../src/domain/events.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { xstateEngine } from '../../src/replay/engine.ts';
import { amended, declared, given, rejected, verified } from '../support/given.ts';

function atomic(node: AnyStateNode): AnyStateNode[] {
  const children = Object.values(node.states) as AnyStateNode[];
  return children.length === 0 ? [node] : children.flatMap(atomic);
}

describe('C0–C12 every state of the chart names its clause', () => {
  it('has meta with a clause or source ID and a description', () => {
    for (const node of atomic(dealMachine.root)) {
      const meta = node.meta as { clause?: string; description?: string } | undefined;
      expect(meta?.clause, node.id).toMatch(/^(C\d{1,2}|S\d)$/);
      expect(meta?.description?.length, node.id).toBeGreaterThan(10);
    }
  });

  it('tags exactly the holding states with their term', () => {
    for (const node of atomic(dealMachine.root)) {
      const [region, state] = node.path;
      const tags = [...node.tags];
      if (state === 'holding' && (TERM_IDS as readonly string[]).includes(region as string))
        expect(tags).toEqual([region]);
      else expect(tags, node.id).toEqual([]);
    }
    const start = xstateEngine.start({ assumptions: DEFAULT_ASSUMPTIONS });
    for (const term of TERM_IDS) expect(start.hasTag(term)).toBe(true);
  });
});

describe('C2 the AGI record', () => {
  it('keeps the latest declaration and the ruling dates; a rejection clears an earlier lapse', () => {
    const lapsed = given(declared('2028-01-01')).assuming({ 'panel-deadline-days': 30 }).whenReplayed();
    expect(lapsed.replayed.context.agi).toEqual({
      declaredOn: '2028-01-01',
      verifiedOn: null,
      rejectedOn: '2028-01-31',
      lapsedOn: '2028-01-31',
    });
    const again = given(declared('2028-01-01'), declared('2028-03-01'), verified('2028-03-02'))
      .assuming({ 'panel-deadline-days': 30 })
      .whenReplayed();
    expect(again.replayed.context.agi).toEqual({
      declaredOn: '2028-03-01',
      verifiedOn: '2028-03-02',
      rejectedOn: '2028-01-31',
      // The latest ruling on a declaration was the lapse; verification does not rewrite it.
      lapsedOn: '2028-01-31',
    });
    const ruled = given(declared('2028-01-01'), declared('2028-02-15'), rejected('2028-03-01'))
      .assuming({ 'panel-deadline-days': 30 })
      .whenReplayed();
    expect(ruled.replayed.context.agi).toEqual({
      declaredOn: '2028-02-15',
      verifiedOn: null,
      rejectedOn: '2028-03-01',
      lapsedOn: null,
    });
  });

  it('under after-rejection=final the chart itself refuses a second declaration', () => {
    let snapshot = xstateEngine.start({ assumptions: { ...DEFAULT_ASSUMPTIONS, 'after-rejection': 'final' } });
    for (const event of [
      { type: 'agi.declared', date: '2028-01-01' },
      { type: 'panel.rejected', date: '2028-02-01' },
      { type: 'agi.declared', date: '2028-03-01' },
    ] as DealEvent[])
      snapshot = xstateEngine.step(snapshot, event);
    expect(xstateEngine.agiStatus(snapshot)).toBe('rejected');
    expect(snapshot.context.agi.declaredOn).toBe('2028-01-01');
  });
});

describe('C1 a pending declaration and an amendment', () => {
  it('S3 leaves the suspension of a pending declaration in place (agi-ends-exclusivity=declaration); the rejection restores the terms', () => {
    const then = given(declared('2026-01-01'), amended('2026-02-27', '2026-02-27'), rejected('2026-03-01'))
      .assuming({ 'agi-ends-exclusivity': 'declaration' })
      .whenReplayed();
    for (const term of ['ip-exclusivity', 'azure-api-exclusivity', 'compute-threshold'] as const) {
      expect(then.intervals(term), term).toEqual([
        ['2025-10-28', '2026-01-01'],
        ['2026-03-01', null],
      ]);
    }
  });
});

describe('S3, S4 the agreement region', () => {
  it('moves from as-signed to amended on the first amendment and stays there, on both engines', () => {
    const s3 = { type: 'agreement.amended', date: '2026-02-27', amendment: '2026-02-27' } as DealEvent;
    const s4 = { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' } as DealEvent;
    let snapshot = xstateEngine.start({ assumptions: DEFAULT_ASSUMPTIONS });
    expect((snapshot.value as Record<string, string>).agreement).toBe('as-signed');
    snapshot = xstateEngine.step(snapshot, s3);
    expect((snapshot.value as Record<string, string>).agreement).toBe('amended');
    snapshot = xstateEngine.step(snapshot, s4);
    expect((snapshot.value as Record<string, string>).agreement).toBe('amended');
  });
});

describe('S3, S4 the amendment list', () => {
  it('records every amendment applied, in order, from either agreement state', () => {
    const then = given(amended('2026-02-27', '2026-02-27'), amended('2026-04-27', '2026-04-27')).whenReplayed();
    expect(then.replayed.context.applied).toEqual(['2026-02-27', '2026-04-27']);
    expect(then.replayed.context.rules.productLaunch).toBe('azure-first');
    expect(then.intervals('ip-exclusivity')).toEqual([['2025-10-28', '2026-04-27']]);
  });
});

import { describe, expect, it } from 'vitest';
import { TERM_IDS, TERMS } from '../../src/domain/terms.ts';
import { toSimulationJson } from '../../src/replay/report.ts';
import { given, START } from '../support/given.ts';

describe('Terms (CLAUSES.md, "Terms: what holds when")', () => {
  it.each([
    ['research-ip', 'microsoft', 'right', 'C4', ['C4']],
    ['model-product-ip', 'microsoft', 'right', 'C3', ['C3', 'C4']],
    ['ip-exclusivity', 'microsoft', 'right', 'C1', ['C1']],
    ['azure-api-exclusivity', 'microsoft', 'right', 'C1', ['C1', 'C6']],
    ['revenue-share', 'microsoft', 'right', 'C9', ['C9']],
    ['compute-threshold', 'microsoft', 'constraint', 'C8', ['C8']],
    ['azure-commitment', 'openai', 'obligation', 'C10', ['C10']],
  ] as const)('%s is held by %s as a %s under %s', (id, holder, kind, clause, clauses) => {
    expect(TERMS[id]).toMatchObject({ id, holder, kind, clause });
    expect(TERMS[id].clauses).toEqual(expect.arrayContaining([...clauses]));
  });

  it('revenue-share-to-openai rests on S4 alone: C9 is the share to Microsoft, and no clause of C0–C12 names one to OpenAI', () => {
    expect(TERMS['revenue-share-to-openai']).toMatchObject({ clause: 'S4', clauses: [], sources: ['S4'], cited: 'S4' });
    expect(TERMS['model-product-ip'].cited).toBe('C3, C4');
    const json = toSimulationJson(given().whenReplayed().replayed);
    expect(json.terms.find((term) => term.id === 'revenue-share-to-openai')).toMatchObject({
      clause: 'S4',
      clauses: [],
    });
  });

  it('every term holds from the effective date 2025-10-28', () => {
    const then = given().whenReplayed();
    for (const term of TERM_IDS) expect(then.intervals(term)[0]?.[0], term).toBe(START);
  });

  it('a future with no events: the calendar alone ends research IP and model and product IP', () => {
    const json = toSimulationJson(given().whenReplayed().replayed);
    expect(json.terms.map(({ id, intervals }) => [id, intervals.map(({ from, until }) => [from, until])])).toEqual([
      ['research-ip', [[START, '2031-01-01']]],
      ['model-product-ip', [[START, '2033-01-01']]],
      ['ip-exclusivity', [[START, null]]],
      ['azure-api-exclusivity', [[START, null]]],
      ['revenue-share', [[START, null]]],
      ['revenue-share-to-openai', [[START, null]]],
      ['compute-threshold', [[START, null]]],
      ['azure-commitment', [[START, null]]],
    ]);
  });
});

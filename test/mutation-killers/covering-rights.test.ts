/**
 * C4 research IP under a hypothetical overlay: how long the rights covering an internal-only model
 * run is read off the research-IP interval that held on the release day, even when the term was
 * suspended and lifted (several intervals), has no end date, or was suspended again later that day.
 */
import { describe, expect, it } from 'vitest';
import { type Amendment, BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { replay } from '../../src/replay/replay.ts';
import { logOf, type PlainEvent } from '../support/given.ts';

/** Research IP with no sunset: its interval stays open. */
const UNBOUNDED: Amendment = {
  id: 'unbounded-research',
  title: 'research IP without a sunset',
  source: 'hypothetical',
  summary: 'research IP has no sunset',
  retime: { 'research-ip': { sunset: null } },
};

const amended: PlainEvent = { type: 'agreement.amended', date: '2026-06-01', amendment: UNBOUNDED.id };
const internal = (date: string): PlainEvent => ({ type: 'model.released', date, name: 'M', internalOnly: true });
const at = (type: string, date: string): PlainEvent => ({ type, date });

function coverage(...events: PlainEvent[]): string[] {
  const replayed = replay(logOf([amended, ...events]), {
    assumptions: DEFAULT_ASSUMPTIONS,
    amendments: { ...BUILT_IN_AMENDMENTS, [UNBOUNDED.id]: UNBOUNDED },
  });
  return replayed.findings
    .filter((finding) => finding.clause === 'C4')
    .map((finding) => `${finding.date as IsoDate}: ${finding.reason.replace(/^internal-only model "M" is /, '')}`);
}

describe('C4 research IP: the rights covering an internal-only model', () => {
  it('names no end date for rights with no sunset, and the verification that ends them', () => {
    expect(coverage(internal('2027-01-01'), at('agi.declared', '2028-01-01'), internal('2028-02-01'))).toEqual([
      '2027-01-01: research IP: Microsoft’s rights cover it until no end date',
      '2028-02-01: research IP: Microsoft’s rights cover it until no end date',
    ]);
    expect(
      coverage(internal('2027-01-01'), at('agi.declared', '2028-01-01'), at('panel.verified', '2028-06-01')),
    ).toEqual(['2027-01-01: research IP: Microsoft’s rights cover it until 2028-06-01']);
  });

  it('covers a model released on the effective date itself, by the interval that begins that day', () => {
    const replayed = replay(logOf([internal('2025-10-28')]), { assumptions: DEFAULT_ASSUMPTIONS });
    expect(replayed.findings.map((finding) => finding.reason)).toEqual([
      'internal-only model "M" is research IP: Microsoft’s rights cover it until 2031-01-01',
    ]);
  });
});

/**
 * The shape of `dealsim simulate --json` (src/replay/report.ts), which other tools read: the
 * history the future branched from, and each finding with its origin and source (null when the
 * line has none) and, only when undetermined, the missing facts and the verdict under each value
 * (CLAUSES.md, "Conduct events and their verdicts"; issue 10).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import { BUILTIN_HISTORY_ORIGIN, branchFrom, historyUsed, parseHistory } from '../../src/history/history.ts';
import { replay } from '../../src/replay/replay.ts';
import { findingJson, toSimulationJson } from '../../src/replay/report.ts';
import { logOf } from '../support/given.ts';

const SOURCE = 'https://openai.com/index/introducing-gpt-oss-safeguard/';
/** One history line: the 2025-10-29 open-weight release, official, with its source (C12). */
const HISTORY = parseHistory(
  `${JSON.stringify({
    type: 'model.released',
    date: '2025-10-29',
    name: 'gpt-oss-safeguard',
    openWeights: true,
    status: 'official',
    source: SOURCE,
  })}\n`,
  'builtin',
  BUILTIN_HISTORY_ORIGIN,
);

/** The user's own line: a launch on AWS before S4, a breach of C6 with no source given. */
const OWN = logOf([{ type: 'product.launched', date: '2026-01-15', name: 'Agent API', api: true, cloud: 'aws' }]);

// Replayed and rendered inside each test, never when the file loads: what a test computes at load
// runs before a mutant is switched on (StrykerJS activates it per test).
const replayHistoryAndOwn = () => replay([...branchFrom(HISTORY, OWN)], { assumptions: DEFAULT_ASSUMPTIONS });

describe('simulate --json: the history a future branched from', () => {
  it('names the history used when one is given', () => {
    const replayed = replayHistoryAndOwn();
    const used = historyUsed(HISTORY);
    const json = toSimulationJson(replayed, undefined, used);
    expect(json.history).toEqual(used);
    expect(json.history).toMatchObject({ id: 'builtin', events: 1, totalEvents: 1, lastDate: '2025-10-29' });
  });

  it('has no history field from a library call that gives none', () => {
    expect('history' in toSimulationJson(replayHistoryAndOwn())).toBe(false);
  });
});

describe('simulate --json: findings say where each line came from', () => {
  const rendered = () => {
    const replayed = replayHistoryAndOwn();
    const findings = toSimulationJson(replayed).findings;
    return {
      replayed,
      findings,
      release: findings.find((finding) => finding.date === '2025-10-29'),
      launch: findings.find((finding) => finding.date === '2026-01-15' && finding.verdict === 'breach'),
    };
  };

  it('C12 a history line: its origin and source URL, and undetermined with the fact it leaves out', () => {
    const { release } = rendered();
    expect(release).toMatchObject({
      line: 1,
      origin: BUILTIN_HISTORY_ORIGIN,
      source: SOURCE,
      status: 'official',
      verdict: 'undetermined',
      clause: 'C12',
      missingFacts: ['meetsCapabilityCriteria'],
    });
    expect(release?.outcomes?.map(({ facts, verdict }) => [facts, verdict])).toEqual([
      [{ meetsCapabilityCriteria: true }, 'permitted'],
      [{ meetsCapabilityCriteria: false }, 'breach'],
    ]);
  });

  it("C6 the user's own line: origin and source null, and no missing facts or outcomes when determined", () => {
    const { launch } = rendered();
    expect(launch).toMatchObject({ origin: null, source: null, verdict: 'breach', clause: 'C6' });
    expect(launch && 'missingFacts' in launch).toBe(false);
    expect(launch && 'outcomes' in launch).toBe(false);
  });

  it('every finding as the replay reported it, with exactly the documented fields', () => {
    const { replayed, findings } = rendered();
    expect(findings).toHaveLength(replayed.findings.length);
    for (const [index, finding] of findings.entries()) {
      const reported = replayed.findings[index];
      expect(finding).toMatchObject({
        line: reported?.line,
        date: reported?.date,
        type: reported?.type,
        verdict: reported?.verdict,
        clause: reported?.clause,
        reason: reported?.reason,
        status: reported?.status,
      });
      const keys = ['line', 'origin', 'date', 'type', 'verdict', 'clause', 'reason', 'status', 'source'];
      const open = finding.verdict === 'undetermined' ? ['missingFacts', 'outcomes'] : [];
      expect(Object.keys(finding).sort()).toEqual([...keys, ...open].sort());
    }
  });
});

describe('simulate --json: a finding given as bare fields', () => {
  it('fills an absent origin and source with null, and keeps given ones', () => {
    const fields = {
      line: 3,
      date: '2026-01-15' as IsoDate,
      type: 'product.launched',
      verdict: 'permitted',
      clause: 'C6',
      reason: 'on Azure',
      status: 'hypothetical',
    } as const;
    expect(findingJson(fields)).toEqual({ ...fields, origin: null, source: null });
    expect(findingJson({ ...fields, origin: 'history', source: SOURCE })).toEqual({
      ...fields,
      origin: 'history',
      source: SOURCE,
    });
  });
});

/**
 * Verdicts never stronger than the facts (CLAUSES.md, "Conduct events and their verdicts"): a
 * missing fact that decides a verdict makes it `undetermined`, with the fact named and the verdict
 * each value would give; facts whose absence has an ordinary meaning are never missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { amended, declared, given, launched, released, verified } from '../support/given.ts';

const S4 = amended('2026-04-27');
const offAzure = { api: true, cloud: 'aws' } as const;

describe('C12 an open-weight release that does not say whether it meets the criteria', () => {
  it('is undetermined: meetsCapabilityCriteria true → permitted, false → breach', () => {
    const finding = given(released('2025-10-29', { openWeights: true }))
      .whenReplayed()
      .finding(1, 'undetermined');
    expect(finding).toMatchObject({ clause: 'C12', missingFacts: ['meetsCapabilityCriteria'] });
    expect(finding.outcomes).toEqual([
      expect.objectContaining({ facts: { meetsCapabilityCriteria: true }, verdict: 'permitted', clause: 'C12' }),
      expect.objectContaining({ facts: { meetsCapabilityCriteria: false }, verdict: 'breach', clause: 'C12' }),
    ]);
  });

  it('has no C12 verdict at all without openWeights (closed weights is the ordinary meaning)', () => {
    expect(given(released('2025-10-29')).whenReplayed().verdicts()).toEqual([[1, 'info', 'C3']]);
  });
});

describe('S4 a launch off Azure that does not say whether it shipped first on Azure', () => {
  it('is undetermined after S4: azureFirst true → permitted, false → breach', () => {
    const finding = given(S4, launched('2026-06-01', offAzure)).whenReplayed().finding(2);
    expect(finding).toMatchObject({ verdict: 'undetermined', clause: 'S4', missingFacts: ['azureFirst'] });
    expect(finding.outcomes?.map(({ facts, verdict }) => [facts, verdict])).toEqual([
      [{ azureFirst: true }, 'permitted'],
      [{ azureFirst: false }, 'breach'],
    ]);
  });

  it('is settled by the S4 exception (both facts under the default reading), and by C11 for national security', () => {
    const exception = { azureCannotSupport: true, azureChoosesNotToSupport: true };
    expect(
      given(S4, launched('2026-06-01', { ...offAzure, ...exception }))
        .whenReplayed()
        .finding(2).verdict,
    ).toBe('permitted');
    expect(
      given(S4, launched('2026-06-01', { ...offAzure, customer: 'us-natsec' }))
        .whenReplayed()
        .finding(2),
    ).toMatchObject({ verdict: 'permitted', clause: 'C11' });
  });

  it('is not undetermined before S4: azureFirst decides nothing there (C6, C1)', () => {
    expect(given(launched('2026-01-01', offAzure)).whenReplayed().finding(1)).toMatchObject({
      verdict: 'breach',
      clause: 'C6',
    });
  });

  it('is undetermined on Azure never: a launch on Azure is always permitted', () => {
    expect(
      given(S4, launched('2026-06-01', { api: true, cloud: 'azure' }))
        .whenReplayed()
        .finding(2).verdict,
    ).toBe('permitted');
  });
});

describe('C3 coverage of a post-AGI model that does not say whether it has guardrails', () => {
  it('is undetermined under post-agi-without-guardrails=excluded, with the end date filled in', () => {
    const finding = given(declared('2028-01-01'), verified('2028-06-01'), released('2029-01-01', { postAgi: true }))
      .whenReplayed()
      .finding(3, 'undetermined');
    expect(finding.missingFacts).toEqual(['safetyGuardrails']);
    expect(finding.reason).toContain('true: Microsoft’s model and product IP rights cover "Model" until 2033-01-01');
    expect(finding.reason).toContain('false: post-AGI model "Model" has no safety guardrails: not covered');
    expect(JSON.stringify(finding)).not.toMatch(/\{until\}/);
  });

  it('is not undetermined once the rights have ended: the model is not covered either way', () => {
    expect(
      given(released('2033-06-01', { postAgi: true }))
        .whenReplayed()
        .verdicts(),
    ).toEqual([[1, 'info', 'C3']]);
  });
});

describe('the real history: the public record leaves two verdicts open', () => {
  const history = parseLog(readFileSync('src/history/real-history.jsonl', 'utf8'), 'real-history.jsonl');
  const findings = replay(history, { assumptions: DEFAULT_ASSUMPTIONS }).findings;

  it('judges the 2025-10-29 open-weight release undetermined under C12, not a breach', () => {
    const release = findings.find((f) => f.date === '2025-10-29' && f.clause === 'C12');
    expect(release).toMatchObject({ verdict: 'undetermined', missingFacts: ['meetsCapabilityCriteria'] });
  });

  it('judges the 2026-06-01 Bedrock launch undetermined under S4, and the 2026-04-28 one permitted', () => {
    const launches = findings.filter((f) => f.type === 'product.launched' && f.date >= '2026-04-28');
    expect(launches.map((f) => [f.date, f.verdict, f.clause])).toEqual([
      ['2026-04-28', 'permitted', 'S4'],
      ['2026-06-01', 'undetermined', 'S4'],
    ]);
    expect(findings.some((f) => f.verdict === 'breach')).toBe(false);
  });
});

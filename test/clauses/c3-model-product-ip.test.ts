import { describe, expect, it } from 'vitest';
import { declared, given, rejected, released, START, verified } from '../support/given.ts';

describe('C3 model and product IP', () => {
  const through2032 = [[START, '2033-01-01']];

  it('ends on 2033-01-01 when AGI is never declared', () => {
    const then = given().whenReplayed();
    expect(then.intervals('model-product-ip')).toEqual(through2032);
    expect(then.endedBy('model-product-ip')).toEqual(['calendar 2033-01-01: sunset (through 2032)']);
  });

  it('ends on 2033-01-01 when AGI is verified in 2028', () => {
    const then = given(declared('2028-03-01'), verified('2028-09-01')).whenReplayed();
    expect(then.intervals('model-product-ip')).toEqual(through2032);
  });

  it('ends on 2033-01-01 when AGI is verified in 2034', () => {
    const then = given(declared('2032-06-01'), verified('2034-01-01')).whenReplayed();
    expect(then.intervals('model-product-ip')).toEqual(through2032);
  });

  it('ends on 2033-01-01 under a declaration and a rejection, whatever exclusivity does', () => {
    const then = given(declared('2027-01-01'), rejected('2027-02-01'))
      .assuming({ 'agi-ends-exclusivity': 'declaration', 'compute-cap-lifts': 'declaration' })
      .whenReplayed();
    expect(then.intervals('model-product-ip')).toEqual(through2032);
  });

  it('holds on 2032-12-31 and not on 2033-01-01, even with a verification on 2032-12-31', () => {
    const then = given(declared('2032-01-01'), verified('2032-12-31')).whenReplayed();
    expect(then.holds('model-product-ip', '2032-12-31')).toBe(true);
    expect(then.holds('model-product-ip', '2033-01-01')).toBe(false);
  });

  describe('coverage of released models (info finding)', () => {
    it('covers an ordinary model until 2033-01-01', () => {
      const finding = given(released('2029-01-01')).whenReplayed().finding(1, 'info');
      expect(finding.clause).toBe('C3');
      expect(finding.reason).toContain('cover "Model" until 2033-01-01');
    });

    it('covers a model released on 2032-12-31 until 2033-01-01', () => {
      const finding = given(released('2032-12-31')).whenReplayed().finding(1, 'info');
      expect(finding.reason).toContain('until 2033-01-01');
    });

    it('does not cover a model released on 2033-01-01', () => {
      const finding = given(released('2033-01-01')).whenReplayed().finding(1, 'info');
      expect(finding.clause).toBe('C3');
      expect(finding.reason).toContain('have ended: "Model" is not covered');
    });

    it('covers a post-AGI model with safety guardrails', () => {
      const then = given(
        declared('2028-03-01'),
        verified('2028-09-01'),
        released('2029-01-01', { postAgi: true, safetyGuardrails: true }),
      ).whenReplayed();
      expect(then.finding(3, 'info').reason).toContain('until 2033-01-01');
    });

    it('excludes a post-AGI model without guardrails under post-agi-without-guardrails=excluded', () => {
      const finding = given(released('2029-01-01', { postAgi: true, safetyGuardrails: false }))
        .whenReplayed()
        .finding(1, 'info');
      expect(finding.clause).toBe('C3');
      expect(finding.reason).toContain('not covered');
      expect(finding.reason).toContain('post-agi-without-guardrails=excluded');
    });

    it('leaves coverage undetermined for a post-AGI model that says nothing of guardrails under the default reading', () => {
      const finding = given(released('2029-01-01', { postAgi: true }))
        .whenReplayed()
        .finding(1, 'undetermined');
      expect(finding.clause).toBe('C3');
      expect(finding.missingFacts).toEqual(['safetyGuardrails']);
      expect(finding.outcomes?.map(({ facts, verdict }) => [facts, verdict])).toEqual([
        [{ safetyGuardrails: true }, 'info'],
        [{ safetyGuardrails: false }, 'info'],
      ]);
      expect(finding.outcomes?.[0]?.reason).toContain('cover "Model" until 2033-01-01');
      expect(finding.outcomes?.[1]?.reason).toContain('not covered');
      expect(finding.reason).not.toContain('\uFDD0');
    });

    it('quotes a model named with the words of the placeholder as named: only the covering term’s end is filled in', () => {
      const named = given(released('2029-01-01', { name: '{until}' }))
        .whenReplayed()
        .finding(1, 'info');
      expect(named.reason).toBe('Microsoft’s model and product IP rights cover "{until}" until 2033-01-01');
      const internal = given(released('2027-01-01', { name: 'a {until} b', internalOnly: true }))
        .whenReplayed()
        .finding(1, 'info');
      expect(internal.reason).toBe(
        'internal-only model "a {until} b" is research IP: Microsoft’s rights cover it until 2031-01-01',
      );
      // Undetermined: the subject, then each outcome's reason, all quoting the name.
      const open = given(released('2029-01-01', { name: '{until}', postAgi: true }))
        .whenReplayed()
        .finding(1, 'undetermined');
      expect(open.reason.match(/"\{until\}"/g)).toHaveLength(3);
      expect(open.reason).toContain('cover "{until}" until 2033-01-01; false:');
      expect(open.outcomes?.[0]?.reason).toBe(
        'Microsoft’s model and product IP rights cover "{until}" until 2033-01-01',
      );
    });

    it('covers a post-AGI model that says nothing of guardrails under post-agi-without-guardrails=included: the fact does not matter', () => {
      const finding = given(released('2029-01-01', { postAgi: true }))
        .assuming({ 'post-agi-without-guardrails': 'included' })
        .whenReplayed()
        .finding(1, 'info');
      expect(finding.reason).toContain('cover "Model" until 2033-01-01');
    });

    it('covers a post-AGI model without guardrails until 2033-01-01 under post-agi-without-guardrails=included', () => {
      const finding = given(released('2029-01-01', { postAgi: true, safetyGuardrails: false }))
        .assuming({ 'post-agi-without-guardrails': 'included' })
        .whenReplayed()
        .finding(1, 'info');
      expect(finding.clause).toBe('C3');
      expect(finding.reason).toContain('cover "Model" until 2033-01-01');
    });

    it('does not cover a post-AGI model without guardrails after 2032 under either reading', () => {
      for (const reading of ['excluded', 'included'] as const) {
        const finding = given(released('2033-01-01', { postAgi: true, safetyGuardrails: false }))
          .assuming({ 'post-agi-without-guardrails': reading })
          .whenReplayed()
          .finding(1, 'info');
        expect(finding.reason).toContain('not covered');
      }
    });
  });
});

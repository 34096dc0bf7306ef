/**
 * The reasons of permitted launches, releases and training runs (C6, C11, C12, C7; S3, S4), and of
 * undetermined findings (C12, C3), under each reading the assumptions allow: each
 * verdict says why in words, built only when the finding is read. Pinned line by line.
 */
import { describe, expect, it } from 'vitest';
import { given } from '../support/given.ts';

const launch = (date: string, fields: Record<string, unknown>) => ({
  type: 'product.launched',
  date,
  name: 'P',
  api: true,
  cloud: 'gcp',
  ...fields,
});
const s3 = { type: 'agreement.amended', date: '2026-02-27', amendment: '2026-02-27' };
const s4 = { type: 'agreement.amended', date: '2026-04-27', amendment: '2026-04-27' };

describe('C6, C11, C12, C7 the reasons of permitted and breached conduct', () => {
  it('C6 and C11: a launch on Azure, and national-security API access anywhere', () => {
    const then = given(
      launch('2026-01-01', { cloud: 'azure' }),
      launch('2026-01-02', { customer: 'us-natsec' }),
    ).whenReplayed();
    expect(then.finding(1).reason).toBe('API product "P" is served on Azure');
    expect(then.finding(2).reason).toBe('API access for a US national-security customer may run on any cloud (gcp)');
  });

  it('S3 and S4: first-party off Azure while exclusivity holds, then Azure first, the exception, or neither', () => {
    const then = given(
      s3,
      launch('2026-03-01', { api: false }),
      s4,
      launch('2026-05-01', { azureFirst: true }),
      launch('2026-05-02', { azureCannotSupport: true, azureChoosesNotToSupport: true, thirdParty: 'T' }),
      launch('2026-05-03', { azureFirst: false }),
      launch('2026-05-04', { stateful: true }),
    )
      .assuming({ 's3-first-party': 'azure-only' })
      .whenReplayed();
    expect(then.finding(2).reason).toBe(
      'first-party non-API product "P" on gcp: first-party products stay on Azure while exclusivity holds (C6 as S3 states it; assumption s3-first-party=azure-only)',
    );
    expect(then.finding(4).reason).toBe('API product "P" shipped first on Azure, so it may also run on gcp');
    expect(then.finding(5).reason).toBe(
      'Microsoft cannot and chooses not to support API product "P" (with T), so it need not ship first on Azure and may run on gcp (assumption s4-exception)',
    );
    expect(then.finding(6).reason).toBe(
      'API product "P" on gcp did not ship first on Azure, and the S4 exception does not hold',
    );
    expect(then.finding(7).reason).toBe(
      'stateful API product "P" on gcp: the record does not say whether it shipped first on Azure (azureFirst); true → permitted (S4), false → breach (S4)',
    );
  });

  it('C12 and C7: open weights that meet the criteria, training within the threshold', () => {
    const then = given(
      { type: 'model.released', date: '2027-01-01', name: 'W', openWeights: true, meetsCapabilityCriteria: true },
      { type: 'msft.training-run', date: '2027-02-01', usesOpenAiIp: true, computeFlop: 1e27 },
    ).whenReplayed();
    expect(then.findingsOf(1)[0]?.reason).toBe('open-weight model "W" meets the requisite capability criteria');
    expect(then.finding(2).reason).toBe('1e27 FLOP with OpenAI IP is within the 1e28 FLOP threshold');
  });
});

describe('S3, S4 the readings of stateful API products and of the S4 exception', () => {
  it('S3 under stateful-api=outside: a stateful API product is judged like a non-API one, and says so', () => {
    const then = given(launch('2026-01-01', { stateful: true }))
      .assuming({ 'stateful-api': 'outside' })
      .whenReplayed();
    expect(then.finding(1)).toMatchObject({ verdict: 'permitted', clause: 'S3' });
    expect(then.finding(1).reason).toBe(
      'stateful API product "P" on gcp: S3 puts only stateless API calls on Azure, so a stateful API product is judged like a non-API product (assumption stateful-api=outside)',
    );
  });

  it('S4 cannot-and-chooses-not (default): choosing not to support alone is not the exception', () => {
    const then = given(s4, launch('2026-05-01', { azureFirst: false, azureChoosesNotToSupport: true })).whenReplayed();
    expect(then.finding(2)).toMatchObject({ verdict: 'breach', clause: 'S4' });
  });

  it('S4 cannot-or-chooses-not: with neither fact the exception does not hold either', () => {
    const then = given(s4, launch('2026-05-01', { azureFirst: false }))
      .assuming({ 's4-exception': 'cannot-or-chooses-not' })
      .whenReplayed();
    expect(then.finding(2)).toMatchObject({ verdict: 'breach', clause: 'S4' });
    const chooses = given(s4, launch('2026-05-01', { azureFirst: false, azureChoosesNotToSupport: true }))
      .assuming({ 's4-exception': 'cannot-or-chooses-not' })
      .whenReplayed();
    expect(chooses.finding(2).reason).toBe(
      'Microsoft cannot or chooses not to support API product "P", so it need not ship first on Azure and may run on gcp (assumption s4-exception)',
    );
  });
});

describe('C12, C3 the reasons of undetermined findings name the subject, the fact and each outcome', () => {
  it('C12: open weights without meetsCapabilityCriteria, one verdict per value', () => {
    const then = given({ type: 'model.released', date: '2027-01-01', name: 'W', openWeights: true }).whenReplayed();
    expect(then.finding(1, 'undetermined').reason).toBe(
      'open-weight model "W": the record does not say whether it meets the requisite capability criteria (meetsCapabilityCriteria); true → permitted (C12), false → breach (C12)',
    );
  });

  it('C3: a post-AGI model without safetyGuardrails, told apart by the reason of each value (both info)', () => {
    const then = given({ type: 'model.released', date: '2027-01-01', name: 'M', postAgi: true }).whenReplayed();
    const finding = then.finding(1, 'undetermined');
    expect(finding).toMatchObject({ clause: 'C3', coveredBy: 'model-product-ip' });
    expect(finding.reason).toBe(
      'post-AGI model "M" and Microsoft’s IP rights (C3): the record does not say whether it has safety guardrails (safetyGuardrails); ' +
        'true: Microsoft’s model and product IP rights cover "M" until 2033-01-01; ' +
        'false: post-AGI model "M" has no safety guardrails: not covered by Microsoft’s IP rights (assumption post-agi-without-guardrails=excluded)',
    );
  });
});

/**
 * The reasons of permitted launches, releases and training runs (C6, C11, C12, C7; S3, S4): each
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

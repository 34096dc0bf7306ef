import { describe, expect, it } from 'vitest';
import { declared, given, launched, rejected, released, verified } from '../support/given.ts';

describe('C6/C11/C1 product.launched', () => {
  it('is permitted on Azure, API or not, with a third party or not', () => {
    const then = given(
      launched('2027-01-01', { api: true, cloud: 'azure', thirdParty: 'Amazon' }),
      launched('2027-01-01', { api: false, cloud: 'azure' }),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C6'],
      [2, 'permitted', 'C6'],
    ]);
  });

  it('is permitted off Azure for a non-API product (C6)', () => {
    const finding = given(launched('2027-01-01', { api: false, cloud: 'aws', thirdParty: 'Jony Ive' }))
      .whenReplayed()
      .finding(1);
    expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C6' });
    expect(finding.reason).toContain('non-API products may be served on any cloud (aws)');
  });

  it('is permitted off Azure for an API product for a US national-security customer (C11)', () => {
    const finding = given(launched('2027-01-01', { api: true, cloud: 'gcp', customer: 'us-natsec' }))
      .whenReplayed()
      .finding(1);
    expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C11' });
  });

  it('is a breach off Azure for an API product for any other customer while Azure API exclusivity holds', () => {
    const finding = given(launched('2027-01-01', { api: true, cloud: 'gcp', customer: 'acme-bank' }))
      .whenReplayed()
      .finding(1);
    expect(finding).toMatchObject({ verdict: 'breach', clause: 'C6' });
  });

  it('is a breach off Azure for a third-party API product while Azure API exclusivity holds', () => {
    const finding = given(launched('2027-01-01', { api: true, cloud: 'aws', thirdParty: 'Amazon' }))
      .whenReplayed()
      .finding(1);
    expect(finding).toMatchObject({ verdict: 'breach', clause: 'C6' });
    expect(finding.reason).toContain('(with Amazon) on aws while Microsoft’s Azure API exclusivity holds');
  });

  it('is a breach off Azure for a first-party API product while Azure API exclusivity holds', () => {
    expect(
      given(launched('2027-01-01', { api: true, cloud: 'oracle' }))
        .whenReplayed()
        .finding(1),
    ).toMatchObject({
      verdict: 'breach',
      clause: 'C6',
    });
  });

  it('is still a breach in 2040 when AGI is never verified: no calendar date ends Azure API exclusivity', () => {
    expect(
      given(launched('2040-01-01', { api: true, cloud: 'aws' }))
        .whenReplayed()
        .finding(1).verdict,
    ).toBe('breach');
  });

  it('is permitted off Azure for an API product once exclusivity has ended on verification', () => {
    const finding = given(
      declared('2028-03-01'),
      verified('2028-09-01'),
      launched('2028-09-02', { api: true, cloud: 'aws', thirdParty: 'Amazon' }),
    )
      .whenReplayed()
      .finding(3);
    expect(finding).toMatchObject({ verdict: 'permitted', clause: 'C1' });
    expect(finding.reason).toContain('Azure API exclusivity no longer holds');
  });

  it('is a breach while a declaration is pending under agi-ends-exclusivity=verification', () => {
    const then = given(declared('2028-03-01'), launched('2028-04-01', { api: true, cloud: 'aws' })).whenReplayed();
    expect(then.finding(2).verdict).toBe('breach');
  });

  it('is permitted while a declaration suspends exclusivity, and a breach again after the rejection', () => {
    const then = given(
      declared('2028-03-01'),
      launched('2028-04-01', { api: true, cloud: 'aws' }),
      rejected('2028-05-01'),
      launched('2028-05-01', { api: true, cloud: 'aws' }),
    )
      .assuming({ 'agi-ends-exclusivity': 'declaration' })
      .whenReplayed();
    expect(then.verdicts()).toEqual([
      [2, 'permitted', 'C1'],
      [4, 'breach', 'C6'],
    ]);
  });

  describe('is judged against the terms as they hold on its date (an event dated D takes effect on D)', () => {
    it('permitted when the panel verifies earlier the same day', () => {
      const then = given(
        declared('2028-03-01'),
        verified('2028-09-01'),
        launched('2028-09-01', { api: true, cloud: 'aws' }),
      ).whenReplayed();
      expect(then.finding(3)).toMatchObject({ verdict: 'permitted', clause: 'C1' });
    });

    it('permitted too when the panel verifies on a later line of that day: the verdict agrees with the terms of the day', () => {
      const then = given(
        declared('2028-03-01'),
        launched('2028-09-01', { api: true, cloud: 'aws' }),
        verified('2028-09-01'),
      ).whenReplayed();
      expect(then.finding(2)).toMatchObject({ verdict: 'permitted', clause: 'C1' });
      expect(then.holds('azure-api-exclusivity', '2028-09-01')).toBe(false);
    });

    it('a breach the day before the verification', () => {
      const then = given(
        declared('2028-03-01'),
        launched('2028-08-31', { api: true, cloud: 'aws' }),
        verified('2028-09-01'),
      ).whenReplayed();
      expect(then.finding(2)).toMatchObject({ verdict: 'breach', clause: 'C6' });
      expect(then.holds('azure-api-exclusivity', '2028-08-31')).toBe(true);
    });
  });
});

describe('C12 model.released with open weights', () => {
  it('is permitted when the model meets the requisite capability criteria, with an info on coverage', () => {
    const then = given(released('2027-01-01', { openWeights: true, meetsCapabilityCriteria: true })).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C12'],
      [1, 'info', 'C3'],
    ]);
  });

  it('is a breach when the model does not meet the criteria', () => {
    const then = given(released('2027-01-01', { openWeights: true, meetsCapabilityCriteria: false })).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'breach', 'C12'],
      [1, 'info', 'C3'],
    ]);
    expect(then.finding(1, 'breach').reason).toContain('does not meet the requisite capability criteria');
  });

  it('is undetermined when the release says nothing of the criteria, naming the fact and both outcomes', () => {
    const finding = given(released('2027-01-01', { openWeights: true }))
      .whenReplayed()
      .finding(1, 'undetermined');
    expect(finding.clause).toBe('C12');
    expect(finding.missingFacts).toEqual(['meetsCapabilityCriteria']);
    expect(finding.outcomes?.map(({ facts, verdict }) => [facts, verdict])).toEqual([
      [{ meetsCapabilityCriteria: true }, 'permitted'],
      [{ meetsCapabilityCriteria: false }, 'breach'],
    ]);
    expect(finding.reason).toContain('true → permitted (C12), false → breach (C12)');
  });

  it('has no C12 verdict for a model without open weights, only the coverage info', () => {
    const then = given(released('2027-01-01', { openWeights: false, meetsCapabilityCriteria: false })).whenReplayed();
    expect(then.verdicts()).toEqual([[1, 'info', 'C3']]);
  });

  it('is judged the same after verification: AGI does not touch C12', () => {
    const then = given(
      declared('2028-03-01'),
      verified('2028-09-01'),
      released('2029-01-01', { openWeights: true, meetsCapabilityCriteria: false }),
    ).whenReplayed();
    expect(then.finding(3, 'breach').clause).toBe('C12');
  });

  it('covers an internal-only open-weight release under C4, not C3', () => {
    const then = given(
      released('2027-01-01', { openWeights: true, meetsCapabilityCriteria: true, internalOnly: true }),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C12'],
      [1, 'info', 'C4'],
    ]);
    expect(then.finding(1, 'info').reason).toContain('until 2031-01-01');
  });
});

describe('C5 hardware.launched', () => {
  it('is info: consumer hardware is excluded from Microsoft’s IP rights', () => {
    const then = given({ type: 'hardware.launched', date: '2027-01-01', name: 'io device' }).whenReplayed();
    expect(then.verdicts()).toEqual([[1, 'info', 'C5']]);
    expect(then.finding(1).reason).toBe('"io device" is OpenAI consumer hardware, excluded from Microsoft’s IP rights');
  });
});

describe('C10 compute.contracted', () => {
  it('is permitted with any provider, before and after AGI: no right of first refusal', () => {
    const contract = (date: string, provider: string) => ({ type: 'compute.contracted', date, provider });
    const then = given(
      contract('2025-10-28', 'oracle'),
      declared('2028-03-01'),
      contract('2028-04-01', 'aws'),
      verified('2028-09-01'),
      contract('2029-01-01', 'coreweave'),
    ).whenReplayed();
    expect(then.verdicts()).toEqual([
      [1, 'permitted', 'C10'],
      [3, 'permitted', 'C10'],
      [5, 'permitted', 'C10'],
    ]);
    expect(then.finding(1).reason).toContain('no longer has a right of first refusal');
  });
});

describe('C2 AGI-process events', () => {
  it('get no findings', () => {
    expect(given(declared('2027-01-01'), rejected('2027-02-01')).whenReplayed().verdicts()).toEqual([]);
  });
});

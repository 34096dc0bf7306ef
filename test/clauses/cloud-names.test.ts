/**
 * `cloud` on product.launched (CLAUSES.md, "Conduct events and their verdicts"): matched
 * case-insensitively with the usual aliases and stored as the canonical provider; a name one or
 * two letters from a known one is an input error with a "did you mean"; any other provider is a
 * cloud in its own right, off Azure.
 */
import { describe, expect, it } from 'vitest';
import { matchCloud } from '../../src/domain/clouds.ts';
import { given, launched, logOf } from '../support/given.ts';

const launch = (cloud: string) => launched('2026-01-15', { api: true, cloud });

describe('C6 cloud names', () => {
  it.each([
    ['Azure', 'azure'],
    ['Microsoft Azure', 'azure'],
    ['  AZURE ', 'azure'],
    ['AWS', 'aws'],
    ['Amazon Web Services', 'aws'],
    ['Amazon Bedrock', 'aws'],
    ['GCP', 'gcp'],
    ['Google Cloud', 'gcp'],
    ['OCI', 'oracle'],
    ['Oracle Cloud', 'oracle'],
    ['ＡＺＵＲＥ', 'azure'], // full-width: the same name in Unicode's compatibility form
    ['Ａｍａｚｏｎ Ｂｅｄｒｏｃｋ', 'aws'],
  ])('reads %j as %s and stores the canonical provider', (written, provider) => {
    const [logged] = logOf([launch(written)]);
    expect(logged?.event).toMatchObject({ type: 'product.launched', cloud: provider });
    expect(matchCloud(written)).toEqual({ provider });
  });

  it('judges "Azure" and "Microsoft Azure" as on Azure: permitted, never a breach', () => {
    for (const cloud of ['Azure', 'Microsoft Azure']) {
      expect(given(launch(cloud)).whenReplayed().finding(1)).toMatchObject({ verdict: 'permitted', clause: 'C6' });
    }
  });

  it.each([
    ['azur', 'azure'],
    ['Azrue', 'azure'],
    ['awz', 'aws'],
    ['gpc', 'gcp'],
    ['Microsft Azure', 'azure'],
    ['Oracel Cloud', 'oracle'],
  ])('refuses %j, a near miss, at its line with "did you mean %s" (exit 2 in the CLI)', (cloud, provider) => {
    const error = given(launch(cloud)).whenRefused();
    expect(error.line).toBe(1);
    expect(error.message).toContain(`did you mean "${provider}"`);
    expect(error.hint).toContain(`"cloud":"${provider}"`);
  });

  it('refuses a name that names a known provider’s brand without being one of its spellings', () => {
    expect(given(launch('AWS GovCloud')).whenRefused().message).toContain('did you mean "aws"');
    expect(given(launch('Microsoft')).whenRefused().message).toContain('did you mean "azure"');
  });

  it('keeps any other provider as a cloud of its own, lower-cased, judged off Azure', () => {
    expect(matchCloud('CoreWeave')).toEqual({ provider: 'coreweave' });
    expect(matchCloud('OVH')).toEqual({ provider: 'ovh' }); // two letters from "oci", but a three-letter name
    const finding = given(launch('CoreWeave')).whenReplayed().finding(1);
    expect(finding).toMatchObject({ verdict: 'breach', clause: 'C6' });
    expect(finding.reason).toContain('on coreweave');
  });

  it('reads runs of spaces, hyphens and underscores as one space', () => {
    expect(matchCloud('Microsoft  Azure')).toEqual({ provider: 'azure' });
    expect(matchCloud('amazon_-_web   services')).toEqual({ provider: 'aws' });
    expect(matchCloud('Google--Cloud')).toEqual({ provider: 'gcp' });
  });

  it('says how far a near miss is: one letter, or two for names of five letters or more', () => {
    expect(matchCloud('azur')).toEqual({ nearMiss: 'azure', why: 'one letter away from "azure"' });
    expect(matchCloud('Gogle Clod')).toEqual({ nearMiss: 'gcp', why: 'two letters away from "google cloud"' });
    expect(matchCloud('Azzuree')).toEqual({ nearMiss: 'azure', why: 'two letters away from "azure"' });
    // Four letters: two edits from "oci" and "oracle" leave hardly a name, so it is a cloud of its own.
    expect(matchCloud('ORCL')).toEqual({ provider: 'orcl' });
  });

  it('suggests the same provider every time for a name one letter from two of them: the first listed', () => {
    // "ocp" is one letter from "gcp" and from "oci"; CLOUD_ALIASES lists gcp before oracle.
    expect(matchCloud('ocp')).toEqual({ nearMiss: 'gcp', why: 'one letter away from "gcp"' });
    expect(matchCloud('GCI')).toEqual({ nearMiss: 'gcp', why: 'one letter away from "gcp"' });
  });

  it('refuses a blank cloud', () => {
    expect(given(launch('  ')).whenRefused().message).toContain('it is blank');
  });
});

describe('C11 the national-security customer', () => {
  const natsec = (customer: string) => launched('2026-01-15', { api: true, cloud: 'aws', customer });

  it.each(['us-natsec', 'US-NATSEC', 'US natsec', 'us_natsec', 'ｕｓ－ｎａｔｓｅｃ'])(
    'reads %j as us-natsec: its API access may run on any cloud (permitted under C11, not a C6 breach)',
    (written) => {
      const then = given(natsec(written)).whenReplayed();
      expect(then.finding(1)).toMatchObject({ verdict: 'permitted', clause: 'C11' });
      expect(logOf([natsec(written)])[0]?.event).toMatchObject({ customer: 'us-natsec' });
    },
  );

  it('refuses a near miss of us-natsec, which read as an ordinary customer would turn the launch into a breach', () => {
    for (const [written, how] of [
      ['us-natsek', 'one letter'],
      ['usnatsc', 'two letters'],
    ] as const) {
      expect(() => logOf([natsec(written)])).toThrow(
        `"customer" "${written}" is ${how} away from "us-natsec", the one customer that changes a verdict (C11)`,
      );
    }
  });

  it('keeps any other customer as written, an ordinary one (C6 judges the launch)', () => {
    const then = given(natsec('enterprise')).whenReplayed();
    expect(logOf([natsec('enterprise')])[0]?.event).toMatchObject({ customer: 'enterprise' });
    expect(then.finding(1)).toMatchObject({ verdict: 'breach', clause: 'C6' });
  });
});

describe('S4 the exception’s two facts replace azureDeclined', () => {
  it('refuses azureDeclined with a fix that names azureCannotSupport and azureChoosesNotToSupport', () => {
    const error = given({
      type: 'product.launched',
      date: '2026-05-01',
      name: 'P',
      api: true,
      cloud: 'aws',
      azureDeclined: true,
    }).whenRefused();
    expect(error.message).toContain('the field "azureDeclined" is no longer read');
    expect(error.hint).toContain('azureCannotSupport');
    expect(error.hint).toContain('azureChoosesNotToSupport');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ASSUMPTIONS,
  assumeArgument,
  DEFAULT_ASSUMPTIONS,
  formatAssumption,
  parseAssumptions,
} from '../../src/domain/assumptions.ts';
import { InputError } from '../../src/domain/errors.ts';
import {
  declared,
  given,
  launched,
  rejected,
  released,
  revenue,
  START,
  trainingRun,
  verified,
} from '../support/given.ts';

describe('Assumptions (CLAUSES.md table)', () => {
  it.each([
    ['agi-ends-exclusivity', 'verification', 'C1'],
    ['compute-cap-lifts', 'declaration', 'C8'],
    ['after-rejection', 'redeclare', 'C2'],
    ['panel-deadline-days', null, 'C2'],
    ['post-agi-without-guardrails', 'excluded', 'C3'],
    ['compute-threshold-flop', 1e28, 'C8'],
    ['revenue-share-rate', 0.2, 'C9'],
    ['revenue-share-cap-usd', 38e9, 'S4'],
    ['revenue-share-cap-counts', 'since-effective', 'S4'],
    ['s3-first-party', 'restates', 'S3'],
    ['stateful-api', 'outside', 'S3'],
    ['s4-exception', 'cannot-and-chooses-not', 'S4'],
    ['s4-agi-clause', 'revenue-share-only', 'S4'],
  ] as const)('%s defaults to %s and interprets %s', (key, value, clause) => {
    expect(DEFAULT_ASSUMPTIONS[key]).toBe(value);
    expect(ASSUMPTIONS[key].clause).toBe(clause);
  });

  it('lists every assumption of CLAUSES.md, compute-cap-lifts with first-declaration', () => {
    expect(Object.keys(ASSUMPTIONS)).toHaveLength(13);
    expect(ASSUMPTIONS['compute-cap-lifts'].enumerable).toEqual(['declaration', 'verification', 'first-declaration']);
  });

  it('prints numbers as people write them, and reads them back in every form it prints', () => {
    expect(formatAssumption('compute-threshold-flop', 1e28)).toBe('1e28');
    expect(formatAssumption('compute-threshold-flop', 5e26)).toBe('5e26');
    expect(formatAssumption('revenue-share-cap-usd', 38e9)).toBe('$38B');
    expect(assumeArgument('revenue-share-cap-usd', 38e9)).toBe('38B');
    expect(assumeArgument('revenue-share-cap-usd', 38.123456e9)).toBe('3.8123456e10');
    for (const text of ['38e9', '38B', '$38B', '38000000000'])
      expect(parseAssumptions([`revenue-share-cap-usd=${text}`])['revenue-share-cap-usd']).toBe(38e9);
    expect(parseAssumptions(['compute-threshold-flop=1e28'])['compute-threshold-flop']).toBe(1e28);
    expect(() => parseAssumptions(['revenue-share-cap-usd=38X'])).toThrow(/38e9, 38B or \$38B/);
  });

  it('reads --assume pairs into the replay: panel-deadline-days=90 lapses a declaration', () => {
    const assumptions = parseAssumptions(['panel-deadline-days=90', 'after-rejection=final']);
    const then = given(declared('2028-01-01')).assuming(assumptions).whenReplayed();
    expect(then.replayed.context.agi.lapsedOn).toBe('2028-03-31');
    expect(then.replayed.context.assumptions).toEqual(assumptions);
  });

  it('refuses an unknown key with a did-you-mean, and a bad value with the allowed ones', () => {
    expect(() => parseAssumptions(['agi-ends-exclusivty=declaration'])).toThrow(/did you mean "agi-ends-exclusivity"/i);
    expect(() => parseAssumptions(['compute-cap-lifts=never'])).toThrow(InputError);
    expect(() => parseAssumptions(['panel-deadline-days=0'])).toThrow(/whole number/);
    expect(() => parseAssumptions(['revenue-share-rate=1.5'])).toThrow(InputError);
    expect(() => parseAssumptions(['compute-threshold-flop=-1'])).toThrow(InputError);
  });

  it('reads a number only as decimals: 0x10, 0b11, 1_000 and Infinity are refused, not read as Number reads them', () => {
    for (const text of ['0x10', '0b11', '0o7', '1_000', 'Infinity', '1e', '.', '']) {
      expect(() => parseAssumptions([`compute-threshold-flop=${text}`]), text).toThrow(InputError);
      expect(() => parseAssumptions([`revenue-share-rate=${text}`]), text).toThrow(InputError);
    }
    expect(parseAssumptions(['compute-threshold-flop=5E+26'])['compute-threshold-flop']).toBe(5e26);
    expect(parseAssumptions(['revenue-share-rate=.25'])['revenue-share-rate']).toBe(0.25);
    expect(parseAssumptions(['revenue-share-rate=+0.1'])['revenue-share-rate']).toBe(0.1);
  });
});

describe('Each assumption changes the replay exactly as CLAUSES.md says', () => {
  it('agi-ends-exclusivity (C1): a pending declaration suspends exclusivity only under "declaration"', () => {
    const future = given(declared('2028-03-01'), rejected('2028-05-01'));
    expect(future.whenReplayed().intervals('ip-exclusivity')).toEqual([[START, null]]);
    expect(
      future.assuming({ 'agi-ends-exclusivity': 'declaration' }).whenReplayed().intervals('ip-exclusivity'),
    ).toEqual([
      [START, '2028-03-01'],
      ['2028-05-01', null],
    ]);
  });

  it('agi-ends-exclusivity touches no other term', () => {
    const future = given(
      declared('2028-03-01'),
      rejected('2028-05-01'),
      declared('2029-01-01'),
      verified('2029-02-01'),
    );
    const a = future.whenReplayed();
    const b = future.assuming({ 'agi-ends-exclusivity': 'declaration' }).whenReplayed();
    for (const term of [
      'research-ip',
      'model-product-ip',
      'revenue-share',
      'compute-threshold',
      'azure-commitment',
    ] as const)
      expect(b.intervals(term)).toEqual(a.intervals(term));
  });

  it('compute-cap-lifts (C8): a pending declaration lifts the cap only under "declaration"', () => {
    const future = given(declared('2028-03-01'), trainingRun('2028-04-01', 2e28), rejected('2028-05-01'));
    expect(future.whenReplayed().finding(2).verdict).toBe('permitted');
    expect(future.assuming({ 'compute-cap-lifts': 'verification' }).whenReplayed().finding(2).verdict).toBe('breach');
  });

  it('after-rejection (C2): a second declaration is a valid future only under "redeclare"', () => {
    const future = given(declared('2028-03-01'), rejected('2028-05-01'), declared('2029-01-01'));
    expect(future.whenReplayed().agi).toBe('pending');
    expect(future.assuming({ 'after-rejection': 'final' }).whenRefused().line).toBe(3);
  });

  it('panel-deadline-days (C2): with N a declaration lapses on day N, with none it stays pending', () => {
    const future = given(declared('2028-03-01'));
    expect(future.whenReplayed().agi).toBe('pending');
    const lapsed = future.assuming({ 'panel-deadline-days': 10 }).whenReplayed();
    expect(lapsed.agi).toBe('rejected');
    expect(lapsed.replayed.context.agi.lapsedOn).toBe('2028-03-11');
  });

  it('post-agi-without-guardrails (C3): covers a post-AGI model without guardrails only under "included"', () => {
    const future = given(released('2029-01-01', { postAgi: true, safetyGuardrails: false }));
    expect(future.whenReplayed().finding(1).reason).toContain('not covered');
    expect(future.assuming({ 'post-agi-without-guardrails': 'included' }).whenReplayed().finding(1).reason).toContain(
      'until 2033-01-01',
    );
  });

  it('post-agi-without-guardrails does not touch a post-AGI model with guardrails', () => {
    for (const reading of ['excluded', 'included'] as const) {
      const finding = given(released('2029-01-01', { postAgi: true, safetyGuardrails: true }))
        .assuming({ 'post-agi-without-guardrails': reading })
        .whenReplayed()
        .finding(1);
      expect(finding.reason).toContain('until 2033-01-01');
    }
  });

  it('compute-threshold-flop (C8): the same run breaches only above the assumed threshold', () => {
    const future = given(trainingRun('2027-01-01', 3e27));
    expect(future.whenReplayed().finding(1).verdict).toBe('permitted');
    expect(future.assuming({ 'compute-threshold-flop': 2.9e27 }).whenReplayed().finding(1).verdict).toBe('breach');
    expect(future.assuming({ 'compute-threshold-flop': 3e27 }).whenReplayed().finding(1).verdict).toBe('permitted');
  });

  it('revenue-share-rate (C9): accrues that share of revenue', () => {
    const future = given(revenue('2027-01-01', 10e9));
    expect(future.whenReplayed().ledger.revenueShareAccruedUsd).toBe(2e9);
    expect(future.assuming({ 'revenue-share-rate': 0.5 }).whenReplayed().ledger.revenueShareAccruedUsd).toBe(5e9);
  });

  it('no assumption changes a product launch verdict before AGI', () => {
    const future = given(launched('2027-01-01', { api: true, cloud: 'aws' }));
    for (const reading of ['verification', 'declaration'] as const)
      expect(future.assuming({ 'agi-ends-exclusivity': reading }).whenReplayed().finding(1).verdict).toBe('breach');
  });
});

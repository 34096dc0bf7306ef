/** C2 Monte Carlo spec: every distribution kind is read, and every mistake names its JSON path. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { parseSpec } from '../../src/montecarlo/spec.ts';

const panel = { lagDays: { kind: 'fixed', days: 30 }, verifyProbability: 1 };

function errorOf(json: unknown): string {
  try {
    parseSpec(json);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).describe();
  }
  throw new Error('the spec was accepted');
}

describe('C2 Monte Carlo spec', () => {
  it('reads each declaration kind, with defaults for the horizon, conduct and rejections', () => {
    const uniform = parseSpec({ declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-12-31' }, panel });
    expect(uniform.horizon).toBe('2045-01-01');
    expect(uniform.declaration).toEqual({ kind: 'uniform', from: '2027-01-01', to: '2030-12-31', never: 0 });
    expect(uniform.panel.afterRejection.redeclareProbability).toBe(0);
    const lognormal = parseSpec({
      declaration: { kind: 'lognormal', from: '2026-01-01', medianYears: 5, sigma: 0.5, never: 0.1 },
      panel,
    });
    expect(lognormal.declaration.kind).toBe('lognormal');
    const piecewise = parseSpec({
      declaration: {
        kind: 'piecewise',
        cdf: [
          ['2027-01-01', 0.1],
          ['2030-01-01', 0.5],
        ],
      },
      panel,
    });
    expect(piecewise.declaration.kind).toBe('piecewise');
  });

  it('turns panel-deadline-days and sampled assumptions into draws with normalised weights', () => {
    const spec = parseSpec({
      declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-12-31' },
      panel: { ...panel, 'panel-deadline-days': 90 },
      assumptions: {
        'agi-ends-exclusivity': {
          sample: [
            { value: 'verification', weight: 3 },
            { value: 'declaration', weight: 1 },
          ],
        },
        'after-rejection': 'final',
      },
    });
    expect(spec.assumptions).toEqual([
      { key: 'agi-ends-exclusivity', values: ['verification', 'declaration'], cumulative: [0.75, 1] },
      { key: 'after-rejection', fixed: 'final' },
      { key: 'panel-deadline-days', fixed: 90 },
    ]);
  });

  it('names the JSON path of a CDF that falls, and says how to fix it', () => {
    const message = errorOf({
      declaration: {
        kind: 'piecewise',
        cdf: [
          ['2027-01-01', 0.3],
          ['2030-01-01', 0.2],
        ],
      },
      panel,
    });
    expect(message).toContain('declaration.cdf[1][1]: must be at least 0.3');
    expect(message).toContain('Fix:');
  });

  it('names an unknown distribution kind, a missing field and a bad date by path', () => {
    expect(errorOf({ declaration: { kind: 'normal' }, panel })).toContain('declaration.kind: "kind" must be one of');
    expect(errorOf({ declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-12-31' } })).toContain(
      'panel: is missing',
    );
    expect(errorOf({ declaration: { kind: 'uniform', from: '2027-02-30', to: '2030-12-31' }, panel })).toContain(
      'declaration.from: must be a real calendar date',
    );
    expect(errorOf({ declaration: { kind: 'uniform', from: '2030-01-01', to: '2027-12-31' }, panel })).toContain(
      'declaration.to: must not be before "from"',
    );
  });

  it('refuses an unknown assumption with a suggestion, and a value the assumption does not take', () => {
    const base = { declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-12-31' }, panel };
    expect(errorOf({ ...base, assumptions: { 'agi-ends-exclusivty': 'declaration' } })).toContain(
      'assumptions.agi-ends-exclusivty: unknown assumption',
    );
    expect(
      errorOf({ ...base, assumptions: { 'compute-cap-lifts': { sample: [{ value: 'never', weight: 1 }] } } }),
    ).toContain('assumptions.compute-cap-lifts.sample[0].value');
    expect(errorOf({ ...base, amendments: ['2026-04-28'] })).toContain('amendments[0]: unknown amendment');
  });

  it('bounds conduct rates at one event a day: a rate of 1e9 a year had run the workers out of memory', () => {
    const base = { declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-12-31' }, panel };
    for (const key of ['offAzureApiLaunchesPerYear', 'trainingRunsOverThresholdPerYear']) {
      expect(errorOf({ ...base, conduct: { [key]: 365.5 } })).toContain(`conduct.${key}: must be at most 365`);
      expect(parseSpec({ ...base, conduct: { [key]: 365 } }).conduct).toMatchObject({ [key]: 365 });
    }
  });
});

/**
 * C2 declaration dates and panel lags: each distribution kind draws what it says, within
 * sampling error (four standard errors), and a future's draws depend only on (seed, index).
 */
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/domain/dates.ts';
import { rngFor, sampleDays, sampleDeclaration, sampleFuture, samplerFor } from '../../src/montecarlo/sample.ts';
import { parseSpec } from '../../src/montecarlo/spec.ts';
import { runSpecOf } from '../../src/montecarlo/spec-file.ts';

const N = 20_000;
const day = (iso: string) => toDayNumber(iso as never);
const within = (observed: number, p: number, n = N) =>
  expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-9);

function draws(declaration: unknown): (number | null)[] {
  const spec = parseSpec({ declaration, panel: { lagDays: { kind: 'fixed', days: 0 }, verifyProbability: 1 } });
  return Array.from({ length: N }, (_, i) => sampleDeclaration(spec.declaration, rngFor(42, i)));
}

describe('C2 declaration date distributions', () => {
  it('uniform: every day between the dates, none outside, and the never probability', () => {
    const values = draws({ kind: 'uniform', from: '2027-01-01', to: '2028-12-31', never: 0.2 });
    const declared = values.filter((v): v is number => v !== null);
    within(1 - declared.length / N, 0.2);
    expect(Math.min(...declared)).toBe(day('2027-01-01'));
    expect(Math.max(...declared)).toBe(day('2028-12-31'));
    within(declared.filter((d) => d < day('2028-01-01')).length / declared.length, 365 / 731, declared.length);
  });

  it('lognormal: the median falls medianYears after the start', () => {
    const values = draws({ kind: 'lognormal', from: '2026-01-01', medianYears: 4, sigma: 0.6 });
    const median = day('2026-01-01') + Math.floor(4 * 365.25);
    within(values.filter((v) => v !== null && v < median).length / N, 0.5);
  });

  it('piecewise CDF: the fraction declared by each point is its probability; the rest never declares', () => {
    const cdf: [string, number][] = [
      ['2027-01-01', 0.1],
      ['2029-01-01', 0.4],
      ['2031-01-01', 0.4],
      ['2035-01-01', 0.9],
    ];
    const values = draws({ kind: 'piecewise', cdf });
    for (const [date, p] of cdf.slice(1)) within(values.filter((v) => v !== null && v < day(date)).length / N, p);
    within(values.filter((v) => v === null).length / N, 0.1);
    // Flat between 2029 and 2031: nobody declares there.
    expect(values.filter((v) => v !== null && v >= day('2029-01-01') && v < day('2031-01-01'))).toEqual([]);
  });

  it('panel lags: fixed, uniform (inclusive) and lognormal around its median', () => {
    const rng = rngFor(1, 1);
    expect(sampleDays({ kind: 'fixed', days: 30 }, rng)).toBe(30);
    const uniform = Array.from({ length: N }, () => sampleDays({ kind: 'uniform', min: 10, max: 12 }, rng));
    expect(new Set(uniform)).toEqual(new Set([10, 11, 12]));
    const lognormal = Array.from({ length: N }, () =>
      sampleDays({ kind: 'lognormal', medianDays: 200, sigma: 0.5 }, rng),
    );
    within(lognormal.filter((d) => d < 200).length / N, 0.5);
  });

  it('draws the same future for the same (seed, index), whatever was drawn before', () => {
    const spec = runSpecOf({
      declaration: { kind: 'uniform', from: '2027-01-01', to: '2035-12-31' },
      panel: {
        lagDays: { kind: 'uniform', min: 0, max: 400 },
        verifyProbability: 0.5,
        afterRejection: { redeclareProbability: 0.7, gapDays: { kind: 'fixed', days: 100 } },
      },
      conduct: { offAzureApiLaunchesPerYear: 1 },
    });
    const sampler = samplerFor(spec);
    const first = sampleFuture(sampler, 9, 1234);
    for (let i = 0; i < 50; i++) sampleFuture(sampler, 9, i);
    expect(sampleFuture(sampler, 9, 1234)).toEqual(first);
    expect(sampleFuture(sampler, 10, 1234)).not.toEqual(first);
  });
});

/**
 * C4 research IP and C9 revenue share in Monte Carlo against answers computed by hand: with a
 * uniform declaration date and a panel that always verifies after a fixed lag, research IP ends
 * by verification exactly when declaration + lag falls before 2031-01-01. The simulated
 * fractions must agree within four standard errors. Also: the same seed gives the same bytes
 * with one worker or two (C0 determinism of the tool).
 */
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/domain/dates.ts';
import { aggregate } from '../../src/montecarlo/aggregate.ts';
import { runSpecOf } from '../../src/montecarlo/spec-file.ts';
import { emptyTally, tallyOutcomes } from '../../src/montecarlo/tally.ts';
import { runMonteCarlo } from '../../src/montecarlo/workers.ts';

const day = (iso: string) => toDayNumber(iso as never);

async function simulate(json: unknown, futures: number, workers = 1, seed = 3) {
  const spec = runSpecOf(json);
  const run = await runMonteCarlo(spec, { futures, seed, workers });
  const tally = tallyOutcomes(emptyTally(), run.outcomes, run.done);
  const { history } = spec.start;
  const sampleFrom = fromDayNumber(spec.start.sampleFromDay);
  return aggregate(tally, { seed, specSha256: 'test', horizon: spec.horizon, history, sampleFrom, requested: futures });
}

describe('C4 research IP in Monte Carlo', () => {
  it('ends by verification with the probability that declaration + lag comes before 2031-01-01', async () => {
    const from = '2029-01-01';
    const to = '2032-12-31';
    const lag = 200;
    const never = 0.25;
    const futures = 20_000;
    const result = await simulate(
      {
        history: 'none', // the deal as signed: the revenue share still ends on verification
        declaration: { kind: 'uniform', from, to, never },
        panel: { lagDays: { kind: 'fixed', days: lag }, verifyProbability: 1 },
      },
      futures,
    );
    const days = day(to) - day(from) + 1;
    const early = day('2031-01-01') - lag - day(from); // declarations on these days are verified before the sunset
    const p = (1 - never) * (early / days);
    const research = result.terms.find((t) => t.id === 'research-ip');
    const tolerance = 4 * Math.sqrt((p * (1 - p)) / futures);
    expect(Math.abs((research?.endedByEventFraction ?? -1) - p)).toBeLessThan(tolerance);
    expect(research?.neverEndsFraction).toBe(0);
    // C9: the revenue share ends by verification in every future that declares before the horizon.
    const share = result.terms.find((t) => t.id === 'revenue-share');
    const q = 1 - never;
    expect(Math.abs((share?.endedByEventFraction ?? -1) - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / futures));
    expect(share?.endedByCalendarFraction).toBe(0);
    // The earliest verification is the first declaration day plus the lag.
    expect(research?.until.p5 !== null && research!.until.p5 >= addDays(from as never, lag)).toBe(true);
  });

  it('C2 with panel-deadline-days: a panel slower than the deadline never verifies, so research IP ends with 2030', async () => {
    const result = await simulate(
      {
        history: 'none',
        declaration: { kind: 'uniform', from: '2027-01-01', to: '2028-12-31' },
        panel: { lagDays: { kind: 'fixed', days: 120 }, verifyProbability: 1, 'panel-deadline-days': 90 },
      },
      2_000,
    );
    const research = result.terms.find((t) => t.id === 'research-ip');
    expect(research?.endedByCalendarFraction).toBe(1);
    expect(result.agi.rejectedFraction).toBe(1);
  });
});

describe('C0 Monte Carlo determinism', () => {
  it('gives byte-identical JSON for the same seed with one worker and with two', async () => {
    const json = {
      declaration: { kind: 'lognormal', from: '2026-01-01', medianYears: 5, sigma: 0.7, never: 0.1 },
      panel: {
        lagDays: { kind: 'uniform', min: 30, max: 400 },
        verifyProbability: 0.6,
        afterRejection: { redeclareProbability: 0.8, gapDays: { kind: 'lognormal', medianDays: 300, sigma: 0.3 } },
      },
      conduct: { offAzureApiLaunchesPerYear: 0.3, trainingRunsOverThresholdPerYear: 0.2 },
      revenue: { firstYearUsd: 13e9, growthPerYear: 0.2 },
      assumptions: {
        'agi-ends-exclusivity': {
          sample: [
            { value: 'verification', weight: 1 },
            { value: 'declaration', weight: 1 },
          ],
        },
      },
    };
    const one = JSON.stringify(await simulate(json, 6_000, 1, 11));
    const two = JSON.stringify(await simulate(json, 6_000, 2, 11));
    expect(two).toBe(one);
    expect(JSON.stringify(await simulate(json, 6_000, 1, 12))).not.toBe(one);
  });
});

/**
 * One random future drawn from a spec: the sampled assumptions and a valid log. Each future has
 * its own generator seeded from (seed, index), so future i is the same however the work is
 * split across threads. The AGI process is drawn as C2 runs it: a declaration, the panel's
 * ruling after a lag (or a lapse at the panel deadline), and after a rejection perhaps another
 * declaration after a gap.
 */
import prand, { type RandomGenerator } from 'pure-rand';
import { type Assumptions, DEFAULT_ASSUMPTIONS } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE, fromDayNumber, type IsoDate, toDayNumber } from '../domain/dates.ts';
import type { LogEvent } from '../domain/events.ts';
import type { AssumptionDraw, DaysSpec, DeclarationSpec, MonteCarloSpec } from './spec.ts';
import type { RunSpec } from './start.ts';

export const EFFECTIVE_DAY = toDayNumber(EFFECTIVE_DATE);
const DAYS_PER_YEAR = 365.25;
/** Enough for any sane spec; a future that declares this often stops declaring. */
const MAX_DECLARATIONS = 64;

const isoCache: IsoDate[] = [];

/** The ISO date of a day number, from a cache (Monte Carlo converts millions of them). */
export function isoOf(day: number): IsoDate {
  const offset = day - EFFECTIVE_DAY;
  let iso = isoCache[offset];
  if (iso === undefined) {
    iso = fromDayNumber(day);
    if (offset >= 0 && offset < 100_000) isoCache[offset] = iso;
  }
  return iso;
}

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The generator of future `index` under `seed`; independent of how futures are split. */
export function rngFor(seed: number, index: number): RandomGenerator {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  return prand.xoroshiro128plus(fmix32(low ^ fmix32(high ^ fmix32(index + 0x9e3779b9)) ^ Math.imul(index, 0x27d4eb2f)));
}

/** A uniform draw in [0, 1). */
export function uniform(rng: RandomGenerator): number {
  return (rng.unsafeNext() >>> 0) / 4294967296;
}

function standardNormal(rng: RandomGenerator): number {
  const u = 1 - uniform(rng); // (0, 1]: the log below stays finite
  const v = uniform(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function sampleDays(spec: DaysSpec, rng: RandomGenerator): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.days;
    case 'uniform':
      return spec.min + Math.floor(uniform(rng) * (spec.max - spec.min + 1));
    case 'lognormal':
      return Math.round(spec.medianDays * Math.exp(spec.sigma * standardNormal(rng)));
    default: {
      const unknown: never = spec;
      throw new TypeError(`unknown days kind ${JSON.stringify(unknown)}`);
    }
  }
}

/** The day of the first declaration, or null when OpenAI never declares. */
export function sampleDeclaration(spec: DeclarationSpec, rng: RandomGenerator): number | null {
  switch (spec.kind) {
    case 'uniform': {
      if (uniform(rng) < spec.never) return null;
      const from = toDayNumber(spec.from);
      return from + Math.floor(uniform(rng) * (toDayNumber(spec.to) - from + 1));
    }
    case 'lognormal': {
      if (uniform(rng) < spec.never) return null;
      const years = spec.medianYears * Math.exp(spec.sigma * standardNormal(rng));
      return toDayNumber(spec.from) + Math.floor(years * DAYS_PER_YEAR);
    }
    case 'piecewise': {
      // Linear between points; the first point's probability falls on its date; the rest is never.
      const u = uniform(rng);
      const points = spec.cdf;
      const [firstDate, firstP] = points[0] as [IsoDate, number];
      if (u < firstP) return toDayNumber(firstDate);
      for (let i = 1; i < points.length; i++) {
        const [d0, p0] = points[i - 1] as [IsoDate, number];
        const [d1, p1] = points[i] as [IsoDate, number];
        if (u < p1) {
          const a = toDayNumber(d0);
          return a + Math.floor(((u - p0) / (p1 - p0)) * (toDayNumber(d1) - a));
        }
      }
      return null;
    }
    default: {
      const unknown: never = spec;
      throw new TypeError(`unknown declaration kind ${JSON.stringify(unknown)}`);
    }
  }
}

/** Per list of draws, the assumptions of each combination of picks, indexed by their mixed-radix code. */
const interned = new WeakMap<readonly AssumptionDraw[], Assumptions[]>();
/** The picks of the draw in hand; sampling never nests. */
const picks: number[] = [];

/**
 * Draws the sampled assumptions. Equal draws return the same (immutable) object, so the replay
 * can reuse what it derived from them; the object is built only the first time its picks come up.
 */
export function sampleAssumptions(draws: readonly AssumptionDraw[], rng: RandomGenerator): Assumptions {
  let code = 0;
  for (let d = 0; d < draws.length; d++) {
    const draw = draws[d] as AssumptionDraw;
    if ('fixed' in draw) continue;
    const u = uniform(rng);
    let pick = draw.values.length - 1;
    for (let i = 0; i < draw.cumulative.length; i++) {
      if (u < (draw.cumulative[i] as number)) {
        pick = i;
        break;
      }
    }
    picks[d] = pick;
    code = code * draw.values.length + pick;
  }
  let cache = interned.get(draws);
  if (cache === undefined) {
    cache = [];
    interned.set(draws, cache);
  }
  let assumptions = cache[code];
  if (assumptions === undefined) {
    const chosen: Record<string, unknown> = { ...DEFAULT_ASSUMPTIONS };
    draws.forEach((draw, d) => {
      chosen[draw.key] = 'fixed' in draw ? draw.fixed : draw.values[picks[d] as number];
    });
    assumptions = chosen as unknown as Assumptions;
    cache[code] = assumptions;
  }
  return assumptions;
}

/** Event kinds in the order they happen within one day. */
const ORDER = { amendment: 0, agi: 1, conduct: 2, revenue: 3 } as const;

interface Dated {
  readonly day: number;
  readonly order: number;
  readonly event: LogEvent;
}

export interface SampledFuture {
  readonly assumptions: Assumptions;
  /** The log in date order; line n is `events[n - 1]`. */
  readonly events: LogEvent[];
}

/** Precomputed per spec: amendment and revenue events are the same in every future. */
export interface Sampler {
  readonly spec: RunSpec;
  readonly horizonDay: number;
  /** The first day sampled events fall on (after the history, unless the spec says otherwise). */
  readonly startDay: number;
  readonly fixed: readonly Dated[];
}

export function samplerFor(spec: RunSpec): Sampler {
  const horizonDay = toDayNumber(spec.horizon);
  const startDay = spec.start.sampleFromDay;
  const fixed: Dated[] = [];
  for (const id of spec.amendments) {
    const day = toDayNumber(id as IsoDate);
    const event = { type: 'agreement.amended', date: isoOf(day), amendment: id } as const;
    if (day < horizonDay) fixed.push({ day, order: ORDER.amendment, event });
  }
  if (spec.revenue) {
    const first = Number(EFFECTIVE_DATE.slice(0, 4)) + 1;
    for (let year = first; ; year++) {
      const day = toDayNumber(`${year}-12-31` as IsoDate);
      if (day >= horizonDay) break;
      if (day < startDay) continue; // that year's revenue is in the past the futures start after
      const amountUsd = spec.revenue.firstYearUsd * (1 + spec.revenue.growthPerYear) ** (year - first);
      fixed.push({ day, order: ORDER.revenue, event: { type: 'revenue.recognized', date: isoOf(day), amountUsd } });
    }
  }
  fixed.sort(byDayThenOrder);
  return { spec, horizonDay, startDay, fixed };
}

function byDayThenOrder(a: Dated, b: Dated): number {
  return a.day - b.day || a.order - b.order;
}

const OFF_AZURE_API = { type: 'product.launched', name: 'API product', api: true, cloud: 'aws' } as const;

/** Draws future `index` of the run seeded with `seed`. */
export function sampleFuture(sampler: Sampler, seed: number, index: number): SampledFuture {
  const rng = rngFor(seed, index);
  const { spec, horizonDay, startDay } = sampler;
  const assumptions = sampleAssumptions(spec.assumptions, rng);
  const drawn: Dated[] = [];
  drawAgiProcess(spec, assumptions, horizonDay, startDay, rng, drawn);
  const span = horizonDay - startDay;
  for (const day of poisson(spec.conduct.offAzureApiLaunchesPerYear, startDay, span, rng)) {
    drawn.push({ day, order: ORDER.conduct, event: { ...OFF_AZURE_API, date: isoOf(day) } });
  }
  const computeFlop = assumptions['compute-threshold-flop'] * 10;
  for (const day of poisson(spec.conduct.trainingRunsOverThresholdPerYear, startDay, span, rng)) {
    const event = { type: 'msft.training-run', date: isoOf(day), usesOpenAiIp: true, computeFlop } as const;
    drawn.push({ day, order: ORDER.conduct, event });
  }
  drawn.sort(byDayThenOrder); // stable: same-day AGI events keep the order they were drawn in
  return { assumptions, events: merge(sampler.fixed, drawn) };
}

function merge(a: readonly Dated[], b: readonly Dated[]): LogEvent[] {
  const events: LogEvent[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < events.length; k++) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byDayThenOrder(x, y) <= 0)) {
      events[k] = (x as Dated).event;
      i++;
    } else {
      events[k] = y.event;
      j++;
    }
  }
  return events;
}

/** Days of a Poisson process with `perYear` arrivals a year, within `span` days from `startDay`. */
function poisson(perYear: number, startDay: number, span: number, rng: RandomGenerator): number[] {
  const days: number[] = [];
  if (perYear <= 0) return days;
  const perDay = perYear / DAYS_PER_YEAR;
  let t = 0;
  for (;;) {
    t += -Math.log(1 - uniform(rng)) / perDay;
    if (t >= span) return days;
    days.push(startDay + Math.floor(t));
  }
}

/** Redraws allowed before a spec is taken for one that (almost) never declares after the start; start.ts refuses those. */
const MAX_REDRAWS = 1_000_000;

/**
 * The first declaration given that none came before `startDay` (the history has none): draws
 * that fall before it are drawn again, which conditions the spec's distribution on the past.
 * Futures sampled from the effective date never redraw, as no declaration falls before it.
 */
function firstDeclaration(spec: DeclarationSpec, startDay: number, rng: RandomGenerator): number | null {
  for (let i = 0; i < MAX_REDRAWS; i++) {
    const day = sampleDeclaration(spec, rng);
    if (day === null || day >= startDay) return day;
  }
  throw new Error(`declaration: no draw fell on or after day ${startDay} in ${MAX_REDRAWS} tries`);
}

function drawAgiProcess(
  spec: MonteCarloSpec,
  assumptions: Assumptions,
  horizonDay: number,
  startDay: number,
  rng: RandomGenerator,
  out: Dated[],
): void {
  const first = firstDeclaration(spec.declaration, startDay, rng);
  if (first === null) return;
  const deadline = assumptions['panel-deadline-days'];
  const { panel } = spec;
  let declared = Math.max(first, EFFECTIVE_DAY);
  for (let n = 0; n < MAX_DECLARATIONS && declared < horizonDay; n++) {
    out.push({ day: declared, order: ORDER.agi, event: { type: 'agi.declared', date: isoOf(declared) } });
    const lag = sampleDays(panel.lagDays, rng);
    let ruledOn: number;
    if (deadline !== null && lag >= deadline) {
      ruledOn = declared + deadline; // the declaration lapses at the start of that day, as if rejected
    } else {
      ruledOn = declared + lag;
      if (ruledOn >= horizonDay) return;
      const verified = uniform(rng) < panel.verifyProbability;
      const type = verified ? 'panel.verified' : 'panel.rejected';
      out.push({ day: ruledOn, order: ORDER.agi, event: { type, date: isoOf(ruledOn) } });
      if (verified) return;
    }
    if (assumptions['after-rejection'] === 'final') return;
    if (uniform(rng) >= panel.afterRejection.redeclareProbability) return;
    declared = ruledOn + sampleDays(panel.afterRejection.gapDays, rng);
  }
}

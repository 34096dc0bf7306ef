/**
 * The Monte Carlo spec: how uncertain the future is. When OpenAI declares AGI (C2), how the
 * panel rules, how often conduct events happen, the revenue, the amendments applied and the
 * readings of ambiguous text (fixed or sampled with weights). Validated with zod; every error
 * names the JSON path and says how to fix it.
 */
import { z } from 'zod';
import { amendmentById, BUILT_IN_AMENDMENTS } from '../domain/amendments.ts';
import { ASSUMPTION_KEYS, ASSUMPTIONS, type AssumptionKey, type Assumptions } from '../domain/assumptions.ts';
import { EFFECTIVE_DATE, type IsoDate, parseIsoDate } from '../domain/dates.ts';
import { didYouMean } from '../domain/did-you-mean.ts';
import { InputError } from '../domain/errors.ts';
import { MAX_USD } from '../domain/money.ts';

const date = z
  .string({ invalid_type_error: 'must be a date string "YYYY-MM-DD"' })
  .refine((text) => parseIsoDate(text) !== undefined, 'must be a real calendar date written YYYY-MM-DD')
  .refine((text) => text >= EFFECTIVE_DATE, `must be on or after the effective date ${EFFECTIVE_DATE}`)
  .transform((text) => text as IsoDate);
const probability = z.number().min(0, 'must be a probability from 0 to 1').max(1, 'must be a probability from 0 to 1');
/** Conduct events a year, on average: up to one a day. */
const conductRate = z
  .number()
  .min(0, 'must be 0 or more')
  .max(365, 'must be at most 365 (one a day on average)')
  .default(0);
const wholeDays = z.number().int('must be a whole number of days').min(0, 'must be 0 days or more');

/** A number of days: fixed, uniform between two whole numbers, or lognormal around a median. */
const days = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), days: wholeDays }).strict(),
    z.object({ kind: z.literal('uniform'), min: wholeDays, max: wholeDays }).strict(),
    z
      .object({
        kind: z.literal('lognormal'),
        medianDays: z.number().positive('must be more than 0 days'),
        sigma: z.number().min(0, 'must be 0 or more'),
      })
      .strict(),
  ])
  .superRefine((d, ctx) => {
    if (d.kind === 'uniform' && d.max < d.min)
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be at least min (${d.min})` });
  });
/** A number of days, fixed or drawn (uniform or lognormal). */
export type DaysSpec = z.infer<typeof days>;

/** When OpenAI first declares AGI (C2). */
const declaration = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('uniform'), from: date, to: date, never: probability.default(0) }).strict(),
    z
      .object({
        kind: z.literal('lognormal'),
        from: date,
        medianYears: z.number().positive('must be more than 0 years'),
        sigma: z.number().min(0, 'must be 0 or more'),
        never: probability.default(0),
      })
      .strict(),
    z
      .object({
        kind: z.literal('piecewise'),
        cdf: z
          .array(z.tuple([date, probability]), {
            invalid_type_error: 'must be a list of ["YYYY-MM-DD", probability] pairs',
          })
          .min(1, 'needs at least one ["YYYY-MM-DD", probability] point'),
      })
      .strict(),
  ])
  .superRefine((d, ctx) => {
    if (d.kind === 'uniform' && d.to < d.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before "from" (${d.from})` });
    if (d.kind !== 'piecewise') return;
    d.cdf.forEach(([day, p], i) => {
      const previous = d.cdf[i - 1];
      if (previous && day <= previous[0]) {
        ctx.addIssue({
          code: 'custom',
          path: ['cdf', i, 0],
          message: `must come after ${previous[0]}: dates increase`,
        });
      }
      if (previous && p < previous[1]) {
        ctx.addIssue({
          code: 'custom',
          path: ['cdf', i, 1],
          message: `must be at least ${previous[1]}: a CDF never falls`,
        });
      }
    });
  });
/**
 * When OpenAI first declares AGI (C2): a uniform, lognormal or piecewise distribution of dates,
 * with a probability of never.
 */
export type DeclarationSpec = z.infer<typeof declaration>;

const assumptionValue = z.union([z.string(), z.number(), z.null()]);
const sampled = z
  .object({
    sample: z
      .array(z.object({ value: assumptionValue, weight: z.number().positive('must be more than 0') }).strict())
      .min(1, 'needs at least one {"value": …, "weight": …}'),
  })
  .strict();

const specSchema = z
  .object({
    $comment: z.string().optional(),
    history: z
      .string({ invalid_type_error: 'must be "builtin", "none" or the path of a history log' })
      .min(1, 'must be "builtin", "none" or the path of a history log')
      .default('builtin'),
    sampleFrom: date.optional(),
    horizon: date.default('2045-01-01' as IsoDate),
    declaration,
    panel: z
      .object({
        lagDays: days,
        verifyProbability: probability,
        afterRejection: z
          .object({ redeclareProbability: probability, gapDays: days })
          .strict()
          .default({ redeclareProbability: 0, gapDays: { kind: 'fixed', days: 0 } }),
        'panel-deadline-days': z
          .number()
          .int('must be a whole number of days')
          .min(1, 'must be 1 day or more')
          .nullable()
          .optional(),
      })
      .strict(),
    conduct: z
      .object({
        // A future holds rate × years of these: past one a day, a spec is a log, not a sample (and runs out of memory).
        offAzureApiLaunchesPerYear: conductRate,
        trainingRunsOverThresholdPerYear: conductRate,
      })
      .strict()
      .default({}),
    revenue: z
      .object({
        firstYearUsd: z.number().positive('must be more than 0').max(MAX_USD, `must be at most ${MAX_USD}`),
        growthPerYear: z.number().gt(-1, 'must be more than -1 (a fall of 100%)').default(0),
      })
      .strict()
      .optional(),
    amendments: z.array(z.string()).default([]),
    assumptions: z.record(z.union([assumptionValue, sampled])).default({}),
  })
  .strict();

export type RawSpec = z.input<typeof specSchema>;

/** One assumption: fixed, or drawn with weights (normalised to sum 1). */
export type AssumptionDraw<K extends AssumptionKey = AssumptionKey> =
  | { readonly key: K; readonly fixed: Assumptions[K] }
  | { readonly key: K; readonly values: readonly Assumptions[K][]; readonly cumulative: readonly number[] };

/** A validated spec, as plain data (it crosses to worker threads). */
export interface MonteCarloSpec {
  /**
   * What every future starts from (issue 9): `builtin` (the real history: today's deal, the
   * default), `none` (the deal as signed on 2025-10-28) or the path of a history log, relative to
   * the spec's own directory.
   */
  readonly history: string;
  /** The first day sampled events may fall on; null: the day after the history's last date. */
  readonly sampleFrom: IsoDate | null;
  readonly horizon: IsoDate;
  readonly declaration: DeclarationSpec;
  readonly panel: {
    readonly lagDays: DaysSpec;
    readonly verifyProbability: number;
    readonly afterRejection: { readonly redeclareProbability: number; readonly gapDays: DaysSpec };
  };
  readonly conduct: { readonly offAzureApiLaunchesPerYear: number; readonly trainingRunsOverThresholdPerYear: number };
  readonly revenue: { readonly firstYearUsd: number; readonly growthPerYear: number } | null;
  readonly amendments: readonly string[];
  readonly assumptions: readonly AssumptionDraw[];
}

const EXAMPLE_HINT = 'see the examples in simulations/montecarlo/ and the README section "Monte Carlo"';

function pathOf(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function fail(path: readonly (string | number)[], message: string, hint: string): InputError {
  const where = path.length ? `${pathOf(path)}: ` : '';
  return new InputError(`${where}${message}`, { hint });
}

/** Reads `json` (already parsed) as a spec; throws an {@link InputError} naming the JSON path. */
export function parseSpec(json: unknown): MonteCarloSpec {
  const parsed = specSchema.safeParse(json);
  if (!parsed.success) throw describeIssue(parsed.error.issues[0] as z.ZodIssue);
  const raw = parsed.data;
  if (raw.horizon <= EFFECTIVE_DATE) {
    throw fail(['horizon'], `must be after ${EFFECTIVE_DATE}`, 'give the last day futures run to, e.g. "2045-01-01"');
  }
  if (raw.revenue) {
    // The last year's revenue, the largest when it grows, must stay a bounded amount (MAX_USD).
    const years = Number(raw.horizon.slice(0, 4)) - Number(EFFECTIVE_DATE.slice(0, 4));
    const largest = raw.revenue.firstYearUsd * Math.max(1, (1 + raw.revenue.growthPerYear) ** years);
    if (!(largest <= MAX_USD)) {
      throw fail(
        ['revenue', 'growthPerYear'],
        `grows the yearly revenue past ${MAX_USD} ($1,000T) before the horizon ${raw.horizon}`,
        'lower growthPerYear or firstYearUsd, or bring the horizon closer',
      );
    }
  }
  const amendments = raw.amendments.map((id, i) => {
    const known = Object.keys(BUILT_IN_AMENDMENTS);
    if (!amendmentById(BUILT_IN_AMENDMENTS, id) || parseIsoDate(id) === undefined) {
      throw fail(
        ['amendments', i],
        `unknown amendment "${id}"${didYouMean(id, known)}`,
        `name one of ${known.join(', ')}`,
      );
    }
    return id;
  });
  const panelDeadline = raw.panel['panel-deadline-days'];
  if (panelDeadline !== undefined && Object.hasOwn(raw.assumptions, 'panel-deadline-days')) {
    throw fail(
      ['assumptions', 'panel-deadline-days'],
      'the panel deadline is also set in panel["panel-deadline-days"]',
      'set it in one place',
    );
  }
  const entries = Object.entries(raw.assumptions);
  if (panelDeadline !== undefined) entries.push(['panel-deadline-days', panelDeadline]);
  const assumptions = entries.map(([key, value]) => drawOf(key, value));
  return {
    history: raw.history,
    sampleFrom: raw.sampleFrom ?? null,
    horizon: raw.horizon,
    declaration: raw.declaration,
    panel: raw.panel,
    conduct: raw.conduct,
    revenue: raw.revenue ?? null,
    amendments,
    assumptions,
  };
}

type RawValue = string | number | null;

function drawOf(key: string, value: RawValue | { sample: { value: RawValue; weight: number }[] }): AssumptionDraw {
  if (!Object.hasOwn(ASSUMPTIONS, key)) {
    throw fail(
      ['assumptions', key],
      `unknown assumption "${key}"${didYouMean(key, ASSUMPTION_KEYS)}`,
      `the keys are ${ASSUMPTION_KEYS.join(', ')}`,
    );
  }
  const spec = ASSUMPTIONS[key as AssumptionKey];
  const read = (raw: RawValue, path: (string | number)[]) => {
    const parsed = spec.parse(raw === null ? 'none' : String(raw));
    if (typeof parsed === 'object' && parsed !== null) {
      throw fail(
        path,
        `the value ${JSON.stringify(raw)} ${parsed.invalid}`,
        `values for ${key}: ${spec.values.join(' | ')}`,
      );
    }
    return parsed;
  };
  if (value === null || typeof value !== 'object')
    return { key: key as AssumptionKey, fixed: read(value, ['assumptions', key]) };
  const values = value.sample.map((option, i) => read(option.value, ['assumptions', key, 'sample', i, 'value']));
  const total = value.sample.reduce((sum, option) => sum + option.weight, 0);
  let running = 0;
  const cumulative = value.sample.map((option) => {
    running += option.weight / total;
    return running;
  });
  return { key: key as AssumptionKey, values, cumulative } as AssumptionDraw;
}

function describeIssue(issue: z.ZodIssue): InputError {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return fail(path, `unknown field "${issue.keys[0]}"`, `remove it, or check its spelling; ${EXAMPLE_HINT}`);
    case 'invalid_union_discriminator':
      return fail(
        path,
        `"kind" must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`,
        `set "kind" to one of them; ${EXAMPLE_HINT}`,
      );
    case 'invalid_union':
      return fail(
        path,
        'must be a value, or {"sample": [{"value": …, "weight": …}, …]}',
        `e.g. "declaration" or {"sample": [{"value": "verification", "weight": 3}, {"value": "declaration", "weight": 1}]}`,
      );
    case 'invalid_type':
      return issue.received === 'undefined'
        ? fail(path, `is missing (${issue.expected})`, `add it; ${EXAMPLE_HINT}`)
        : fail(path, `must be ${issue.expected}, found ${issue.received}`, `write it as ${issue.expected}`);
    default:
      return fail(path, issue.message, `correct ${pathOf(path) || 'the spec'}; ${EXAMPLE_HINT}`);
  }
}

/**
 * Assumptions: readings of ambiguous clause text and undisclosed figures (CLAUSES.md,
 * "Assumptions"). The simulator never guesses silently; each reading has a name, a default and
 * the clause it interprets, and the user can change it with `--assume KEY=VALUE`.
 */
import type { ClauseId } from './clauses.ts';
import { LAST_DATE, MAX_DAYS_AFTER_EFFECTIVE } from './dates.ts';
import { didYouMean } from './did-you-mean.ts';
import { InputError } from './errors.ts';
import { MAX_USD } from './money.ts';

export interface Assumptions {
  /** C1: does exclusivity end on verification, or is it suspended from each declaration? */
  readonly 'agi-ends-exclusivity': 'verification' | 'declaration';
  /** C8: is the compute cap lifted by a pending declaration, or only by verification? */
  readonly 'compute-cap-lifts': 'declaration' | 'verification';
  /** C2: may OpenAI declare again after the panel rejects a declaration? */
  readonly 'after-rejection': 'redeclare' | 'final';
  /** C2: days after which an unruled declaration lapses as if rejected; null for never. */
  readonly 'panel-deadline-days': number | null;
  /** C3: do Microsoft's rights cover post-AGI models released without safety guardrails? */
  readonly 'post-agi-without-guardrails': 'excluded' | 'included';
  /** C8: the undisclosed compute threshold, in training FLOP. */
  readonly 'compute-threshold-flop': number;
  /** C9: share of OpenAI revenue owed to Microsoft (R1, reported). */
  readonly 'revenue-share-rate': number;
  /** S4/R1: total cap on the revenue share once the 2026-04-27 amendment applies (reported). */
  readonly 'revenue-share-cap-usd': number;
}

export type AssumptionKey = keyof Assumptions;

export interface AssumptionSpec<K extends AssumptionKey = AssumptionKey> {
  readonly key: K;
  readonly clause: ClauseId;
  /** The values, default first, as shown to people. */
  readonly values: readonly string[];
  readonly default: Assumptions[K];
  readonly meaning: string;
  /** Turns the text after `=` into a value, or returns the reason it is not one. */
  readonly parse: (text: string) => Assumptions[K] | { readonly invalid: string };
  /** Finitely many values, for exhaustive checking; undefined for open numeric ranges. */
  readonly enumerable?: readonly Assumptions[K][];
}

function oneOf<const V extends string>(...choices: V[]): (text: string) => V | { readonly invalid: string } {
  return (text) =>
    (choices as readonly string[]).includes(text) ? (text as V) : { invalid: `must be one of ${choices.join(', ')}` };
}

function positiveNumber(what: string, max = Number.POSITIVE_INFINITY) {
  return (text: string): number | { invalid: string } => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
      return { invalid: `must be ${what}` };
    }
    return value;
  };
}

export const ASSUMPTIONS: { readonly [K in AssumptionKey]: AssumptionSpec<K> } = {
  'agi-ends-exclusivity': {
    key: 'agi-ends-exclusivity',
    clause: 'C1',
    values: ['verification', 'declaration'],
    default: 'verification',
    meaning:
      'verification: exclusivity holds until the panel verifies AGI. declaration: exclusivity is suspended from each declaration, restored if the panel rejects it, and ends for good on verification.',
    parse: oneOf('verification', 'declaration'),
    enumerable: ['verification', 'declaration'],
  },
  'compute-cap-lifts': {
    key: 'compute-cap-lifts',
    clause: 'C8',
    values: ['declaration', 'verification'],
    default: 'declaration',
    meaning:
      'declaration (the literal text, "prior to AGI being declared"): the cap is lifted while a declaration is pending, restored on rejection, gone for good on verification. verification: the cap holds until verification.',
    parse: oneOf('declaration', 'verification'),
    enumerable: ['declaration', 'verification'],
  },
  'after-rejection': {
    key: 'after-rejection',
    clause: 'C2',
    values: ['redeclare', 'final'],
    default: 'redeclare',
    meaning: 'Whether OpenAI may declare AGI again after the panel rejects a declaration.',
    parse: oneOf('redeclare', 'final'),
    enumerable: ['redeclare', 'final'],
  },
  'panel-deadline-days': {
    key: 'panel-deadline-days',
    clause: 'C2',
    values: ['none', 'a whole number N'],
    default: null,
    meaning:
      'With N, a declaration that has no ruling N days after it lapses on that day, exactly as if rejected (the lapse takes effect at the start of day N, so the last day for a ruling is day N-1).',
    parse: (text) => {
      if (text === 'none') return null;
      const value = Number(text);
      return /^\d+$/.test(text) && Number.isSafeInteger(value) && value >= 1 && value <= MAX_DAYS_AFTER_EFFECTIVE
        ? value
        : {
            invalid: `must be none or a whole number of days from 1 to ${MAX_DAYS_AFTER_EFFECTIVE.toLocaleString('en-US')} (a lapse after ${LAST_DATE} is past the calendar's end)`,
          };
    },
    enumerable: [null, 90],
  },
  'post-agi-without-guardrails': {
    key: 'post-agi-without-guardrails',
    clause: 'C3',
    values: ['excluded', 'included'],
    default: 'excluded',
    meaning: 'Whether Microsoft’s C3 rights cover a post-AGI model released without safety guardrails.',
    parse: oneOf('excluded', 'included'),
    enumerable: ['excluded', 'included'],
  },
  'compute-threshold-flop': {
    key: 'compute-threshold-flop',
    clause: 'C8',
    values: ['1e28', 'any positive number'],
    default: 1e28,
    meaning:
      'The undisclosed threshold, in training FLOP (placeholder: "significantly larger" than the ~5e26 FLOP of 2025’s leading runs).',
    parse: positiveNumber('a positive number of FLOP, such as 1e28'),
  },
  'revenue-share-rate': {
    key: 'revenue-share-rate',
    clause: 'C9',
    values: ['0.20', 'a fraction'],
    default: 0.2,
    meaning: 'The share of OpenAI revenue owed to Microsoft (R1: reported, not official).',
    parse: positiveNumber('a fraction between 0 and 1, such as 0.2', 1),
  },
  'revenue-share-cap-usd': {
    key: 'revenue-share-cap-usd',
    clause: 'C9',
    values: ['38e9', 'any positive amount'],
    default: 38e9,
    meaning:
      'The total cap on the revenue share once the 2026-04-27 amendment applies, in USD (R1 reports $38B; undisclosed).',
    parse: positiveNumber(`a positive amount in USD up to ${MAX_USD}, such as 38e9`, MAX_USD),
  },
};

export const ASSUMPTION_KEYS = Object.keys(ASSUMPTIONS) as AssumptionKey[];

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.fromEntries(
  ASSUMPTION_KEYS.map((key) => [key, ASSUMPTIONS[key].default]),
) as unknown as Assumptions;

/** Renders a value as the user would type it after `--assume KEY=`. */
export function formatAssumption(key: AssumptionKey, value: Assumptions[AssumptionKey]): string {
  if (value === null) return 'none';
  if (key === 'panel-deadline-days') return String(value);
  return String(value);
}

/**
 * Applies `KEY=VALUE` pairs over the defaults. Throws an {@link InputError} naming the pair
 * and the allowed values when a key is unknown or a value does not parse.
 */
export function parseAssumptions(pairs: readonly string[], base: Assumptions = DEFAULT_ASSUMPTIONS): Assumptions {
  const result: Record<string, unknown> = { ...base };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new InputError(`--assume "${pair}" is not KEY=VALUE`, {
        hint: `write it as --assume KEY=VALUE, e.g. --assume agi-ends-exclusivity=declaration; keys: ${ASSUMPTION_KEYS.join(', ')}`,
      });
    }
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    if (!Object.hasOwn(ASSUMPTIONS, key)) {
      throw new InputError(`unknown assumption "${key}"${didYouMean(key, ASSUMPTION_KEYS)}`, {
        hint: `the keys are ${ASSUMPTION_KEYS.join(', ')}; run "dealsim assumptions" to see their values`,
      });
    }
    const spec = ASSUMPTIONS[key as AssumptionKey];
    const value = spec.parse(text);
    if (typeof value === 'object' && value !== null) {
      throw new InputError(`--assume ${key}=${text}: the value ${value.invalid}`, {
        hint: `values for ${key}: ${spec.values.join(' | ')} (default ${formatAssumption(spec.key, spec.default)})`,
      });
    }
    result[key] = value;
  }
  return result as unknown as Assumptions;
}

/**
 * Assumptions: readings of ambiguous clause text and undisclosed figures (CLAUSES.md,
 * "Assumptions"). The simulator never guesses silently; each reading has a name, a default and
 * the clause it interprets, and the user can change it with `--assume KEY=VALUE`.
 */
import type { ClauseId, SourceId } from './clauses.ts';
import { LAST_DATE, MAX_DAYS_AFTER_EFFECTIVE } from './dates.ts';
import { didYouMean } from './did-you-mean.ts';
import { InputError } from './errors.ts';
import { formatUsd, MAX_USD } from './money.ts';
import { formatNumber } from './numbers.ts';

/**
 * One reading of every ambiguous clause (CLAUSES.md, "Assumptions"); a replay runs under exactly
 * one.
 */
export interface Assumptions {
  /** C1: does exclusivity end on verification, or is it suspended from each declaration? */
  readonly 'agi-ends-exclusivity': 'verification' | 'declaration';
  /** C8: is the compute cap lifted by a pending declaration, only by verification, or for good by the first declaration? */
  readonly 'compute-cap-lifts': 'declaration' | 'verification' | 'first-declaration';
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
  /** S4: does everything accrued since 2025-10-28 count toward the cap, or only what accrues from the amendment? */
  readonly 'revenue-share-cap-counts': 'since-effective' | 'since-amendment';
  /** S3, C6: did S3 change no term (restates), or keep first-party products on Azure (azure-only)? */
  readonly 's3-first-party': 'restates' | 'azure-only';
  /** S3, C6: is a stateful API product outside Azure API exclusivity, or inside it? */
  readonly 'stateful-api': 'outside' | 'inside';
  /** S4: does the exception need both "cannot" and "chooses not to", or either? */
  readonly 's4-exception': 'cannot-and-chooses-not' | 'cannot-or-chooses-not';
  /** S4, R2: does S4 untie only the revenue share from AGI, or remove every AGI trigger from its date? */
  readonly 's4-agi-clause': 'revenue-share-only' | 'removed';
}

/** An assumption's key as typed after `--assume`, e.g. `agi-ends-exclusivity`. */
export type AssumptionKey = keyof Assumptions;

/**
 * Which events an assumption can change the outcome of: the AGI process and amendments (how terms
 * end), conduct (verdicts only), or the ledger (revenue and its cap). `dealsim check` explores
 * only AGI, panel and amendment events, so it multiplies out the `agi-process` readings and
 * spreads the others over those combinations.
 */
export type AssumptionBearing = 'agi-process' | 'conduct' | 'ledger';

/** One assumption: the clause it reads, its values and default, its meaning and its parser. */
export interface AssumptionSpec<K extends AssumptionKey = AssumptionKey> {
  readonly key: K;
  /** The clause or amendment it reads (CLAUSES.md, "Assumptions"). */
  readonly clause: ClauseId | SourceId;
  readonly bears: AssumptionBearing;
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

/** `38e9`, `38000000000`, `38B`, `$38B`, `1.5T`, `500M`: an amount of USD as people write it. */
function usdAmount(what: string) {
  const scale: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
  return (text: string): number | { invalid: string } => {
    const match = /^\$?([0-9.eE+-]+)([KMBT]?)$/.exec(text.trim());
    const value = match ? Number(match[1]) * (scale[match[2] as string] as number) : Number.NaN;
    if (!match || match[1] === '' || !Number.isFinite(value) || value <= 0 || value > MAX_USD) {
      return { invalid: `must be ${what}, at most ${formatUsd(MAX_USD)}` };
    }
    return value;
  };
}

/** A number written in decimals, with an optional exponent: `0.2`, `.2`, `1e28`, `5E+26` (not `0x10` or `Infinity`, which `Number` reads too). */
const DECIMAL = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function positiveNumber(what: string, max = Number.POSITIVE_INFINITY) {
  return (text: string): number | { invalid: string } => {
    const value = Number(text);
    if (!DECIMAL.test(text.trim()) || !Number.isFinite(value) || value <= 0 || value > max) {
      return { invalid: `must be ${what}` };
    }
    return value;
  };
}

/**
 * Every assumption of CLAUSES.md by key: the clause it reads, its values (default first), what each
 * means, and how to parse it.
 */
export const ASSUMPTIONS: { readonly [K in AssumptionKey]: AssumptionSpec<K> } = {
  'agi-ends-exclusivity': {
    key: 'agi-ends-exclusivity',
    bears: 'agi-process',
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
    bears: 'agi-process',
    clause: 'C8',
    values: ['declaration', 'verification', 'first-declaration'],
    default: 'declaration',
    meaning:
      'declaration (the literal text, "prior to AGI being declared"): the cap is lifted while a declaration is pending, restored on rejection, gone for good on verification. verification: the cap holds until verification. first-declaration: the first declaration lifts it for good, whatever the panel later rules.',
    parse: oneOf('declaration', 'verification', 'first-declaration'),
    enumerable: ['declaration', 'verification', 'first-declaration'],
  },
  'after-rejection': {
    key: 'after-rejection',
    bears: 'agi-process',
    clause: 'C2',
    values: ['redeclare', 'final'],
    default: 'redeclare',
    meaning: 'Whether OpenAI may declare AGI again after the panel rejects a declaration.',
    parse: oneOf('redeclare', 'final'),
    enumerable: ['redeclare', 'final'],
  },
  'panel-deadline-days': {
    key: 'panel-deadline-days',
    bears: 'agi-process',
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
    bears: 'conduct',
    clause: 'C3',
    values: ['excluded', 'included'],
    default: 'excluded',
    meaning: 'Whether Microsoft’s C3 rights cover a post-AGI model released without safety guardrails.',
    parse: oneOf('excluded', 'included'),
    enumerable: ['excluded', 'included'],
  },
  'compute-threshold-flop': {
    key: 'compute-threshold-flop',
    bears: 'conduct',
    clause: 'C8',
    values: ['1e28', 'any positive number'],
    default: 1e28,
    meaning:
      'The undisclosed threshold, in training FLOP (placeholder: "significantly larger" than the ~5e26 FLOP of 2025’s leading runs).',
    parse: positiveNumber('a positive number of FLOP, such as 1e28'),
  },
  'revenue-share-rate': {
    key: 'revenue-share-rate',
    bears: 'ledger',
    clause: 'C9',
    values: ['0.20', 'a fraction'],
    default: 0.2,
    meaning: 'The share of OpenAI revenue owed to Microsoft (R1: reported, not official).',
    parse: positiveNumber('a fraction between 0 and 1, such as 0.2', 1),
  },
  'revenue-share-cap-usd': {
    key: 'revenue-share-cap-usd',
    bears: 'ledger',
    clause: 'S4',
    values: ['$38B', 'any positive amount (38e9, 38B or $38B)'],
    default: 38e9,
    meaning: 'The undisclosed total cap on the revenue share once S4 applies, in USD (R1 reports $38B, not official).',
    parse: usdAmount('a positive amount in USD, such as 38e9, 38B or $38B'),
  },
  'revenue-share-cap-counts': {
    key: 'revenue-share-cap-counts',
    bears: 'ledger',
    clause: 'S4',
    values: ['since-effective', 'since-amendment'],
    default: 'since-effective',
    meaning:
      'What counts toward the cap: since-effective, everything accrued since 2025-10-28; since-amendment, only what accrues from the amendment’s date.',
    parse: oneOf('since-effective', 'since-amendment'),
    enumerable: ['since-effective', 'since-amendment'],
  },
  's3-first-party': {
    key: 's3-first-party',
    bears: 'conduct',
    clause: 'S3',
    values: ['restates', 'azure-only'],
    default: 'restates',
    meaning:
      'restates: S3 changed no term ("nothing … changes the terms"), so a first-party non-API product may still be served on any cloud (C6). azure-only: from S3’s date, OpenAI’s first-party products stay on Azure while azure-api-exclusivity holds, so one served elsewhere is a breach.',
    parse: oneOf('restates', 'azure-only'),
    enumerable: ['restates', 'azure-only'],
  },
  'stateful-api': {
    key: 'stateful-api',
    bears: 'conduct',
    clause: 'S3',
    values: ['outside', 'inside'],
    default: 'outside',
    meaning:
      'S3 says the stateless API calls of third-party collaborations are hosted on Azure. outside: a stateful API product ("stateful": true) is outside Azure API exclusivity and judged like a non-API product, from 2025-10-28 (S3 clarifies, it does not amend). inside: exclusivity covers every API product.',
    parse: oneOf('outside', 'inside'),
    enumerable: ['outside', 'inside'],
  },
  's4-exception': {
    key: 's4-exception',
    bears: 'conduct',
    clause: 'S4',
    values: ['cannot-and-chooses-not', 'cannot-or-chooses-not'],
    default: 'cannot-and-chooses-not',
    meaning:
      'The official wording: a product need not ship first on Azure if Microsoft "cannot and chooses not to" support it (both facts: azureCannotSupport and azureChoosesNotToSupport); many outlets wrote "or" (either fact suffices).',
    parse: oneOf('cannot-and-chooses-not', 'cannot-or-chooses-not'),
    enumerable: ['cannot-and-chooses-not', 'cannot-or-chooses-not'],
  },
  's4-agi-clause': {
    key: 's4-agi-clause',
    bears: 'agi-process',
    clause: 'S4',
    values: ['revenue-share-only', 'removed'],
    default: 'revenue-share-only',
    meaning:
      'revenue-share-only (the official text): S4 unties only the revenue share from AGI; the panel (C2), research IP (C4) and compute thresholds (C8) keep their AGI triggers. removed (the press reading, R2): from S4’s date no AGI event ends or suspends any term, and a term a pending declaration suspended holds again.',
    parse: oneOf('revenue-share-only', 'removed'),
    enumerable: ['revenue-share-only', 'removed'],
  },
};

export const ASSUMPTION_KEYS = Object.keys(ASSUMPTIONS) as AssumptionKey[];

/** The default reading of every assumption, as `dealsim assumptions` lists them. */
export const DEFAULT_ASSUMPTIONS: Assumptions = Object.fromEntries(
  ASSUMPTION_KEYS.map((key) => [key, ASSUMPTIONS[key].default]),
) as unknown as Assumptions;

/** Renders a value for people: `none`, `1e28`, `$38B`, `0.2`; `--assume` accepts each form back. */
export function formatAssumption(key: AssumptionKey, value: Assumptions[AssumptionKey]): string {
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (key === 'revenue-share-cap-usd') return formatUsd(value);
  // Days are read as a whole number only: 1000000, never 1e6.
  return key === 'panel-deadline-days' ? String(value) : formatNumber(value);
}

/** Renders a value as typed after `--assume KEY=` in a shell command line: `38e9`, not `$38B`. */
export function assumeArgument(key: AssumptionKey, value: Assumptions[AssumptionKey]): string {
  if (key !== 'revenue-share-cap-usd' || typeof value !== 'number') return formatAssumption(key, value);
  const short = formatUsd(value).slice(1);
  return ASSUMPTIONS[key].parse(short) === value ? short : formatNumber(value);
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

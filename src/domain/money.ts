/** US dollars. Amounts are plain finite numbers; this module only names and prints them. */
export type Usd = number;

/** The incremental Azure services OpenAI commits to buy (C10). */
export const AZURE_COMMITMENT_USD: Usd = 250e9;

/**
 * The largest amount one event, assumption or amendment may give: $1,000T, about ten times the
 * world's yearly output. Bounding each amount keeps every sum of them finite and exact enough to
 * print, where 1e308 + 1e308 would be Infinity (printed "$InfinityT", and null in JSON).
 */
export const MAX_USD: Usd = 1e15;

/** `$250B`, `$1.25M`, `$900`, `$1,500T`: short and exact enough to read in a table. Throws a RangeError for NaN or ±Infinity. */
export function formatUsd(amount: Usd): string {
  let text = printed.get(amount);
  if (text === undefined) {
    text = format(amount);
    if (printed.size >= PRINTED_MAX) printed.clear();
    printed.set(amount, text);
  }
  return text;
}

/** Amounts already printed: a long log's reasons print the same few amounts hundreds of thousands of times. */
const printed = new Map<Usd, string>();
const PRINTED_MAX = 4096;

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

function format(amount: Usd): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  if (Math.abs(amount) >= 1e15) {
    return `$${(amount / 1e12).toLocaleString('en-US', { maximumFractionDigits: 0 })}T`;
  }
  for (const [size, suffix] of UNITS) {
    if (Math.abs(amount) >= size) return `$${trim(amount / size)}${suffix}`;
  }
  return `$${trim(amount)}`;
}

function trim(value: number): string {
  return Number(value.toFixed(3)).toString();
}

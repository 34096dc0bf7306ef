/** US dollars. Amounts are plain finite numbers; this module names, rounds and prints them. */
export type Usd = number;

/**
 * `amount` to the nearest cent (a half cent up), as the double nearest to it: sums of such amounts,
 * rounded again, stay exact to the cent below $90T (2^53 cents), where doubles hold every cent.
 */
export function toCents(amount: Usd): Usd {
  return Math.round(amount * 100) / 100;
}

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

/**
 * {@link formatUsd}, but to the cent when it would print as `limit` without reaching it: a total
 * of $249,999,999,999.99 is not "$250B of $250B bought", and a share one cent under its cap is not
 * "$38B accrued". `limit` null: plain {@link formatUsd}.
 */
export function formatUsdUnder(amount: Usd, limit: Usd | null): string {
  const text = formatUsd(amount);
  if (limit === null || amount >= limit || text !== formatUsd(limit)) return text;
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * `amount` as booked (to the cent, see {@link toCents}) and printed exactly: {@link formatUsd}'s
 * short form when it reads as that very amount (`$250B`, `$1.25M`), else every cent
 * (`$249,999,999,999.99`, `$1,234,567.89`), so a line's own amount is never rounded in its reason.
 */
export function formatUsdExact(amount: Usd): string {
  let text = printedExactly.get(amount);
  if (text === undefined) {
    const cents = toCents(amount);
    const short = formatUsd(cents);
    text =
      valueOf(short) === cents
        ? short
        : `$${cents.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    if (printedExactly.size >= PRINTED_MAX) printedExactly.clear();
    printedExactly.set(amount, text);
  }
  return text;
}

const printedExactly = new Map<Usd, string>();

/** The amount {@link formatUsd}'s text reads as. */
function valueOf(text: string): number {
  const suffix = text.at(-1) as string;
  const size = UNITS.find(([, unit]) => unit === suffix)?.[0];
  const digits = text.slice(1, size === undefined ? undefined : -1).replaceAll(',', '');
  return size === undefined ? Number(digits) : toCents(Number(digits) * size);
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

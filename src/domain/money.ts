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

/** `$250B`, `$1.25M`, `$900`, `$1,500T`: short and exact enough to read in a table. */
export function formatUsd(amount: Usd): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  if (Math.abs(amount) >= 1e15) {
    return `$${(amount / 1e12).toLocaleString('en-US', { maximumFractionDigits: 0 })}T`;
  }
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(amount) >= size) return `$${trim(amount / size)}${suffix}`;
  }
  return `$${trim(amount)}`;
}

function trim(value: number): string {
  return Number(value.toFixed(3)).toString();
}

/** US dollars. Amounts are plain finite numbers; this module only names and prints them. */
export type Usd = number;

/** The incremental Azure services OpenAI commits to buy (C10). */
export const AZURE_COMMITMENT_USD: Usd = 250e9;

/** `$250B`, `$1.25M`, `$900`: short and exact enough to read in a table. */
export function formatUsd(amount: Usd): string {
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

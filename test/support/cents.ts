/**
 * Amounts in whole cents that add up to a total exactly, or one cent short of it: the boundary
 * where a ledger summing in floating point misses a threshold (C10's $250B, an S4 cap).
 */
import fc from 'fast-check';

/**
 * `parts` whole-cent amounts (integers of cents, each at least one) whose sum is `totalCents`, or
 * one cent less when `short`: random earlier parts, the last one making up the rest.
 */
export function centsSumming(
  totalCents: number,
  options: { readonly maxPart: number; readonly maxParts: number },
): fc.Arbitrary<{ readonly cents: readonly number[]; readonly short: boolean }> {
  return fc
    .tuple(
      fc
        .array(fc.integer({ min: 1, max: options.maxPart }), { minLength: 1, maxLength: options.maxParts - 1 })
        .filter((earlier) => earlier.reduce((sum, c) => sum + c, 0) < totalCents - 1),
      fc.boolean(),
    )
    .map(([earlier, short]) => ({
      cents: [...earlier, totalCents - earlier.reduce((sum, c) => sum + c, 0) - (short ? 1 : 0)],
      short,
    }));
}

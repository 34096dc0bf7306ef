/** Every combination of the enumerable assumption values, with the user's `--assume` choices fixed. */
import { ASSUMPTION_KEYS, ASSUMPTIONS, type AssumptionKey, type Assumptions } from '../domain/assumptions.ts';

/**
 * The cartesian product of each enumerable assumption's values over `base`, except the keys in
 * `fixed`, which keep their value in `base`. Open numeric assumptions keep `base`'s value.
 */
export function assumptionCombinations(
  base: Assumptions,
  fixed: ReadonlySet<AssumptionKey> = new Set(),
): Assumptions[] {
  let combos: Assumptions[] = [base];
  for (const key of ASSUMPTION_KEYS) {
    const values = ASSUMPTIONS[key].enumerable as readonly Assumptions[AssumptionKey][] | undefined;
    if (!values || fixed.has(key)) continue;
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value }) as Assumptions));
  }
  return combos;
}

/** The keys named in `--assume KEY=VALUE` pairs. */
export function fixedKeys(pairs: readonly string[]): Set<AssumptionKey> {
  return new Set(pairs.map((pair) => pair.slice(0, pair.indexOf('=')) as AssumptionKey));
}

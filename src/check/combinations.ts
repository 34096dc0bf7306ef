/** Every combination of the enumerable assumption values, with the user's `--assume` choices fixed. */
import { ASSUMPTION_KEYS, ASSUMPTIONS, type AssumptionKey, type Assumptions } from '../domain/assumptions.ts';

/**
 * The assumption combinations `check` explores over `base`. The cartesian product of every
 * enumerable reading that bears on the AGI process and amendments (the events `check` explores);
 * the readings that only judge conduct or count the ledger cannot change those futures, so their
 * values are spread over the combinations instead (combination k takes value k mod n, with the
 * list repeated until every value appears at least once) and each value is still replayed. Keys
 * in `fixed` keep their value in `base`; open numeric assumptions keep `base`'s value.
 */
export function assumptionCombinations(
  base: Assumptions,
  fixed: ReadonlySet<AssumptionKey> = new Set(),
): Assumptions[] {
  let combos: Assumptions[] = [base];
  const spread: AssumptionKey[] = [];
  for (const key of ASSUMPTION_KEYS) {
    const values = ASSUMPTIONS[key].enumerable as readonly Assumptions[AssumptionKey][] | undefined;
    if (!values || fixed.has(key)) continue;
    if (ASSUMPTIONS[key].bears !== 'agi-process') {
      spread.push(key);
      continue;
    }
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value }) as Assumptions));
  }
  const widest = Math.max(1, ...spread.map((key) => (ASSUMPTIONS[key].enumerable ?? []).length));
  while (combos.length < widest) combos = [...combos, ...combos];
  return combos.map((combo, k) => {
    const spreadValues = Object.fromEntries(
      spread.map((key) => {
        const values = ASSUMPTIONS[key].enumerable as readonly unknown[];
        return [key, values[k % values.length]];
      }),
    );
    return { ...combo, ...spreadValues } as Assumptions;
  });
}

/** The keys named in `--assume KEY=VALUE` pairs. */
export function fixedKeys(pairs: readonly string[]): Set<AssumptionKey> {
  return new Set(pairs.map((pair) => pair.slice(0, pair.indexOf('=')) as AssumptionKey));
}

/**
 * Cloud providers as `product.launched` names them (CLAUSES.md, "Conduct events and their
 * verdicts"): matched case-insensitively, with the usual aliases, to a canonical provider. The
 * verdict on a launch turns on whether it is Azure, so a spelling that is almost a known name is
 * refused rather than read as some other cloud.
 */
import { editDistance, normaliseName } from './did-you-mean.ts';

/** The providers the clauses and the real history name, each with the spellings people use. */
export const CLOUD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  azure: ['azure', 'microsoft azure'],
  aws: ['aws', 'amazon web services', 'amazon bedrock'],
  gcp: ['gcp', 'google cloud', 'google cloud platform'],
  oracle: ['oracle', 'oci', 'oracle cloud', 'oracle cloud infrastructure'],
};

/** The canonical provider of each known spelling, lower-case. */
const CANONICAL = new Map<string, string>(
  Object.entries(CLOUD_ALIASES).flatMap(([provider, names]) => names.map((name) => [name, provider] as const)),
);

/** Words that name a known provider's company or brand: a name containing one is not "another cloud". */
const BRAND_WORDS = new Map<string, string>([
  ['azure', 'azure'],
  ['microsoft', 'azure'],
  ['aws', 'aws'],
  ['amazon', 'aws'],
  ['bedrock', 'aws'],
  ['gcp', 'gcp'],
  ['google', 'gcp'],
  ['oracle', 'oracle'],
  ['oci', 'oracle'],
]);

/** What a `cloud` value names: a provider, or why it is refused (a near miss of a known one, or blank). */
export type CloudMatch =
  | { readonly provider: string }
  | { readonly provider?: undefined; readonly why: string; readonly nearMiss?: string };

/**
 * The canonical provider `name` stands for. A known spelling in any case gives its provider
 * (`"Microsoft Azure"` → `azure`). A name one or two edits from a known spelling (one edit for
 * names of four letters or fewer, where two edits leave hardly a name: "ovh" is not "oci"), or one
 * that contains a known brand's word without being a known spelling ("AWS GovCloud"), is a near
 * miss. Any other name is a cloud in its own right and is kept, lower-cased ("CoreWeave" →
 * `coreweave`): off Azure.
 */
export function matchCloud(name: string): CloudMatch {
  const key = normaliseName(name);
  if (key === '') return { why: 'it is blank' };
  const known = CANONICAL.get(key);
  if (known !== undefined) return { provider: known };
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const spelling of CANONICAL.keys()) {
    const distance = editDistance(key, spelling);
    if (distance < bestDistance) {
      best = spelling;
      bestDistance = distance;
    }
  }
  const tolerance = key.length <= 4 ? 1 : 2;
  if (best !== undefined && bestDistance <= tolerance) {
    const provider = CANONICAL.get(best) as string;
    return { nearMiss: provider, why: `${bestDistance === 1 ? 'one letter' : 'two letters'} away from "${best}"` };
  }
  for (const word of key.split(' ')) {
    const provider = BRAND_WORDS.get(word);
    if (provider !== undefined) return { nearMiss: provider, why: `it names ${word} but is not a known spelling` };
  }
  return { provider: key };
}

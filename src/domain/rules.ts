/**
 * The rules in force: how each term ends and how conduct is judged. They start as the October
 * 2025 terms read under the chosen assumptions, live in the statechart's context, and change
 * only through dated amendment overlays (see amendments.ts), never by editing these base rules.
 */
import type { Assumptions } from './assumptions.ts';
import { dayAfterYear, type IsoDate } from './dates.ts';
import type { Usd } from './money.ts';
import { TERM_IDS, type TermId } from './terms.ts';

/**
 * How one term ends: a calendar sunset, verification of AGI, suspension by a pending declaration,
 * or a cap.
 */
export interface TermRule {
  /** First day the term no longer holds by the calendar ("through 2030" → 2031-01-01); null for none. */
  readonly sunset: IsoDate | null;
  /** Whether the panel's verification of AGI ends it for good (C1, C4, C8, C9). */
  readonly endsOnVerification: boolean;
  /** Whether a pending declaration suspends it until the panel rules (assumption readings of C1, C8). */
  readonly suspendsOnDeclaration: boolean;
  /** Whether the first declaration ends it for good, whatever the panel rules (C8 read as `compute-cap-lifts=first-declaration`). */
  readonly endsOnDeclaration: boolean;
  /** For the revenue share: it stops once the accrued total reaches this amount; null for no cap. */
  readonly capUsd: Usd | null;
}

/**
 * Which rule judges an off-Azure `product.launched`:
 * `azure-api-exclusivity` (C1, C6, C11: off-Azure API products breach while Azure API exclusivity
 * holds); `first-party-on-azure` (S3's statement that first-party products stay on Azure, binding
 * only under assumption `s3-first-party=azure-only`); `azure-first` (S4: any product on any cloud,
 * if it shipped first on Azure or the S4 exception holds).
 */
export const PRODUCT_LAUNCH_RULES = ['azure-api-exclusivity', 'first-party-on-azure', 'azure-first'] as const;

/** Which rule judges an off-Azure `product.launched` (one of {@link PRODUCT_LAUNCH_RULES}). */
export type ProductLaunchRule = (typeof PRODUCT_LAUNCH_RULES)[number];

/**
 * The rules in force: how each term ends, and how off-Azure launches are judged; the base terms
 * with the amendments applied so far.
 */
export interface Rules {
  readonly terms: { readonly [T in TermId]: TermRule };
  readonly productLaunch: ProductLaunchRule;
}

const open: TermRule = {
  sunset: null,
  endsOnVerification: false,
  suspendsOnDeclaration: false,
  endsOnDeclaration: false,
  capUsd: null,
};

/** C4: research IP through 2030. Computed once: every replay and Monte Carlo future starts from these rules. */
const RESEARCH_IP_SUNSET = dayAfterYear(2030);
/** C3: model and product IP through 2032. */
const MODEL_PRODUCT_IP_SUNSET = dayAfterYear(2032);

/** The October 2025 terms (S1), read under `assumptions`. */
export function baseRules(assumptions: Assumptions): Rules {
  const exclusivity: TermRule = {
    ...open,
    endsOnVerification: true,
    suspendsOnDeclaration: assumptions['agi-ends-exclusivity'] === 'declaration',
  };
  const terms: Record<TermId, TermRule> = {
    // C4: until verification or through 2030, whichever is first.
    'research-ip': { ...open, sunset: RESEARCH_IP_SUNSET, endsOnVerification: true },
    // C3: through 2032, whatever happens to AGI.
    'model-product-ip': { ...open, sunset: MODEL_PRODUCT_IP_SUNSET },
    // C1: "until AGI", read by assumption agi-ends-exclusivity.
    'ip-exclusivity': exclusivity,
    'azure-api-exclusivity': exclusivity,
    // C9: until the panel verifies AGI.
    'revenue-share': { ...open, endsOnVerification: true },
    // Not ended by anything in S1; S4 ends it.
    'revenue-share-to-openai': open,
    // C8: "prior to AGI being declared", read by assumption compute-cap-lifts.
    'compute-threshold': {
      ...open,
      endsOnVerification: true,
      suspendsOnDeclaration: assumptions['compute-cap-lifts'] === 'declaration',
      endsOnDeclaration: assumptions['compute-cap-lifts'] === 'first-declaration',
    },
    // C10: ends when purchases reach $250B, which the ledger decides.
    'azure-commitment': open,
  };
  for (const id of TERM_IDS) if (!terms[id]) throw new TypeError(`no base rule for ${id}`);
  return { terms, productLaunch: 'azure-api-exclusivity' };
}

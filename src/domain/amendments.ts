/**
 * Amendments as dated overlays on the base rules, in the manner of Catala's dated exceptions:
 * an `agreement.amended` event applies one from its date; the October 2025 rules are not edited.
 * An overlay is plain data, so a user can write a hypothetical one in JSON.
 */
import { produce } from 'immer';
import type { Assumptions } from './assumptions.ts';
import type { IsoDate } from './dates.ts';
import { EMPTY_LEDGER, type Ledger } from './ledger.ts';
import { toCents, type Usd } from './money.ts';
import type { ProductLaunchRule, Rules } from './rules.ts';
import { TERM_IDS, type TermId } from './terms.ts';

/** A change to how one term ends. `capUsd: "assumed"` takes the cap from `revenue-share-cap-usd`. */
export interface TermRetiming {
  readonly sunset?: IsoDate | null;
  readonly endsOnVerification?: boolean;
  readonly suspendsOnDeclaration?: boolean;
  readonly endsOnDeclaration?: boolean;
  readonly capUsd?: Usd | null | 'assumed';
}

/**
 * A dated overlay on the base rules (an `agreement.amended` line applies it): terms it ends, terms
 * it re-times, and how off-Azure launches are judged from its date.
 */
export interface Amendment {
  readonly id: string;
  readonly title: string;
  /** A source ID of CLAUSES.md (S3, S4) or a URL; "hypothetical" for user-written overlays. */
  readonly source: string;
  readonly summary: string;
  /** Terms that end on the amendment's date. */
  readonly ends?: readonly TermId[];
  /** Terms whose ending rules change from the amendment's date. */
  readonly retime?: { readonly [T in TermId]?: TermRetiming };
  /** A new rule for judging off-Azure product launches. */
  readonly productLaunch?: ProductLaunchRule;
  /**
   * `assumed`: whether AGI events still end or suspend terms from this amendment's date is read by
   * assumption `s4-agi-clause` (under `removed`, every term is untied from AGI, see {@link retimingsOf}).
   */
  readonly agiClause?: 'assumed';
}

/** Amendments by ID: the built-in ones (S3, S4 of CLAUSES.md) and any a user's file adds. */
export type AmendmentCatalog = Readonly<Record<string, Amendment>>;

/**
 * The amendment of `catalog` named `id`, or undefined. A user-written ID is looked up among the
 * catalogue's own entries only, so "toString" or "__proto__" is an unknown amendment, not a
 * function inherited from Object.
 */
export function amendmentById(catalog: AmendmentCatalog, id: string): Amendment | undefined {
  return Object.hasOwn(catalog, id) ? catalog[id] : undefined;
}

/** The amendments that have really happened (CLAUSES.md, "Later changes"). */
export const BUILT_IN_AMENDMENTS: AmendmentCatalog = {
  '2026-02-27': {
    id: '2026-02-27',
    title: 'Continuing the Microsoft–OpenAI partnership (clarification)',
    source: 'S3',
    summary:
      'No change to the terms: stateless API calls resulting from third-party collaborations are hosted on Azure, first-party products stay on Azure, and the AGI definition and process are unchanged.',
    // A clarification changes no term. Its statement that first-party products stay on Azure
    // binds only under assumption s3-first-party=azure-only (findings.ts reads it there).
    productLaunch: 'first-party-on-azure',
  },
  '2026-04-27': {
    id: '2026-04-27',
    title: 'The next phase of the Microsoft–OpenAI partnership',
    source: 'S4',
    summary:
      'Microsoft’s license becomes non-exclusive; OpenAI may serve any product on any cloud if it shipped first on Azure (unless Microsoft could not and chose not to support it); the revenue share to Microsoft runs through 2030 up to a cap, independent of AGI; Microsoft stops paying a revenue share to OpenAI.',
    ends: ['ip-exclusivity', 'azure-api-exclusivity', 'revenue-share-to-openai'],
    retime: {
      // "Keeps a license to OpenAI IP for models and products through 2032": C3's date, restated.
      'model-product-ip': { sunset: '2033-01-01' as IsoDate },
      'revenue-share': {
        sunset: '2031-01-01' as IsoDate,
        endsOnVerification: false,
        suspendsOnDeclaration: false,
        capUsd: 'assumed',
      },
    },
    productLaunch: 'azure-first',
    // "Independent of OpenAI's technology progress": the revenue share only (the official text),
    // or every AGI trigger (R2's reading); assumption s4-agi-clause chooses.
    agiClause: 'assumed',
  },
};

/** What untying a term from AGI changes: no AGI event ends or suspends it any more. */
const UNTIED: TermRetiming = { endsOnVerification: false, suspendsOnDeclaration: false, endsOnDeclaration: false };

/**
 * The re-timings `amendment` makes under `assumptions`: its own `retime`, and under
 * `s4-agi-clause=removed` for an amendment whose AGI clause is assumed, every term untied from AGI.
 */
export function retimingsOf(amendment: Amendment, assumptions: Assumptions): { readonly [T in TermId]?: TermRetiming } {
  if (amendment.agiClause !== 'assumed' || assumptions['s4-agi-clause'] !== 'removed') return amendment.retime ?? {};
  const own = amendment.retime ?? {};
  return Object.fromEntries(TERM_IDS.map((term) => [term, { ...own[term], ...UNTIED }]));
}

/**
 * The accrued total at which the cap `retiming` sets stops the share, `undefined` when it leaves
 * the cap alone. Under `revenue-share-cap-counts=since-amendment` only what accrues from the
 * amendment counts, so the stop is the cap above what had accrued by then (`accruedUsd`).
 */
function retimedCap(retiming: TermRetiming, assumptions: Assumptions, accruedUsd: Usd): Usd | null | undefined {
  const cap = retiming.capUsd === 'assumed' ? assumptions['revenue-share-cap-usd'] : retiming.capUsd;
  if (cap === null || cap === undefined) return cap;
  // In whole cents, as the ledger books what accrues against it (ledger.ts).
  return toCents(assumptions['revenue-share-cap-counts'] === 'since-amendment' ? accruedUsd + cap : cap);
}

/**
 * The rules in force after `amendment` applies over `rules`, with `ledger` as it stands on the
 * amendment's date (for a cap that counts from it); the input is never changed.
 */
export function applyAmendment(
  rules: Rules,
  amendment: Amendment,
  assumptions: Assumptions,
  ledger: Ledger = EMPTY_LEDGER,
): Rules {
  const accruedUsd = assumptions['revenue-share-cap-counts'] === 'since-amendment' ? ledger.revenueShareAccruedUsd : 0;
  // Rules are immutable and futures that share assumptions share their rules, so the answer
  // for the same three objects is kept: Monte Carlo applies the same amendments millions of times.
  let byAmendment = applied.get(rules);
  if (byAmendment === undefined) {
    byAmendment = new WeakMap();
    applied.set(rules, byAmendment);
  }
  const memo = byAmendment.get(amendment);
  if (memo !== undefined && memo.assumptions === assumptions && memo.accruedUsd === accruedUsd) return memo.rules;
  const result = amend(rules, amendment, assumptions, accruedUsd);
  byAmendment.set(amendment, { assumptions, accruedUsd, rules: result });
  return result;
}

const applied = new WeakMap<Rules, WeakMap<Amendment, { assumptions: Assumptions; accruedUsd: Usd; rules: Rules }>>();

function amend(rules: Rules, amendment: Amendment, assumptions: Assumptions, accruedUsd: Usd): Rules {
  // An immer recipe reads as the overlay it is; an amendment that changes nothing gives back
  // the same rules object, and applyAmendment's memo keeps this off the kernel's hot path.
  return produce(rules, (draft) => {
    for (const [term, retiming] of Object.entries(retimingsOf(amendment, assumptions)) as [TermId, TermRetiming][]) {
      const rule = draft.terms[term];
      const capUsd = retimedCap(retiming, assumptions, accruedUsd);
      if (retiming.sunset !== undefined) rule.sunset = retiming.sunset;
      if (retiming.endsOnVerification !== undefined) rule.endsOnVerification = retiming.endsOnVerification;
      if (retiming.suspendsOnDeclaration !== undefined) rule.suspendsOnDeclaration = retiming.suspendsOnDeclaration;
      if (retiming.endsOnDeclaration !== undefined) rule.endsOnDeclaration = retiming.endsOnDeclaration;
      if (capUsd !== undefined) rule.capUsd = capUsd;
    }
    if (amendment.productLaunch !== undefined) draft.productLaunch = amendment.productLaunch;
  });
}

/**
 * Whether applying `amendment` on `date` ends `term` that day: it names the term in `ends`, it
 * moves the term's sunset to that day or before (an amendment never reaches back, so the term
 * ends on its date, by it), or it caps the revenue share at an amount the ledger has already
 * reached (S4 with a low assumed cap).
 */
export function amendmentEndsTerm(
  amendment: Amendment,
  date: IsoDate,
  assumptions: Assumptions,
  ledger: Ledger,
  term: TermId,
): boolean {
  if (amendment.ends?.includes(term)) return true;
  const retiming = amendment.retime?.[term];
  const sunset = retiming?.sunset;
  if (sunset !== undefined && sunset !== null && sunset <= date) return true;
  if (term !== 'revenue-share' || retiming?.capUsd === undefined) return false;
  // The cap the amendment sets, read as applyAmendment reads it, without applying the whole amendment again.
  const cap = retimedCap(retiming, assumptions, ledger.revenueShareAccruedUsd);
  return cap !== null && cap !== undefined && ledger.revenueShareAccruedUsd >= cap;
}

/**
 * Whether applying `amendment` gives a term that a pending declaration has suspended its holding
 * back: the amendment makes declarations no longer suspend it (S4 under `s4-agi-clause=removed`).
 */
export function amendmentUnsuspends(amendment: Amendment, assumptions: Assumptions, term: TermId): boolean {
  return retimingsOf(amendment, assumptions)[term]?.suspendsOnDeclaration === false;
}

/** The applied amendments, in order, that end or re-time `term`: what `explain` must mention. */
export function amendmentsOf(term: TermId, applied: readonly string[], catalog: AmendmentCatalog): Amendment[] {
  return applied.flatMap((id) => {
    const amendment = amendmentById(catalog, id);
    const touches = amendment && ((amendment.ends ?? []).includes(term) || amendment.retime?.[term] !== undefined);
    return touches ? [amendment] : [];
  });
}

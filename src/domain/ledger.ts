/**
 * The money ledger of a future: Azure purchases toward the $250B commitment (C10) and the
 * revenue share accrued to Microsoft (C9). Updates return a new ledger and never touch the old one.
 * Totals are booked in whole cents (each sum and each share rounded to the cent, as a ledger
 * books them), so amounts that add up to $250B or to a cap reach it: in plain floating point,
 * $190B recognised in three lines accrued $37,999,999,999.99999 at 20%, and a $38B cap never ended the share.
 */
import { AZURE_COMMITMENT_USD, toCents, type Usd } from './money.ts';

/**
 * Money so far, in US dollars: Azure purchased against the commitment (C10), revenue recognised and
 * the revenue share accrued to Microsoft (C9).
 */
export interface Ledger {
  readonly azurePurchasedUsd: Usd;
  readonly azureCommitmentUsd: Usd;
  readonly revenueRecognizedUsd: Usd;
  readonly revenueShareAccruedUsd: Usd;
}

export const EMPTY_LEDGER: Ledger = {
  azurePurchasedUsd: 0,
  azureCommitmentUsd: AZURE_COMMITMENT_USD,
  revenueRecognizedUsd: 0,
  revenueShareAccruedUsd: 0,
};

// Plain object literals rather than immer recipes or spreads: a ledger is four numbers, and these
// run on every purchase and revenue event of the compiled kernel's hot path, where immer's drafts
// cost more than the replay itself and a spread that overrides a field copies it twice (issue 5).
// The result is still a new object, with the fields in EMPTY_LEDGER's order; the input is never changed.

export function recordPurchase(ledger: Ledger, amountUsd: Usd): Ledger {
  return {
    azurePurchasedUsd: toCents(ledger.azurePurchasedUsd + amountUsd),
    azureCommitmentUsd: ledger.azureCommitmentUsd,
    revenueRecognizedUsd: ledger.revenueRecognizedUsd,
    revenueShareAccruedUsd: ledger.revenueShareAccruedUsd,
  };
}

/** Whether a purchase of `amountUsd` brings the total to the commitment (C10), to the cent. */
export function fulfilsCommitment(ledger: Ledger, amountUsd: Usd): boolean {
  return toCents(ledger.azurePurchasedUsd + amountUsd) >= ledger.azureCommitmentUsd;
}

/** What Microsoft accrues on `amountUsd` of revenue at `rate` (C9), in whole cents, never past `capUsd`. */
export function shareOf(ledger: Ledger, amountUsd: Usd, rate: number, capUsd: Usd | null): Usd {
  const share = toCents(amountUsd * rate);
  return capUsd === null ? share : Math.min(share, roomUnder(ledger, capUsd));
}

/** Whether the share of `amountUsd` at `rate` brings the accrued total to `capUsd` (S4): {@link shareOf} fills the room left. */
export function reachesCap(ledger: Ledger, amountUsd: Usd, rate: number, capUsd: Usd): boolean {
  return toCents(amountUsd * rate) >= roomUnder(ledger, capUsd);
}

/** What may still accrue under `capUsd`, in whole cents; none once it is reached. */
function roomUnder(ledger: Ledger, capUsd: Usd): Usd {
  return Math.max(0, toCents(capUsd - ledger.revenueShareAccruedUsd));
}

export function recordRevenue(ledger: Ledger, amountUsd: Usd, accruedUsd: Usd): Ledger {
  return {
    azurePurchasedUsd: ledger.azurePurchasedUsd,
    azureCommitmentUsd: ledger.azureCommitmentUsd,
    revenueRecognizedUsd: toCents(ledger.revenueRecognizedUsd + amountUsd),
    revenueShareAccruedUsd: toCents(ledger.revenueShareAccruedUsd + accruedUsd),
  };
}

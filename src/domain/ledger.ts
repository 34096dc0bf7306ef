/**
 * The money ledger of a future: Azure purchases toward the $250B commitment (C10) and the
 * revenue share accrued to Microsoft (C9). Updates are immer recipes, so the state stays immutable.
 */
import { produce } from 'immer';
import { AZURE_COMMITMENT_USD, type Usd } from './money.ts';

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

export function recordPurchase(ledger: Ledger, amountUsd: Usd): Ledger {
  return produce(ledger, (draft) => {
    draft.azurePurchasedUsd += amountUsd;
  });
}

/** Whether a purchase of `amountUsd` brings the total to the commitment. */
export function fulfilsCommitment(ledger: Ledger, amountUsd: Usd): boolean {
  return ledger.azurePurchasedUsd + amountUsd >= ledger.azureCommitmentUsd;
}

/** What Microsoft accrues on `amountUsd` of revenue at `rate`, never past `capUsd`. */
export function shareOf(ledger: Ledger, amountUsd: Usd, rate: number, capUsd: Usd | null): Usd {
  const share = amountUsd * rate;
  return capUsd === null ? share : Math.max(0, Math.min(share, capUsd - ledger.revenueShareAccruedUsd));
}

export function recordRevenue(ledger: Ledger, amountUsd: Usd, accruedUsd: Usd): Ledger {
  return produce(ledger, (draft) => {
    draft.revenueRecognizedUsd += amountUsd;
    draft.revenueShareAccruedUsd += accruedUsd;
  });
}

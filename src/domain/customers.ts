/**
 * The customer of a `product.launched` line. Only one customer changes a verdict: `us-natsec`, a
 * US government national-security customer, whose API access may run on any cloud (C11). It is
 * matched as clouds are ({@link normaliseName}: any case, compatibility forms, spaces or underscores for hyphens), and a
 * spelling that is almost it is refused: read as an ordinary customer, it would turn a permitted
 * launch into a breach. Any other name is an ordinary customer, kept as written.
 */
import { editDistance, normaliseName } from './did-you-mean.ts';

/** The customer C11 names. */
export const US_NATSEC = 'us-natsec';
/** {@link US_NATSEC} as {@link normaliseName} writes every spelling of it. */
const NATSEC_KEY = normaliseName(US_NATSEC);

/** What a `customer` value names: the customer to judge by, or why it is refused. */
export type CustomerMatch =
  | { readonly customer: string }
  | { readonly customer?: undefined; readonly why: string; readonly nearMiss: string };

/** `name` as C11's customer when it is one in another spelling, a near miss of it, or as written. */
export function matchCustomer(name: string): CustomerMatch {
  if (name === US_NATSEC) return { customer: name };
  const key = normaliseName(name);
  if (key === NATSEC_KEY) return { customer: US_NATSEC };
  const distance = editDistance(key, NATSEC_KEY);
  if (distance <= 2) {
    return { nearMiss: US_NATSEC, why: `${distance === 1 ? 'one letter' : 'two letters'} away from "${US_NATSEC}"` };
  }
  return { customer: name };
}

/**
 * How each verdict is marked wherever people read it (the simulate table, the timeline, the
 * report): one symbol and one word per verdict, so `undetermined` is never drawn like a breach.
 */
import type { Verdict } from './findings.ts';

export interface VerdictMark {
  /** A single character that reads without colour. */
  readonly symbol: string;
  /** The word for legends and screen readers. */
  readonly label: string;
}

export const VERDICT_MARKS: { readonly [V in Verdict]: VerdictMark } = {
  permitted: { symbol: '✓', label: 'permitted' },
  breach: { symbol: '✕', label: 'breach' },
  undetermined: { symbol: '?', label: 'undetermined: a fact that decides it is missing' },
  info: { symbol: 'ℹ', label: 'information' },
};

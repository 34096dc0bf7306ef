/**
 * Messages between the studio page and its Monte Carlo worker. The page hands out one chunk of
 * futures at a time, so stopping is simply not asking for the next one; each future has its own
 * seeded generator, so the results do not depend on the chunking.
 */
import { copyOutcomes, type Outcomes, outcomeBuffers } from '../../montecarlo/outcomes.ts';

export type ToWorker =
  | { readonly kind: 'start'; readonly run: number; readonly spec: unknown; readonly seed: number }
  | { readonly kind: 'chunk'; readonly run: number; readonly start: number; readonly count: number };

export type FromWorker =
  | {
      readonly kind: 'chunk';
      readonly run: number;
      readonly start: number;
      readonly count: number;
      readonly outcomes: Outcomes;
    }
  | { readonly kind: 'error'; readonly run: number; readonly message: string };

/** The flat arrays of `outcomes`, which cross to the page without a copy. */
export const transferList = outcomeBuffers;

/** Copies a chunk's outcomes into the run's, at future `start`. */
export const copyInto = copyOutcomes;

/**
 * Invariant 7 for the report and the studio: the stepper's records collected on the kernel's lean
 * fold (every step's date, event label, state codes and findings, calendar deadlines included)
 * equal those collected through the XState replay, on random futures after the real history and
 * on the deal as signed, and an invalid future is refused with the same error on both.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { branchFrom, NO_HISTORY } from '../../src/history/history.ts';
import { kernelEngine } from '../../src/kernel/engine.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { xstateEngine } from '../../src/replay/engine.ts';
import { builtinHistory } from '../../src/store/history-file.ts';
import { dealChart } from '../../src/visual/statechart.ts';
import { collectSteps } from '../../src/visual/steps.ts';
import { runs } from '../mutation-killers/budget.ts';

const chart = dealChart();
const HISTORIES = { builtin: builtinHistory(), none: NO_HISTORY };

function collected(
  events: readonly LoggedEvent[],
  assumptions: never,
  engine: typeof kernelEngine | typeof xstateEngine,
) {
  try {
    return collectSteps(events, { assumptions }, chart, engine as never);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { refused: error.describe() };
  }
}

describe('invariant 7: the report’s steps on the kernel equal those on XState', () => {
  test.prop(
    [
      futureArbitrary({ amendments: true, deadlineRulings: true, maxEvents: 14 }),
      fc.constantFrom<keyof typeof HISTORIES>('builtin', 'none'),
    ],
    { numRuns: runs(200) },
  )('gives the same steps, findings and answer, or the same refusal', (future, history) => {
    const events = [...branchFrom(HISTORIES[history], future.events)];
    const assumptions = future.assumptions as never;
    expect(collected(events, assumptions, kernelEngine)).toStrictEqual(collected(events, assumptions, xstateEngine));
  });
});

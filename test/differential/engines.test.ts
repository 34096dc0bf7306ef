/**
 * Differential testing (invariant 7): the pure `transition` engine, the live actor engine and
 * snapshot-restore (persist after any prefix, restore, replay the rest) give the same term
 * intervals and findings on every random future, amendments included.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DealInput } from '../../machines/deal.machine.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { actorEngine, type Engine, xstateEngine } from '../../src/replay/engine.ts';
import { finishReplay, type Replayed, replay, replayEvent, startReplay } from '../../src/replay/replay.ts';
import { runs } from '../mutation-killers/budget.ts';

/** Replays `events[0..cut)` on `first`, persists, restores on `second` and replays the rest there. */
function replayAcrossSnapshot<A, B>(
  events: readonly LoggedEvent[],
  input: DealInput,
  cut: number,
  first: Engine<A>,
  second: Engine<B>,
): Replayed {
  let before = startReplay(first, input);
  for (const logged of events.slice(0, cut)) before = replayEvent(first, before, logged);
  // The snapshot goes through JSON, as it would through a file or a database.
  const persisted = JSON.parse(JSON.stringify(first.persist(before.machine)));
  const tracks = structuredClone(before.tracks);
  let after = { ...before, machine: second.restore(persisted, input), tracks, findings: [...before.findings] };
  for (const logged of events.slice(cut)) after = replayEvent(second, after, logged);
  return finishReplay(second, after);
}

const essentials = (replayed: Replayed) => ({
  timelines: replayed.timelines,
  findings: replayed.findings,
  agi: replayed.agi,
  agiRecord: replayed.context.agi,
  ledger: replayed.context.ledger,
  applied: replayed.context.applied,
});

const futureWithCut = futureArbitrary({ maxEvents: 14, amendments: true }).chain((future) =>
  fc.tuple(fc.constant(future), fc.integer({ min: 0, max: future.events.length })),
);

describe('invariant 7: replay is deterministic across engines (C1–C12 via every term region)', () => {
  test.prop([futureArbitrary({ maxEvents: 14, amendments: true })], { numRuns: runs(300) })(
    'the pure transition engine and the live actor agree on intervals and findings',
    ({ assumptions, events }) => {
      const input = { assumptions };
      const pure = replay(events, input, { engine: xstateEngine });
      const live = replay(events, input, { engine: actorEngine });
      expect(essentials(live)).toEqual(essentials(pure));
    },
  );

  test.prop([futureWithCut], { numRuns: runs(300) })(
    'persisting after any prefix, restoring and replaying the rest equals replaying the whole log',
    ([{ assumptions, events }, cut]) => {
      const input = { assumptions };
      const whole = essentials(replay(events, input));
      expect(essentials(replayAcrossSnapshot(events, input, cut, xstateEngine, xstateEngine))).toEqual(whole);
      expect(essentials(replayAcrossSnapshot(events, input, cut, actorEngine, actorEngine))).toEqual(whole);
      // A snapshot taken on one engine restores on the other.
      expect(essentials(replayAcrossSnapshot(events, input, cut, actorEngine, xstateEngine))).toEqual(whole);
      expect(essentials(replayAcrossSnapshot(events, input, cut, xstateEngine, actorEngine))).toEqual(whole);
    },
  );

  test.prop([futureArbitrary({ maxEvents: 10, amendments: true })], { numRuns: runs(100) })(
    'the same log and assumptions replayed twice give the same result',
    ({ assumptions, events }) => {
      expect(essentials(replay(events, { assumptions }))).toEqual(essentials(replay(events, { assumptions })));
    },
  );
});

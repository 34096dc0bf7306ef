/** Invariant 7: replay is deterministic, and a snapshot plus the remaining events equals the whole. */
import { finishReplay, replay, replayEvent } from '../replay/replay.ts';
import { forkFold, persistFold, replayedText, restoreFold } from './fold.ts';
import type { Invariant, Violation } from './invariant.ts';

/**
 * The same log and assumptions replayed again give the same result; the fold after any prefix
 * survives `engine.persist`/`restore` (as JSON) unchanged; and, for the deep prefixes, the
 * restored fold plus the remaining events replays to exactly the whole future.
 */
export const determinism: Invariant = {
  id: 7,
  name: 'determinism',
  statement:
    'the same log and assumptions give the same result, and replaying from a snapshot plus the remaining events equals replaying the whole log',
  check(run) {
    const whole = replayedText(run.replayed);
    const again = replay(run.events, run.input, { engine: run.engine });
    if (replayedText(again) !== whole) {
      return violation('replaying the same log with the same assumptions gave another result', {
        first: JSON.parse(whole),
        second: JSON.parse(replayedText(again)),
      });
    }
    for (const prefix of run.prefixes) {
      const text = persistFold(run.engine, prefix.fold);
      let restored = restoreFold(run.engine, text, run.input);
      const roundTrip = persistFold(run.engine, restored);
      if (roundTrip !== text) {
        return violation(`the fold after line ${prefix.count} changed on persist and restore`, {
          after: prefix.count,
          persisted: JSON.parse(text),
          restored: JSON.parse(roundTrip),
        });
      }
      if (!run.deepPrefixes.includes(prefix.count)) continue;
      restored = forkFold(restored);
      for (const logged of run.events.slice(prefix.count)) restored = replayEvent(run.engine, restored, logged);
      const continued = replayedText(finishReplay(run.engine, restored));
      if (continued !== whole) {
        return violation(
          `restoring the snapshot after line ${prefix.count} and replaying the rest gave another result`,
          {
            snapshotAfter: prefix.count,
            whole: JSON.parse(whole),
            fromSnapshot: JSON.parse(continued),
          },
        );
      }
    }
    return null;
  },
};

function violation(message: string, evidence: unknown): Violation {
  return { invariant: 7, name: determinism.name, message, evidence };
}

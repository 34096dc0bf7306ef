/**
 * What "the results of a replay" means for the no-amendment corpus: timelines with their causes,
 * findings, the AGI process and the ledger, as plain JSON (the report's shape may grow fields).
 */
import type { Replayed } from '../../src/replay/replay.ts';

export function projectResult(replayed: Replayed): unknown {
  return JSON.parse(
    JSON.stringify({
      agi: replayed.agi,
      agiDates: replayed.context.agi,
      timelines: replayed.timelines,
      findings: replayed.findings,
      ledger: replayed.context.ledger,
    }),
  );
}

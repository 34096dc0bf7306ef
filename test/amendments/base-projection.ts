/**
 * What "the results of a replay" means for the no-amendment corpus: timelines with their causes,
 * findings, the AGI status and the ledger, as plain JSON (the report's shape may grow fields).
 * The corpus also recorded the AGI record's dates (`agiDates`); no amendment touches them and
 * their meaning has since changed on purpose (81362fe: lapsedOn), so they are not compared.
 */
import type { Replayed } from '../../src/replay/replay.ts';

export function projectResult(replayed: Replayed): unknown {
  return JSON.parse(
    JSON.stringify({
      agi: replayed.agi,
      timelines: replayed.timelines,
      // Provenance (status, source, origin) came with issue 9, after the corpus was recorded.
      findings: replayed.findings.map(({ status: _status, source: _source, origin: _origin, ...finding }) => finding),
      ledger: replayed.context.ledger,
    }),
  );
}

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

interface ProjectedFinding {
  readonly verdict: string;
  readonly reason: string;
  readonly missingFacts?: readonly string[];
  readonly outcomes?: readonly {
    readonly facts: Record<string, boolean>;
    readonly verdict: string;
    readonly clause: string;
    readonly reason: string;
  }[];
  readonly [field: string]: unknown;
}

/**
 * The corpus was recorded before issue 10 changed two things on purpose: a missing deciding fact
 * was read as false (now the verdict is `undetermined`, and its outcome for `false` is exactly
 * what was recorded), and FLOP printed as `1e+28` (now `1e28`). This maps a recorded result to
 * today's wording and a result of today back to "missing read as false", so everything else is
 * still compared byte for byte.
 */
export function asBeforeIssue10(projected: unknown, recorded: unknown): { projected: unknown; recorded: unknown } {
  const now = projected as { findings: ProjectedFinding[] };
  const then = recorded as { findings: ProjectedFinding[] };
  const findings = now.findings.map((finding) => {
    if (finding.verdict !== 'undetermined') return finding;
    const { missingFacts: _facts, outcomes, coveredBy: _coveredBy, ...rest } = finding;
    const asFalse = outcomes?.find((outcome) => Object.values(outcome.facts).every((value) => value === false));
    return asFalse ? { ...rest, verdict: asFalse.verdict, clause: asFalse.clause, reason: asFalse.reason } : finding;
  });
  const recordedFindings = then.findings.map((finding) => ({
    ...finding,
    reason: finding.reason.replace(/(\d)e\+(\d)/g, '$1e$2'),
  }));
  return { projected: { ...now, findings }, recorded: { ...then, findings: recordedFindings } };
}

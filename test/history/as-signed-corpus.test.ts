/**
 * `--history none` is the deal as signed (issue 9): on the 120-future corpus recorded before
 * amendments existed (test/amendments/fixtures/base-corpus.json), `dealsim simulate --json
 * --history none` gives the recorded intervals and verdicts, through the whole command line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import {
  ASSUMPTION_KEYS,
  type Assumptions,
  DEFAULT_ASSUMPTIONS,
  formatAssumption,
} from '../../src/domain/assumptions.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { asBeforeIssue10 } from '../amendments/base-projection.ts';

interface Recorded {
  readonly assumptions: Assumptions;
  readonly events: LoggedEvent[];
  readonly expected: {
    readonly timelines: Record<string, { from: string; until: string | null }[]>;
    readonly findings: { line: number; verdict: string; clause: string; reason: string }[];
  };
}

const CORPUS = JSON.parse(
  readFileSync(new URL('../amendments/fixtures/base-corpus.json', import.meta.url), 'utf8'),
) as readonly Recorded[];

/** `azureDeclined` (both S4 facts at once) is written as its two facts since issue 10; it decides nothing without S4. */
function modern(event: LoggedEvent['event']): object {
  if (!('azureDeclined' in event)) return event;
  const { azureDeclined, ...rest } = event as LoggedEvent['event'] & { azureDeclined?: boolean };
  return azureDeclined ? { ...rest, azureCannotSupport: true, azureChoosesNotToSupport: true } : rest;
}

describe('C0 the deal as signed: --history none on the recorded corpus', () => {
  it('gives the recorded intervals and verdicts for every future, through the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealsim-corpus-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    for (const [index, { assumptions, events, expected }] of CORPUS.entries()) {
      const file = join(dir, `future-${index}.jsonl`);
      writeFileSync(file, events.map(({ event }) => `${JSON.stringify(modern(event))}\n`).join(''));
      // Assumptions added since the corpus was recorded keep their defaults.
      const all = { ...DEFAULT_ASSUMPTIONS, ...assumptions };
      const assume = ASSUMPTION_KEYS.flatMap((key) => ['--assume', `${key}=${formatAssumption(key, all[key])}`]);
      const { code, out, err } = await runInMemory(['simulate', file, '--json', '--history', 'none', ...assume]);
      expect(err, `future ${index}`).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out) as {
        terms: { id: string; intervals: { from: string; until: string | null }[] }[];
        findings: { line: number; verdict: string; clause: string; reason: string; origin: string | null }[];
      };
      const spans = (intervals: readonly { from: string; until: string | null }[]) =>
        intervals.map(({ from, until }) => [from, until]);
      for (const term of json.terms) {
        expect(spans(term.intervals), `future ${index} ${term.id}`).toEqual(spans(expected.timelines[term.id] ?? []));
      }
      // Two changes of issue 10 are mapped back: a missing fact read as false, FLOP printed as 1e+28.
      const compared = asBeforeIssue10(
        { findings: json.findings.map(({ origin, ...finding }) => ({ ...finding, origin })) },
        { findings: expected.findings },
      );
      const pick = (findings: unknown) =>
        (findings as { line: number; verdict: string; clause: string; reason: string; origin?: string | null }[]).map(
          ({ line, verdict, clause, reason, origin }) => ({ line, verdict, clause, reason, origin: origin ?? null }),
        );
      expect(pick((compared.projected as { findings: unknown }).findings), `future ${index}`).toEqual(
        pick((compared.recorded as { findings: unknown }).findings),
      );
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { diffReplays, withoutEvent, withoutWording } from '../../src/diff/replay-diff.ts';
import { parseAssumptions } from '../../src/domain/assumptions.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { cli, HISTORY_FILE, historyLog, spans } from './support.ts';

interface Shipped {
  readonly file: string;
  readonly assume: readonly string[];
}

/** The shipped futures (simulations/futures.json) and the real history. */
function shipped(): Shipped[] {
  const { futures } = JSON.parse(readFileSync('simulations/futures.json', 'utf8')) as {
    futures: { file: string; assume: string[] }[];
  };
  return [
    ...futures.map(({ file, assume }) => ({ file: `simulations/${file}`, assume })),
    { file: HISTORY_FILE, assume: [] },
  ];
}

const assumeArgs = (assume: readonly string[]) => assume.flatMap((pair) => ['--assume', pair]);

describe('C0 counterfactuals: dealsim diff and simulate --without on the shipped futures', () => {
  it('finds no difference between a future and itself', async () => {
    for (const { file, assume } of shipped()) {
      const { code, out } = await cli('diff', file, file, ...assumeArgs(assume), '--json');
      expect(code, file).toBe(0);
      expect(JSON.parse(out), file).toMatchObject({ same: true, sentences: [] });
    }
  });

  it('removes each line in turn: the rest replays as a log without it, and every changed term is said once', () => {
    for (const { file, assume } of shipped()) {
      const events = parseLog(readFileSync(file, 'utf8'), file);
      const assumptions = parseAssumptions(assume);
      const whole = replay(events, { assumptions });
      for (const { line } of events) {
        const cut = withoutEvent(events, String(line));
        expect(cut?.removed.line).toBe(line);
        const rest = (cut?.events ?? []).map(({ event }) => `${JSON.stringify(event)}\n`).join('');
        let reduced: ReturnType<typeof replay>;
        try {
          reduced = replay(parseLog(rest, file), { assumptions });
        } catch {
          continue; // removing a declaration can leave its ruling without one: an invalid future
        }
        const result = diffReplays(
          { replayed: whole, events },
          { replayed: reduced, events: cut?.events ?? [] },
          withoutWording(cut!.removed),
        );
        for (const term of TERM_IDS) {
          const changed =
            JSON.stringify(spans(whole.timelines[term])) !== JSON.stringify(spans(reduced.timelines[term]));
          const said = result.terms.filter((difference) => difference.term === term);
          expect(said.length, `${file} without line ${line}: ${term}`).toBe(changed ? 1 : 0);
          if (changed)
            expect(said[0]?.sentence).toMatch(
              new RegExp(`^Without (line ${line} \\(|the [\\w-]+ amendment).*\\(${term}\\) would `),
            );
        }
      }
    }
  });

  it('says in quotable words what the 2026-04-27 amendment changed in the real history', async () => {
    const { code, out } = await cli('simulate', HISTORY_FILE, '--without', '2026-04-27', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { amendments: string[]; without: { line: number; sentences: string[] } };
    expect(json.amendments).toEqual(['2026-02-27']);
    expect(json.without.line).toBe(3);
    expect(json.without.sentences).toContain(
      'Without the 2026-04-27 amendment, the revenue share to Microsoft (revenue-share) would run until AGI verification (this future has none) instead of ending on 2031-01-01 (its sunset, through 2030).',
    );
    expect(json.without.sentences).toContain(
      'Without the 2026-04-27 amendment, Azure API exclusivity (azure-api-exclusivity) would run until AGI verification (this future has none) instead of ending on 2026-04-27 (the amendment on line 3).',
    );
    expect(
      json.without.sentences.some((s) =>
        /product\.launched of 2026-04-28 \(line 4\) would be a breach of C6 instead of permitted by S4/.test(s),
      ),
    ).toBe(true);
    const text = await cli('simulate', HISTORY_FILE, '--without', '3');
    expect(text.out).toContain('Compared with the whole log');
  });

  it('matches verdicts by event, not line number, so removing an early line changes only its own', () => {
    const events = historyLog();
    const whole = replay(events, {});
    const cut = withoutEvent(events, '1');
    const result = diffReplays(
      { replayed: whole, events },
      { replayed: replay(cut?.events ?? [], {}), events: cut?.events ?? [] },
      withoutWording(cut!.removed),
    );
    expect(result.terms).toEqual([]);
    expect(result.sentences).toEqual([
      'Without line 1 (compute.contracted of 2025-11-03), there would be no compute.contracted of 2025-11-03, permitted by C10 on line 1.',
    ]);
  });

  it('shows that after S4 a verification moves neither the revenue share nor exclusivity', async () => {
    const agi = ['{"type":"agi.declared","date":"2028-03-01"}', '{"type":"panel.verified","date":"2028-09-01"}'];
    const dir = mkdtempSync(join(tmpdir(), 'dealsim-diff-'));
    const after = `${dir}/after.jsonl`;
    writeFileSync(after, `${readFileSync(HISTORY_FILE, 'utf8')}${agi.join('\n')}\n`);
    const { out } = await cli('diff', HISTORY_FILE, after, '--json');
    rmSync(dir, { recursive: true });
    const result = JSON.parse(out) as { terms: { term: string }[] };
    expect(result.terms.map((t) => t.term)).toEqual(['research-ip', 'compute-threshold']);
  });

  it('C8 says what would first end the compute cap: a declaration by default, verification under compute-cap-lifts=verification', async () => {
    const diff = (...assume: string[]) =>
      runInMemory([
        'diff',
        'simulations/no-agi-ever.jsonl',
        'simulations/declared-2028-verified-2028.jsonl',
        ...assume,
      ]);
    expect((await diff()).out).toContain(
      'compute-threshold) would end on 2028-03-01 (the AGI declaration on line 2) instead of running until an AGI declaration (this future has none).',
    );
    expect((await diff('--assume', 'compute-cap-lifts=verification')).out).toContain(
      'compute-threshold) would end on 2028-09-01 (AGI verification on line 4) instead of running until AGI verification (this future has none).',
    );
  });

  it('names the deal it computed on: the real history less the amendment removed from it', async () => {
    // On today's deal (the default history), where S4 is history:7.
    const future = 'simulations/declared-2028-verified-2028.jsonl';
    const text = await runInMemory(['simulate', future, '--without', '2026-04-27']);
    expect(text.out.split('\n')[0]).toBe(
      'Deal as of 2026-06-01: real history without history:7, 8 events, amendment S3 applied',
    );
    const json = JSON.parse((await runInMemory(['simulate', future, '--without', '2026-04-27', '--json'])).out);
    expect(json.history).toMatchObject({ label: 'real history without history:7', events: 8, amendments: ['S3'] });
    expect(json.amendments).toEqual(['2026-02-27']);
    // Removing one of the log's own lines leaves the deal as it was.
    const own = await runInMemory(['simulate', future, '--without', '1']);
    expect(own.out.split('\n')[0]).toBe('Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied');
  });

  it('refuses --without a line or amendment the log does not have, with a fix', async () => {
    const unknown = await cli('simulate', HISTORY_FILE, '--without', '2026-04-28');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      '--without 2026-04-28: the future has no such line or amendment (did you mean "2026-04-27"?)',
    );
    expect(unknown.err).toContain(
      'give a line number of test/amendments/fixtures/history-2026.jsonl from 1 to 4 or one of 2026-02-27, 2026-04-27',
    );
    expect((await cli('simulate', HISTORY_FILE, '--without', '9')).code).toBe(2);
    const orphan = await cli('simulate', 'simulations/declared-2028-verified-2028.jsonl', '--without', '2');
    expect(orphan.code).toBe(2);
    expect(orphan.err).toContain(
      ':4: without line 2 (agi.declared of 2028-03-01) the future is invalid: panel.verified is not allowed here',
    );
  });
});

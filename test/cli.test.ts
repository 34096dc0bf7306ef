/**
 * The `dealsim` command (issue 2, "The command"): `simulate --json` on every shipped future has
 * the issue's shape and tells that future's story (C1–C12), and explain, validate, assumptions,
 * clauses and every command's --help work; no ANSI code reaches a pipe or a NO_COLOR terminal.
 * Commands run in-process through `main(argv, io)`; the colour checks spawn real processes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, simulateFuture, summaryLine } from '../simulations/run-all.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { runInMemory } from '../src/cli/main.ts';
import { ASSUMPTION_KEYS, DEFAULT_ASSUMPTIONS } from '../src/domain/assumptions.ts';
import { CLAUSES } from '../src/domain/clauses.ts';
import { TERM_IDS, type TermId } from '../src/domain/terms.ts';

interface FutureEntry {
  readonly file: string;
  readonly title: string;
  readonly story: string;
  readonly history: 'builtin' | 'none';
  readonly assume: readonly string[];
}
const { futures: FUTURES } = JSON.parse(readFileSync('simulations/futures.json', 'utf8')) as {
  futures: FutureEntry[];
};
const pathOf = (future: FutureEntry) => join('simulations', future.file);
const assumeArgs = (future: FutureEntry) => [
  '--history',
  future.history,
  ...future.assume.flatMap((pair) => ['--assume', pair]),
];
const HISTORY_LINES = readFileSync('src/history/real-history.jsonl', 'utf8').split('\n');

const ANSI = /\u001b\[/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dealsim = (...argv: string[]) => runInMemory(argv);

interface SimulationJson {
  assume: Record<string, unknown>;
  agi: { status: string; declaredOn: string | null; verifiedOn: string | null };
  terms: {
    id: TermId;
    holder: string;
    kind: string;
    clause: string;
    intervals: { from: string; until: string | null; endedBy: string | null }[];
  }[];
  findings: { line: number; origin: string | null; type: string; verdict: string; clause: string; reason: string }[];
  ledger: Record<string, number>;
  at?: string;
  holding?: TermId[];
}

async function simulateJson(future: FutureEntry, ...extra: string[]): Promise<SimulationJson> {
  const result = await dealsim('simulate', pathOf(future), '--json', ...assumeArgs(future), ...extra);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as SimulationJson;
}

/** What each shipped future must show: its story in AGI dates, term ends and breaches. */
interface Story {
  readonly agi: SimulationJson['agi'];
  /** The end of each named term's last interval (null: nothing ends it). */
  readonly ends: Partial<Record<TermId, string | null>>;
  /** Lines whose conduct is a breach. */
  readonly breaches: readonly number[];
  /** Lines with a `permitted` finding, and the clause that permits them. */
  readonly permitted?: readonly (readonly [number, string])[];
}

const NEVER = { status: 'none', declaredOn: null, verifiedOn: null };
const SUNSETS = { 'research-ip': '2031-01-01', 'model-product-ip': '2033-01-01' } as const;

/** Today's deal: S4 ended both exclusivities on 2026-04-27 and moved the revenue share to a 2031-01-01 sunset. */
const S4_ENDS = {
  'ip-exclusivity': '2026-04-27',
  'azure-api-exclusivity': '2026-04-27',
  'revenue-share': '2031-01-01',
};

const STORIES: Record<string, Story> = {
  'no-agi-ever.jsonl': {
    agi: NEVER,
    ends: { ...SUNSETS, ...S4_ENDS },
    breaches: [],
  },
  'declared-2028-verified-2028.jsonl': {
    agi: { status: 'verified', declaredOn: '2028-03-01', verifiedOn: '2028-09-01' },
    ends: {
      ...S4_ENDS,
      'research-ip': '2028-09-01',
      'model-product-ip': '2033-01-01',
      'compute-threshold': '2028-03-01',
    },
    breaches: [],
  },
  'verified-2031-after-research-sunset.jsonl': {
    agi: { status: 'verified', declaredOn: '2031-02-01', verifiedOn: '2031-05-01' },
    ends: { ...SUNSETS, ...S4_ENDS, 'compute-threshold': '2031-02-01' },
    breaches: [],
  },
  'verified-2034.jsonl': {
    agi: { status: 'verified', declaredOn: '2034-01-15', verifiedOn: '2034-07-15' },
    ends: { ...SUNSETS, ...S4_ENDS, 'compute-threshold': '2034-01-15' },
    breaches: [],
  },
  'rejected-then-redeclared-verified.jsonl': {
    agi: { status: 'verified', declaredOn: '2029-04-01', verifiedOn: '2029-08-01' },
    ends: { ...S4_ENDS, 'research-ip': '2029-08-01', 'model-product-ip': '2033-01-01' },
    breaches: [],
  },
  'as-signed/declaration-lapses-panel-deadline.jsonl': {
    agi: { status: 'verified', declaredOn: '2029-06-01', verifiedOn: '2029-08-15' },
    ends: { 'research-ip': '2029-08-15', 'revenue-share': '2029-08-15' },
    breaches: [2],
  },
  'as-signed/third-party-api-off-azure.jsonl': {
    agi: { status: 'verified', declaredOn: '2028-03-01', verifiedOn: '2028-09-01' },
    ends: { 'azure-api-exclusivity': '2028-09-01' },
    breaches: [1],
    permitted: [
      [2, 'C6'],
      [5, 'C1'],
    ],
  },
  'as-signed/natsec-api-other-cloud.jsonl': {
    agi: NEVER,
    ends: { 'azure-api-exclusivity': null },
    breaches: [2],
    permitted: [
      [1, 'C11'],
      [3, 'C6'],
    ],
  },
  'msft-training-run-over-threshold.jsonl': {
    agi: { status: 'rejected', declaredOn: '2028-03-01', verifiedOn: null },
    ends: { 'compute-threshold': null, 'revenue-share': '2031-01-01' },
    breaches: [1, 7],
    permitted: [
      [2, 'C7'],
      [3, 'C7'],
      [5, 'C7'],
    ],
  },
  'open-weights-criteria.jsonl': {
    agi: NEVER,
    ends: SUNSETS,
    breaches: [2],
    permitted: [[1, 'C12']],
  },
  'azure-commitment-fulfilled.jsonl': {
    agi: NEVER,
    ends: { 'azure-commitment': '2029-09-30', ...SUNSETS },
    breaches: [],
    permitted: [[2, 'C10']],
  },
};

describe('simulations/futures.json: the shipped futures', () => {
  it('lists at least ten futures, each with a title, a one-sentence story and a story this test checks', () => {
    expect(FUTURES.length).toBeGreaterThanOrEqual(10);
    for (const future of FUTURES) {
      expect(future.title.length).toBeGreaterThan(0);
      expect(future.story).toMatch(/^[A-Z].*\.$/);
      expect(Object.keys(STORIES)).toContain(future.file);
    }
    expect(FUTURES.map((future) => future.file).sort()).toEqual(Object.keys(STORIES).sort());
  });

  it('every event is dated on or after 2025-10-28, tells its story in a note, and no future amends the agreement', () => {
    for (const future of FUTURES) {
      for (const line of readFileSync(pathOf(future), 'utf8').trimEnd().split('\n')) {
        const event = JSON.parse(line) as { type: string; date: string; note?: string };
        expect(event.date >= '2025-10-28', `${future.file}: ${line}`).toBe(true);
        expect(event.note, `${future.file}: ${line}`).toMatch(/\w/);
        expect(event.type).not.toBe('agreement.amended');
      }
    }
  });

  it('C2 panel-deadline-days: the lapse future needs the assumption its manifest entry names', async () => {
    const lapse = FUTURES.find((future) => future.file === 'as-signed/declaration-lapses-panel-deadline.jsonl');
    expect(lapse?.assume).toEqual(['panel-deadline-days=90']);
    const without = await dealsim(
      'validate',
      'simulations/as-signed/declaration-lapses-panel-deadline.jsonl',
      '--history',
      'none',
    );
    expect(without.code).toBe(2);
    expect(without.err).toContain('declaration-lapses-panel-deadline.jsonl:3: agi.declared is not allowed here');
  });

  it("the futures in as-signed/ replay on the deal as signed, every other one on today's deal", () => {
    for (const future of FUTURES) {
      expect(future.history, future.file).toBe(future.file.startsWith('as-signed/') ? 'none' : 'builtin');
    }
    expect(FUTURES.filter((future) => future.history === 'builtin').length).toBeGreaterThanOrEqual(5);
  });
});

describe('npm run simulations (simulations/run-all.ts)', () => {
  it('replays every listed future with its assumptions, one summary line each, and exits 0', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'simulations/run-all.ts'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(FUTURES.length + 1);
    FUTURES.forEach((future, index) => {
      expect(lines[index]?.startsWith(`${future.file} `)).toBe(true);
      expect(lines[index]).toMatch(/ AGI (never declared|verified|rejected|pending) .* \d+ breach/);
    });
    expect(lines.at(-1)).toBe(`${FUTURES.length} futures replayed`);
  });

  it('C2, C4, C9: the summary says the AGI status, which terms ended when, and the breach count', () => {
    const declared = loadManifest().find((future) => future.file === 'declared-2028-verified-2028.jsonl');
    expect(declared).toBeDefined();
    expect(summaryLine(simulateFuture(declared as FutureEntry))).toBe(
      'AGI verified 2028-09-01 · ended 2026-04-27 ip-exclusivity, azure-api-exclusivity, revenue-share-to-openai; 2028-03-01 compute-threshold; 2028-09-01 research-ip; 2031-01-01 revenue-share; 2033-01-01 model-product-ip · 0 breaches · share $15B',
    );
  });

  it('a future replayed without the assumptions it needs is refused with the clean error', () => {
    const lapse = FUTURES.find(
      (future) => future.file === 'as-signed/declaration-lapses-panel-deadline.jsonl',
    ) as FutureEntry;
    expect(() => simulateFuture({ ...lapse, assume: [] })).toThrow(/agi\.declared is not allowed here/);
  });
});

describe("dealsim simulate --json: the issue's shape on every shipped future", () => {
  const ISSUE_KEYS = ['assume', 'agi', 'terms', 'findings', 'ledger'];
  // `amendments` (IDs of S3/S4 amendments applied) is the core's one addition to the issue's shape.
  // `history` names the deal the future was replayed on (issue 9).
  const ALLOWED_KEYS = [...ISSUE_KEYS, 'amendments', 'history'];

  it.each(FUTURES.map((future) => [future.file, future] as const))('%s', async (file, future) => {
    const json = await simulateJson(future);
    for (const key of ISSUE_KEYS) expect(json).toHaveProperty(key);
    for (const key of Object.keys(json)) expect(ALLOWED_KEYS).toContain(key);
    expect(json).not.toHaveProperty('at');
    expect(json).not.toHaveProperty('holding');

    // assume: every assumption, defaults included, and the manifest's pairs applied.
    expect(Object.keys(json.assume).sort()).toEqual([...ASSUMPTION_KEYS].sort());
    for (const pair of future.assume) {
      const [key, value] = pair.split('=') as [string, string];
      expect(String(json.assume[key])).toBe(value);
    }
    for (const key of ASSUMPTION_KEYS) {
      if (!future.assume.some((pair) => pair.startsWith(`${key}=`))) {
        expect(json.assume[key]).toEqual(DEFAULT_ASSUMPTIONS[key]);
      }
    }

    // agi: the C2 process, with dates.
    expect(['none', 'pending', 'verified', 'rejected']).toContain(json.agi.status);
    for (const date of [json.agi.declaredOn, json.agi.verifiedOn]) if (date !== null) expect(date).toMatch(DATE);

    // terms: every term of CLAUSES.md by ID, with half-open, non-empty, non-touching intervals.
    expect(json.terms.map((term) => term.id)).toEqual([...TERM_IDS]);
    for (const term of json.terms) {
      expect(['microsoft', 'openai']).toContain(term.holder);
      expect(['right', 'obligation', 'constraint']).toContain(term.kind);
      // A clause of C0–C12, or for a term no clause names (the revenue share to OpenAI) its source.
      expect(term.clause).toMatch(term.id === 'revenue-share-to-openai' ? /^S4$/ : /^C\d+$/);
      term.intervals.forEach((interval, index) => {
        expect(Object.keys(interval)).toEqual(expect.arrayContaining(['from', 'until', 'endedBy']));
        expect(interval.from).toMatch(DATE);
        expect(interval.from >= '2025-10-28').toBe(true);
        if (interval.until === null) {
          expect(interval.endedBy).toBeNull();
          expect(index).toBe(term.intervals.length - 1);
        } else {
          expect(interval.until > interval.from).toBe(true);
          expect(interval.endedBy).toMatch(/^(line \d+|history:\d+|calendar \d{4}-\d{2}-\d{2}): /);
        }
        const next = term.intervals[index + 1];
        if (next && interval.until !== null) expect(next.from > interval.until).toBe(true);
      });
    }

    // findings: each names a real line of the file (or of the history) and the event type on it.
    const lines = readFileSync(pathOf(future), 'utf8').split('\n');
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['line', 'origin', 'type', 'verdict', 'clause', 'reason', 'status', 'source']),
      );
      expect(['permitted', 'breach', 'info', 'undetermined']).toContain(finding.verdict);
      expect(finding.clause).toMatch(/^(C\d+|S[34])$/);
      expect(finding.reason.length).toBeGreaterThan(0);
      const from = finding.origin === null ? lines : HISTORY_LINES;
      if (future.history === 'none') expect(finding.origin).toBeNull();
      const source = JSON.parse(from[finding.line - 1] ?? 'null') as { type: string };
      expect(source.type, `${file} ${finding.origin ?? 'line'} ${finding.line}`).toBe(finding.type);
    }
    for (const value of Object.values(json.ledger)) expect(Number.isFinite(value)).toBe(true);

    // the story this future tells.
    const story = STORIES[file] as Story;
    expect(json.agi).toMatchObject(story.agi);
    for (const [term, until] of Object.entries(story.ends)) {
      expect(json.terms.find((t) => t.id === term)?.intervals.at(-1)?.until, `${file}: ${term}`).toBe(until);
    }
    const own = json.findings.filter((f) => f.origin === null);
    const breaches = own.filter((f) => f.verdict === 'breach').map((f) => f.line);
    expect(breaches).toEqual(story.breaches);
    for (const [line, clause] of story.permitted ?? []) {
      expect(own).toContainEqual(expect.objectContaining({ line, verdict: 'permitted', clause }));
    }
  });

  it("C9 and S4, no AGI ever: on today's deal the revenue share accrues through 2030 only; as signed it runs on", async () => {
    const future = FUTURES.find((f) => f.file === 'no-agi-ever.jsonl') as FutureEntry;
    const today = await simulateJson(future);
    expect(today.ledger.revenueShareAccruedUsd).toBeCloseTo(0.2 * (20e9 + 60e9));
    const asSigned = await simulateJson({ ...future, history: 'none' });
    expect(asSigned.ledger.revenueShareAccruedUsd).toBeCloseTo(0.2 * (20e9 + 60e9 + 100e9));
  });

  it('C10 the $250B commitment: the ledger reaches it on the day the term is fulfilled', async () => {
    const json = await simulateJson(FUTURES.find((f) => f.file === 'azure-commitment-fulfilled.jsonl') as FutureEntry);
    expect(json.ledger.azurePurchasedUsd).toBe(250e9);
  });

  it('C8 compute threshold: lifted while the declaration is pending, back after the rejection', async () => {
    const json = await simulateJson(
      FUTURES.find((f) => f.file === 'msft-training-run-over-threshold.jsonl') as FutureEntry,
    );
    const threshold = json.terms.find((term) => term.id === 'compute-threshold');
    expect(threshold?.intervals.map(({ from, until }) => [from, until])).toEqual([
      ['2025-10-28', '2028-03-01'],
      ['2028-06-01', null],
    ]);
  });

  it('--at adds the date and the terms holding on it, using only events up to it', async () => {
    const future = FUTURES.find((f) => f.file === 'declared-2028-verified-2028.jsonl') as FutureEntry;
    const before = await simulateJson(future, '--at', '2028-06-01');
    expect(before.at).toBe('2028-06-01');
    expect(before.agi.status).toBe('pending');
    const endedByS4 = ['ip-exclusivity', 'azure-api-exclusivity', 'revenue-share-to-openai'];
    expect(before.holding).toEqual(
      TERM_IDS.filter((term) => term !== 'compute-threshold' && !endedByS4.includes(term)),
    );
    const after = await simulateJson(future, '--at', '2028-09-01');
    expect(after.agi.status).toBe('verified');
    expect(after.holding).not.toContain('research-ip');
    expect(after.holding).toContain('model-product-ip');
  });
});

describe('dealsim simulate (people): a timeline, the terms table, the AGI state and findings', () => {
  it("C4, S4 declared 2028 on today's deal: verification ends research IP; the revenue share runs through 2030", async () => {
    const result = await dealsim('simulate', 'simulations/declared-2028-verified-2028.jsonl');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied',
    );
    expect(result.out).toMatch(/2028-09-01\s+line 4\s+panel\.verified → ends research-ip\n/);
    expect(result.out).toMatch(/research-ip\s+microsoft\s+C4\s+2025-10-28\s+2028-09-01\s+line 4: panel\.verified/);
    expect(result.out).toMatch(/revenue-share\s+microsoft\s+C9\s+2025-10-28\s+2031-01-01\s+calendar 2031-01-01/);
    expect(result.out).toMatch(
      /ip-exclusivity\s+microsoft\s+C1\s+2025-10-28\s+2026-04-27\s+history:7: agreement\.amended/,
    );
    expect(result.out).toContain('AGI verified (declared 2028-03-01, verified 2028-09-01)');
  });

  it('C4, C9 declared 2028 on the deal as signed: verification ends research IP and the revenue share', async () => {
    const result = await dealsim('simulate', 'simulations/declared-2028-verified-2028.jsonl', '--history', 'none');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('Deal as signed on 2025-10-28: no history (--history none)');
    expect(result.out).toMatch(/2028-09-01\s+line 4\s+panel\.verified → ends research-ip, .*revenue-share/);
  });

  it('invariant 6: --at says how many later lines it leaves out, since the ends it shows are those scheduled that day', async () => {
    const file = 'simulations/declared-2028-verified-2028.jsonl';
    const before = await dealsim('simulate', file, '--at', '2028-06-01', '--history', 'none');
    expect(before.out.split('\n')[1]).toBe(`Future ${file}, as of 2028-06-01 (4 lines dated after it not counted)`);
    expect(before.out).toMatch(/research-ip\s+microsoft\s+C4\s+2025-10-28\s+2031-01-01\s+calendar 2031-01-01/);
    const last = await dealsim('simulate', file, '--at', '2029-02-01', '--history', 'none');
    expect(last.out.split('\n')[1]).toBe(`Future ${file}, as of 2029-02-01`);
  });
});

describe('dealsim explain', () => {
  it('C4 research IP: holds on 2030-12-31, not on 2031-01-01, ended by the calendar', async () => {
    const holds = await dealsim('explain', 'simulations/no-agi-ever.jsonl', 'research-ip', '--at', '2030-12-31');
    expect(holds.code).toBe(0);
    const [deal, answer] = holds.out.split('\n');
    expect(deal).toBe('Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied');
    expect(answer).toMatch(/^research-ip \(microsoft, right, C4\) holds on 2030-12-31\./);
    const ended = await dealsim(
      'explain',
      'simulations/no-agi-ever.jsonl',
      'research-ip',
      '--at',
      '2031-01-01',
      '--json',
    );
    const json = JSON.parse(ended.out);
    expect(json).toMatchObject({ term: 'research-ip', at: '2031-01-01', holds: false });
    expect(json.interval).toMatchObject({ from: '2025-10-28', until: '2031-01-01' });
    expect(json.lastChange.by).toMatch(/^calendar 2031-01-01/);
    expect(json.clauses.map((clause: { id: string }) => clause.id)).toEqual(['C4']);
  });

  it('C1 exclusivity while a declaration is pending: agi-ends-exclusivity mattered', async () => {
    const result = await dealsim(
      'explain',
      'simulations/declared-2028-verified-2028.jsonl',
      'ip-exclusivity',
      '--at',
      '2028-06-01',
      '--history',
      'none',
      '--json',
    );
    const json = JSON.parse(result.out);
    expect(json.holds).toBe(true);
    expect(json.interval.until).toBeNull(); // as of 2028-06-01 the verification has not happened yet (invariant 6)
    expect(json.mattered).toContainEqual(
      expect.objectContaining({ key: 'agi-ends-exclusivity', value: 'declaration', wouldHold: false }),
    );
    const text = await dealsim(
      'explain',
      'simulations/declared-2028-verified-2028.jsonl',
      'ip-exclusivity',
      '--at',
      '2028-06-01',
      '--history',
      'none',
    );
    expect(text.out).toContain('with agi-ends-exclusivity=declaration (now verification): it would not hold');
  });

  it('needs --at', async () => {
    const result = await dealsim('explain', 'simulations/no-agi-ever.jsonl', 'research-ip');
    expect(result.code).toBe(2);
    expect(result.err).toContain('needs --at DATE');
  });
});

describe('dealsim validate', () => {
  it.each(FUTURES.map((future) => [future.file, future] as const))(
    '%s is valid with its assumptions',
    async (_f, future) => {
      const events = readFileSync(pathOf(future), 'utf8').trimEnd().split('\n').length;
      const text = await dealsim('validate', pathOf(future), ...assumeArgs(future));
      const deal =
        future.history === 'none'
          ? 'on the deal as signed (--history none)'
          : 'after the real history (9 events to 2026-06-01)';
      expect(text).toEqual({ code: 0, out: `${pathOf(future)}: valid, ${events} events ${deal}\n`, err: '' });
      const json = await dealsim('validate', pathOf(future), ...assumeArgs(future), '--json');
      expect(JSON.parse(json.out)).toMatchObject({ valid: true, events, history: { id: future.history } });
    },
  );
});

describe('dealsim assumptions and dealsim clauses', () => {
  it('assumptions lists every key with its clause, values and default', async () => {
    const text = await dealsim('assumptions');
    expect(text.code).toBe(0);
    for (const key of ASSUMPTION_KEYS) expect(text.out).toContain(key);
    const json = JSON.parse((await dealsim('assumptions', '--json')).out) as {
      key: string;
      default: unknown;
      clause: string;
    }[];
    expect(json.map((row) => row.key)).toEqual(ASSUMPTION_KEYS);
    for (const row of json) {
      expect(row.default).toEqual(DEFAULT_ASSUMPTIONS[row.key as keyof typeof DEFAULT_ASSUMPTIONS]);
      expect(row.clause).toMatch(/^(C\d+|S[34])$/);
    }
    // Numbers as people write them, never 1e+28 or 38000000000.
    expect(text.out).toMatch(/compute-threshold-flop\s+C8\s+1e28,/);
    expect(text.out).toMatch(/revenue-share-cap-usd\s+S4\s+\$38B,/);
    expect(text.out).not.toMatch(/e\+\d|38000000000/);
    expect(json.find((row) => row.key === 'agi-ends-exclusivity')).toMatchObject({
      clause: 'C1',
      default: 'verification',
    });
  });

  it('clauses lists C0–C12 with their sources', async () => {
    const text = await dealsim('clauses');
    expect(text.code).toBe(0);
    for (let n = 0; n <= 12; n++) expect(text.out).toMatch(new RegExp(`^C${n} `, 'm'));
    expect(text.out).toContain('S1');
    const json = JSON.parse((await dealsim('clauses', '--json')).out) as {
      clauses: { id: string; sources: string[] }[];
    };
    expect(json.clauses.map((clause) => clause.id)).toEqual(CLAUSES.map((clause) => clause.id));
    for (const clause of json.clauses) expect(clause.sources.length).toBeGreaterThan(0);
  });
});

describe('--help', () => {
  it('dealsim --help lists every registered command; no command is an error (exit 2)', async () => {
    const help = await dealsim('--help');
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.out).toMatch(new RegExp(`^  ${command.name}\\s`, 'm'));
    const bare = await dealsim();
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('Usage: dealsim COMMAND');
  });

  it.each(COMMANDS.map((command) => [command.name] as const))(
    'dealsim %s --help: usage line first, exit 0',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const result = await dealsim(name, flag);
        expect(result.code).toBe(0);
        expect(result.err).toBe('');
        expect(result.out.split('\n')[0]).toMatch(new RegExp(`^Usage: dealsim ${name}\\b`));
      }
    },
  );
});

describe('colour: never on a pipe, never with NO_COLOR', () => {
  const runs: string[][] = [
    ['simulate', 'simulations/as-signed/third-party-api-off-azure.jsonl'],
    ['simulate', 'simulations/as-signed/third-party-api-off-azure.jsonl', '--at', '2027-01-01'],
    ['explain', 'simulations/no-agi-ever.jsonl', 'research-ip', '--at', '2031-01-01'],
    ['validate', 'simulations/no-agi-ever.jsonl'],
    ['assumptions'],
    ['clauses'],
    ['--help'],
  ];

  it.each(runs.map((argv) => [argv.join(' '), argv] as const))(
    'no ANSI in-process without colour: %s',
    async (_n, argv) => {
      const result = await dealsim(...argv);
      expect(result.code).toBe(0);
      expect(result.out).not.toMatch(ANSI);
    },
  );

  it('the same output has ANSI codes when colour is on (so the check above can fail)', async () => {
    const { code, out } = await runInMemory(['simulate', 'simulations/as-signed/third-party-api-off-azure.jsonl'], {
      color: true,
    });
    expect(code).toBe(0);
    expect(out).toMatch(ANSI);
  });

  it('a real process writing to a pipe prints no ANSI, errors included', () => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const ok = spawnSync(
      process.execPath,
      ['bin/dealsim.js', 'simulate', 'simulations/as-signed/third-party-api-off-azure.jsonl', '--history', 'none'],
      {
        encoding: 'utf8',
        env,
      },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('BREACH C6');
    expect(ok.stdout).not.toMatch(ANSI);
    const bad = spawnSync(process.execPath, ['bin/dealsim.js', 'simulate', 'simulations/nope.jsonl'], {
      encoding: 'utf8',
      env,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(ANSI);
  });

  // `script` gives the process a real terminal; without it (a minimal CI image) this case cannot run.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('on a real terminal: colour by default, none with NO_COLOR=1', () => {
    const command = `${process.execPath} bin/dealsim.js clauses`;
    const onTty = (noColor: boolean) =>
      spawnSync('script', ['-qec', command, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: noColor ? '1' : '' },
      }).stdout;
    expect(onTty(false)).toMatch(ANSI);
    const plain = onTty(true);
    expect(plain).toContain('C12');
    expect(plain).not.toMatch(ANSI);
  });
});

/**
 * Today's deal (CLAUSES.md, "Today's deal: futures branch from the real history"): every command
 * that reads a future replays the built-in real history first, merged by date with history
 * lines first on the same date; `--history none` gives the deal as signed and `--history FILE`
 * another history. Outputs name the history used and up to which date.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { BUILTIN_HISTORY_FILE, builtinHistory } from '../../src/store/history-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;

/** Writes events as a JSON Lines file in a temporary folder; returns its path. */
function logFile(...events: readonly object[]): string {
  const file = join(dir, `future-${serial++}.jsonl`);
  writeFileSync(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
  return file;
}

const DECLARED_AND_VERIFIED = [
  { type: 'agi.declared', date: '2028-03-01' },
  { type: 'panel.verified', date: '2028-09-01' },
];

interface Json {
  history: {
    id: string;
    label: string;
    lastDate: string | null;
    events: number;
    totalEvents: number;
    amendments: string[];
  };
  terms: {
    id: string;
    intervals: { from: string; until: string | null; endedBy: string | null; endedByOrigin: string | null }[];
  }[];
  findings: {
    line: number;
    origin: string | null;
    verdict: string;
    clause: string;
    status: string;
    source: string | null;
  }[];
  holding?: string[];
}

async function simulateJson(...argv: string[]): Promise<Json> {
  const { code, out, err } = await runInMemory(['simulate', ...argv, '--json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Json;
}

const lastUntil = (json: Json, term: string) => json.terms.find((t) => t.id === term)?.intervals.at(-1)?.until;

describe("S4 on today's deal: a two-line future branches from the real history by default", () => {
  it('ends both exclusivities on 2026-04-27, the revenue share on 2031-01-01 and research IP on verification', async () => {
    const json = await simulateJson(logFile(...DECLARED_AND_VERIFIED));
    expect(lastUntil(json, 'ip-exclusivity')).toBe('2026-04-27');
    expect(lastUntil(json, 'azure-api-exclusivity')).toBe('2026-04-27');
    expect(lastUntil(json, 'revenue-share')).toBe('2031-01-01');
    expect(lastUntil(json, 'research-ip')).toBe('2028-09-01');
    expect(lastUntil(json, 'model-product-ip')).toBe('2033-01-01');
    const ended = json.terms.find((t) => t.id === 'ip-exclusivity')?.intervals.at(-1);
    expect(ended).toMatchObject({ endedBy: 'history:7: agreement.amended', endedByOrigin: 'history' });
    expect(json.history).toEqual({
      id: 'builtin',
      label: 'real history',
      lastDate: '2026-06-01',
      events: 9,
      totalEvents: 9,
      amendments: ['S3', 'S4'],
    });
  });

  it('C1, C9 with --history none: the same future on the deal as signed, where verification ends them all', async () => {
    const json = await simulateJson(logFile(...DECLARED_AND_VERIFIED), '--history', 'none');
    for (const term of ['ip-exclusivity', 'azure-api-exclusivity', 'revenue-share', 'research-ip']) {
      expect(lastUntil(json, term), term).toBe('2028-09-01');
    }
    expect(json.history).toMatchObject({ id: 'none', events: 0, lastDate: null, amendments: [] });
    expect(json.findings).toEqual([]);
  });

  it('says which deal it used in one line for people, first', async () => {
    const file = logFile(...DECLARED_AND_VERIFIED);
    const today = await runInMemory(['simulate', file]);
    expect(today.out.split('\n')[0]).toBe(
      'Deal as of 2026-06-01: real history, 9 events, amendments S3 and S4 applied',
    );
    const signed = await runInMemory(['simulate', file, '--history', 'none']);
    expect(signed.out.split('\n')[0]).toBe('Deal as signed on 2025-10-28: no history (--history none)');
  });
});

describe('invariant 6 with the history: --at before its end uses only the history lines dated up to that day', () => {
  it('on 2026-03-01 the deal has S3 but not S4: exclusivity holds and the line says 4 of 9 events', async () => {
    const json = await simulateJson(logFile(...DECLARED_AND_VERIFIED), '--at', '2026-03-01');
    expect(json.history).toMatchObject({ lastDate: '2026-02-27', events: 4, totalEvents: 9, amendments: ['S3'] });
    expect(json.holding).toContain('ip-exclusivity');
    expect(json.holding).toContain('azure-api-exclusivity');
    const text = await runInMemory(['simulate', logFile(...DECLARED_AND_VERIFIED), '--at', '2026-03-01']);
    expect(text.out.split('\n')[0]).toBe(
      'Deal as of 2026-02-27: real history, 4 of its 9 events, amendment S3 applied',
    );
  });
});

describe("line references name the history apart from the user's file", () => {
  it("a finding on a history line carries its origin, status and source; the user's own lines do not", async () => {
    const file = logFile({ type: 'compute.contracted', date: '2027-01-01', provider: 'oracle' });
    const json = await simulateJson(file);
    const fromHistory = json.findings.filter((finding) => finding.origin === 'history');
    expect(fromHistory.length).toBeGreaterThan(0);
    for (const finding of fromHistory) {
      expect(['official', 'reported']).toContain(finding.status);
      expect(finding.source).toMatch(/^https:\/\//);
    }
    const own = json.findings.filter((finding) => finding.origin === null);
    expect(own).toEqual([
      expect.objectContaining({ line: 1, verdict: 'permitted', clause: 'C10', status: 'hypothetical', source: null }),
    ]);
    const people = await runInMemory(['simulate', file]);
    expect(people.out).toMatch(/history:2\s+2025-11-03\s+compute\.contracted\s+✓ permitted\s+C10\s+official\s+\[\d+\]/);
    expect(people.out).toMatch(
      new RegExp(`future-\\d+\\.jsonl:1\\s+2027-01-01\\s+compute\\.contracted\\s+✓ permitted\\s+C10\\s+hypothetical`),
    );
  });

  it('findings decided by an amendment cite S3 and S4, not C0', async () => {
    const json = await simulateJson(logFile(...DECLARED_AND_VERIFIED));
    const amendments = json.findings.filter(
      (finding) => finding.origin === 'history' && (finding.line === 3 || finding.line === 7),
    );
    expect(amendments.map((finding) => finding.clause).sort()).toEqual(['S3', 'S4']);
  });
});

describe('a user event that contradicts the history is refused like any invalid log', () => {
  it("a second agreement.amended for S4: exit 2, the user's file and line, a fix naming --history none", async () => {
    const file = logFile(
      { type: 'agi.declared', date: '2027-01-01' },
      { type: 'agreement.amended', date: '2027-02-01', amendment: '2026-04-27' },
    );
    for (const command of ['simulate', 'validate']) {
      const { code, out, err } = await runInMemory([command, file]);
      expect(code, command).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`${file}:2: amendment 2026-04-27 was already applied on history:7`);
      expect(err).toContain('--history none');
      expect(err).not.toMatch(/\n\s+at /);
    }
    // The same future is valid on the deal as signed.
    expect((await runInMemory(['validate', file, '--history', 'none'])).code).toBe(0);
  });

  it('an AGI event the chart does not take after a history: the fix names --history none', async () => {
    const history = logFile({ type: 'agi.declared', date: '2026-01-01', source: 'https://example.com/declared' });
    const file = logFile({ type: 'agi.declared', date: '2027-01-01' });
    const { code, err } = await runInMemory(['validate', file, '--history', history]);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:1: agi.declared is not allowed here`);
    expect(err).toContain('--history none');
  });
});

describe('bad input about provenance and histories: exit 2, file and line, a fix', () => {
  const cases: [string, object, RegExp][] = [
    [
      'a javascript: source',
      { type: 'agi.declared', date: '2027-01-01', source: 'javascript:alert(1)' },
      /"source" must be an http\(s\) URL/,
    ],
    [
      'a source that is no URL',
      { type: 'agi.declared', date: '2027-01-01', source: 'the press' },
      /"source" must be an http\(s\) URL/,
    ],
    ['an unknown status', { type: 'agi.declared', date: '2027-01-01', status: 'rumoured' }, /"status"/],
  ];
  it.each(cases)('%s', async (_name, event, message) => {
    const file = logFile(event);
    const { code, err } = await runInMemory(['validate', file]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain(`${file}:1:`);
    expect(err).toContain('Fix:');
  });

  it('a history file that is itself invalid is named as the history, with its line', async () => {
    const history = logFile({ type: 'agi.declared', date: '2026-01-01' }, { type: 'nonsense', date: '2026-02-01' });
    const { code, err } = await runInMemory(['simulate', logFile(...DECLARED_AND_VERIFIED), '--history', history]);
    expect(code).toBe(2);
    expect(err).toContain(`${history}:2: in the history given by --history: unknown event type "nonsense"`);
    expect(err).toContain('--history none');
  });

  it('a missing history file says so and how to fix it', async () => {
    const { code, err } = await runInMemory(['simulate', logFile(), '--history', join(dir, 'nope.jsonl')]);
    expect(code).toBe(2);
    expect(err).toContain('no such file');
  });
});

describe("append validates against the history and counts only the file's own events", () => {
  it('refuses a repeat of a history amendment and writes nothing; --expect-version counts the file', async () => {
    const file = logFile({ type: 'agi.declared', date: '2027-01-01' });
    const before = readFileSync(file);
    const refused = await runInMemory([
      'append',
      file,
      '{"type":"agreement.amended","date":"2027-06-01","amendment":"2026-04-27"}',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already applied on history:7');
    expect(readFileSync(file)).toEqual(before);
    const appended = await runInMemory([
      'append',
      file,
      '{"type":"panel.verified","date":"2027-06-01"}',
      '--expect-version',
      '1',
      '--json',
    ]);
    expect(appended.err).toBe('');
    expect(JSON.parse(appended.out)).toEqual({ version: 2, line: 2 });
  });
});

describe('every command that reads a future takes --history and names the history it used', () => {
  it.each([
    ['explain', ['research-ip', '--at', '2029-01-01']],
    ['validate', []],
    ['diff', ['SELF']],
  ] as const)('%s', async (command, extra) => {
    const file = logFile(...DECLARED_AND_VERIFIED);
    const args = extra.map((arg) => (arg === 'SELF' ? file : arg));
    const today = await runInMemory([command, file, ...args, '--json']);
    expect(today.err).toBe('');
    const signed = await runInMemory([command, file, ...args, '--json', '--history', 'none']);
    expect(signed.err).toBe('');
    const json = JSON.parse(today.out);
    expect(json.history ?? json.historyA).toMatchObject({ id: 'builtin', lastDate: '2026-06-01' });
    expect(JSON.parse(signed.out).history ?? JSON.parse(signed.out).historyA).toMatchObject({ id: 'none' });
  });

  it("diff --vs-history none compares the same future on today's deal and on the deal as signed", async () => {
    const file = logFile(...DECLARED_AND_VERIFIED);
    const { code, out } = await runInMemory(['diff', file, file, '--vs-history', 'none']);
    expect(code).toBe(0);
    expect(out).toContain('the revenue share to Microsoft (revenue-share) would end on 2028-09-01');
  });

  it.each(['timeline', 'report'])('%s names the history in its picture', async (command) => {
    const output = join(dir, `${command}-${serial++}.${command === 'timeline' ? 'svg' : 'html'}`);
    const { code, err } = await runInMemory([command, logFile(...DECLARED_AND_VERIFIED), '-o', output]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('real history to 2026-06-01');
  });
});

describe('check and fuzz explore the futures after the history they are given', () => {
  it('name the history in --json, and the deal as signed with --history none', async () => {
    const check = await runInMemory(['check', '--depth', '1', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).history).toMatchObject({
      id: 'builtin',
      lastDate: '2026-06-01',
      amendments: ['S3', 'S4'],
    });
    const fuzz = await runInMemory(['fuzz', '--runs', '5', '--seed', '1', '--history', 'none', '--json']);
    expect(fuzz.code).toBe(0);
    expect(JSON.parse(fuzz.out).history).toMatchObject({ id: 'none', events: 0 });
  });

  it('refuse a history that already holds AGI events, which they generate themselves', async () => {
    const history = logFile({ type: 'agi.declared', date: '2026-01-01', source: 'https://example.com/declared' });
    for (const command of [
      ['check', '--depth', '1'],
      ['fuzz', '--runs', '5', '--seed', '1'],
    ]) {
      const { code, out, err } = await runInMemory([...command, '--history', history]);
      expect(code, command[0]).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`the history holds an AGI-process event (agi.declared, ${history}:1)`);
      expect(err).toContain('Fix:');
    }
  });
});

describe('dealsim history lists the built-in history with status and source', () => {
  it('every line has an official or reported status and an https source, as CLAUSES.md lists them', async () => {
    const { code, out } = await runInMemory(['history', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      history: { file: string; events: number };
      events: { ref: string; status: string; source: string }[];
    };
    expect(json.history.file).toBe(BUILTIN_HISTORY_FILE);
    expect(json.events).toHaveLength(builtinHistory().events.length);
    expect(json.events.map((event) => event.ref)).toEqual(json.events.map((_, index) => `history:${index + 1}`));
    for (const event of json.events) {
      expect(['official', 'reported']).toContain(event.status);
      expect(event.source).toMatch(/^https:\/\//);
    }
    const people = await runInMemory(['history']);
    expect(people.out).toContain('The real history: 9 events to 2026-06-01');
  });
});

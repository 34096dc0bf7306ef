/**
 * The event store's write side (issue 2, `dealsim append` and `dealsim repair`): an append is
 * validated against the whole log (C2's AGI process included), a refused append leaves the file
 * byte-for-byte unchanged, concurrent appends from several processes lose nothing and never
 * interleave a line, and a torn last line is reported and repaired.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../src/cli/main.ts';
import { DEFAULT_ASSUMPTIONS } from '../src/domain/assumptions.ts';
import { validateLog } from '../src/store/log-file.ts';

const root = mkdtempSync(join(tmpdir(), 'dealsim-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding `log.jsonl` with `text` (or no log when text is null). */
function freshLog(text: string | null): { dir: string; file: string } {
  folders += 1;
  const dir = join(root, `f${folders}`);
  mkdirSync(dir);
  const file = join(dir, 'log.jsonl');
  if (text !== null) writeFileSync(file, text);
  return { dir, file };
}

const dealsim = (...argv: string[]) => runInMemory(argv, { cwd: root });

const ev = (event: Record<string, unknown>) => JSON.stringify(event);
const DECLARED = ev({ type: 'agi.declared', date: '2028-03-01', note: 'OpenAI declares AGI' });
const VERIFIED = ev({ type: 'panel.verified', date: '2028-09-01' });

describe('dealsim append: validated against the whole log (C2 AGI process)', () => {
  it('creates a missing log and appends in order, reporting the version', async () => {
    const { file } = freshLog(null);
    expect(await dealsim('append', file, DECLARED, '--expect-version', '0')).toMatchObject({ code: 0 });
    const second = await dealsim('append', file, VERIFIED, '--expect-version', '1', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toEqual({ version: 2, line: 2 });
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(JSON.parse(DECLARED))}\n${VERIFIED}\n`);
    expect(validateLog(file, { assumptions: DEFAULT_ASSUMPTIONS })).toHaveLength(2);
  });

  it('refuses a second declaration while one is pending: the whole log decides, not the event alone', async () => {
    const { file } = freshLog(`${DECLARED}\n`);
    const refused = await dealsim('append', file, ev({ type: 'agi.declared', date: '2028-06-01' }));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${file}:2: agi.declared is not allowed here: AGI state is "pending"`);
    expect(refused.err).toMatch(/ Fix: /);
  });

  it('refuses a re-declaration after a rejection only under after-rejection=final', async () => {
    const { file } = freshLog(`${DECLARED}\n${ev({ type: 'panel.rejected', date: '2028-09-01' })}\n`);
    const again = ev({ type: 'agi.declared', date: '2029-01-01' });
    expect((await dealsim('append', file, again, '--assume', 'after-rejection=final')).code).toBe(2);
    expect((await dealsim('append', file, again)).code).toBe(0);
  });

  it('adds the missing newline before appending to a hand-edited log whose last line is whole', async () => {
    const { file } = freshLog(DECLARED);
    expect((await dealsim('append', file, VERIFIED)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${DECLARED}\n${VERIFIED}\n`);
  });
});

describe('a refused append leaves the log byte-for-byte unchanged', () => {
  const BASE = `${DECLARED}\n\n${ev({ type: 'azure.purchased', date: '2028-04-01', amountUsd: 5e9 })}\n`;
  const refusals: readonly [string, string[], number, RegExp][] = [
    ['invalid JSON', ['{"type":"panel.verified",'], 2, /not valid JSON/],
    ['an unknown type', [ev({ type: 'panel.verifid', date: '2028-09-01' })], 2, /did you mean "panel\.verified"/],
    ['an infinite amount', ['{"type":"azure.purchased","date":"2028-09-01","amountUsd":1e999}'], 2, /amountUsd/],
    ['a date before the last event', [ev({ type: 'panel.verified', date: '2028-03-15' })], 2, /before the log's last/],
    ['a date before 2025-10-28', [ev({ type: 'panel.verified', date: '2024-01-01' })], 2, /effective date/],
    [
      'an AGI-process violation',
      [ev({ type: 'agi.declared', date: '2028-09-01' })],
      2,
      /not allowed here: AGI state is "pending"/,
    ],
    [
      'a ruling after the panel deadline lapsed the declaration',
      [VERIFIED, '--assume', 'panel-deadline-days=30'],
      2,
      /lapsed/,
    ],
    [
      'an --expect-version mismatch (exit 3)',
      [VERIFIED, '--expect-version', '1'],
      3,
      /expected version 1, but .* holds 2 events/,
    ],
    ['a bad --expect-version', [VERIFIED, '--expect-version', '-1'], 2, /./],
    [
      'an --expect-version past 2^53, which would be read as another number',
      [VERIFIED, '--expect-version', '9007199254740993'],
      2,
      /--expect-version 9007199254740993 is not a whole number up to 9007199254740991/,
    ],
  ];

  it.each(refusals)('%s', async (_name, args, exitCode, says) => {
    const { dir, file } = freshLog(BASE);
    const before = readFileSync(file);
    const result = await dealsim('append', file, ...args);
    expect(result.code).toBe(exitCode);
    expect(result.err).toMatch(says);
    expect(result.err).toMatch(/ Fix: /);
    expect(result.out).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['log.jsonl']); // no lock or temporary file left behind
  });

  it('the matching --expect-version is accepted and counts events, not lines', async () => {
    const { file } = freshLog(BASE);
    const result = await dealsim('append', file, VERIFIED, '--expect-version', '2', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ version: 3, line: 4 });
  });
});

describe('concurrent appends from several processes', () => {
  const PROCESSES = 4;
  const APPENDS = 10;
  const mainPath = resolve('src/cli/main.ts');

  /** A process that waits for `go`, then appends APPENDS same-dated conduct events through the CLI. */
  const worker = `
import { existsSync } from 'node:fs';
const [log, go, id] = process.argv.slice(2);
const { main } = await import(${JSON.stringify(mainPath)});
const errors = [];
const io = { out: () => {}, err: (t) => errors.push(t), stdoutIsTty: false, stderrIsTty: false, color: false,
  cwd: process.cwd(), interrupted: () => false };
process.stdout.write('ready\\n');
const nap = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(go)) Atomics.wait(nap, 0, 0, 2);
for (let n = 0; n < ${APPENDS}; n++) {
  const event = { type: 'compute.contracted', date: '2028-03-01', provider: 'p' + id + '-' + n, note: 'x'.repeat(2000) };
  const code = await main(['append', log, JSON.stringify(event)], io);
  if (code !== 0) { process.stderr.write(errors.join('')); process.exit(code); }
}
`;

  it(`${PROCESSES} processes × ${APPENDS} appends of same-dated events: nothing lost, no line interleaved`, async () => {
    const { dir, file } = freshLog(`${DECLARED}\n`);
    const script = join(dir, 'worker.mts');
    const go = join(dir, 'go');
    writeFileSync(script, worker);
    const children = Array.from({ length: PROCESSES }, (_, id) =>
      spawn(process.execPath, ['--import', 'tsx', script, file, go, String(id)], { cwd: process.cwd() }),
    );
    const ready = children.map(
      (child) =>
        new Promise<void>((done, fail) => {
          child.stdout.once('data', () => done());
          child.once('close', (code) => fail(new Error(`a worker exited (${code}) before it was ready`)));
        }),
    );
    const exits = children.map(
      (child) =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          let stderr = '';
          child.stderr.on('data', (chunk) => {
            stderr += chunk;
          });
          child.on('close', (code) => done({ code, stderr }));
        }),
    );
    await Promise.all(ready);
    writeFileSync(go, ''); // all start appending at once
    const results = await Promise.all(exits);
    expect(results).toEqual(Array.from({ length: PROCESSES }, () => ({ code: 0, stderr: '' })));

    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + PROCESSES * APPENDS);
    const providers = lines.slice(1).map((line) => (JSON.parse(line) as { provider: string }).provider);
    expect(new Set(providers).size).toBe(PROCESSES * APPENDS);
    for (let id = 0; id < PROCESSES; id++) {
      const own = providers.filter((provider) => provider.startsWith(`p${id}-`));
      expect(own).toEqual(Array.from({ length: APPENDS }, (_, n) => `p${id}-${n}`)); // each writer's order kept
    }
    expect(validateLog(file, { assumptions: DEFAULT_ASSUMPTIONS })).toHaveLength(1 + PROCESSES * APPENDS);
    expect(readdirSync(dir).sort()).toEqual(['go', 'log.jsonl', 'worker.mts']); // no lock or .tmp left
  });
});

describe('a torn last line (a crash mid-write)', () => {
  const TORN = `${DECLARED}\n${VERIFIED}\n{"type":"azure.purchased","date":"2028-1`;

  it('is reported by every reader with the line and the repair command', async () => {
    const { file } = freshLog(TORN);
    for (const argv of [
      ['simulate', file],
      ['validate', file],
      ['explain', file, 'research-ip', '--at', '2029-01-01'],
    ]) {
      const result = await dealsim(...argv);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`${file}:3: the last line is incomplete`);
      expect(result.err).toContain(`Fix: run "dealsim repair ${file}"`);
    }
  });

  it('refuses appends until repaired, leaving the file unchanged', async () => {
    const { file } = freshLog(TORN);
    const before = readFileSync(file);
    const result = await dealsim(
      'append',
      file,
      ev({ type: 'revenue.recognized', date: '2029-01-01', amountUsd: 1e9 }),
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain('torn');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('dealsim repair moves it into LOG.torn; the log is then valid and takes appends again', async () => {
    const { file } = freshLog(TORN);
    const repaired = await dealsim('repair', file);
    expect(repaired).toEqual({ code: 0, out: `${file}: moved the torn last line to ${file}.torn\n`, err: '' });
    expect(readFileSync(`${file}.torn`, 'utf8')).toBe('{"type":"azure.purchased","date":"2028-1');
    expect(readFileSync(file, 'utf8')).toBe(`${DECLARED}\n${VERIFIED}\n`);
    expect((await dealsim('validate', file)).code).toBe(0);
    const appended = await dealsim('append', file, ev({ type: 'azure.purchased', date: '2028-10-01', amountUsd: 1e9 }));
    expect(appended.code).toBe(0);
    expect((await dealsim('repair', file)).out).toBe(`${file}: the last line is whole; nothing to repair\n`);
  });

  it('dealsim repair leaves a whole log alone, byte for byte', async () => {
    const { file } = freshLog(`${DECLARED}\n${VERIFIED}\n`);
    const before = readFileSync(file);
    expect((await dealsim('repair', file)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.torn`)).toBe(false);
  });
});

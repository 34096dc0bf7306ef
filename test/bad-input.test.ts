/**
 * Bad input, as a table (issue 2, "Bad input"; CLAUSES.md invariant 8): every case gets one
 * paragraph on stderr naming the file and line, what is wrong and a "Fix:", exit code 2, nothing
 * on stdout (the log is rejected whole) and never a stack trace. Most cases run in-process
 * through `main(argv, io)`; a few spawn `node bin/dealsim.js` to prove a real stderr stays clean.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'dealsim-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /\n\s+at [\w.<]|\.ts:\d+:\d+|Error:/;

const line = (event: Record<string, unknown>) => JSON.stringify(event);
const declared = (date: string) => line({ type: 'agi.declared', date });
const verified = (date: string) => line({ type: 'panel.verified', date });
const rejected = (date: string) => line({ type: 'panel.rejected', date });
const purchase = (date: string, amountUsd: unknown) =>
  `{"type":"azure.purchased","date":"${date}","amountUsd":${amountUsd}}`;

interface BadCase {
  /** What is wrong, as the issue lists it. */
  readonly name: string;
  /** The log's text, written to a fresh file; null for a file that does not exist. */
  readonly text: string | null;
  /** Extra arguments (e.g. `--assume`). */
  readonly args?: readonly string[];
  /** The line the error must name; null when the problem is not on a line. */
  readonly line: number | null;
  /** What the message must say. */
  readonly says: RegExp;
}

const OK = `${declared('2028-03-01')}\n`;

const CASES: readonly BadCase[] = [
  {
    name: 'malformed JSON',
    text: `${OK}{"type":"panel.verified","date":"2028-09-01"\n`,
    line: 2,
    says: /not valid JSON/,
  },
  { name: 'malformed JSON: single quotes', text: "{'type':'agi.declared'}\n", line: 1, says: /not valid JSON/ },
  {
    name: 'a non-object line: an array',
    text: `${OK}[1, 2]\n`,
    line: 2,
    says: /expected a JSON object, found an array/,
  },
  {
    name: 'a non-object line: a string',
    text: '"agi.declared"\n',
    line: 1,
    says: /expected a JSON object, found string/,
  },
  { name: 'a non-object line: a number', text: `${OK}\n42\n`, line: 3, says: /expected a JSON object, found number/ },
  { name: 'a non-object line: null', text: 'null\n', line: 1, says: /expected a JSON object, found null/ },
  {
    name: 'an impossible date',
    text: `${declared('2028-02-30')}\n`,
    line: 1,
    says: /2028-02-30 is not a real calendar day/,
  },
  { name: 'an impossible month', text: `${declared('2028-13-01')}\n`, line: 1, says: /not a real calendar day/ },
  { name: 'a non-ISO date', text: `${declared('2028-3-1')}\n`, line: 1, says: /must be an ISO date YYYY-MM-DD/ },
  { name: 'a non-ISO date: day first', text: `${declared('01/03/2028')}\n`, line: 1, says: /ISO date/ },
  {
    name: 'a date that is a number',
    text: '{"type":"agi.declared","date":20280301}\n',
    line: 1,
    says: /ISO date YYYY-MM-DD, found 20280301/,
  },
  { name: 'no date', text: '{"type":"agi.declared"}\n', line: 1, says: /no "date"/ },
  {
    name: 'a date before 2025-10-28',
    text: `${declared('2025-10-27')}\n`,
    line: 1,
    says: /before the agreement's effective date 2025-10-28/,
  },
  {
    name: 'out-of-order dates',
    text: `${declared('2028-03-01')}\n${purchase('2027-01-01', 1e9)}\n`,
    line: 2,
    says: /dated 2027-01-01, before line 1 \(2028-03-01\)/,
  },
  {
    name: 'an unknown type, with "did you mean"',
    text: `${OK}${line({ type: 'panel.verifed', date: '2028-09-01' })}\n`,
    line: 2,
    says: /unknown event type "panel\.verifed".*did you mean "panel\.verified"/,
  },
  { name: 'no type', text: '{"date":"2028-03-01"}\n', line: 1, says: /no "type"/ },
  {
    name: 'an unknown field, with "did you mean"',
    text: '{"type":"azure.purchased","date":"2026-01-01","amountUSD":5}\n',
    line: 1,
    says: /unknown field "amountUSD".*did you mean "amountUsd"/,
  },
  {
    name: 'an unknown field on an AGI event',
    text: `${line({ type: 'agi.declared', date: '2028-03-01', by: 'OpenAI' })}\n`,
    line: 1,
    says: /unknown field "by" in a agi\.declared event|unknown field "by"/,
  },
  {
    name: 'a wrong field type: a string for a boolean',
    text: `${line({ type: 'product.launched', date: '2026-06-01', name: 'X', api: 'yes', cloud: 'aws' })}\n`,
    line: 1,
    says: /"api" must be a boolean, found string "yes"/,
  },
  {
    name: 'a wrong field type: a string for a number',
    text: `${line({ type: 'msft.training-run', date: '2026-06-01', usesOpenAiIp: true, computeFlop: '1e28' })}\n`,
    line: 1,
    says: /"computeFlop" must be a number/,
  },
  {
    name: 'a missing required field',
    text: `${line({ type: 'product.launched', date: '2026-06-01', api: true, cloud: 'aws' })}\n`,
    line: 1,
    says: /needs the field "name"/,
  },
  { name: 'a negative amount', text: `${purchase('2026-01-01', -5e9)}\n`, line: 1, says: /"amountUsd".*-5000000000/ },
  { name: 'a zero amount', text: `${purchase('2026-01-01', 0)}\n`, line: 1, says: /"amountUsd"/ },
  {
    name: 'an infinite amount (1e999 parses to Infinity)',
    text: `${OK}${purchase('2028-03-02', '1e999')}\n`,
    line: 2,
    says: /"amountUsd".*(finite|Infinity)/i,
  },
  {
    name: 'an infinite training compute',
    text: '{"type":"msft.training-run","date":"2026-06-01","usesOpenAiIp":true,"computeFlop":1e999}\n',
    line: 1,
    says: /"computeFlop"/,
  },
  {
    name: 'a panel ruling with no pending declaration',
    text: `${verified('2028-09-01')}\n`,
    line: 1,
    says: /panel\.verified is not allowed here: AGI state is "none"/,
  },
  {
    name: 'a panel rejection after verification',
    text: `${OK}${verified('2028-09-01')}\n${rejected('2028-10-01')}\n`,
    line: 3,
    says: /panel\.rejected is not allowed here: AGI state is "verified"/,
  },
  {
    name: 'a second ruling on one declaration',
    text: `${OK}${rejected('2028-09-01')}\n${rejected('2028-10-01')}\n`,
    line: 3,
    says: /panel\.rejected is not allowed here: AGI state is "rejected"/,
  },
  {
    name: 'a second declaration while one is pending',
    text: `${OK}${declared('2028-06-01')}\n`,
    line: 2,
    says: /agi\.declared is not allowed here: AGI state is "pending"/,
  },
  {
    name: 'a declaration after verification',
    text: `${OK}${verified('2028-09-01')}\n\n${declared('2030-01-01')}\n`,
    line: 4,
    says: /agi\.declared is not allowed here: AGI state is "verified"/,
  },
  {
    name: 'a re-declaration under after-rejection=final',
    text: `${OK}${rejected('2028-09-01')}\n${declared('2029-01-01')}\n`,
    args: ['--assume', 'after-rejection=final'],
    line: 3,
    says: /agi\.declared is not allowed here.*after-rejection/,
  },
  {
    name: 'a ruling after the declaration lapsed under panel-deadline-days',
    text: `${OK}${verified('2028-06-01')}\n`,
    args: ['--assume', 'panel-deadline-days=90'],
    line: 2,
    says: /panel\.verified is not allowed here.*lapsed/,
  },
  {
    name: 'an unknown --assume key, with "did you mean"',
    text: OK,
    args: ['--assume', 'after-rejections=final'],
    line: null,
    says: /unknown assumption "after-rejections".*did you mean "after-rejection"/,
  },
  {
    name: 'a bad --assume value',
    text: OK,
    args: ['--assume', 'panel-deadline-days=soon'],
    line: null,
    says: /--assume panel-deadline-days=soon: the value must be none or a whole number/,
  },
  {
    name: 'a bad --assume number',
    text: OK,
    args: ['--assume', 'revenue-share-rate=1.5'],
    line: null,
    says: /--assume revenue-share-rate=1\.5: the value must be a fraction/,
  },
  { name: 'an --assume without =', text: OK, args: ['--assume', 'final'], line: null, says: /is not KEY=VALUE/ },
  { name: 'a missing file', text: null, line: null, says: /no such file: .*missing\.jsonl/ },
  {
    name: 'a multi-megabyte line',
    text: `${OK}${line({ type: 'agi.declared', date: '2028-03-02', note: 'x'.repeat(3 * 1024 * 1024) })}\n`,
    line: 2,
    says: /characters long, more than the 64 KiB an event may take/,
  },
  {
    name: 'a torn last line',
    text: `${OK}{"type":"panel.verified","da`,
    line: 2,
    says: /the last line is incomplete: it looks torn.*|torn/,
  },
];

let counter = 0;
function logFile(text: string | null): string {
  counter += 1;
  const file = join(dir, text === null ? 'missing.jsonl' : `case-${counter}.jsonl`);
  if (text !== null) writeFileSync(file, text);
  return file;
}

describe('C0–C12 bad input (issue 2; invariant 8): one clean paragraph, exit 2, no stack trace', () => {
  describe.each(['simulate', 'validate'])('dealsim %s', (command) => {
    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, bad) => {
      const file = logFile(bad.text);
      const { code, out, err: message } = await runInMemory([command, file, ...(bad.args ?? [])], { cwd: dir });
      expect(code).toBe(2);
      expect(out).toBe(''); // rejected whole: nothing printed as if half-applied
      expect(message).toMatch(bad.says);
      if (bad.line !== null) expect(message).toContain(`${file}:${bad.line}: `);
      else if (bad.text === null) expect(message).toContain(file);
      expect(message).toMatch(/ Fix: \S/);
      expect(message).not.toMatch(STACK);
      expect(message.trimEnd().split('\n')).toHaveLength(1); // one paragraph
    });
  });

  it('dealsim explain refuses an invalid future with the same error', async () => {
    const file = logFile(`${OK}${declared('2028-06-01')}\n`);
    const { code, err } = await runInMemory(['explain', file, 'research-ip', '--at', '2029-01-01'], { cwd: dir });
    expect(code).toBe(2);
    expect(err).toContain(`${file}:2: agi.declared is not allowed here`);
  });

  it('bad command-line input is exit 2 with a Fix: too (unknown command, option, term, date)', async () => {
    const file = logFile(OK);
    for (const argv of [
      ['simulat', file],
      ['simulate', file, '--att', '2029-01-01'],
      ['simulate', file, '--at', '2029-02-30'],
      ['explain', file, 'reserch-ip', '--at', '2029-01-01'],
      ['append', file, '{}', '--expect-version', 'two'],
      ['explain', file, 'research-ip', '--at', '2020-01-01'], // before the agreement took effect
      ['simulate', file, '--at', '2025-10-27'],
    ]) {
      const { code, err } = await runInMemory(argv, { cwd: dir });
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toMatch(/ Fix: \S/);
      expect(err).not.toMatch(STACK);
    }
  });

  it('an option with no value, or a value that starts with a dash, is said in one line with how to give it', async () => {
    const file = logFile(OK);
    const cases: [string[], string, string][] = [
      [['simulate', file, '--at'], '--at needs a value', 'give it one: --at VALUE'],
      [
        ['append', file, '{}', '--expect-version', '-1'],
        '--expect-version needs a value, and "-1" after it starts with a dash, so it reads as an option',
        'write --expect-version=-1 to give that value',
      ],
    ];
    for (const [argv, what, fix] of cases) {
      const { code, err } = await runInMemory(argv, { cwd: dir });
      expect(code).toBe(2);
      expect(err).toContain(`: ${what}. Fix: ${fix};`);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\\u000a|did you mean/);
    }
  });
});

describe('bad input through a real process (node bin/dealsim.js): no stack trace reaches stderr', () => {
  const spawned = [
    CASES.find((c) => c.name === 'malformed JSON'),
    CASES.find((c) => c.name === 'a re-declaration under after-rejection=final'),
    CASES.find((c) => c.name === 'a multi-megabyte line'),
    CASES.find((c) => c.name === 'a missing file'),
  ].filter((c): c is BadCase => c !== undefined);

  it.each(spawned.map((c) => [c.name, c] as const))('%s', (_name, bad) => {
    const file = logFile(bad.text);
    const result = spawnSync(process.execPath, ['bin/dealsim.js', 'simulate', file, ...(bad.args ?? [])], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DEALSIM_DEBUG: '' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(bad.says);
    if (bad.line !== null) expect(result.stderr).toContain(`${file}:${bad.line}: `);
    expect(result.stderr).toMatch(/ Fix: \S/);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

/**
 * Guarantee: every input gets exit 2 with its file and line, or the right answer; none gives
 * exit 70 or a stack trace, and none reaches a terminal or an SVG as code (issue 11, items 8–14).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runInMemory } from '../../src/cli/main.ts';
import { table } from '../../src/cli/render/table.ts';
import { formatUsd } from '../../src/domain/money.ts';
import { isTornJsonObject } from '../../src/log/torn-line.ts';
import { BIN } from '../store/faults/support.ts';

const root = mkdtempSync(join(tmpdir(), 'dealsim-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function file(content: string | Uint8Array, name = 'log.jsonl'): string {
  const path = join(root, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
}
const dealsim = (...argv: string[]) => runInMemory(argv);
const DECLARED = '{"type":"agi.declared","date":"2028-03-01"}';
const LAUNCH = (name: string) =>
  JSON.stringify({ type: 'product.launched', date: '2028-04-01', name, api: true, cloud: 'aws' });

/** No exit 70, no stack trace, one paragraph: the contract of every refusal. */
function expectCleanRefusal(result: { code: number; err: string }, where?: RegExp): void {
  expect(result.code, result.err).toBe(2);
  expect(result.err).not.toMatch(/internal error|\n\s+at |node:internal/);
  expect(result.err).toMatch(/ Fix: /);
  if (where) expect(result.err).toMatch(where);
}

describe('encodings (item 8)', () => {
  it('a log that starts with a byte-order mark is read, and dealsim says so', async () => {
    const log = file(`\uFEFF${DECLARED}\n`);
    const result = await dealsim('validate', log);
    expect(result.code).toBe(0);
    expect(result.err).toContain('byte-order mark');
    expect((await dealsim('simulate', log, '--stream', '--json')).code).toBe(0);
  });

  for (const [name, end] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['LF', '\n'],
  ] as const) {
    it(`${name} line endings are read, whole and streamed`, async () => {
      const log = file(`${DECLARED}${end}{"type":"panel.verified","date":"2028-09-01"}${end}`);
      expect((await dealsim('validate', log)).out).toContain('valid, 2 events');
      const streamed = await dealsim('simulate', log, '--stream', '--json');
      expect(JSON.parse(streamed.out).agi.status).toBe('verified');
      expect(
        (await dealsim('append', log, '{"type":"azure.purchased","date":"2028-10-01","amountUsd":1}', '--json')).out,
      ).toContain('"line": 3');
    });
  }

  it('invalid UTF-8 is refused with its line, whole and streamed, and an append does not re-encode it', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${DECLARED}\n{"type":"model.released","date":"2028-04-01","name":"x`),
      Buffer.from([0xff]),
      Buffer.from('"}\n'),
    ]);
    const log = file(bytes);
    expectCleanRefusal(await dealsim('validate', log), /log\.jsonl:2: the line is not valid UTF-8/);
    expectCleanRefusal(await dealsim('simulate', log, '--stream'), /log\.jsonl:2: the line is not valid UTF-8/);
    expectCleanRefusal(await dealsim('append', log, '{"type":"azure.purchased","date":"2028-10-01","amountUsd":1}'));
    expect(readFileSync(log).equals(bytes)).toBe(true);
  });
});

describe('names that are also JavaScript’s (item 9)', () => {
  const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
  for (const name of names) {
    it(`"${name}" is an unknown event type, assumption, amendment and spec key, exit 2`, async () => {
      expectCleanRefusal(
        await dealsim('validate', file(`{"type":"${name}","date":"2028-03-01"}\n`)),
        /unknown event type/,
      );
      expectCleanRefusal(
        await dealsim('simulate', file(`${DECLARED}\n`), '--assume', `${name}=1`),
        /unknown assumption/,
      );
      expectCleanRefusal(
        await dealsim('simulate', file(`{"type":"agreement.amended","date":"2028-03-01","amendment":"${name}"}\n`)),
        /unknown amendment/,
      );
      const spec = file(
        JSON.stringify({
          declaration: { kind: 'uniform', from: '2027-01-01', to: '2030-01-01' },
          panel: { lagDays: { kind: 'fixed', days: 30 }, verifyProbability: 0.5 },
        }).replace(/}$/, `,"assumptions":{"${name}":"x"}}`),
        'spec.json',
      );
      expectCleanRefusal(await dealsim('montecarlo', spec, '--futures', '10', '--workers', '1'));
      const amendments = file(
        `{"id":"${name}","ends":["compute-threshold"],"retime":{"${name}":{"through":2030}}}`,
        'a.json',
      );
      expectCleanRefusal(await dealsim('simulate', file(`${DECLARED}\n`), '--amendments', amendments));
    });
  }
  it('a misspelt event type still gets a did-you-mean', async () => {
    expectCleanRefusal(
      await dealsim('validate', file('{"type":"agi.declard","date":"2028-03-01"}\n')),
      /did you mean "agi\.declared"/,
    );
  });
});

describe('depth and size of JSON inputs (item 10)', () => {
  it('an amendment file nested 8,000 deep is refused at once with its line', async () => {
    const deep = file(`${'['.repeat(8000)}${']'.repeat(8000)}`, 'deep.json');
    expectCleanRefusal(
      await dealsim('simulate', file(`${DECLARED}\n`), '--amendments', deep),
      /deep\.json:1: .*nests .* more than 32 deep/,
    );
  });
  it('a 1.6 MB deeply nested file is refused by size before it is parsed', async () => {
    const big = file('{"a":'.repeat(330_000), 'big.json');
    expectCleanRefusal(
      await dealsim('simulate', file(`${DECLARED}\n`), '--amendments', big),
      /more than the 1,024 KiB/,
    );
    expectCleanRefusal(await dealsim('montecarlo', big), /more than the 1,024 KiB/);
  });
  it('a deep Monte Carlo spec is refused', async () => {
    expectCleanRefusal(
      await dealsim('montecarlo', file(`{"declaration":${'['.repeat(100)}${']'.repeat(100)}}`, 's.json')),
      /more than 32 deep/,
    );
  });
});

describe('numbers and dates at the edge (item 11)', () => {
  it('an amount past $1,000T is refused up front; the largest allowed ones add up and print exactly', async () => {
    expectCleanRefusal(
      await dealsim('validate', file('{"type":"azure.purchased","date":"2028-01-01","amountUsd":1e308}\n')),
      /amountUsd" must be at most 1e15/,
    );
    const log = file('{"type":"azure.purchased","date":"2028-01-01","amountUsd":1e15}\n'.repeat(2));
    const json = JSON.parse((await dealsim('simulate', log, '--json')).out);
    expect(json.ledger.azurePurchasedUsd).toBe(2e15);
    expect((await dealsim('simulate', log)).out).toContain('Azure purchased $2,000T');
    expect(() => formatUsd(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it('panel-deadline-days past the calendar is refused; a lapse that would fall after 9999 never comes', async () => {
    expectCleanRefusal(
      await dealsim('simulate', file(`${DECLARED}\n`), '--assume', 'panel-deadline-days=3000000'),
      /panel-deadline-days/,
    );
    expectCleanRefusal(await dealsim('simulate', file(`${DECLARED}\n`), '--assume', 'panel-deadline-days=1e99'));
    const late = file('{"type":"agi.declared","date":"9999-06-01"}\n');
    const result = await dealsim('simulate', late, '--assume', 'panel-deadline-days=365', '--json');
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out).agi.status).toBe('pending');
    expect(result.out).not.toMatch(/\+0\d{5}/);
  });
  it('montecarlo --futures, --workers and --seed are bounded', async () => {
    const spec = 'simulations/montecarlo/uniform-2027-2035.json';
    expectCleanRefusal(
      await dealsim('montecarlo', spec, '--futures', '1000000000'),
      /--futures .* from 1 to 10,000,000/,
    );
    expectCleanRefusal(await dealsim('montecarlo', spec, '--workers', '100000'));
    expectCleanRefusal(await dealsim('montecarlo', spec, '--seed', '99999999999999999999'));
  });
});

describe('terminal and markup injection (item 12)', () => {
  // Controls, a bidirectional override, then characters that hide text: zero-width space, word
  // joiner, byte-order mark, soft hyphen, Arabic letter mark, and the tag characters "AB".
  const HOSTILE =
    'evil\u001b[2J\u001b]0;title\u0007\u009b31m\u202e\u0000\nfake line\u200b\u2060\ufeff\u00ad\u061c\udb40\udc41\udb40\udc42';
  const log = () => file(`${LAUNCH(HOSTILE)}\n`);
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\u200b\u2060\ufeff\u00ad\u061c]|\udb40[\udc00-\udc7f]/;

  for (const argv of [
    ['simulate'],
    ['simulate', '--stream'],
    ['explain', '_', 'azure-api-exclusivity', '--at', '2029-01-01'],
  ]) {
    it(`${argv.join(' ')} shows control characters escaped, never raw (also with colour on)`, async () => {
      const path = log();
      const args = argv.map((part) => (part === '_' ? path : part));
      if (args.length === 1 || args[1] === '--stream') args.splice(1, 0, path);
      for (const color of [false, true]) {
        const result = await runInMemory(args, { color });
        expect(result.code, result.err).toBe(0);
        const withoutStyles = result.out.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
        expect(withoutStyles).not.toMatch(CONTROL);
      }
    });
  }

  it('simulate --json keeps the name exact', async () => {
    const result = await dealsim('simulate', log(), '--json');
    expect(JSON.stringify(JSON.parse(result.out))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('errors echo user text escaped', async () => {
    const result = await dealsim(
      'validate',
      file(
        `{"type":"${HOSTILE.replace('\n', '\\n').replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}","date":"2028-03-01"}\n`,
      ),
    );
    expect(result.code).toBe(2);
    expect(result.err.trimEnd()).not.toMatch(CONTROL);
    expect(result.err).toContain('\\u001b[2J');
  });

  it('the timeline SVG stays well-formed XML, with the control characters shown', async () => {
    const out = join(root, 'hostile.svg');
    const note = file(`${JSON.stringify({ type: 'agi.declared', date: '2028-03-01', note: HOSTILE })}\n`);
    expect((await dealsim('timeline', note, '-o', out)).code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toMatch(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u200b\u2060\ufeff\u00ad\u061c]|\udb40[\udc00-\udc7f]/,
    );
    expect(svg).toContain('\\u001b[2J');
    expect(svg).toContain('\\u200b\\u2060\\ufeff\\u00ad\\u061c\\udb40\\udc41\\udb40\\udc42');
    execFileSync('python3', ['-c', 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])', out]);
  });
});

describe('names that read like the covering term’s end', () => {
  const RELEASE = (name: string, extra = '') =>
    `{"type":"model.released","date":"2029-01-01","name":${JSON.stringify(name)}${extra}}`;

  it('a model named "{until}" is quoted as named by simulate, as a table and as JSON, whole and streamed', async () => {
    const path = file(`${RELEASE('{until} x')}\n${RELEASE('{until}', ',"postAgi":true')}\n`);
    for (const argv of [[], ['--stream'], ['--json'], ['--json', '--stream']]) {
      const result = await dealsim('simulate', path, ...argv);
      expect(result.code, result.err).toBe(0);
      const json = argv.includes('--json');
      const text = json
        ? JSON.parse(result.out)
            .findings.map((f: { reason: string }) => f.reason)
            .join('\n')
        : result.out;
      expect(text).toContain('cover "{until} x" until 2033-01-01');
      expect(text).toContain('true: Microsoft’s model and product IP rights cover "{until}" until 2033-01-01; false:');
    }
  });

  it('a source or note holding the mark is refused too, so no text of a log can be taken for it', async () => {
    for (const [field, value] of [
      ['source', 'https://example.com/a\uFDD0b'],
      ['note', 'n\uFDD0'],
    ]) {
      const result = await dealsim(
        'validate',
        file(`${RELEASE('m', `,${JSON.stringify(field)}:${JSON.stringify(value)}`)}\n`),
      );
      expectCleanRefusal(result, /:1\b/);
      expect(result.err).toContain(`"${field}" must not hold a Unicode noncharacter`);
    }
  });

  it('a history file whose name holds the mark keeps its name in simulate --json, as an origin and beside a covered reason', async () => {
    const history = join(root, 'hist\uFDD0.jsonl');
    writeFileSync(history, `${RELEASE('m', ',"internalOnly":true')}\n${RELEASE('n', ',"postAgi":true')}\n`);
    const result = await dealsim('simulate', file(`${RELEASE('u')}\n`), '--history', history, '--json');
    expect(result.code, result.err).toBe(0);
    const findings = JSON.parse(result.out).findings as { origin: string | null; reason: string }[];
    expect(findings.map((finding) => finding.origin)).toEqual([history, history, null]);
    expect(findings[0]?.reason).toContain('cover it until 2031-01-01');
  });

  for (const [how, extra] of [
    ['checked without zod', ''],
    ['checked by zod (a source)', ',"source":"https://example.com/"'],
  ]) {
    it(`a name holding a Unicode noncharacter, the mark dealsim fills, is refused with its line (${how})`, async () => {
      const path = file(`${RELEASE('ok')}\n${RELEASE('gpt-\uFDD0', extra)}\n`);
      for (const command of ['validate', 'simulate']) {
        const result = await dealsim(command, path);
        expectCleanRefusal(result, /:2\b/);
        expect(result.err).toMatch(/"name" must not hold a Unicode noncharacter/);
      }
    });
  }
});

describe('output to a closed pipe (item 13)', () => {
  // The people's table goes out as text, --json's findings as bytes copied from their spill.
  it.each([[''], [' --json']])(
    'dealsim simulate BIG%s | head -1 prints one line and no error, and leaves no temporary file',
    (json) => {
      const big = file(`${LAUNCH('a product').replace('2028-04-01', '2027-01-01')}\n`.repeat(20_000));
      const temporary = mkdtempSync(join(root, 'tmp-'));
      const output = execFileSync(
        'sh',
        ['-c', `"${process.execPath}" "${BIN}" simulate "${big}"${json} 2>"${big}.err" | head -1`],
        { encoding: 'utf8', env: { ...process.env, TMPDIR: temporary } },
      );
      expect(output.split('\n')).toHaveLength(2); // one line, then the end
      expect(output.length).toBeGreaterThan(1);
      expect(readFileSync(`${big}.err`, 'utf8')).toBe('');
      expect(readdirSync(temporary)).toEqual([]);
      // Read to the end (to a file), the spill of a big log is removed as well.
      execFileSync('sh', ['-c', `"${process.execPath}" "${BIN}" simulate "${big}"${json} >"${big}.out"`], {
        env: { ...process.env, TMPDIR: temporary },
      });
      expect(readFileSync(`${big}.out`, 'utf8').length).toBeGreaterThan(20_000 * 50);
      expect(readdirSync(temporary)).toEqual([]);
    },
    60_000,
  );
});

describe('output to a full disk', () => {
  it.skipIf(!existsSync('/dev/full')).each([['events'], ['simulate simulations/no-agi-ever.jsonl --json']])(
    'dealsim %s > /dev/full says so in one paragraph, exit 2, no stack trace',
    (command) => {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} >/dev/full`], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'dealsim: cannot write to standard output (ENOSPC: no space left on the device). Fix: free some space, or send the output somewhere else.\n',
      );
    },
  );
});

describe('big logs (item 14)', () => {
  it('a table of 300,000 rows is laid out (no spread of every row into Math.max)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`row ${i}`, 'x']);
    expect(table(['A', 'B'], rows).split('\n')).toHaveLength(300_003);
  });

  it('a 300 MiB log of one line is refused with exit 2, streamed or whole, never read into one string', async () => {
    const huge = file('');
    truncateSync(huge, 300 * 1024 * 1024); // sparse: no line end anywhere
    const streamed = await dealsim('validate', huge);
    expectCleanRefusal(streamed);
    expect(streamed.err).toContain('the line is longer than the 64 KiB an event may take');
    const whole = await dealsim('timeline', huge, '-o', join(root, 'huge.svg'));
    expectCleanRefusal(whole);
    expect(whole.err).toContain('314,572,800 bytes, more than the 256 MiB this command reads whole');
  });
});

describe('torn lines: what repair may move', () => {
  it('every proper prefix of a JSON object is torn; the whole object is not', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.nat(), (object, at) => {
        const text = JSON.stringify(object);
        const cut = 1 + (at % Math.max(1, text.length - 1));
        if (cut < text.length) expect(isTornJsonObject(text.slice(0, cut))).toBe(true);
        expect(isTornJsonObject(text)).toBe(false);
      }),
    );
  });
  it('text that no write could have torn is not torn', () => {
    for (const text of ['hello', '{"a":1} junk', '{"a":1.e', '{"a":trux', '[1,2', '{"a"1']) {
      expect(isTornJsonObject(text), text).toBe(false);
    }
  });
});

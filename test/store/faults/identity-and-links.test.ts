/**
 * Guarantee: an append keeps the log what it was (a link written through, mode, owner and hard
 * links kept, a read-only log refused), and no file dealsim writes follows a link planted by
 * someone else (issue 11, items 3, 4 and 5).
 */

import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, dealsim, ev, freshFolder, freshLog, leftovers, logOf, NEXT } from './support.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) cleanUp(folder);
});
function folder(): string {
  const made = freshFolder();
  folders.push(made);
  return made;
}

describe('append keeps the log’s identity', () => {
  it('writes through a symbolic link to its target, which stays a link', async () => {
    const dir = folder();
    const target = join(dir, 'real.jsonl');
    writeFileSync(target, logOf(2));
    const link = join(dir, 'log.jsonl');
    symlinkSync('real.jsonl', link);
    expect((await dealsim('append', link, NEXT)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.jsonl');
    expect(readFileSync(target, 'utf8')).toBe(`${logOf(2)}${NEXT}\n`);
  });

  it('keeps a 0600 mode, the inode and a hard link', async () => {
    const dir = folder();
    const { file } = freshLog(logOf(2), dir);
    chmodSync(file, 0o600);
    const other = join(dir, 'also.jsonl');
    linkSync(file, other);
    const before = statSync(file);
    expect((await dealsim('append', file, NEXT)).code).toBe(0);
    const after = statSync(file);
    expect(after.mode & 0o777).toBe(0o600);
    expect(after.ino).toBe(before.ino);
    expect(after.uid).toBe(before.uid);
    expect(after.nlink).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe(`${logOf(2)}${NEXT}\n`);
  });

  it('refuses a read-only log with exit 2, even for root, and leaves it as it was', async () => {
    const { folder: dir, file } = freshLog(logOf(2), folder());
    chmodSync(file, 0o444);
    const result = await dealsim('append', file, NEXT);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/read-only|EACCES/);
    expect(readFileSync(file, 'utf8')).toBe(logOf(2));
    expect(leftovers(dir, ['log.jsonl'])).toEqual([]);
  });

  it('a folder given as the log is exit 2', async () => {
    const dir = folder();
    const result = await dealsim('append', dir, NEXT);
    expect(result.code).toBe(2);
  });
});

describe('output files are never written through a planted link', () => {
  const commands: readonly [string, (out: string) => string[]][] = [
    ['timeline', (out) => ['timeline', 'simulations/no-agi-ever.jsonl', '-o', out]],
    ['chart', (out) => ['chart', '--format', 'dot', '-o', out]],
  ];
  for (const [name, argv] of commands) {
    it(`${name} -o replaces a planted symbolic link instead of overwriting its target, and leaves no temporary file`, async () => {
      const dir = folder();
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious');
      const out = join(dir, 'out.file');
      symlinkSync(victim, out);
      const result = await dealsim(...argv(out));
      expect(result.code, result.err).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(lstatSync(out).isFile()).toBe(true);
      expect(leftovers(dir, ['victim.txt', 'out.file'])).toEqual([]);
    });
  }

  it('montecarlo -o replaces planted links inside its folder', async () => {
    const dir = folder();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'mc');
    mkdirSync(out);
    symlinkSync(victim, join(out, 'results.json'));
    const result = await dealsim(
      'montecarlo',
      'simulations/montecarlo/uniform-2027-2035.json',
      '--futures',
      '50',
      '--workers',
      '1',
      '--json',
      '-o',
      out,
    );
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).futures).toBe(50);
  });

  it('-o into a missing folder, or onto a folder, is exit 2 with the reason', async () => {
    const dir = folder();
    const missing = await dealsim('chart', '-o', join(dir, 'no', 'such', 'chart.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ENOENT');
    const onto = await dealsim('chart', '-o', dir);
    expect(onto.code).toBe(2);
    expect(onto.err).toContain('it is a folder');
  });

  it('-o onto a pipe or a device is exit 2 and leaves it what it was (renaming over it would replace /dev/null)', async () => {
    const dir = folder();
    const pipe = join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const targets = [pipe];
    if (process.getuid?.() === 0) {
      const device = join(dir, 'null');
      execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
      targets.push(device);
    }
    for (const target of targets) {
      const result = await dealsim('chart', '-o', target);
      expect(result.code, result.err).toBe(2);
      expect(result.err).toContain('it is a device, pipe or socket, not a file');
      expect(lstatSync(target).isFile()).toBe(false);
    }
    expect(leftovers(dir, ['pipe', 'null'])).toEqual([]);
  });

  it('report and timeline -o onto the log they read is exit 2, however it is named, and the log is kept', async () => {
    const dir = folder();
    const log = join(dir, 'future.jsonl');
    const text = readFileSync('simulations/no-agi-ever.jsonl', 'utf8');
    writeFileSync(log, text);
    linkSync(log, join(dir, 'same.jsonl'));
    for (const argv of [
      ['report', log, '-o', log],
      ['timeline', log, '-o', join(dir, '.', 'same.jsonl')],
      ['timeline', 'simulations/no-agi-ever.jsonl', '--vs', log, '-o', log],
    ]) {
      const result = await dealsim(...argv);
      expect(result.code, result.err).toBe(2);
      expect(result.err).toContain('which this command reads');
      expect(readFileSync(log, 'utf8')).toBe(text);
    }
  });

  it('-o of a folder not made yet ("out/") or of nothing is exit 2, and writes no file of that name', async () => {
    const dir = folder();
    const slash = await dealsim('chart', '-o', `${join(dir, 'out')}/`);
    expect(slash.code).toBe(2);
    expect(slash.err).toContain('it names a folder (it ends with "/")');
    expect(readdirSync(dir)).toEqual([]);
    const empty = await dealsim('chart', '-o', '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no file name to write to');
    // "-" is standard output by convention: no file named "-" is written.
    const dash = await dealsim('report', 'simulations/no-agi-ever.jsonl', '-o', '-');
    expect(dash.code).toBe(2);
    expect(dash.err).toContain('"-" names no file here');
    expect(existsSync('-')).toBe(false);
    const noFolder = await dealsim(
      'montecarlo',
      'simulations/montecarlo/uniform-2027-2035.json',
      '--futures',
      '10',
      '-o',
      '',
    );
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toContain('-o names no folder');
  });
});

describe('repair moves only a truly torn last line (item 5)', () => {
  const TORN = '{"type":"compute.contracted","date":"2027-06-01","prov';

  it('a log with lone-CR line endings is whole: nothing is moved, twice', async () => {
    const text = logOf(3).replaceAll('\n', '\r');
    const { folder: dir, file } = freshLog(text, folder());
    for (let i = 0; i < 2; i++) {
      const result = await dealsim('repair', file);
      expect(result.code).toBe(0);
      expect(result.out).toContain('nothing to repair');
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(leftovers(dir, ['log.jsonl'])).toEqual([]);
    expect((await dealsim('validate', file)).out).toContain('valid, 3 events');
  });

  it('moves a torn line into LOG.torn, and a second torn line into LOG.torn.1, never overwriting', async () => {
    const { file } = freshLog(`${logOf(2)}${TORN}`, folder());
    expect((await dealsim('repair', file)).out).toContain(`moved the torn last line to ${file}.torn`);
    expect(readFileSync(file, 'utf8')).toBe(logOf(2));
    writeFileSync(file, `${logOf(2)}{"type":"agi`);
    expect((await dealsim('repair', file)).out).toContain(`${file}.torn.1`);
    expect(readFileSync(`${file}.torn`, 'utf8')).toBe(TORN);
    expect(readFileSync(`${file}.torn.1`, 'utf8')).toBe('{"type":"agi');
    expect((await dealsim('append', file, NEXT)).code).toBe(0);
  });

  it('a line torn inside a multi-byte character is torn too', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${logOf(1)}{"type":"compute.contracted","date":"2027-06-01","provider":"caf`),
      Buffer.from([0xc3]),
    ]);
    const { file } = freshLog(null, folder());
    writeFileSync(file, bytes);
    expect((await dealsim('validate', file)).err).toMatch(/torn/);
    expect((await dealsim('repair', file)).out).toContain('moved the torn last line');
    expect(readFileSync(file, 'utf8')).toBe(logOf(1));
  });

  it('does not follow a link planted at LOG.torn', async () => {
    const dir = folder();
    const { file } = freshLog(`${logOf(1)}${TORN}`, dir);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${file}.torn`);
    const result = await dealsim('repair', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`${file}.torn.1`);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  const notTorn: readonly [string, string][] = [['a complete event without a newline', `${logOf(1)}${NEXT}`]];
  for (const [name, text] of notTorn) {
    it(`leaves ${name} alone`, async () => {
      const { file } = freshLog(text, folder());
      expect((await dealsim('repair', file)).out).toContain('nothing to repair');
      expect(readFileSync(file, 'utf8')).toBe(text);
    });
  }

  const unreadable: readonly [string, string][] = [
    ['a whole JSON line that is not an event', `${logOf(1)}{"type":"agi.declared"}`],
    ['text that no write could have torn', `${logOf(1)}hello`],
    ['a JSON object followed by junk', `${logOf(1)}{"a":1} junk`],
    ['a bad line before the last', `${logOf(1)}oops\n${TORN}`],
  ];
  for (const [name, text] of unreadable) {
    it(`reports ${name} with exit 2 and cuts nothing`, async () => {
      const { folder: dir, file } = freshLog(text, folder());
      const result = await dealsim('repair', file);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/log\.jsonl:\d+: /);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(leftovers(dir, ['log.jsonl'])).toEqual([]);
    });
  }

  it('a folder given as the log is exit 2 saying so, not a failure to write', async () => {
    const dir = folder();
    const result = await dealsim('repair', dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${dir} is a directory, not an event log. Fix: name the .jsonl file to repair`);
  });

  it('a repaired log accepts an event mentioning the torn one’s date again', async () => {
    const { file } = freshLog(`${logOf(1)}${TORN}`, folder());
    await dealsim('repair', file);
    const again = ev({ type: 'compute.contracted', date: '2027-06-01', provider: 'again' });
    expect((await dealsim('append', file, again)).code).toBe(0);
  });
});

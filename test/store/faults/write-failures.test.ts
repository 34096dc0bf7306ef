/**
 * Guarantee: an acknowledged append is on disk, and a refused one changes nothing (issue 11,
 * items 1, 6 and 7). Real short writes and ENOSPC on a tmpfs the test mounts when it runs as
 * root; the same faults through an injected file-system layer everywhere else.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileSystem } from '../../../src/store/file-system.ts';
import {
  cleanUp,
  dealsim,
  ev,
  fillUp,
  freshFolder,
  freshLog,
  isRoot,
  leftovers,
  logOf,
  mountTmpfs,
  NEXT,
} from './support.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) cleanUp(folder);
});

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('a write that fails leaves the log byte-identical and exits 2 (injected faults)', () => {
  const faults: readonly [string, Parameters<typeof withFileSystem>[0]][] = [
    ['a short write followed by ENOSPC', { writeSync: shortThen('ENOSPC') }],
    ['a short write followed by EIO', { writeSync: shortThen('EIO') }],
    [
      'ENOSPC on the first byte',
      {
        writeSync: () => {
          throw errno('ENOSPC');
        },
      },
    ],
    [
      'EDQUOT',
      {
        writeSync: () => {
          throw errno('EDQUOT');
        },
      },
    ],
    ['a write that returns 0 bytes', { writeSync: () => 0 }],
    [
      'fsync failing with EIO',
      {
        fsyncSync: () => {
          throw errno('EIO');
        },
      },
    ],
  ];
  for (const [name, fault] of faults) {
    it(`${name}: exit 2, a clear message, the log unchanged, nothing left behind`, async () => {
      const { folder, file } = freshLog(logOf(300));
      folders.push(folder);
      const before = readFileSync(file);
      const result = await withFileSystem(fault, () => dealsim('append', file, NEXT));
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/cannot append to .*log\.jsonl \(E[A-Z]+: .+\); the log is unchanged\. Fix: /);
      expect(result.err).not.toMatch(/internal error|\n\s+at /);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(leftovers(folder, ['log.jsonl'])).toEqual([]);
      // And the next append, with the fault gone, works and counts right.
      expect((await dealsim('append', file, NEXT)).out).toContain('the log now holds 301 events');
    });
  }

  it('EACCES and EROFS on open are exit 2 naming the reason, and create nothing', async () => {
    for (const code of ['EACCES', 'EROFS']) {
      const { folder, file } = freshLog(logOf(3));
      folders.push(folder);
      const result = await withFileSystem(
        {
          openSync: () => {
            throw errno(code);
          },
        },
        () => dealsim('append', file, NEXT),
      );
      expect(result.code).toBe(2);
      expect(result.err).toContain(`(${code}:`);
      expect(readFileSync(file, 'utf8')).toBe(logOf(3));
    }
  });
});

/** A writeSync that writes half of what it is given once, then fails with `code`. */
function shortThen(code: string) {
  let calls = 0;
  return (fd: number, buffer: Uint8Array, offset: number, length: number) => {
    calls++;
    if (calls > 1) throw errno(code);
    const half = Math.max(1, Math.floor(length / 2));
    writeFileSync(fd, buffer.subarray(offset, offset + half));
    return half;
  };
}

describe.runIf(isRoot)('on a real, nearly full tmpfs (root)', () => {
  it('a real short write (the last page has 20 bytes free) is cut back: exit 2, the log byte-identical', async () => {
    const fs = mountTmpfs(64);
    expect(fs, 'mounting a tmpfs as root').not.toBeNull();
    if (!fs) return;
    try {
      const file = join(fs.folder, 'log.jsonl');
      const base = logOf(300);
      // Pad with one event whose note makes the file end 20 bytes before a page boundary.
      const stub = ev({ type: 'compute.contracted', date: '2027-01-01', provider: 'pad', note: '' });
      const page = 4096;
      const want = (Math.ceil((base.length + stub.length + 1) / page) + 1) * page - 20;
      const pad = ev({
        type: 'compute.contracted',
        date: '2027-01-01',
        provider: 'pad',
        note: 'x'.repeat(want - base.length - stub.length - 1),
      });
      writeFileSync(file, `${base}${pad}\n`);
      expect(statSync(file).size % page).toBe(page - 20);
      fillUp(fs.folder);
      const before = readFileSync(file);
      const result = await dealsim('append', file, NEXT);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/\((ENOSPC|EFBIG): .*\); the log is unchanged/);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(leftovers(fs.folder, ['log.jsonl', '.fill'])).toEqual([]);
    } finally {
      fs.unmount();
    }
  });

  it('no space at all: exit 2, no lock left behind, and the next append (after freeing space) succeeds', async () => {
    const fs = mountTmpfs(64);
    if (!fs) throw new Error('could not mount a tmpfs as root');
    try {
      const file = join(fs.folder, 'log.jsonl');
      const base = logOf(100);
      const exact = base.length % 4096 === 0 ? base : base + ' '.repeat(4096 - (base.length % 4096) - 1) + '\n';
      writeFileSync(file, exact);
      fillUp(fs.folder);
      const before = readFileSync(file);
      const full = await dealsim('append', file, NEXT);
      expect(full.code).toBe(2);
      expect(full.err).toContain('ENOSPC');
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(leftovers(fs.folder, ['log.jsonl', '.fill'])).toEqual([]);
      cleanUp(join(fs.folder, '.fill'));
      const after = await dealsim('append', file, NEXT, '--json');
      expect(after.code).toBe(0);
      expect(JSON.parse(after.out).version).toBe(101);
    } finally {
      fs.unmount();
    }
  });
});

describe.skipIf(isRoot)('tmpfs fault tests', () => {
  it('are skipped: not root, so no tmpfs can be mounted; the injected-fault tests above cover the same paths', () => {
    console.warn('SKIPPED: real ENOSPC/short-write tests on tmpfs need root (CI runs them)');
  });
});

describe('one canonical form is validated and written (item 6)', () => {
  it('a leading byte-order mark and a trailing no-break space are trimmed, and the JSON written on one line', async () => {
    const { folder, file } = freshLog('');
    folders.push(folder);
    const event = '\uFEFF { "type" : "agi.declared",\n "date" : "2028-03-01" }\u00A0';
    const result = await dealsim('append', file, event);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('{"type":"agi.declared","date":"2028-03-01"}\n');
  });

  it('an event argument that is not one event is refused with exit 2 and creates no log', async () => {
    const folder = freshFolder();
    folders.push(folder);
    const file = join(folder, 'log.jsonl');
    for (const bad of [
      '\uFEFF',
      '\u00A0{}',
      '{"type":"toString","date":"2028-03-01"}',
      '[1]',
      '{"type":"agi.declared","date":"2028-03-01"} x',
    ]) {
      const result = await dealsim('append', file, bad);
      expect(result.code, bad).toBe(2);
      expect(leftovers(folder, [])).toEqual([]);
    }
  });
});

/**
 * Output that waits for the end of a replay is spilled, not held: what goes into a spill comes
 * back byte for byte and in order, from memory and from the temporary file past the limit, and
 * records whose last field holds tabs, newlines or characters of several bytes survive any
 * read size; closing removes the file.
 */
import { existsSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RecordSpill, Spill } from '../../src/cli/spill.ts';

describe('C0 spilled output', () => {
  test.prop([fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), fc.integer({ min: 1, max: 64 })])(
    'gives back what was written, in order, whatever the memory limit',
    (pieces, limit) => {
      const spill = new Spill(limit);
      for (const piece of pieces) spill.write(piece);
      expect([...spill.read()].join('')).toBe(pieces.join(''));
      spill.close();
    },
  );

  test.prop([
    fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary' })), { maxLength: 40 }),
    fc.integer({ min: 1, max: 64 }),
  ])('gives back records whose last field holds any character', (records, limit) => {
    const spill = new RecordSpill(2, limit);
    for (const [n, text] of records) spill.write(`${n}\tx`, text);
    const back: [number, string][] = [];
    spill.forEach((fields, last) => {
      expect(fields[1]).toBe('x');
      back.push([Number(fields[0]), last]);
    });
    expect(back).toEqual(records);
    spill.close();
  });

  it('removes its temporary file when closed', () => {
    const spill = new Spill(4);
    spill.write('more than four characters');
    const file = (spill as unknown as { dir: string }).dir;
    expect(existsSync(file)).toBe(true);
    spill.close();
    expect(existsSync(file)).toBe(false);
  });
});

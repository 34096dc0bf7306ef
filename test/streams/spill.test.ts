/**
 * Output that waits for the end of a replay is spilled, not held: what goes into a spill comes
 * back byte for byte and in order, from memory and from the temporary file past the limit, and
 * records whose last field holds tabs, newlines or characters of several bytes survive any
 * read size; closing removes the file.
 */
import { existsSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { holdingMask, observedFinding, SimulationOutput } from '../../src/cli/simulation-output.ts';
import { RecordSpill, Spill } from '../../src/cli/spill.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { historyUsed, NO_HISTORY } from '../../src/history/history.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { toSimulationJson } from '../../src/replay/report.ts';

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

  test.prop([fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), fc.integer({ min: 1, max: 64 })])(
    'gives back the UTF-8 bytes of what was written, in order, in pieces of any size',
    (texts, size) => {
      const spill = new Spill(size, size);
      for (const text of texts) spill.write(text);
      const pieces: Buffer[] = [];
      // A piece is valid until the next is asked for: copy each.
      for (const chunk of spill.chunks()) pieces.push(Buffer.from(chunk));
      const bytes = Buffer.concat(pieces);
      expect(bytes.toString('hex')).toBe(Buffer.from(texts.join(''), 'utf8').toString('hex'));
      spill.close();
    },
  );

  it('removes its temporary file when closed', () => {
    const spill = new Spill(4);
    spill.write('more than four characters');
    const file = (spill as unknown as { dir: string }).dir;
    expect(existsSync(file)).toBe(true);
    spill.close();
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['the people’s rows', false],
    ['--json', true],
  ])('simulate’s output removes every spill it made when closed (%s)', (_, json) => {
    const output = new SimulationOutput(json, false, 'future.jsonl', undefined, 16);
    const lines = '{"type":"compute.contracted","date":"2027-01-01","provider":"aws"}\n'.repeat(8);
    replay(
      parseLog(lines),
      { assumptions: DEFAULT_ASSUMPTIONS },
      {
        onStep: (step) => {
          for (const found of step.findings) output.finding(observedFinding(found));
          output.step(step.cause, holdingMask(step.holding), step.findings.length, []);
        },
      },
    );
    const spills = Object.values(output).filter((field): field is Spill => field instanceof Spill);
    const dirs = spills.map((spill) => (spill as unknown as { dir?: string }).dir).filter((dir) => dir !== undefined);
    expect(dirs.length).toBeGreaterThan(0);
    output.close();
    for (const dir of dirs) expect(existsSync(dir as string)).toBe(false);
  });
});

/**
 * `simulate --json` spills its findings as the bytes they print, with each covered finding's
 * `{until}` held as a mark that the print replaces by the covering term's end: the marks are
 * found and filled wherever the spill's pieces cut them.
 */
describe('C3, C4 covered findings printed from the spill', () => {
  // Releases covered by research IP (until 2031-01-01) and by model and product IP (until 2033-01-01), names with
  // characters of several bytes, and a name that is itself "{until}".
  const lines = [
    '{"type":"model.released","date":"2026-08-01","name":"gpt-é-2","openWeights":true,"meetsCapabilityCriteria":true}',
    '{"type":"model.released","date":"2027-05-01","name":"research-probe","internalOnly":true}',
    '{"type":"model.released","date":"2027-06-01","name":"{until} 🧪","openWeights":true,"meetsCapabilityCriteria":true}',
    '{"type":"revenue.recognized","date":"2027-07-01","amountUsd":1000000}',
    '{"type":"model.released","date":"2027-08-01","name":"probe-2","internalOnly":true}',
  ];
  const input = { assumptions: DEFAULT_ASSUMPTIONS };

  function printed(spillBytes?: number): string {
    const output = new SimulationOutput(true, false, 'future.jsonl', undefined, spillBytes);
    const summary = replay(parseLog(lines.join('\n')), input, {
      onStep: (step) => {
        for (const found of step.findings) output.finding(observedFinding(found));
        output.step(step.cause, holdingMask(step.holding), step.findings.length, []);
      },
    });
    const io = memoryIo();
    output.print(io, summary, historyUsed(NO_HISTORY));
    output.close();
    return io.stdout();
  }

  const whole = `${JSON.stringify(toSimulationJson(replay(parseLog(lines.join('\n')), input), undefined, historyUsed(NO_HISTORY)), null, 2)}\n`;

  it('prints the JSON of the whole replay, each covering term’s end filled in', () => {
    const text = printed();
    expect(text).toBe(whole);
    expect(text).toContain('until 2031-01-01');
    expect(text).toContain('until 2033-01-01');
    expect(text).not.toContain('\u0000');
    expect(text).toContain('open-weight model \\"{until} 🧪\\" meets');
  });

  test.prop([fc.integer({ min: 1, max: 40 })])(
    'prints the same bytes whatever the size of the spill’s pieces',
    (size) => {
      expect(printed(size)).toBe(whole);
    },
  );
});

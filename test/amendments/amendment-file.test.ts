import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAmendmentFile } from '../../src/domain/amendment-file.ts';
import { BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { InputError } from '../../src/domain/errors.ts';
import { cli, HISTORY_FILE } from './support.ts';

/** The error a file gives, as the CLI prints it. */
function refusal(text: string): string {
  try {
    parseAmendmentFile(text, 'mine.json');
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('user amendment files (--amendments), validated like logs', () => {
  it('reads every shipped example into the catalogue beside the built-in amendments', () => {
    for (const name of readdirSync('simulations/amendments')) {
      const catalog = parseAmendmentFile(readFileSync(`simulations/amendments/${name}`, 'utf8'), name);
      expect(Object.keys(catalog).length, name).toBeGreaterThan(Object.keys(BUILT_IN_AMENDMENTS).length);
      for (const id of Object.keys(BUILT_IN_AMENDMENTS)) expect(catalog[id]).toBe(BUILT_IN_AMENDMENTS[id]);
    }
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseAmendmentFile('\uFEFF{"id":"r","ends":["compute-threshold"]}', 'mine.json').r?.ends).toEqual([
      'compute-threshold',
    ]);
  });

  it('turns "through" a year into the sunset of 1 January after it, and keeps what the file says', () => {
    const catalog = parseAmendmentFile(
      '{"id":"r","retime":{"research-ip":{"through":2032,"endsOnVerification":false}},"ends":["compute-threshold"]}',
      'mine.json',
    );
    expect(catalog.r).toMatchObject({
      id: 'r',
      source: 'hypothetical',
      ends: ['compute-threshold'],
      retime: { 'research-ip': { sunset: '2033-01-01', endsOnVerification: false } },
    });
    expect(catalog.r?.summary).toContain('re-times research-ip');
  });

  it('names the file, the line and the JSON path, with a did-you-mean for a misspelt term', () => {
    const text = '{\n  "id": "r",\n  "retime": {\n    "reserch-ip": { "through": 2032 }\n  }\n}\n';
    expect(refusal(text)).toBe(
      'mine.json:4: retime.reserch-ip: unknown term "reserch-ip" (did you mean "research-ip"?). Fix: name one of research-ip, model-product-ip, ip-exclusivity, azure-api-exclusivity, revenue-share, revenue-share-to-openai, compute-threshold, azure-commitment.',
    );
  });

  it('points into arrays and suggests keys', () => {
    expect(
      refusal('[\n  {"id": "a", "ends": ["compute-threshold"]},\n  {"id": "b", "ends": ["ip-exclusivty"]}\n]'),
    ).toMatch(/^mine\.json:3: \[1\]\.ends\[0\]: unknown term "ip-exclusivty" \(did you mean "ip-exclusivity"\?\)/);
    expect(refusal('{\n  "id": "a",\n  "titel": "x",\n  "ends": ["compute-threshold"]\n}')).toMatch(
      /^mine\.json:3: unknown key "titel" \(did you mean "title"\?\)\. Fix: the keys of an amendment are id, title/,
    );
    expect(refusal('{"id":"a",\n"retime":{"research-ip":{"sunset":2032}}}')).toMatch(
      /^mine\.json:2: retime\.research-ip\.sunset: must be a date "YYYY-MM-DD" or null, found number 2032/,
    );
    expect(refusal('{"id":"a","productLaunch":"azure-frist"}')).toMatch(/did you mean "azure-first"/);
  });

  it('refuses malformed JSON at its line, built-in IDs, amendments that change nothing and contradictions', () => {
    expect(refusal('{\n  "id": "a",\n  "ends": [],\n}')).toMatch(/^mine\.json:4: not valid JSON/);
    expect(refusal('{"id":"2026-04-27","ends":["compute-threshold"]}')).toMatch(/is the ID of a built-in amendment/);
    expect(refusal('{"id":"a"}')).toMatch(/amendment "a" changes nothing\. Fix: give "ends"/);
    expect(refusal('{"id":"a","ends":["research-ip"],"retime":{"research-ip":{"through":2032}}}')).toMatch(
      /both ended and re-timed/,
    );
    expect(refusal('{"id":"a","retime":{"research-ip":{"capUsd":5}}}')).toMatch(/applies only to revenue-share/);
    expect(refusal('{"id":"a","retime":{"research-ip":{"sunset":"2032-02-30"}}}')).toMatch(/not a calendar date/);
    expect(refusal('[{"id":"a","ends":["research-ip"]},{"id":"a","ends":["research-ip"]}]')).toMatch(/defined twice/);
    expect(refusal('[]')).toMatch(/holds no amendment/);
  });

  it('is accepted by every command that reads a LOG, and errors exit 2 naming the file', async () => {
    const file = 'simulations/amendments/research-ip-through-2032.json';
    for (const command of ['simulate', 'validate']) {
      expect((await cli(command, HISTORY_FILE, '--amendments', file)).code, command).toBe(0);
    }
    expect((await cli('explain', HISTORY_FILE, 'research-ip', '--at', '2030-01-01', '--amendments', file)).code).toBe(
      0,
    );
    expect((await cli('diff', HISTORY_FILE, HISTORY_FILE, '--amendments', file)).code).toBe(0);
    const missing = await cli('simulate', HISTORY_FILE, '--amendments', 'no-such.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such.json: cannot read the amendment file');
    const folder = await cli('simulate', HISTORY_FILE, '--amendments', 'simulations/amendments');
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(
      'simulations/amendments: the amendment file is a folder, not a file. Fix: name the JSON file',
    );
    for (const command of ['simulate', 'explain', 'validate', 'append', 'diff']) {
      expect((await cli(command, '--help')).out, command).toContain('--amendments FILE');
    }
  });
});

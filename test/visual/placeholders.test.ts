/**
 * No rendered text carries an unfilled `{…}` placeholder (issue 10, "Pictures that never
 * mislead"): a model release's finding is judged with a mark for the end of its rights (UNTIL) and filled only when the replay
 * knows the end of the rights that cover it. Every renderer a person reads (simulate's table,
 * explain, the timeline, the report with its step data and explanations, every chart format)
 * is checked over every shipped future.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/store/log-file.ts';
import { allFutures, assumeArgs, dealsim } from './run-cli.ts';

/** A `{…}` template slot, or the noncharacter that stands for a covering term's end until it is known. */
const PLACEHOLDER = /\{[^{}\n]*\}|\uFDD0/;
const tmp = mkdtempSync(join(tmpdir(), 'placeholders-'));
let serial = 0;

/** Markup without its style and script blocks, where braces are code, not text. */
function shownMarkup(markup: string): string {
  return markup.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<script\b[\s\S]*?<\/script>/g, '');
}

/** Every string inside a JSON value: what the report's script writes into the page. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function expectFilled(texts: readonly string[], where: string): void {
  for (const text of texts) expect(PLACEHOLDER.exec(text)?.[0], where).toBeUndefined();
}

async function written(command: string, path: string, extension: string, ...args: string[]): Promise<string> {
  const output = join(tmp, `${command}-${serial++}.${extension}`);
  const { code, err } = await dealsim(command, path, ...args, '-o', output);
  expect(err).toBe('');
  expect(code).toBe(0);
  return readFileSync(output, 'utf8');
}

describe('no unfilled placeholder in any rendered text', () => {
  it('the model release of declared-2028-verified-2028 names the end of its rights in the report', async () => {
    const html = await written('report', 'simulations/declared-2028-verified-2028.jsonl', 'html');
    expect(html).toContain('cover \\"gpt-agi-2\\" until 2033-01-01');
  });

  for (const future of allFutures()) {
    it(`${future.path}: simulate, explain, timeline and report`, async () => {
      const assume = assumeArgs(future);
      const simulated = await dealsim('simulate', future.path, ...assume);
      expect(simulated.code).toBe(0);
      expectFilled([simulated.out], 'simulate');
      const last = readLog(future.path).at(-1)?.event.date ?? '2025-10-28';
      for (const term of ['model-product-ip', 'research-ip']) {
        const explained = await dealsim('explain', future.path, term, '--at', last, ...assume);
        expect(explained.code).toBe(0);
        expectFilled([explained.out], `explain ${term}`);
      }
      expectFilled([await written('timeline', future.path, 'svg', ...assume)], 'timeline');
      const html = await written('report', future.path, 'html', ...assume);
      expectFilled([shownMarkup(html)], 'report page');
      const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
      expectFilled(strings(JSON.parse(data ?? 'null')), 'report step data');
    });
  }

  it('every chart format a person reads', async () => {
    for (const format of ['mermaid', 'markdown', 'dot', 'svg']) {
      for (const all of [[], ['--all']]) {
        const { code, out } = await dealsim('chart', '--format', format, ...all);
        expect(code).toBe(0);
        expectFilled([out], `chart --format ${format} ${all.join('')}`);
      }
    }
  });
});

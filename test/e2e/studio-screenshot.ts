/**
 * Takes the README's picture of the studio, docs/studio.png, in Debian's chromium: the page
 * `npm run build:studio` wrote to docs/studio.html, opened from file:// on today's deal with an
 * AGI declaration and its verification added, the date cursor just after the verification.
 * Run by `npm run docs:studio`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { toFragment } from '../../src/studio/fragment.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';

const PAGE = 'docs/studio.html';
if (!existsSync(CHROMIUM)) throw new Error(`the screenshot needs Debian's chromium at ${CHROMIUM}`);
if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run "npm run build:studio" first`);

const future = [
  '{"type":"agi.declared","date":"2028-03-01","note":"OpenAI declares AGI (C2)"}',
  '{"type":"panel.verified","date":"2028-09-01","note":"the expert panel verifies it six months later"}',
  '{"type":"product.launched","date":"2029-02-01","name":"Agent API","api":true,"cloud":"gcp","azureFirst":false}',
].join('\n');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  await page.goto(`file://${resolve(PAGE)}${toFragment({ future, assume: [], history: 'real', at: '2028-10-01' })}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(`document.getElementById('history-panel').open = false`);
  await page.screenshot({ path: 'docs/studio.png' });
} finally {
  await browser.close();
}

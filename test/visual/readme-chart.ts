/**
 * Refreshes the Mermaid chart in README.md (between `<!-- chart:start -->` and
 * `<!-- chart:end -->`, inside the visuals block) from the machine: `npm run docs:visuals`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toMermaid } from '../../src/visual/mermaid.ts';
import { dealChart } from '../../src/visual/statechart.ts';

const readme = readFileSync('README.md', 'utf8');
const pattern = /(<!-- chart:start -->\n```mermaid\n)[\s\S]*?(```\n<!-- chart:end -->)/;
if (!pattern.test(readme)) throw new Error('README.md has no <!-- chart:start --> … <!-- chart:end --> block');
writeFileSync(
  'README.md',
  readme.replace(pattern, (_, open, close) => `${open}${toMermaid(dealChart())}${close}`),
);

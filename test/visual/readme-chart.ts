/**
 * Refreshes the chart in README.md (between `<!-- chart:start -->` and `<!-- chart:end -->`,
 * inside the visuals block) with `dealsim chart --format markdown`: `npm run docs:visuals`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toMarkdown } from '../../src/visual/mermaid.ts';
import { dealChart, picturedChart } from '../../src/visual/statechart.ts';

const readme = readFileSync('README.md', 'utf8');
const pattern = /(<!-- chart:start -->\n)[\s\S]*?(<!-- chart:end -->)/;
if (!pattern.test(readme)) throw new Error('README.md has no <!-- chart:start --> … <!-- chart:end --> block');
writeFileSync(
  'README.md',
  readme.replace(pattern, (_, open, close) => `${open}${toMarkdown(picturedChart(dealChart()))}${close}`),
);

/**
 * `dealsim chart` (issues 3, 10 and 13): the diagrams come from `dealMachine` itself. Every region
 * and state appears with its clause ID, parallel regions are concurrent regions, the pictures
 * draw only the transitions the rules can fire (the set coverage counts against; `--all` adds
 * the rest dashed), guards read as words there and keep their code names in JSON and the
 * Stately module, both of which rebuild the same machine, the SVG renders headlessly with the
 * AGI process first, and the README's chart is what the command prints today.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';
import { CHART_TRANSITIONS } from '../../src/coverage/chart.ts';
import { reachableTransitions } from '../../src/coverage/reachable.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { stateElementId, toDot } from '../../src/visual/dot.ts';
import { mermaidId, regionDiagram, toMarkdown, toMermaid } from '../../src/visual/mermaid.ts';
import {
  allNodes,
  type ChartNode,
  chartOf,
  dealChart,
  formatGuard,
  leafStates,
  picturedChart,
  transitionLabel,
} from '../../src/visual/statechart.ts';
import { toStatelyJson } from '../../src/visual/stately.ts';
import { ACTION_WORDS, GUARD_WORDS } from '../../src/visual/transition-words.ts';
import { dealsim } from './run-cli.ts';

const chart = dealChart();
const pictured = picturedChart(chart);
/** The chart without what only `dealMachine` knows of its transitions (their coverage IDs). */
const shape = (node: ChartNode): unknown => ({
  ...node,
  transitions: node.transitions.map(({ rule: _, ...rest }) => rest),
  children: node.children.map(shape),
});
/** The transitions the built-in rules can never fire, which issue 10 names. */
const NEVER_FIRED = [
  'model-product-ip.holding --panel.verified[endsOnVerification]--> model-product-ip.ended',
  'azure-commitment.holding --panel.verified[endsOnVerification]--> azure-commitment.fulfilled',
  'ip-exclusivity.suspended --panel.verified--> ip-exclusivity.holding',
  'azure-api-exclusivity.suspended --panel.verified--> azure-api-exclusivity.holding',
  'compute-threshold.lifted --panel.verified--> compute-threshold.holding',
];
const CODE_NAMES = [...Object.keys(GUARD_WORDS), ...Object.keys(ACTION_WORDS)];
const leaves = leafStates(chart);
/** Every transition the machine defines, counted straight from XState's state nodes. */
const machineTransitions = Object.values(dealMachine.root.states).flatMap((region) =>
  Object.values(region.states).flatMap((state) => [...state.transitions.values()].flat()),
);

describe('C0–C10 statechart derived from dealMachine', () => {
  it('has one region per parallel region of the machine, and every state with its clause', () => {
    expect(chart.type).toBe('parallel');
    expect(chart.children.map((region) => region.key)).toEqual(Object.keys(dealMachine.root.states));
    for (const region of chart.children) {
      const states = dealMachine.root.states[region.key]?.states ?? {};
      expect(region.children.map((state) => state.key)).toEqual(Object.keys(states));
      for (const state of region.children) {
        expect(state.clause).toBe((states[state.key]?.meta as { clause: string }).clause);
      }
    }
  });

  it('tags each holding state with its term, once per term region', () => {
    const tagged = leaves.filter((state) => state.tags.length > 0);
    expect(tagged.map((state) => state.tags[0]).sort()).toEqual([...TERM_IDS].sort());
    for (const state of tagged) expect(state.key).toBe('holding');
  });

  it('keeps every transition with its event, target and guard params', () => {
    const derived = allNodes(chart).flatMap((node) => node.transitions);
    expect(derived).toHaveLength(machineTransitions.length);
    const sunset = leaves.find((state) => state.id === 'deal.research-ip.holding')?.transitions;
    expect(sunset?.map(transitionLabel)).toContain('calendar.sunset [isOwnSunset(term=research-ip)]');
    const redeclare = leaves.find((state) => state.id === 'deal.agi.rejected')?.transitions[0];
    expect(redeclare && formatGuard(redeclare.guard ?? { name: '', params: {} })).toBe('mayRedeclare');
  });

  it('follows a changed machine: a new state appears without touching the visual code', () => {
    const other = setup({ guards: { ready: () => true } }).createMachine({
      id: 'toy',
      type: 'parallel',
      states: {
        a: {
          initial: 'x',
          states: { x: { meta: { clause: 'C7' }, on: { go: { target: 'y', guard: 'ready' } } }, y: {} },
        },
        b: { initial: 'p', states: { p: { tags: ['t'] } } },
      },
    });
    const mermaid = toMermaid(chartOf(other.root));
    expect(mermaid).toContain('state "x · C7" as toy__a__x');
    expect(mermaid).toContain('toy__a__x --> toy__a__y : go, if ready');
    expect(mermaid).toContain('state "p" as toy__b__p');
  });
});

describe('issue 10: the pictures draw only the transitions the rules can fire', () => {
  const drawn = (node: ChartNode) => new Set(allNodes(node).flatMap((n) => n.transitions.map((t) => t.rule)));

  it('draws exactly the transitions coverage finds the built-in rules and amendments can fire', () => {
    const reachable = reachableTransitions();
    expect(drawn(pictured)).toEqual(reachable);
    expect(reachable.size).toBeLessThan(CHART_TRANSITIONS.length);
    for (const id of NEVER_FIRED) expect(reachable.has(id), id).toBe(false);
  });

  it('leaves out model-product-ip and azure-commitment ending on verification, and a suspension ending back on it', async () => {
    const { out: mermaid } = await dealsim('chart');
    const { out: markdown } = await dealsim('chart', '--format', 'markdown');
    const { out: dot } = await dealsim('chart', '--format', 'dot');
    for (const text of [mermaid, markdown]) {
      expect(text).toMatch(
        /deal__model_product_ip__holding --> deal__model_product_ip__ended : calendar\.sunset[^\n]*\n/,
      );
      expect(text).not.toMatch(
        /deal__model_product_ip__holding --> deal__model_product_ip__ended : [^\n]*panel\.verified/,
      );
      expect(text).not.toMatch(
        /deal__azure_commitment__holding --> deal__azure_commitment__fulfilled : [^\n]*panel\.verified/,
      );
      expect(text).not.toMatch(
        /deal__ip_exclusivity__suspended --> deal__ip_exclusivity__holding : [^\n]*panel\.verified/,
      );
    }
    expect(dot).not.toMatch(
      /"deal\.model-product-ip\.holding" -> "deal\.model-product-ip\.ended" \[label="[^"]*panel\.verified/,
    );
    expect(dot).not.toContain('only under a user amendment');
  });

  it('--all draws the rest dashed, labelled as possible only under a user amendment', async () => {
    const all = picturedChart(chart, { all: true });
    const rules = allNodes(all).flatMap((node) => node.transitions);
    expect(rules).toHaveLength(machineTransitions.length);
    expect(rules.filter((t) => !t.firable).map((t) => t.rule)).toEqual(
      CHART_TRANSITIONS.map((t) => t.id).filter((id) => !reachableTransitions().has(id)),
    );
    const { code, out: dot } = await dealsim('chart', '--format', 'dot', '--all');
    expect(code).toBe(0);
    expect(dot).toMatch(
      /"deal\.model-product-ip\.holding" -> "deal\.model-product-ip\.ended" \[label="only under a user amendment:\\npanel\.verified, if the rule ends it on verification[^"]*", style=dashed/,
    );
    const { out: mermaid } = await dealsim('chart', '--all');
    expect(mermaid).toContain(
      'deal__azure_commitment__holding --> deal__azure_commitment__fulfilled : only under a user amendment:<br/>panel.verified, if the rule ends it on verification',
    );
  });

  it('--amendments FILE counts the file’s amendments among the rules (compute-threshold-dropped ends C8’s cap)', async () => {
    const ends =
      /deal__compute_threshold__holding --> deal__compute_threshold__ended : [^\n]*agreement\.amended, if the amendment ends it/;
    expect((await dealsim('chart')).out).not.toMatch(ends);
    const { code, out } = await dealsim('chart', '--amendments', 'simulations/amendments/agi-clause-returns.json');
    expect(code).toBe(0);
    expect(out).toMatch(ends);
  });

  it('reads guards and actions as words in every picture; the code names stay in json and stately', async () => {
    const implemented = dealMachine.implementations;
    expect(Object.keys(GUARD_WORDS).sort()).toEqual(Object.keys(implemented.guards).sort());
    expect(Object.keys(ACTION_WORDS).sort()).toEqual(Object.keys(implemented.actions).sort());
    for (const format of ['mermaid', 'markdown', 'dot', 'svg']) {
      const { out } = await dealsim('chart', '--format', format, '--all');
      for (const name of CODE_NAMES) expect(out, `${format} says ${name}`).not.toContain(name);
    }
    expect((await dealsim('chart', '--format', 'dot')).out).toContain('if the rule ends it on verification');
    for (const format of ['json', 'stately']) {
      const { out } = await dealsim('chart', '--format', format);
      for (const name of ['endsOnVerification', 'isOwnSunset', 'accrueRevenue']) expect(out).toContain(name);
    }
  });
});

describe('dealsim chart --format mermaid', () => {
  const mermaid = toMermaid(pictured);

  it('draws the parallel regions as concurrent regions separated by --', () => {
    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    const separators = mermaid.split('\n').filter((line) => line.trim() === '--');
    expect(separators).toHaveLength(chart.children.length - 1);
  });

  it('labels every state with its clause ID and draws one arrow per pair of states', () => {
    for (const state of leaves) {
      expect(mermaid).toContain(`state "${state.key} · ${state.clause}" as ${mermaidId(state.id)}\n`);
    }
    const arrows = mermaid.split('\n').filter((line) => / --> /.test(line) && !line.includes('[*]'));
    const pairs = new Set(
      allNodes(pictured).flatMap((node) => node.transitions.map((t) => `${node.id} ${t.target ?? node.id}`)),
    );
    expect(arrows).toHaveLength(pairs.size);
    expect(mermaid).toContain(
      'deal__research_ip__holding --> deal__research_ip__ended : panel.verified, if the rule ends it on verification<br/>calendar.sunset, on its own sunset date\n',
    );
  });

  it('gives every state a unique Mermaid ID', () => {
    const ids = allNodes(chart).map((node) => mermaidId(node.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('issue 13: dealsim chart --format markdown, the README’s chart', () => {
  it('draws each region as a diagram of its own, in the machine’s order, the AGI process first', async () => {
    const { code, out } = await dealsim('chart', '--format', 'markdown');
    expect(code).toBe(0);
    const titles = [...out.matchAll(/^\*\*([\w-]+) \(/gm)].map((match) => match[1]);
    expect(titles).toEqual(Object.keys(dealMachine.root.states));
    expect(titles[0]).toBe('agi');
    const blocks = [...out.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toEqual(pictured.children.map(regionDiagram));
    expect(out).toBe(toMarkdown(pictured));
  });

  it('is what the README shows between its chart markers', async () => {
    const { code, out } = await dealsim('chart', '--format', 'markdown');
    expect(code).toBe(0);
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- chart:start -->\n([\s\S]*?)<!-- chart:end -->/.exec(readme);
    expect(block, 'README.md needs the chart between <!-- chart:start --> and <!-- chart:end -->').not.toBeNull();
    expect(block?.[1], 'the README chart is stale: run npm run docs:visuals').toBe(out);
  });
});

describe('dealsim chart --format dot and svg', () => {
  it('puts each region in its own dashed cluster and gives each state an element ID', () => {
    const dot = toDot(pictured);
    for (const region of chart.children) expect(dot).toContain(`subgraph "cluster_${region.id}"`);
    for (const state of leaves) expect(dot).toContain(`id="${stateElementId(state.id)}"`);
  });

  it('renders SVG with Graphviz compiled to WebAssembly, every state present', async () => {
    const { code, out } = await dealsim('chart', '--format', 'svg');
    expect(code).toBe(0);
    expect(out).toContain('<svg');
    // Graphviz writes '-' in IDs as the entity &#45;, which the browser reads back as '-'.
    for (const state of leaves) expect(out).toContain(`id="${stateElementId(state.id).replace(/-/g, '&#45;')}"`);
    expect(out).toContain('calendar.sunset, on its own sunset date');
  });

  it('draws the regions in the machine’s order, the AGI process on top (left to right: first on the left)', async () => {
    const { out } = await dealsim('chart', '--format', 'svg');
    const order = (svg: string, axis: 'x' | 'y') =>
      [...svg.matchAll(/<title>cluster_deal\.([^<]+)<\/title>\n<path[^>]* d="M([\d.-]+),([\d.-]+)/g)]
        .map((match) => ({ region: (match[1] ?? '').replace(/&#45;/g, '-'), at: Number(match[axis === 'x' ? 2 : 3]) }))
        .sort((a, b) => a.at - b.at)
        .map((cluster) => cluster.region);
    expect(order(out, 'y')).toEqual(Object.keys(dealMachine.root.states));
    const { renderSvg } = await import('../../src/cli/commands/chart.ts');
    const across = await renderSvg(toDot(pictured, { direction: 'TB', edgeLabels: false }));
    expect(order(across, 'x')).toEqual(Object.keys(dealMachine.root.states));
  });

  it('writes the file given with -o', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chart-')), 'chart.dot');
    const { code, out } = await dealsim('chart', '--format', 'dot', '-o', file);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(toDot(pictured));
  });

  it('refuses an unknown format with the list of formats (exit 2)', async () => {
    const { code, err } = await dealsim('chart', '--format', 'png');
    expect(code).toBe(2);
    expect(err).toContain('mermaid | markdown | dot | svg | json | stately');
  });
});

describe('dealsim chart --format json and stately', () => {
  it('json is a machine config that rebuilds the same chart', async () => {
    const { code, out } = await dealsim('chart', '--format', 'json');
    expect(code).toBe(0);
    const config = JSON.parse(out);
    expect(config).toEqual(toStatelyJson(chart));
    expect(shape(chartOf(createMachine(config).root))).toEqual(shape(chart));
  });

  it('stately is the createMachine({...}) module Stately’s editor imports, and it rebuilds the same chart', async () => {
    const { code, out } = await dealsim('chart', '--format', 'stately');
    expect(code).toBe(0);
    expect(out.startsWith("import { createMachine } from 'xstate';\n\nexport const machine = createMachine({\n")).toBe(
      true,
    );
    expect(out.endsWith('});\n')).toBe(true);
    // Run the module's text as a module would run, with xstate's createMachine.
    const body = out.replace("import { createMachine } from 'xstate';", '').replace('export const machine =', 'return');
    const machine = new Function('createMachine', body)(createMachine);
    expect(shape(chartOf(machine.root))).toEqual(shape(chart));
  });
});

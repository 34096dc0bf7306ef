/**
 * `dealsim chart` (issue 3): the diagrams come from `dealMachine` itself. Every region and state
 * appears with its clause ID, parallel regions are concurrent regions, transitions carry their
 * event and guard (with params), the Stately JSON rebuilds the same machine, the SVG renders
 * headlessly, and the README's Mermaid chart is what the command prints today.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import { dealMachine } from '../../machines/deal.machine.ts';
import { TERM_IDS } from '../../src/domain/terms.ts';
import { stateElementId, toDot } from '../../src/visual/dot.ts';
import { mermaidId, toMermaid } from '../../src/visual/mermaid.ts';
import { allNodes, chartOf, dealChart, formatGuard, leafStates, transitionLabel } from '../../src/visual/statechart.ts';
import { toStatelyJson } from '../../src/visual/stately.ts';
import { dealsim } from './run-cli.ts';

const chart = dealChart();
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
    expect(mermaid).toContain('toy__a__x --> toy__a__y : go [ready]');
    expect(mermaid).toContain('state "p · tag t" as toy__b__p');
  });
});

describe('dealsim chart --format mermaid', () => {
  const mermaid = toMermaid(chart);

  it('draws the parallel regions as concurrent regions separated by --', () => {
    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    const separators = mermaid.split('\n').filter((line) => line.trim() === '--');
    expect(separators).toHaveLength(chart.children.length - 1);
  });

  it('labels every state with its clause ID and draws every transition', () => {
    for (const state of leaves) {
      expect(mermaid).toMatch(new RegExp(`state "${state.key} · ${state.clause}[^"]*" as ${mermaidId(state.id)}\\n`));
    }
    const arrows = mermaid.split('\n').filter((line) => / --> /.test(line) && !line.includes('[*]'));
    expect(arrows).toHaveLength(machineTransitions.length);
  });

  it('gives every state a unique Mermaid ID', () => {
    const ids = allNodes(chart).map((node) => mermaidId(node.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is what the README shows between its chart markers', async () => {
    const { code, out } = await dealsim('chart', '--format', 'mermaid');
    expect(code).toBe(0);
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- chart:start -->\n```mermaid\n([\s\S]*?)```\n<!-- chart:end -->/.exec(readme);
    expect(block, 'README.md needs the chart between <!-- chart:start --> and <!-- chart:end -->').not.toBeNull();
    expect(block?.[1], 'the README chart is stale: paste the output of `dealsim chart` into it').toBe(out);
  });
});

describe('dealsim chart --format dot and svg', () => {
  it('puts each region in its own dashed cluster and gives each state an element ID', () => {
    const dot = toDot(chart);
    for (const region of chart.children) expect(dot).toContain(`subgraph "cluster_${region.id}"`);
    for (const state of leaves) expect(dot).toContain(`id="${stateElementId(state.id)}"`);
  });

  it('renders SVG with Graphviz compiled to WebAssembly, every state present', async () => {
    const { code, out } = await dealsim('chart', '--format', 'svg');
    expect(code).toBe(0);
    expect(out).toContain('<svg');
    // Graphviz writes '-' in IDs as the entity &#45;, which the browser reads back as '-'.
    for (const state of leaves) expect(out).toContain(`id="${stateElementId(state.id).replace(/-/g, '&#45;')}"`);
    expect(out).toContain('isOwnSunset(term=model&#45;product&#45;ip)');
  });

  it('writes the file given with -o', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chart-')), 'chart.dot');
    const { code, out } = await dealsim('chart', '--format', 'dot', '-o', file);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(toDot(chart));
  });

  it('refuses an unknown format with the list of formats (exit 2)', async () => {
    const { code, err } = await dealsim('chart', '--format', 'png');
    expect(code).toBe(2);
    expect(err).toContain('mermaid | dot | svg | json');
  });
});

describe('dealsim chart --format json (Stately)', () => {
  it('is a machine config that rebuilds the same chart', async () => {
    const { code, out } = await dealsim('chart', '--format', 'json');
    expect(code).toBe(0);
    const config = JSON.parse(out);
    expect(config).toEqual(toStatelyJson(chart));
    expect(chartOf(createMachine(config).root)).toEqual(chart);
  });
});

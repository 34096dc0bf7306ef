/**
 * The statechart as Graphviz DOT: one dashed cluster per parallel region (the regions run
 * concurrently), in the machine's order (the AGI process first: top, or left), states labelled
 * with their clause ID, holding states (tagged with their term) drawn with a double border,
 * transitions in words, one arrow per pair of states; a transition only a user's amendment can
 * fire (drawn with `--all`) is dashed and says so. Every state node carries
 * `id="state:<full id>"` so the report can highlight the active ones.
 */
import { type Arrow, arrowLines, arrowsOf } from './arrows.ts';
import { allNodes, type ChartNode } from './statechart.ts';

/** The SVG element ID Graphviz gives a state's node. */
export function stateElementId(id: string): string {
  return `state:${id}`;
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function stateNode(node: ChartNode, indent: string): string {
  const lines = [node.key, node.clause ?? ''];
  for (const tag of node.tags) lines.push(`holds ${tag}`);
  const attributes = [
    `id=${dotString(stateElementId(node.id))}`,
    `class="state"`,
    `label=${dotString(lines.filter(Boolean).join('\n'))}`,
    `tooltip=${dotString(node.description ?? node.id)}`,
    ...(node.tags.length > 0 ? ['peripheries=2'] : []),
  ];
  return `${indent}${dotString(node.id)} [${attributes.join(', ')}];`;
}

function cluster(node: ChartNode, indent: string, direction: 'LR' | 'TB'): string[] {
  const inner = `${indent}  `;
  const label = node.type === 'parallel' ? `${node.key} (parallel)` : `${node.key} region ‖`;
  const lines = [
    `${indent}subgraph ${dotString(`cluster_${node.id}`)} {`,
    `${inner}label=${dotString(label)}; style="dashed,rounded"; color="#555555"; fontname="Helvetica"; fontsize=11;`,
  ];
  if (node.initial) {
    lines.push(`${inner}${dotString(`${node.id}.[*]`)} [shape=point, width=0.12, label=""];`);
  }
  // Graphviz stacks same-rank clusters bottom-up when it lays out left to right: reversing them
  // there puts the machine's first region on top.
  const children = node.type === 'parallel' && direction === 'LR' ? [...node.children].reverse() : node.children;
  for (const child of children) {
    if (child.children.length > 0) lines.push(...cluster(child, inner, direction));
    else lines.push(stateNode(child, inner));
  }
  lines.push(`${indent}}`);
  return lines;
}

export interface DotOptions {
  /** `LR` (default) stacks the regions; `TB` puts them side by side, as the report shows them. */
  readonly direction?: 'LR' | 'TB';
  /** Edge labels (default true); without them the chart is compact and labels become tooltips. */
  readonly edgeLabels?: boolean;
}

function edge(arrow: Arrow, labelled: boolean): string {
  const text = dotString(arrowLines(arrow).join('\n'));
  const attributes = [`${labelled ? 'label' : 'tooltip'}=${text}`];
  if (!arrow.firable) attributes.push('style=dashed', 'color="#888888"', 'fontcolor="#666666"');
  return `  ${dotString(arrow.source)} -> ${dotString(arrow.target)} [${attributes.join(', ')}];`;
}

/** The whole chart as a DOT digraph, ending with a newline. */
export function toDot(chart: ChartNode, options: DotOptions = {}): string {
  const labelled = options.edgeLabels ?? true;
  const direction = options.direction ?? 'LR';
  const edges: string[] = [];
  for (const node of allNodes(chart)) {
    if (node.initial) edges.push(`  ${dotString(`${node.id}.[*]`)} -> ${dotString(node.initial)};`);
    for (const arrow of arrowsOf(node)) edges.push(edge(arrow, labelled));
  }
  const lines = [
    `digraph ${dotString(chart.key)} {`,
    `  graph [rankdir=${direction}, fontname="Helvetica", newrank=true, nodesep=0.25, ranksep=0.5];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#333333", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8, color="#444444"];',
    ...cluster(chart, '  ', direction),
    ...edges,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

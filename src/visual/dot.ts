/**
 * The statechart as Graphviz DOT: one dashed cluster per parallel region (the regions run
 * concurrently), states labelled with their clause ID, holding states (tagged with their term)
 * drawn with a double border, transitions labelled with event, guard and actions. Every state
 * node carries `id="state:<full id>"` so the report can highlight the active ones.
 */
import { allNodes, type ChartNode, transitionLabel } from './statechart.ts';

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

function cluster(node: ChartNode, indent: string): string[] {
  const inner = `${indent}  `;
  const label = node.type === 'parallel' ? `${node.key} (parallel)` : `${node.key} region ‖`;
  const lines = [
    `${indent}subgraph ${dotString(`cluster_${node.id}`)} {`,
    `${inner}label=${dotString(label)}; style="dashed,rounded"; color="#555555"; fontname="Helvetica"; fontsize=11;`,
  ];
  if (node.initial) {
    lines.push(`${inner}${dotString(`${node.id}.[*]`)} [shape=point, width=0.12, label=""];`);
  }
  for (const child of node.children) {
    if (child.children.length > 0) lines.push(...cluster(child, inner));
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

/** The whole chart as a DOT digraph, ending with a newline. */
export function toDot(chart: ChartNode, options: DotOptions = {}): string {
  const labelled = options.edgeLabels ?? true;
  const edges: string[] = [];
  for (const node of allNodes(chart)) {
    if (node.initial) edges.push(`  ${dotString(`${node.id}.[*]`)} -> ${dotString(node.initial)};`);
    for (const transition of node.transitions) {
      const target = transition.target ?? node.id;
      const text = dotString(transitionLabel(transition));
      edges.push(`  ${dotString(node.id)} -> ${dotString(target)} [${labelled ? 'label' : 'tooltip'}=${text}];`);
    }
  }
  const lines = [
    `digraph ${dotString(chart.key)} {`,
    `  graph [rankdir=${options.direction ?? 'LR'}, fontname="Helvetica", newrank=true, nodesep=0.25, ranksep=0.5];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#333333", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8, color="#444444"];',
    ...cluster(chart, '  '),
    ...edges,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

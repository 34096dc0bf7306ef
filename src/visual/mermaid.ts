/**
 * The statechart as Mermaid `stateDiagram-v2` text, which GitHub renders in Markdown. The
 * machine's parallel regions become concurrent regions of one composite state (separated by
 * `--`), each region a labelled composite, each state labelled with its clause ID.
 */
import { type ChartNode, transitionLabel } from './statechart.ts';

/** A Mermaid-safe, unique state ID: `deal.research-ip.holding` → `deal__research_ip__holding`. */
export function mermaidId(id: string): string {
  return id
    .split('.')
    .map((part) => part.replace(/[^A-Za-z0-9]/g, '_'))
    .join('__');
}

/** Mermaid's quoted labels take no double quotes; nothing a chart defines needs them. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "'")}"`;
}

/** `holding · C4 · tag research-ip`. */
export function stateLabel(node: ChartNode): string {
  const parts = [node.key];
  if (node.clause) parts.push(node.clause);
  for (const tag of node.tags) parts.push(`tag ${tag}`);
  return parts.join(' · ');
}

function regionLabel(node: ChartNode): string {
  const clauses = [...new Set(node.children.map((child) => child.clause).filter((c): c is string => c !== null))];
  return clauses.length > 0 ? `${node.key} (${clauses.join(', ')})` : node.key;
}

function body(node: ChartNode, indent: string): string[] {
  const lines: string[] = [];
  if (node.type === 'parallel') {
    node.children.forEach((region, index) => {
      if (index > 0) lines.push(`${indent}--`);
      lines.push(...composite(region, indent));
    });
    return lines;
  }
  if (node.initial) lines.push(`${indent}[*] --> ${mermaidId(node.initial)}`);
  for (const child of node.children) {
    if (child.children.length > 0) lines.push(...composite(child, indent));
    else lines.push(`${indent}state ${quoted(stateLabel(child))} as ${mermaidId(child.id)}`);
  }
  for (const child of node.children) {
    for (const transition of child.transitions) {
      const target = mermaidId(transition.target ?? child.id);
      lines.push(`${indent}${mermaidId(child.id)} --> ${target} : ${transitionLabel(transition)}`);
    }
  }
  return lines;
}

function composite(node: ChartNode, indent: string): string[] {
  const label = node.type === 'parallel' ? `${node.key} (parallel regions)` : regionLabel(node);
  return [`${indent}state ${quoted(label)} as ${mermaidId(node.id)} {`, ...body(node, `${indent}  `), `${indent}}`];
}

/** The whole chart as `stateDiagram-v2` text, ending with a newline. */
export function toMermaid(chart: ChartNode): string {
  return `${['stateDiagram-v2', ...composite(chart, '  ')].join('\n')}\n`;
}

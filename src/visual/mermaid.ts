/**
 * The statechart as Mermaid `stateDiagram-v2` text, which GitHub renders in Markdown. Two shapes:
 * {@link toMermaid} draws the whole machine as one diagram (its parallel regions as concurrent
 * regions separated by `--`); {@link toMarkdown} draws each region as a small diagram of its own,
 * in the machine's order (the AGI process first), which stays legible at the 880 px of a README.
 * Guards and actions read as words; transitions between the same two states share one arrow.
 */
import { arrowLines, arrowsOf } from './arrows.ts';
import { type ChartNode, leafStates } from './statechart.ts';

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

/** Text after a transition's ` : `: no `;` or `#` (Mermaid reads them as syntax), lines joined. */
function edgeText(lines: readonly string[]): string {
  return lines.map((line) => line.replace(/[;#]/g, ',')).join('<br/>');
}

/** `holding · C4`. */
export function stateLabel(node: ChartNode): string {
  return node.clause ? `${node.key} · ${node.clause}` : node.key;
}

/** `research-ip (C4)`: a region with the clauses its states cite. */
export function regionLabel(node: ChartNode): string {
  const clauses = [...new Set(node.children.map((child) => child.clause).filter((c): c is string => c !== null))];
  return clauses.length > 0 ? `${node.key} (${clauses.join(', ')})` : node.key;
}

function regionBody(region: ChartNode, indent: string): string[] {
  const lines: string[] = [];
  if (region.initial) lines.push(`${indent}[*] --> ${mermaidId(region.initial)}`);
  for (const child of region.children) {
    if (child.children.length > 0) lines.push(...composite(child, indent));
    else lines.push(`${indent}state ${quoted(stateLabel(child))} as ${mermaidId(child.id)}`);
  }
  for (const child of region.children) {
    for (const arrow of arrowsOf(child)) {
      lines.push(`${indent}${mermaidId(arrow.source)} --> ${mermaidId(arrow.target)} : ${edgeText(arrowLines(arrow))}`);
    }
  }
  return lines;
}

function body(node: ChartNode, indent: string): string[] {
  if (node.type !== 'parallel') return regionBody(node, indent);
  return node.children.flatMap((region, index) => [
    ...(index > 0 ? [`${indent}--`] : []),
    ...composite(region, indent),
  ]);
}

function composite(node: ChartNode, indent: string): string[] {
  const label = node.type === 'parallel' ? `${node.key} (parallel regions)` : regionLabel(node);
  return [`${indent}state ${quoted(label)} as ${mermaidId(node.id)} {`, ...body(node, `${indent}  `), `${indent}}`];
}

/** The whole chart as one `stateDiagram-v2`, ending with a newline. */
export function toMermaid(chart: ChartNode): string {
  return `${['stateDiagram-v2', ...composite(chart, '  ')].join('\n')}\n`;
}

/**
 * One region as a diagram of its own: two states side by side, three or more stacked (drawn
 * left to right, their side-by-side labels would not fit 880 px at a legible size).
 */
export function regionDiagram(region: ChartNode): string {
  const direction = region.children.length > 2 ? 'TB' : 'LR';
  return `${['stateDiagram-v2', `  direction ${direction}`, ...regionBody(region, '  ')].join('\n')}\n`;
}

/**
 * The chart as Markdown: a line on how to read it, then each region of the machine, in its order,
 * as a titled Mermaid block of its own. This is what the README shows.
 */
export function toMarkdown(chart: ChartNode): string {
  const regions = chart.type === 'parallel' ? chart.children : [chart];
  const terms = leafStates(chart).flatMap((state) => state.tags);
  const parts = [
    `The ${regions.length} regions of \`${chart.key}\` run in parallel: every event goes to each of them at once.` +
      (terms.length > 0 ? ` A term holds while its region is in \`holding\`.` : ''),
  ];
  for (const region of regions) {
    parts.push(`**${regionLabel(region)}**\n\n\`\`\`mermaid\n${regionDiagram(region)}\`\`\``);
  }
  return `${parts.join('\n\n')}\n`;
}

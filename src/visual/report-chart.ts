/**
 * The statechart the report draws (issue 10): the transitions the rules of a future can fire,
 * the built-in ones and the amendments its log applied, regions side by side, edge labels as
 * tooltips. The pictures of the futures that apply only built-in amendments are few, one per
 * order in which a log can apply them, so the build renders them ahead (src/cli/render/report-charts.ts).
 */
import { type Amendment, BUILT_IN_AMENDMENTS } from '../domain/amendments.ts';
import { toDot } from './dot.ts';
import { dealChart, picturedChart } from './statechart.ts';

/** The report's chart as DOT, for a future that applied `applied` (by ID, in the order applied). */
export function reportChartDot(applied: Readonly<Record<string, Amendment>>): string {
  return toDot(picturedChart(dealChart(), { amendments: applied }), { direction: 'TB', edgeLabels: false });
}

/**
 * The name of the picture drawn for `applied` among those rendered ahead: the IDs in the order
 * applied; undefined when an amendment applied is not a built-in one (a user's `--amendments`).
 */
export function builtInPictureKey(applied: Readonly<Record<string, Amendment>>): string | undefined {
  const ids = Object.keys(applied);
  return ids.every((id) => Object.hasOwn(BUILT_IN_AMENDMENTS, id) && applied[id] === BUILT_IN_AMENDMENTS[id])
    ? ids.join(' ')
    : undefined;
}

/** Every sequence of distinct built-in amendments a log can apply, the empty one first. */
export function builtInSequences(): string[][] {
  const ids = Object.keys(BUILT_IN_AMENDMENTS);
  const sequences: string[][] = [[]];
  for (let at = 0; at < sequences.length; at++) {
    const sequence = sequences[at] as string[];
    for (const id of ids) if (!sequence.includes(id)) sequences.push([...sequence, id]);
  }
  return sequences;
}

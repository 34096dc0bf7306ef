/**
 * How each verdict is marked in the pictures (the timeline's markers and list, the report's
 * findings): the one place a verdict gets its symbol and colour. A verdict added to `Verdict`
 * fails to compile here until it has a mark of its own.
 */
import type { Verdict } from '../replay/findings.ts';

export interface VerdictMark {
  /** Printed before the verdict, and on the timeline for the verdicts that get a marker. */
  readonly symbol: string;
  readonly colour: string;
  /** Whether an event with this verdict gets a marker of its own on the timeline (else its kind's). */
  readonly marker: boolean;
}

export const VERDICT_MARKS: { readonly [V in Verdict]: VerdictMark } = {
  breach: { symbol: '✕', colour: '#b00020', marker: true },
  permitted: { symbol: '✓', colour: '#1b6e2e', marker: false },
  info: { symbol: 'ℹ', colour: '#333333', marker: false },
};

/** The verdicts that mark an event on the timeline, strongest first: the first an event has wins. */
export const MARKED_VERDICTS: readonly Verdict[] = (Object.keys(VERDICT_MARKS) as Verdict[]).filter(
  (verdict) => VERDICT_MARKS[verdict].marker,
);

/** The report's CSS for its verdict badges: `.verdict-breach::before { content: "✕ " }`, one per verdict. */
export function verdictCss(): string {
  return (Object.entries(VERDICT_MARKS) as [Verdict, VerdictMark][])
    .map(
      ([verdict, mark]) =>
        `.verdict-${verdict} { color: ${mark.colour}; }\n.verdict-${verdict}::before { content: "${mark.symbol} "; }`,
    )
    .join('\n');
}

/**
 * How each verdict is marked wherever people read it (the simulate table, the timeline's markers
 * and list, the report's findings): the one place a verdict gets its symbol, word and colour, so
 * `undetermined` is never drawn like a breach. A verdict added to `Verdict` fails to compile here
 * until it has a mark of its own.
 */
import type { Verdict } from '../replay/findings.ts';

export interface VerdictMark {
  /** Printed before the verdict, and on the timeline for the verdicts that get a marker; reads without colour. */
  readonly symbol: string;
  /** The word for legends and screen readers. */
  readonly label: string;
  readonly colour: string;
  /** Whether an event with this verdict gets a marker of its own on the timeline (else its kind's). */
  readonly marker: boolean;
}

export const VERDICT_MARKS: { readonly [V in Verdict]: VerdictMark } = {
  breach: { symbol: '✕', label: 'breach', colour: '#b00020', marker: true },
  undetermined: {
    symbol: '?',
    label: 'undetermined: a fact that decides it is missing',
    colour: '#8a5a00',
    marker: true,
  },
  permitted: { symbol: '✓', label: 'permitted', colour: '#1b6e2e', marker: false },
  info: { symbol: 'ℹ', label: 'information', colour: '#333333', marker: false },
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

/**
 * The arrows a picture draws: a state's transitions to the same target share one arrow, whose
 * label lists each in words; those only a user's amendment can fire get arrows of their own.
 */
import type { ChartNode, ChartTransition } from './statechart.ts';
import { ONLY_UNDER_AMENDMENT, transitionWords } from './transition-words.ts';

/** One arrow: a source, a target and every transition between them that fires alike. */
export interface Arrow {
  readonly source: string;
  readonly target: string;
  readonly firable: boolean;
  readonly transitions: readonly ChartTransition[];
}

/**
 * A state's transitions grouped into arrows: one per target (targetless ones loop on the state),
 * those only a user amendment can fire apart from the rest, in the order the machine lists them.
 */
export function arrowsOf(state: ChartNode): Arrow[] {
  const arrows: Arrow[] = [];
  for (const transition of state.transitions) {
    const target = transition.target ?? state.id;
    const same = arrows.find((arrow) => arrow.target === target && arrow.firable === transition.firable);
    if (same) (same.transitions as ChartTransition[]).push(transition);
    else arrows.push({ source: state.id, target, firable: transition.firable, transitions: [transition] });
  }
  return arrows;
}

/** The lines of an arrow's label: each transition in words, marked when only an amendment can fire it. */
export function arrowLines(arrow: Arrow): string[] {
  const lines = arrow.transitions.map(transitionWords);
  return arrow.firable ? lines : [`${ONLY_UNDER_AMENDMENT}:`, ...lines];
}

/**
 * Guards and actions as words, for the pictures people read (`chart` in Mermaid, DOT and SVG, the
 * README's chart, the report). The code names stay in `chart --format json` and `stately`. Keyed
 * by the names `dealMachine`'s `setup` gives them; test/visual/chart.test.ts fails when the
 * machine names a guard or action that has no words here.
 */
import type { ChartGuard, ChartTransition } from './statechart.ts';

/** What must be true for the transition to fire, said of the term its region tracks ("it"). */
export const GUARD_WORDS: Readonly<Record<string, string>> = {
  endsOnVerification: 'if the rule ends it on verification',
  suspendsOnDeclaration: 'if the rule suspends it on a declaration',
  endsOnDeclaration: 'if the first declaration ends it (compute-cap-lifts=first-declaration)',
  isOwnSunset: 'on its own sunset date',
  amendmentEnds: 'if the amendment ends it',
  amendmentUnsuspends: 'if the amendment releases it from the suspension (s4-agi-clause=removed)',
  mayRedeclare: 'if OpenAI may declare again (after-rejection)',
  fulfilsCommitment: 'if the total reaches $250B',
  capReached: 'if the share reaches the cap',
};

/** What the transition does besides moving; null where the move itself says it. */
export const ACTION_WORDS: Readonly<Record<string, string | null>> = {
  recordDeclaration: null,
  recordVerification: null,
  recordRejection: null,
  recordLapse: null,
  applyAmendment: 'its overlay applies',
  recordPurchase: 'adds to the total',
  accrueRevenue: 'the share accrues',
  recordRevenueOnly: 'nothing accrues',
};

/** A guard as words; a guard without words (another machine's) reads as its name. */
export function guardWords(guard: ChartGuard): string {
  return GUARD_WORDS[guard.name] ?? `if ${guard.name}`;
}

/** `panel.verified, if the rule ends it on verification`; `revenue.recognized: the share accrues`. */
export function transitionWords(transition: ChartTransition): string {
  const guard = transition.guard ? `, ${guardWords(transition.guard)}` : '';
  const done = transition.actions
    .map((action) => (action in ACTION_WORDS ? ACTION_WORDS[action] : action))
    .filter((words): words is string => typeof words === 'string');
  return `${transition.event}${guard}${done.length > 0 ? `: ${done.join(', ')}` : ''}`;
}

/** How a transition that only a user's amendment can fire is labelled when `--all` draws it. */
export const ONLY_UNDER_AMENDMENT = 'only under a user amendment';

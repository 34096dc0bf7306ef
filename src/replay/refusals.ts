/**
 * Why the chart refuses a log line (C2's AGI process, amendments that are unknown or applied
 * twice), in one place so that every fold (the reference replay, the kernel's lean fold) gives
 * the same message, place and fix.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { amendmentById } from '../domain/amendments.ts';
import { didYouMean } from '../domain/did-you-mean.ts';
import { InputError } from '../domain/errors.ts';
import type { LogEvent } from '../domain/events.ts';
import { lineRef } from '../log/parse.ts';
import type { AgiStatus } from './engine.ts';

/** Whether `event` is a step of C2's AGI process, which the chart refuses when it leaves the AGI state where it was. */
export function isAgiEvent(event: LogEvent): boolean {
  return event.type === 'agi.declared' || event.type === 'panel.verified' || event.type === 'panel.rejected';
}

/**
 * Whether `event` changes the rules a day's conduct is judged by: a step of C2's AGI process or an
 * amendment. It takes effect for its whole day, so every fold takes it before that day's conduct.
 */
export function changesRules(event: LogEvent): boolean {
  return isAgiEvent(event) || event.type === 'agreement.amended';
}

/** Where a refused line is: its line, and the history's name (`file`) for a history line. */
export interface LinePlace {
  readonly line: number;
  readonly file?: string;
}

/** Where an error on a line points: its line, and `origin` (the history's name) as the file of a history line. */
export function placeOf(line: number, origin: string | undefined): LinePlace {
  return origin === undefined ? { line } : { line, file: origin };
}

/**
 * What a refusal of a user's line adds to its fix when history lines brought about what refuses
 * it (`fromHistory`): the future can still be replayed alone, on the deal as signed. Empty for a
 * history line, and when the history had no part in it.
 */
export function orAloneHint(fromHistory: boolean, origin: string | undefined): string {
  return fromHistory && origin === undefined
    ? '; or replay your future alone, on the deal as signed, with --history none'
    : '';
}

/** Where an amendment was applied: its line, and the history's name for a history line. */
export interface AppliedAt {
  readonly line: number;
  readonly origin: string | undefined;
}

/**
 * Why an `agreement.amended` line at `place` (`origin` the history's name for a history line) is
 * refused, or undefined when it is accepted: the amendment is unknown in `context`, or was
 * applied before at `earlier`. Shared by every fold, so each engine gives the same message.
 */
export function amendmentRefusal(
  amendment: string,
  place: LinePlace,
  origin: string | undefined,
  context: DealContext,
  earlier: AppliedAt | undefined,
): InputError | undefined {
  if (!amendmentById(context.amendments, amendment)) {
    const known = Object.keys(context.amendments);
    return new InputError(`unknown amendment "${amendment}"${didYouMean(amendment, known)}`, {
      ...place,
      hint: `name one of ${known.join(', ')}, or supply your own with --amendments FILE`,
    });
  }
  if (earlier !== undefined) {
    return new InputError(`amendment ${amendment} was already applied on ${lineRef(earlier.line, earlier.origin)}`, {
      ...place,
      hint: `an amendment applies once; remove this line${orAloneHint(earlier.origin !== undefined, origin)}`,
    });
  }
  return undefined;
}

/**
 * The error for an AGI-process event the chart does not take: `agi` and `context` are the
 * state before the event (C2). Shared by every fold, so each engine gives the same message.
 */
export function agiRefusal(
  event: LogEvent,
  place: LinePlace,
  agi: AgiStatus,
  context: DealContext,
  orAlone: string,
): InputError {
  const { declaredOn, verifiedOn, rejectedOn, lapsedOn } = context.agi;
  const refuse = (why: string, hint: string) =>
    new InputError(`${event.type} is not allowed here: AGI state is "${agi}"; ${why}`, {
      ...place,
      hint: `${hint}${orAlone}`,
    });
  if (event.type === 'agi.declared') {
    if (agi === 'pending') {
      return refuse(
        `the declaration of ${declaredOn} is still before the panel`,
        'add a panel.verified or panel.rejected line before this one, or remove this declaration',
      );
    }
    if (agi === 'verified')
      return refuse(`AGI was verified on ${verifiedOn}; there is nothing left to declare`, 'remove this line');
    return refuse(
      `the assumption after-rejection=final forbids declaring again after ${lapsedOn ? `the declaration lapsed unruled on ${lapsedOn} (panel-deadline-days), which counts as a rejection` : `the rejection of ${rejectedOn}`}`,
      'remove this line, or run with --assume after-rejection=redeclare',
    );
  }
  if (agi === 'none') {
    return refuse(
      'no declaration is pending',
      `add an agi.declared line dated on or before ${event.date} above this ruling`,
    );
  }
  if (agi === 'verified') return refuse(`the panel already verified AGI on ${verifiedOn}`, 'remove this line');
  const ended = lapsedOn ? `lapsed unruled on ${lapsedOn} (panel-deadline-days)` : `was rejected on ${rejectedOn}`;
  return refuse(
    `the declaration of ${declaredOn} ${ended}`,
    'add a new agi.declared line before this ruling, or remove it',
  );
}

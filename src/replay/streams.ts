/**
 * The replay as rxjs streams, for applications that receive events as they happen: log events
 * in, one `ReplayStep` out per step (calendar deadlines included), the final answer at the end.
 * The same fold as `replay()`; an invalid event errors the stream with its InputError. A conduct
 * event's step comes once its day is over (a later event arrives, or the stream completes): an
 * AGI step or amendment later that day still takes effect for the whole day.
 */
import { Observable } from 'rxjs';
import type { DealInput } from '../../machines/deal.machine.ts';
import type { LoggedEvent } from '../log/parse.ts';
import { type Engine, xstateEngine } from './engine.ts';
import { finishReplay, type Replayed, type ReplayStep, replayEvent, startReplay } from './replay.ts';

/** What {@link replay$} emits: each step as it is folded, then the finished replay. */
export type ReplayNotification =
  | { readonly kind: 'step'; readonly step: ReplayStep }
  | { readonly kind: 'done'; readonly replayed: Replayed };

/** Folds `events$` through the statechart, emitting every step and, on completion, the result. */
export function replay$<S>(
  events$: Observable<LoggedEvent>,
  input: DealInput,
  engine: Engine<S> = xstateEngine as unknown as Engine<S>,
): Observable<ReplayNotification> {
  return new Observable<ReplayNotification>((subscriber) => {
    const emit = (step: ReplayStep) => subscriber.next({ kind: 'step', step });
    let state = startReplay(engine, input);
    return events$.subscribe({
      next: (logged) => {
        try {
          state = replayEvent(engine, state, logged, emit);
        } catch (error) {
          subscriber.error(error);
        }
      },
      error: (error) => subscriber.error(error),
      complete: () => {
        try {
          subscriber.next({ kind: 'done', replayed: finishReplay(engine, state, emit) });
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      },
    });
  });
}

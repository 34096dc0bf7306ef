import { concat, firstValueFrom, from, Subject, throwError, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import { InputError } from '../../src/domain/errors.ts';
import { parseLog } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';
import { type ReplayNotification, replay$ } from '../../src/replay/streams.ts';

const input = { assumptions: DEFAULT_ASSUMPTIONS };
const log = parseLog(
  [
    '{"type":"agi.declared","date":"2028-03-01"}',
    '{"type":"product.launched","date":"2028-04-01","name":"Agent API","api":true,"cloud":"aws"}',
    '{"type":"panel.verified","date":"2028-09-01"}',
  ].join('\n'),
);

describe('C2, C4 replay as an rxjs stream', () => {
  it('emits one step per event and calendar deadline, then the same answer as replay()', async () => {
    const seen = await firstValueFrom(replay$(from(log), input).pipe(toArray()));
    const steps = seen.filter((n): n is Extract<ReplayNotification, { kind: 'step' }> => n.kind === 'step');
    expect(steps.map((n) => n.step.cause.event)).toEqual([
      'agi.declared',
      'product.launched',
      'panel.verified',
      'calendar.sunset',
    ]);
    expect(steps[2]?.step.holding).not.toContain('research-ip');
    const done = seen.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind === 'done') expect(done.replayed.timelines).toEqual(replay(log, input).timelines);
  });

  it('follows events as they arrive: a breach is known once its day is over, before the log ends', () => {
    const events = new Subject<(typeof log)[number]>();
    const verdicts: string[] = [];
    replay$(events, input).subscribe((n) => {
      if (n.kind === 'step') verdicts.push(...n.step.findings.map((f) => f.verdict));
    });
    events.next(log[0] as (typeof log)[number]);
    events.next(log[1] as (typeof log)[number]);
    // A verification later on 2028-04-01 would still take effect for the whole day: the launch waits.
    expect(verdicts).toEqual([]);
    events.next(log[2] as (typeof log)[number]);
    expect(verdicts).toEqual(['breach']);
  });

  it('errors the stream with the line of an event the AGI process refuses (C2)', async () => {
    const refused = parseLog('{"type":"panel.verified","date":"2028-01-01"}');
    const error = await firstValueFrom(replay$(from(refused), input)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(1);
  });

  it('errors the stream with the source’s own error, after the steps it folded (a log reader refusing a line)', () => {
    const unreadable = new InputError('not valid JSON (Unexpected end of JSON input)', { line: 2, file: 'f.jsonl' });
    const seen: string[] = [];
    // from() and throwError() emit synchronously: by the time subscribe returns, all is known.
    replay$(
      concat(
        from(log.slice(0, 1)),
        throwError(() => unreadable),
      ),
      input,
    ).subscribe({
      next: (n) => seen.push(n.kind),
      error: (error: unknown) => seen.push(error === unreadable ? 'the source’s error' : String(error)),
      complete: () => seen.push('complete'),
    });
    expect(seen).toEqual(['step', 'the source’s error']);
  });
});

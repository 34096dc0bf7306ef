/**
 * The people's findings off a terminal (a file, a pipe) are spilled as the bytes they print,
 * with marks for each cell's padding and each covered `{until}`, and filled in at the end. They
 * must print exactly the table the record path lays out for a terminal wide enough that nothing
 * wraps: same padding, same rule widths (covered reasons measured with their ends filled in),
 * same trimmed line ends, whatever the names hold (escapes, wide and multi-byte characters,
 * `{until}` itself, trailing spaces; a cloud's own name ends a reason), with history line
 * references and sources, and wherever the spill's pieces cut a mark.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { holdingMask, observedFinding, SimulationOutput } from '../../src/cli/simulation-output.ts';
import type { Assumptions } from '../../src/domain/assumptions.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { branchFrom, historyUsed, parseHistory } from '../../src/history/history.ts';
import type { LoggedEvent } from '../../src/log/parse.ts';
import { replay } from '../../src/replay/replay.ts';

/** Wide enough that no table wraps: the record path then lays out what a file gets. */
const NO_WRAP_WIDTH = 1_000_000;

const HISTORY = parseHistory(
  [
    '{"type":"model.released","date":"2025-11-01","name":"hist\\u001b[2Jmodel","internalOnly":true}',
    '{"type":"product.launched","date":"2025-12-01","name":"p","api":true,"cloud":"aws","source":"https://example.com/a"}',
  ].join('\n'),
  'hist.jsonl',
  'hist',
);

/** Names that stress the layout: escapes, wide and combining characters, tabs, `{until}`, trailing spaces. */
const hostileName = fc.oneof(
  fc.constantFrom(
    'gpt-6',
    '{until}',
    'x {until} ',
    'trailing   ',
    '\u001b[31mred\u001b[0m',
    'tab\there',
    '模型🧪',
    'e\u0301',
    '\u202eevil',
    ' ',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);

const futures = futureArbitrary({ amendments: true, maxEvents: 14 }).chain((future) =>
  fc
    .tuple(
      fc.array(hostileName, { minLength: future.events.length, maxLength: future.events.length }),
      fc.array(fc.constantFrom(undefined, 'https://example.com/src', 'https://example.com/other'), {
        minLength: future.events.length,
        maxLength: future.events.length,
      }),
      fc.array(fc.constantFrom('aws', 'own cloud  ', 'nbsp\u00a0', '云 '), {
        minLength: future.events.length,
        maxLength: future.events.length,
      }),
    )
    .map(([names, sources, clouds]) => ({
      assumptions: future.assumptions,
      events: future.events.map((logged, i): LoggedEvent => {
        const event = logged.event as LogEvent & { name?: string };
        const named = 'name' in event ? { ...event, name: names[i] as string } : event;
        // A provider dealsim does not know keeps its own name, which ends the reason.
        const renamed = 'cloud' in named && named.cloud !== 'azure' ? { ...named, cloud: clouds[i] as string } : named;
        const source = sources[i];
        return { ...logged, event: (source === undefined ? renamed : { ...renamed, source }) as LogEvent };
      }),
    })),
);

function printed(
  events: readonly LoggedEvent[],
  assumptions: Assumptions,
  width: number | undefined,
  color: boolean,
  spillBytes?: number,
): string {
  const output = new SimulationOutput(false, color, 'fut\u0007ure.jsonl', width, spillBytes);
  try {
    const summary = replay(
      [...branchFrom(HISTORY, events)],
      { assumptions },
      {
        onStep: (step) => {
          for (const found of step.findings) output.finding(observedFinding(found));
          output.step(step.cause, holdingMask(step.holding), step.findings.length, step.findings.map(observedFinding));
        },
      },
    );
    // Colour on, as the CLI sets it: for the output and its terminal alike.
    const io = memoryIo({ color });
    output.print(io, summary, historyUsed(HISTORY));
    return io.stdout();
  } finally {
    output.close();
  }
}

describe('C0 people’s findings off a terminal', () => {
  test.prop([futures, fc.integer({ min: 1, max: 48 }), fc.boolean()], { numRuns: 150 })(
    'print the table the record path lays out when nothing wraps, whatever the spill’s piece size, in colour or not',
    ({ assumptions, events }, spillBytes, color) => {
      const rows = printed(events, assumptions, undefined, color, spillBytes);
      expect(rows).toBe(printed(events, assumptions, NO_WRAP_WIDTH, color));
      expect(rows).not.toContain('\u0000');
      // User text never reaches the output raw; only dealsim's own styles do, when colour is on.
      const unstyled = rows.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
      expect(unstyled).not.toContain('\u001b');
      if (!color) expect(unstyled).toBe(rows);
    },
  );
});

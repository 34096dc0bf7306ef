/**
 * Amendments as findings (CLAUSES.md, "Conduct events and their verdicts"; C9, S3, S4): the line
 * that applies an amendment is cited as S3 or S4 for the built-in ones and C0 for a user's own
 * overlay, with the amendment's summary; the line whose accrual reaches the cap names the
 * amendment whose cap is in force and its amount as written. Overlays come from an amendment file
 * as `--amendments` reads it, so any ID the file format allows must work.
 */
import { describe, expect, it } from 'vitest';
import { parseAmendmentFile } from '../../src/domain/amendment-file.ts';
import { BUILT_IN_AMENDMENTS } from '../../src/domain/amendments.ts';
import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions.ts';
import type { LogEvent } from '../../src/domain/events.ts';
import { replay } from '../../src/replay/replay.ts';

const catalog = (...overlays: object[]) => parseAmendmentFile(JSON.stringify(overlays), 'overlays.json');
const replayWith = (amendments: ReturnType<typeof catalog>, ...events: object[]) =>
  replay(
    events.map((event, i) => ({ line: i + 1, event: event as LogEvent })),
    { assumptions: DEFAULT_ASSUMPTIONS, amendments },
  );
const amended = (date: string, amendment: string) => ({ type: 'agreement.amended', date, amendment });
const revenue = (date: string, amountUsd: number) => ({ type: 'revenue.recognized', date, amountUsd });
/** The finding of the last line, which in these futures is the revenue line that reaches a cap. */
const last = (replayed: ReturnType<typeof replay>) => replayed.findings.at(-1);

describe('S3, S4, C0 the line that applies an amendment', () => {
  it('cites S3 or S4 for the built-in ones and C0 for an overlay, each with its summary', () => {
    const amendments = catalog({
      id: 'research-2032',
      summary: 'research IP through 2032',
      retime: { 'research-ip': { through: 2032 } },
    });
    const replayed = replayWith(
      amendments,
      amended('2026-02-27', '2026-02-27'),
      amended('2026-04-27', '2026-04-27'),
      amended('2026-05-01', 'research-2032'),
    );
    expect(replayed.findings.map(({ verdict, clause, reason }) => [verdict, clause, reason])).toEqual([
      ['info', 'S3', `amendment 2026-02-27 applies from 2026-02-27: ${BUILT_IN_AMENDMENTS['2026-02-27']?.summary}`],
      ['info', 'S4', `amendment 2026-04-27 applies from 2026-04-27: ${BUILT_IN_AMENDMENTS['2026-04-27']?.summary}`],
      ['info', 'C0', 'amendment research-2032 applies from 2026-05-01: research IP through 2032'],
    ]);
  });

  it('takes an overlay named "undefined" like any other ID the file format allows', () => {
    const amendments = catalog({ id: 'undefined', ends: ['compute-threshold'] });
    const replayed = replayWith(amendments, revenue('2026-01-01', 1e9), amended('2026-05-01', 'undefined'));
    expect(replayed.findings.map(({ line, clause }) => [line, clause])).toEqual([
      [1, 'C9'],
      [2, 'C0'],
    ]);
    expect(replayed.timelines['compute-threshold'].map(({ until }) => until)).toEqual(['2026-05-01']);
  });
});

describe('C9, S4 the line that reaches the cap names the cap in force', () => {
  // $190B of revenue at 20% accrues exactly S4's assumed $38B.
  it('S4’s cap, when later overlays leave the cap alone (one re-times another term, one only ends a term)', () => {
    const amendments = catalog(
      { id: 'research-2032', retime: { 'research-ip': { through: 2032 } } },
      { id: 'no-compute-cap', ends: ['compute-threshold'] },
    );
    const replayed = replayWith(
      amendments,
      amended('2026-04-27', '2026-04-27'),
      amended('2026-05-01', 'research-2032'),
      amended('2026-05-02', 'no-compute-cap'),
      revenue('2027-01-01', 190e9),
    );
    expect(last(replayed)).toMatchObject({
      verdict: 'info',
      clause: 'S4',
      reason: '$38B accrues to Microsoft at 20%; $38B accrued in all: the S4 cap of $38B is reached',
    });
  });

  it('an overlay’s own fixed cap, named as the overlay’s and cited C9, at its amount as written', () => {
    const amendments = catalog({ id: 'cap-10b', retime: { 'revenue-share': { capUsd: 10e9 } } });
    const replayed = replayWith(amendments, amended('2026-05-01', 'cap-10b'), revenue('2027-01-01', 60e9));
    expect(last(replayed)).toMatchObject({
      clause: 'C9',
      reason:
        '$10B accrues to Microsoft at 20%; $10B accrued in all: the cap of amendment "cap-10b" of $10B is reached',
    });
  });

  it('an overlay attributed to S3 or S4 is cited and named by that source', () => {
    const amendments = catalog(
      { id: 's3-reading', source: 'S3', retime: { 'revenue-share': { capUsd: 10e9 } } },
      { id: 's4-reading', source: 'S4', retime: { 'revenue-share': { capUsd: 'assumed' } } },
    );
    const s3 = replayWith(amendments, amended('2026-05-01', 's3-reading'), revenue('2027-01-01', 60e9));
    expect(last(s3)).toMatchObject({
      clause: 'S3',
      reason: expect.stringMatching(/: the S3 cap of \$10B is reached$/),
    });
    const s4 = replayWith(amendments, amended('2026-05-01', 's4-reading'), revenue('2027-01-01', 190e9));
    expect(last(s4)).toMatchObject({
      clause: 'S4',
      reason: expect.stringMatching(/: the S4 cap of \$38B is reached$/),
    });
  });

  it('the cap of the amendment applied last, not of one merely in the catalogue or applied before', () => {
    // An overlay named "undefined" with a low cap, applied before S4: S4's cap replaces it.
    const amendments = catalog({ id: 'undefined', retime: { 'revenue-share': { capUsd: 5e9 } } });
    const replayed = replayWith(
      amendments,
      amended('2026-02-01', 'undefined'),
      amended('2026-04-27', '2026-04-27'),
      revenue('2027-01-01', 190e9),
    );
    expect(last(replayed)).toMatchObject({
      clause: 'S4',
      reason: expect.stringMatching(/: the S4 cap of \$38B is reached$/),
    });
  });
});

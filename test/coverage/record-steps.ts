/**
 * Test-suite clause coverage (vitest.coverage.config.ts, `npm run coverage:tests`): while the
 * suite runs, every step any test takes through the XState engines (pure `transition` and live
 * actor) is recorded, and each test file writes what it exercised to
 * $DEALSIM_CLAUSE_COVERAGE/<uuid>.json for `dealsim coverage` to merge. Off unless that variable
 * is set. Steps taken in child processes (CLI end-to-end tests) or on the compiled kernel alone
 * are not seen; the kernel's own tests replay the same futures on XState too.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { emptyExercised, recordStep } from '../../src/coverage/recorder.ts';
import { toExercisedJson } from '../../src/coverage/report.ts';
import { actorEngine, xstateEngine } from '../../src/replay/engine.ts';

const folder = process.env.DEALSIM_CLAUSE_COVERAGE;

if (folder) {
  const exercised = emptyExercised();
  let futures = 0;
  const { start: pureStart, step: pureStep } = xstateEngine;
  const { start: actorStart, step: actorStep } = actorEngine;
  xstateEngine.start = (input) => {
    futures++;
    return pureStart(input);
  };
  xstateEngine.step = (before, event) => {
    const after = pureStep(before, event);
    recordStep(exercised, before, event, after);
    return after;
  };
  actorEngine.start = (input) => {
    futures++;
    return actorStart(input);
  };
  actorEngine.step = (actor, event) => {
    const before = actor.getSnapshot();
    actorStep(actor, event);
    recordStep(exercised, before, event, actor.getSnapshot());
    return actor;
  };
  afterAll(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${randomUUID()}.json`), JSON.stringify(toExercisedJson(exercised, futures)));
  });
}

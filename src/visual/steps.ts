/**
 * The report's stepper data: one compact record per replay step (log events and the calendar
 * deadlines the replay delivers), collected through replay's `onStep`. Each record says the
 * date, what happened, its findings and every region's state as one digit per region, so a
 * 10,000-event future fits in a small JSON block and the page can diff two steps cheaply.
 */
import type { DealInput } from '../../machines/deal.machine.ts';
import { EFFECTIVE_DATE } from '../domain/dates.ts';
import type { EventStatus } from '../domain/events.ts';
import { TERM_IDS, type TermId } from '../domain/terms.ts';
import { kernelEngine } from '../kernel/engine.ts';
import {
  type FoldObserver,
  type FoldState,
  finishFold,
  foldEvent,
  type ObservedFinding,
  startFold,
} from '../kernel/fold.ts';
import { type LoggedEvent, lineRef } from '../log/parse.ts';
import { nextCalendarEvent } from '../replay/calendar.ts';
import { type Engine, xstateEngine } from '../replay/engine.ts';
import type { Finding } from '../replay/findings.ts';
import type { Cause } from '../replay/intervals.ts';
import { fillCoverage, type Replayed, type ReplayStep, replay } from '../replay/replay.ts';
import { eventLabel } from './event-label.ts';
import type { ChartNode } from './statechart.ts';

/** What a region's state means for the term it tracks; `other` for the agi and agreement regions. */
export type RegionStatus = 'holding' | 'suspended' | 'ended' | 'other';

export interface RegionInfo {
  readonly key: string;
  /** The term this region tracks (its holding state's tag), if any. */
  readonly term: string | null;
  readonly states: readonly { readonly key: string; readonly id: string; readonly status: RegionStatus }[];
}

/**
 * The regions of the chart with each state's meaning, derived from the chart: the tagged state
 * holds, a state with a way back to it is suspended, any other state of a term region has ended.
 */
export function regionsOf(chart: ChartNode): RegionInfo[] {
  return chart.children.map((region) => {
    const holding = region.children.find((state) => state.tags.length > 0);
    return {
      key: region.key,
      term: holding?.tags[0] ?? null,
      states: region.children.map((state) => {
        let status: RegionStatus = 'other';
        if (holding) {
          if (state === holding) status = 'holding';
          else if (state.transitions.some((t) => t.target === holding.id)) status = 'suspended';
          else status = 'ended';
        }
        return { key: state.key, id: state.id, status };
      }),
    };
  });
}

/** `[date, event index or -1, label, state codes, first finding, finding count]`. */
export type CompactStep = readonly [string, number, string, string, number, number];

export interface ReportSteps {
  readonly replayed: Replayed;
  readonly steps: readonly CompactStep[];
  /** Every finding, in step order: `[line reference (`line 4`, `history:4`), verdict, clause, reason]`. */
  readonly findings: readonly (readonly [string, string, string, string])[];
}

function stateCodes(regions: readonly RegionInfo[], value: Record<string, string>): string {
  return regions
    .map((region) => {
      const index = region.states.findIndex((state) => state.key === value[region.key]);
      if (index < 0 || index > 35) throw new TypeError(`region ${region.key} is in unknown state ${value[region.key]}`);
      return index.toString(36);
    })
    .join('');
}

/**
 * Replays the future once, recording the initial state and every step; on XState's interpreter
 * unless another engine is given (the report and the studio pass the compiled kernel, which
 * replays on its lean fold: the same steps and findings, without the replay's objects per step).
 */
export function collectSteps<S>(
  events: readonly LoggedEvent[],
  input: DealInput,
  chart: ChartNode,
  engine: Engine<S> = xstateEngine as unknown as Engine<S>,
): ReportSteps {
  const regions = regionsOf(chart);
  const initial = engine.stateValue(engine.start(input));
  const steps: CompactStep[] = [
    [EFFECTIVE_DATE, -1, 'the agreement takes effect (S1)', stateCodes(regions, initial), 0, 0],
  ];
  if ((engine as Engine<unknown>) === kernelEngine) {
    const replayed = collectOnKernel(events, input, regions, steps);
    return { replayed, steps, findings: replayed.findings.map(compactFinding) };
  }
  // History lines and the user's are numbered apart (`history:4`, `line 4`): key them by reference.
  const indexByLine = new Map(events.map((logged, index) => [lineRef(logged.line, logged.origin), index]));
  let recorded = 0;
  const onStep = (step: ReplayStep) => {
    const first = recorded;
    recorded += step.findings.length;
    const index = step.cause.line === null ? -1 : (indexByLine.get(lineRef(step.cause.line, step.cause.origin)) ?? -1);
    steps.push([
      step.cause.date,
      index,
      step.cause.line === null ? `calendar: ${eventLabel(step.event)}` : eventLabel(step.event),
      stateCodes(regions, step.stateValue),
      first,
      step.findings.length,
    ]);
  };
  const replayed = replay(events, input, { engine, onStep });
  // A step's findings are as judged on its day; the replay's own list has the same findings in the
  // same order with what only the end knows filled in (the date a released model's rights end).
  if (replayed.findings.length !== recorded) {
    throw new TypeError(`the replay returned ${replayed.findings.length} findings for ${recorded} judged`);
  }
  return { replayed, steps, findings: replayed.findings.map(compactFinding) };
}

function compactFinding(finding: Finding): [string, string, string, string] {
  return [lineRef(finding.line, finding.origin), finding.verdict, finding.clause, finding.reason];
}

/**
 * {@link collectSteps} on the kernel's lean fold, watched as `simulate` watches it: each step's
 * record as the replay's `onStep` would give it, and the replay's answer (findings with what only
 * the end knows filled in). A log step is the line being folded; a calendar step's event is the
 * one the replay delivers from the state before it, asked of the same calendar. The differential
 * tests hold both paths equal.
 */
function collectOnKernel(
  events: readonly LoggedEvent[],
  input: DealInput,
  regions: readonly RegionInfo[],
  steps: CompactStep[],
): Replayed {
  const found: Finding[] = [];
  /** State codes by configuration: the kernel's state value is a function of its configuration alone. */
  const codes = new Map<number, string>();
  const start = kernelEngine.start(input);
  /** The state and date the last step left, from which the calendar's next deadline is asked. */
  let config = start.config;
  let context = start.context;
  let today = EFFECTIVE_DATE;
  /** The index in `events` of each line, by its reference: a day's conduct is taken after the day's AGI steps and amendments. */
  const indexOf = new Map(events.map(({ line, origin }, index) => [lineRef(line, origin), index]));
  let recorded = 0;
  const calendarEvent = (cause: Cause) => {
    const state = { config, context };
    const due = nextCalendarEvent(
      {
        context,
        agi: kernelEngine.agiStatus(state),
        termEnded: (t) => kernelEngine.termStatus(state, TERM_IDS[t] as TermId) === 'ended',
      },
      today,
    );
    if (due?.type !== cause.event || due.date !== cause.date) {
      throw new TypeError(
        `the fold delivered ${cause.event} on ${cause.date}, the calendar says ${due?.type} on ${due?.date}`,
      );
    }
    return due;
  };
  const observer: FoldObserver = {
    finding: (finding) => {
      found.push(asFinding(finding));
    },
    step: (cause, _holding, count) => {
      let label: string;
      let index = -1;
      if (cause.line === null) {
        label = `calendar: ${eventLabel(calendarEvent(cause))}`;
      } else {
        const at = indexOf.get(lineRef(cause.line, cause.origin));
        const logged = at === undefined ? undefined : events[at];
        if (logged === undefined) {
          throw new TypeError(`the fold stepped on ${lineRef(cause.line, cause.origin)}, not a line of the future`);
        }
        label = eventLabel(logged.event);
        index = at as number;
      }
      config = fold.config;
      context = fold.context;
      today = fold.today;
      let stateCode = codes.get(config);
      if (stateCode === undefined) {
        stateCode = stateCodes(regions, kernelEngine.stateValue({ config, context }));
        codes.set(config, stateCode);
      }
      steps.push([cause.date, index, label, stateCode, recorded, count]);
      recorded += count;
    },
  };
  const fold: FoldState = startFold(input, { observer });
  for (const logged of events) foldEvent(fold, logged);
  const folded = finishFold(fold);
  const timelines = folded.timelines;
  return {
    input: { ...input, assumptions: input.assumptions },
    agi: folded.agi,
    context: folded.context,
    timelines,
    findings: found.map((finding) => fillCoverage(finding, timelines)),
    lastEventDate: folded.lastEventDate,
  };
}

/** The fold's finding as the replay records it: the fields it leaves out absent, not undefined. */
function asFinding(observed: ObservedFinding): Finding {
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    line: observed.line,
    date: observed.date,
    type: observed.type,
    verdict: observed.verdict,
    clause: observed.clause,
    reason: observed.reason,
    status: observed.status as EventStatus,
  };
  if (observed.origin !== undefined) finding.origin = observed.origin;
  if (observed.source !== undefined) finding.source = observed.source;
  if (observed.coveredBy !== undefined) finding.coveredBy = observed.coveredBy;
  if (observed.missingFacts !== undefined) finding.missingFacts = observed.missingFacts;
  if (observed.outcomes !== undefined) finding.outcomes = observed.outcomes;
  return finding;
}

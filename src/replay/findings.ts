/**
 * Verdicts on conduct (CLAUSES.md, "Conduct events and their verdicts"): each event that says
 * what a party did is judged against the terms as they stand after every earlier line. A verdict
 * is never stronger than the facts: when a fact that decides it is missing from the event, the
 * verdict is `undetermined` and the finding says what each value of the fact would give.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { amendmentById } from '../domain/amendments.ts';
import type { ClauseId, SourceId } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { EventStatus, LogEvent, LogEventOf, LogEventType } from '../domain/events.ts';
import { formatUsd, formatUsdExact, formatUsdUnder, toCents } from '../domain/money.ts';
import { formatNumber } from '../domain/numbers.ts';
import type { TermId } from '../domain/terms.ts';

/**
 * A finding's verdict: conduct `permitted` or in `breach` of a clause, `undetermined` when a fact
 * it turns on is missing from the line, or `info` (a fact recorded, such as revenue accruing).
 */
export type Verdict = 'permitted' | 'breach' | 'undetermined' | 'info';

/**
 * Stands in a covered finding's reason for the end of the covering term, which is known only
 * when the replay ends (`fillCoverage` in replay.ts, or the CLI's streamed output, puts it in).
 * A Unicode noncharacter (U+FDD0), which no string of a log may hold (events.ts), so filling it
 * can never touch a name quoted in the same reason.
 */
export const UNTIL = '\uFDD0';

/** Every verdict, in the order tables and counts list them. */
export const VERDICTS: readonly Verdict[] = ['permitted', 'breach', 'undetermined', 'info'];

/**
 * Facts whose absence leaves a verdict open. Other optional fields have an ordinary meaning when
 * absent (no `thirdParty`: first-party; no `stateful`: stateless; no `azureCannotSupport`: the S4
 * exception not invoked) and are never missing.
 */
export type MissingFact = 'meetsCapabilityCriteria' | 'azureFirst' | 'safetyGuardrails';

/** What a finding would be with its missing facts given these values. */
export interface Outcome {
  readonly facts: Readonly<Partial<Record<MissingFact, boolean>>>;
  readonly verdict: Exclude<Verdict, 'undetermined'>;
  readonly clause: Citation;
  readonly reason: string;
}

/** What decides a finding: a clause of the agreement, or the amendment (S3, S4) that changed it. */
export type Citation = ClauseId | SourceId;

/**
 * A verdict on one log line: permitted, breach or info, the clause or source that decides it, and
 * the reason in words.
 */
export interface Finding {
  readonly line: number;
  /** The history the line belongs to (`history` for the built-in one); absent for the user's own file. */
  readonly origin?: string;
  readonly date: IsoDate;
  readonly type: LogEventType;
  readonly verdict: Verdict;
  readonly clause: Citation;
  readonly reason: string;
  /** How far the public record supports the event: the line's `status`, `hypothetical` when it gives none. */
  readonly status: EventStatus;
  /** The line's `source` URL, when it gives one. */
  readonly source?: string;
  /** For model releases: the term whose rights cover the model; `UNTIL` in the reason stands for its end until the replay fills it in. */
  readonly coveredBy?: TermId;
  /** For `undetermined`: the facts the event leaves out, and the finding under each of their values. */
  readonly missingFacts?: readonly MissingFact[];
  readonly outcomes?: readonly Outcome[];
}

/** The terms as they stand when an event is judged, and the ledger after it. */
export interface JudgeView {
  readonly holds: (term: TermId) => boolean;
  readonly before: DealContext;
  readonly after: DealContext;
}

/** Why a verdict is undetermined: the missing facts and the outcome under each of their values. */
export interface Openness {
  readonly missingFacts: readonly MissingFact[];
  readonly outcomes: readonly Outcome[];
}

/**
 * Receives each judgement of an event in order. The reason (and for `undetermined`, the outcomes)
 * are functions so that a caller that only counts verdicts (the compiled kernel's lean fold)
 * never formats a sentence; {@link judge} calls them at once, so the text is the same either way.
 */
export type JudgementSink = (
  verdict: Verdict,
  clause: Citation,
  reason: () => string,
  coveredBy?: TermId,
  openness?: () => Openness,
) => void;

/**
 * The findings for one event: none for AGI-process events, one or two for conduct. Each carries
 * the event's status and source, and `origin` when the line is a history's (see `LoggedEvent`).
 */
export function judge(event: LogEvent, line: number, view: JudgeView, origin?: string): Finding[] {
  const findings: Finding[] = [];
  const provenance = {
    status: event.status ?? 'hypothetical',
    ...(event.source !== undefined && { source: event.source }),
    ...(origin !== undefined && { origin }),
  };
  judgeEach(event, view, (verdict, clause, reason, coveredBy, openness) => {
    const finding: Finding = {
      line,
      date: event.date,
      type: event.type,
      verdict,
      clause,
      reason: reason(),
      ...provenance,
    };
    findings.push({
      ...finding,
      ...(coveredBy !== undefined && { coveredBy }),
      ...(openness !== undefined && openness()),
    });
  });
  return findings;
}

/** The judgements of {@link judge}, handed to `out` one by one with their reasons unformatted. */
export function judgeEach(event: LogEvent, view: JudgeView, out: JudgementSink): void {
  switch (event.type) {
    case 'agi.declared':
    case 'panel.verified':
    case 'panel.rejected':
      return;
    case 'agreement.amended': {
      const amendment = amendmentById(view.after.amendments, event.amendment);
      return out(
        'info',
        amendmentCitation(amendment?.source),
        () => `amendment ${event.amendment} applies from ${event.date}: ${amendment?.summary ?? ''}`,
      );
    }
    case 'product.launched':
      return judgeLaunch(event, view, out);
    case 'model.released':
      return judgeRelease(event, view, out);
    case 'hardware.launched':
      return out(
        'info',
        'C5',
        () => `"${event.name}" is OpenAI consumer hardware, excluded from Microsoft’s IP rights`,
      );
    case 'compute.contracted':
      return out(
        'permitted',
        'C10',
        () => `OpenAI may buy compute from ${event.provider}: Microsoft no longer has a right of first refusal`,
      );
    case 'msft.training-run':
      return judgeTrainingRun(event, view, out);
    case 'azure.purchased': {
      const { azurePurchasedUsd, azureCommitmentUsd } = view.after.ledger;
      return out('info', 'C10', () => {
        const done = azurePurchasedUsd >= azureCommitmentUsd ? ': the commitment is fulfilled' : '';
        return `${formatUsdExact(event.amountUsd)} of Azure services counts toward the commitment; ${formatUsdUnder(azurePurchasedUsd, azureCommitmentUsd)} of ${formatUsd(azureCommitmentUsd)} bought${done}`;
      });
    }
    case 'revenue.recognized': {
      const { before, after } = view;
      if (!view.holds('revenue-share')) {
        return out(
          'info',
          'C9',
          () =>
            `the revenue share no longer holds: nothing accrues; ${formatUsd(after.ledger.revenueShareAccruedUsd)} accrued in all`,
        );
      }
      const stop = after.rules.terms['revenue-share'].capUsd;
      const accrual = () => {
        const accrued = toCents(after.ledger.revenueShareAccruedUsd - before.ledger.revenueShareAccruedUsd);
        return `${formatUsdExact(accrued)} accrues to Microsoft at ${percent(before.assumptions['revenue-share-rate'])}; ${formatUsdUnder(after.ledger.revenueShareAccruedUsd, stop)} accrued in all`;
      };
      if (stop === null || after.ledger.revenueShareAccruedUsd < stop) return out('info', 'C9', accrual);
      const cap = capSetter(after);
      // Under revenue-share-cap-counts=since-amendment the cap stops the total at what accrued before plus the cap.
      const counted = stop === cap.amountUsd ? '' : ', counted from the amendment’s date,';
      return out(
        'info',
        cap.cites,
        () => `${accrual()}: the ${cap.name} of ${formatUsd(cap.amountUsd)}${counted} is reached`,
      );
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`no verdict rule for ${JSON.stringify(unhandled)}`);
    }
  }
}

/** S3 or S4 for the built-in amendments; C0 (the agreement) for a user's own overlay. */
function amendmentCitation(source: string | undefined): Citation {
  return source === 'S3' || source === 'S4' ? source : 'C0';
}

/** The amendment whose cap is in force, named as CLAUSES.md cites it, and the cap's amount as written. */
function capSetter(context: DealContext): {
  readonly name: string;
  readonly cites: Citation;
  readonly amountUsd: number;
} {
  for (let i = context.applied.length - 1; i >= 0; i--) {
    const amendment = context.amendments[context.applied[i] as string];
    const capUsd = amendment?.retime?.['revenue-share']?.capUsd;
    if (amendment === undefined || capUsd === undefined || capUsd === null) continue;
    const amountUsd = capUsd === 'assumed' ? context.assumptions['revenue-share-cap-usd'] : capUsd;
    const source = amendment.source;
    return source === 'S3' || source === 'S4'
      ? { name: `${source} cap`, cites: source, amountUsd }
      : { name: `cap of amendment "${amendment.id}"`, cites: 'C9', amountUsd };
  }
  return { name: 'cap', cites: 'C9', amountUsd: context.rules.terms['revenue-share'].capUsd ?? 0 };
}

/** `0.07` → `7%`: rounded to 12 significant digits, so binary floating point leaves no `7.000000000000001%`. */
function percent(rate: number): string {
  // Remembered for the last rate: every revenue line of a log prints the same one.
  if (rate !== lastRate) {
    lastPercent = `${Number((rate * 100).toPrecision(12))}%`;
    lastRate = rate;
  }
  return lastPercent;
}

let lastRate = Number.NaN;
let lastPercent = '';

function launchWhat(event: LogEventOf<'product.launched'>): string {
  const kind = event.api ? `${event.stateful ? 'stateful ' : ''}API` : 'non-API';
  return `${kind} product "${event.name}"${event.thirdParty ? ` (with ${event.thirdParty})` : ''}`;
}

/**
 * Judges `event` with its missing `fact` set each way; when the values give different findings,
 * one `undetermined` finding that names the fact and both outcomes, else the finding they agree on.
 * `what` says in words what the fact is, e.g. "whether it meets the requisite capability criteria".
 */
function undecided<E extends LogEvent>(
  event: E,
  fact: MissingFact & keyof E,
  what: string,
  view: JudgeView,
  out: JudgementSink,
  rule: (event: E, view: JudgeView, out: JudgementSink) => void,
  subject: () => string,
): void {
  const cases = [true, false].map((value) => {
    let found: { verdict: Verdict; clause: Citation; reason: () => string; coveredBy: TermId | undefined } | undefined;
    rule({ ...event, [fact]: value }, view, (verdict, clause, reason, coveredBy) => {
      found = { verdict, clause, reason, coveredBy };
    });
    return { value, ...(found as NonNullable<typeof found>) };
  });
  const [yes, no] = cases as [(typeof cases)[0], (typeof cases)[0]];
  if (yes.verdict === no.verdict && yes.clause === no.clause && yes.coveredBy === no.coveredBy) {
    return out(yes.verdict, yes.clause, yes.reason, yes.coveredBy);
  }
  const outcomes = (): Outcome[] =>
    cases.map(({ value, verdict, clause, reason }) => ({
      facts: { [fact]: value },
      verdict: verdict as Outcome['verdict'],
      clause,
      reason: reason(),
    }));
  const covered = yes.coveredBy ?? no.coveredBy;
  return out(
    'undetermined',
    yes.clause,
    () => {
      // Outcomes of one verdict (coverage is `info` either way) are told apart by their reasons.
      const each = cases.map(({ value, verdict, clause, reason }) =>
        yes.verdict === no.verdict ? `${value}: ${reason()}` : `${value} → ${verdict} (${clause})`,
      );
      return `${subject()}: the record does not say ${what} (${fact}); ${each.join(yes.verdict === no.verdict ? '; ' : ', ')}`;
    },
    covered,
    () => ({ missingFacts: [fact], outcomes: outcomes() }),
  );
}

/** S4's exception, read under assumption `s4-exception`: Microsoft "cannot and chooses not to" support the product. */
function s4ExceptionHolds(event: LogEventOf<'product.launched'>, view: JudgeView): boolean {
  const cannot = event.azureCannotSupport === true;
  const choosesNot = event.azureChoosesNotToSupport === true;
  return view.before.assumptions['s4-exception'] === 'cannot-or-chooses-not'
    ? cannot || choosesNot
    : cannot && choosesNot;
}

/** C6, C11, C1; from 2026-02-27 C6 as S3 clarifies it; after the 2026-04-27 amendment, S4's Azure-first rule. */
function judgeLaunch(event: LogEventOf<'product.launched'>, view: JudgeView, out: JudgementSink): void {
  if (event.cloud === 'azure') return out('permitted', 'C6', () => `${launchWhat(event)} is served on Azure`);
  if (event.api && event.customer === 'us-natsec') {
    return out(
      'permitted',
      'C11',
      () => `API access for a US national-security customer may run on any cloud (${event.cloud})`,
    );
  }
  const rule = view.before.rules.productLaunch;
  switch (rule) {
    case 'azure-first':
      return judgeLaunchUnderS4(event, view, out);
    case 'first-party-on-azure':
      if (
        !event.thirdParty &&
        view.before.assumptions['s3-first-party'] === 'azure-only' &&
        view.holds('azure-api-exclusivity')
      ) {
        return out(
          'breach',
          'S3',
          () =>
            `first-party ${launchWhat(event)} on ${event.cloud}: first-party products stay on Azure while exclusivity holds (C6 as S3 states it; assumption s3-first-party=azure-only)`,
        );
      }
      return judgeLaunchUnderC6(event, view, out);
    case 'azure-api-exclusivity':
      return judgeLaunchUnderC6(event, view, out);
    default: {
      const unhandled: never = rule;
      throw new TypeError(`no verdict rule for product launches under ${String(unhandled)}`);
    }
  }
}

/** S4: any product may run on any cloud if it shipped first on Azure, or if the S4 exception holds. */
function judgeLaunchUnderS4(event: LogEventOf<'product.launched'>, view: JudgeView, out: JudgementSink): void {
  if (event.azureFirst === true) {
    return out(
      'permitted',
      'S4',
      () => `${launchWhat(event)} shipped first on Azure, so it may also run on ${event.cloud}`,
    );
  }
  if (s4ExceptionHolds(event, view)) {
    const reading = view.before.assumptions['s4-exception'] === 'cannot-or-chooses-not' ? 'or' : 'and';
    return out(
      'permitted',
      'S4',
      () =>
        `Microsoft cannot ${reading} chooses not to support ${launchWhat(event)}, so it need not ship first on Azure and may run on ${event.cloud} (assumption s4-exception)`,
    );
  }
  if (event.azureFirst === false) {
    return out(
      'breach',
      'S4',
      () => `${launchWhat(event)} on ${event.cloud} did not ship first on Azure, and the S4 exception does not hold`,
    );
  }
  return undecided(
    event,
    'azureFirst',
    'whether it shipped first on Azure',
    view,
    out,
    judgeLaunchUnderS4,
    () => `${launchWhat(event)} on ${event.cloud}`,
  );
}

/** C6 and C1 as signed: only API products are bound to Azure, and only while exclusivity holds. */
function judgeLaunchUnderC6(event: LogEventOf<'product.launched'>, view: JudgeView, out: JudgementSink): void {
  if (!event.api) return out('permitted', 'C6', () => `non-API products may be served on any cloud (${event.cloud})`);
  if (event.stateful && view.before.assumptions['stateful-api'] === 'outside') {
    return out(
      'permitted',
      'S3',
      () =>
        `${launchWhat(event)} on ${event.cloud}: S3 puts only stateless API calls on Azure, so a stateful API product is judged like a non-API product (assumption stateful-api=outside)`,
    );
  }
  return view.holds('azure-api-exclusivity')
    ? out(
        'breach',
        'C6',
        () => `${launchWhat(event)} on ${event.cloud} while Microsoft’s Azure API exclusivity holds (C1, C6)`,
      )
    : out('permitted', 'C1', () => `${launchWhat(event)} on ${event.cloud}: Azure API exclusivity no longer holds`);
}

/** C12 for open weights; C3/C4 say whether and until when Microsoft’s IP rights cover the model. */
function judgeRelease(event: LogEventOf<'model.released'>, view: JudgeView, out: JudgementSink): void {
  if (event.openWeights) judgeOpenWeights(event, view, out);
  if (event.postAgi && !event.internalOnly && event.safetyGuardrails === undefined) {
    return undecided(
      event,
      'safetyGuardrails',
      'whether it has safety guardrails',
      view,
      out,
      coverage,
      () => `post-AGI model "${event.name}" and Microsoft’s IP rights (C3)`,
    );
  }
  coverage(event, view, out);
}

/** C12: open weights are permitted when the model meets the requisite capability criteria. */
function judgeOpenWeights(event: LogEventOf<'model.released'>, view: JudgeView, out: JudgementSink): void {
  if (event.meetsCapabilityCriteria === true)
    return out('permitted', 'C12', () => `open-weight model "${event.name}" meets the requisite capability criteria`);
  if (event.meetsCapabilityCriteria === false)
    return out(
      'breach',
      'C12',
      () => `open-weight model "${event.name}" does not meet the requisite capability criteria`,
    );
  return undecided(
    event,
    'meetsCapabilityCriteria',
    'whether it meets the requisite capability criteria',
    view,
    out,
    judgeOpenWeights,
    () => `open-weight model "${event.name}"`,
  );
}

function coverage(event: LogEventOf<'model.released'>, view: JudgeView, out: JudgementSink): void {
  if (event.internalOnly) {
    return view.holds('research-ip')
      ? out(
          'info',
          'C4',
          () => `internal-only model "${event.name}" is research IP: Microsoft’s rights cover it until ${UNTIL}`,
          'research-ip',
        )
      : out(
          'info',
          'C4',
          () => `internal-only model "${event.name}" is research IP, and Microsoft’s research-IP rights have ended`,
        );
  }
  if (
    event.postAgi &&
    !event.safetyGuardrails &&
    view.before.assumptions['post-agi-without-guardrails'] === 'excluded'
  ) {
    return out(
      'info',
      'C3',
      () =>
        `post-AGI model "${event.name}" has no safety guardrails: not covered by Microsoft’s IP rights (assumption post-agi-without-guardrails=excluded)`,
    );
  }
  return view.holds('model-product-ip')
    ? out(
        'info',
        'C3',
        () => `Microsoft’s model and product IP rights cover "${event.name}" until ${UNTIL}`,
        'model-product-ip',
      )
    : out('info', 'C3', () => `Microsoft’s model and product IP rights have ended: "${event.name}" is not covered`);
}

/** C8 while the compute cap holds; otherwise C7 lets Microsoft pursue AGI freely. */
function judgeTrainingRun(event: LogEventOf<'msft.training-run'>, view: JudgeView, out: JudgementSink): void {
  const threshold = view.before.assumptions['compute-threshold-flop'];
  const flop = () => `${formatNumber(event.computeFlop)} FLOP`;
  if (!event.usesOpenAiIp)
    return out('permitted', 'C7', () => `Microsoft may pursue AGI without OpenAI IP (${flop()})`);
  if (event.computeFlop <= threshold) {
    return out(
      'permitted',
      'C7',
      () => `${flop()} with OpenAI IP is within the ${formatNumber(threshold)} FLOP threshold`,
    );
  }
  return view.holds('compute-threshold')
    ? out(
        'breach',
        'C8',
        () =>
          `${flop()} with OpenAI IP exceeds the ${formatNumber(threshold)} FLOP threshold while the compute cap holds`,
      )
    : out('permitted', 'C7', () => `${flop()} with OpenAI IP: the compute cap does not hold on ${event.date}`);
}

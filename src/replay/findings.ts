/**
 * Verdicts on conduct (CLAUSES.md, "Conduct events and their verdicts"): each event that says
 * what a party did is judged against the terms as they stand after every earlier line.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import { amendmentById } from '../domain/amendments.ts';
import type { ClauseId, SourceId } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { EventStatus, LogEvent, LogEventOf, LogEventType } from '../domain/events.ts';
import { formatUsd } from '../domain/money.ts';
import type { TermId } from '../domain/terms.ts';

export type Verdict = 'permitted' | 'breach' | 'info';

/** What decides a finding: a clause of the agreement, or the amendment (S3, S4) that changed it. */
export type Citation = ClauseId | SourceId;

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
  /** For model releases: the term whose rights cover the model; `{until}` in the reason names its end. */
  readonly coveredBy?: TermId;
}

/** The terms as they stand when an event is judged, and the ledger after it. */
export interface JudgeView {
  readonly holds: (term: TermId) => boolean;
  readonly before: DealContext;
  readonly after: DealContext;
}

/**
 * Receives each judgement of an event in order. The reason is a function so that a caller that
 * only counts verdicts (the compiled kernel's lean fold) never formats the sentence; {@link judge}
 * calls it at once, so the text is the same either way.
 */
export type JudgementSink = (verdict: Verdict, clause: Citation, reason: () => string, coveredBy?: TermId) => void;

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
  judgeEach(event, view, (verdict, clause, reason, coveredBy) => {
    const finding = { line, date: event.date, type: event.type, verdict, clause, reason: reason(), ...provenance };
    findings.push(coveredBy === undefined ? finding : { ...finding, coveredBy });
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
        return `${formatUsd(event.amountUsd)} of Azure services counts toward the commitment; ${formatUsd(azurePurchasedUsd)} of ${formatUsd(azureCommitmentUsd)} bought${done}`;
      });
    }
    case 'revenue.recognized': {
      const { before, after } = view;
      return view.holds('revenue-share')
        ? out('info', 'C9', () => {
            const accrued = after.ledger.revenueShareAccruedUsd - before.ledger.revenueShareAccruedUsd;
            return `${formatUsd(accrued)} accrues to Microsoft at ${percent(before.assumptions['revenue-share-rate'])}; ${formatUsd(after.ledger.revenueShareAccruedUsd)} accrued in all`;
          })
        : out(
            'info',
            'C9',
            () =>
              `the revenue share no longer holds: nothing accrues; ${formatUsd(after.ledger.revenueShareAccruedUsd)} accrued in all`,
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

/** `0.07` → `7%`: rounded to 12 significant digits, so binary floating point leaves no `7.000000000000001%`. */
function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(12))}%`;
}

function launchWhat(event: LogEventOf<'product.launched'>): string {
  return `${event.api ? 'API' : 'non-API'} product "${event.name}"${event.thirdParty ? ` (with ${event.thirdParty})` : ''}`;
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
      if (event.azureFirst)
        return out(
          'permitted',
          'C6',
          () => `${launchWhat(event)} shipped first on Azure, so it may also run on ${event.cloud} (S4)`,
        );
      if (event.azureDeclined) {
        return out(
          'permitted',
          'C6',
          () =>
            `Microsoft could not and chose not to support ${launchWhat(event)}, so it may run on ${event.cloud} (S4)`,
        );
      }
      return out(
        'breach',
        'C6',
        () =>
          `${launchWhat(event)} on ${event.cloud} did not ship first on Azure, and Microsoft did not decline it (S4)`,
      );
    case 'first-party-on-azure':
      if (!event.thirdParty && view.holds('azure-api-exclusivity')) {
        return out(
          'breach',
          'C6',
          () =>
            `first-party ${launchWhat(event)} on ${event.cloud}: first-party products stay on Azure while exclusivity holds (C6 as clarified by S3)`,
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

/** C6 and C1 as signed: only API products are bound to Azure, and only while exclusivity holds. */
function judgeLaunchUnderC6(event: LogEventOf<'product.launched'>, view: JudgeView, out: JudgementSink): void {
  if (!event.api) return out('permitted', 'C6', () => `non-API products may be served on any cloud (${event.cloud})`);
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
  if (event.openWeights) {
    if (event.meetsCapabilityCriteria)
      out('permitted', 'C12', () => `open-weight model "${event.name}" meets the requisite capability criteria`);
    else
      out('breach', 'C12', () => `open-weight model "${event.name}" does not meet the requisite capability criteria`);
  }
  coverage(event, view, out);
}

function coverage(event: LogEventOf<'model.released'>, view: JudgeView, out: JudgementSink): void {
  if (event.internalOnly) {
    return view.holds('research-ip')
      ? out(
          'info',
          'C4',
          () => `internal-only model "${event.name}" is research IP: Microsoft’s rights cover it until {until}`,
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
        () => `Microsoft’s model and product IP rights cover "${event.name}" until {until}`,
        'model-product-ip',
      )
    : out('info', 'C3', () => `Microsoft’s model and product IP rights have ended: "${event.name}" is not covered`);
}

/** C8 while the compute cap holds; otherwise C7 lets Microsoft pursue AGI freely. */
function judgeTrainingRun(event: LogEventOf<'msft.training-run'>, view: JudgeView, out: JudgementSink): void {
  const threshold = view.before.assumptions['compute-threshold-flop'];
  const flop = () => `${event.computeFlop.toExponential()} FLOP`;
  if (!event.usesOpenAiIp)
    return out('permitted', 'C7', () => `Microsoft may pursue AGI without OpenAI IP (${flop()})`);
  if (event.computeFlop <= threshold) {
    return out(
      'permitted',
      'C7',
      () => `${flop()} with OpenAI IP is within the ${threshold.toExponential()} FLOP threshold`,
    );
  }
  return view.holds('compute-threshold')
    ? out(
        'breach',
        'C8',
        () =>
          `${flop()} with OpenAI IP exceeds the ${threshold.toExponential()} FLOP threshold while the compute cap holds`,
      )
    : out('permitted', 'C7', () => `${flop()} with OpenAI IP: the compute cap does not hold on ${event.date}`);
}

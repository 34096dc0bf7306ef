/**
 * Verdicts on conduct (CLAUSES.md, "Conduct events and their verdicts"): each event that says
 * what a party did is judged against the terms as they stand after every earlier line.
 */
import type { DealContext } from '../../machines/deal.machine.ts';
import type { ClauseId } from '../domain/clauses.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { LogEvent, LogEventOf, LogEventType } from '../domain/events.ts';
import { formatUsd } from '../domain/money.ts';
import type { TermId } from '../domain/terms.ts';

export type Verdict = 'permitted' | 'breach' | 'info';

export interface Finding {
  readonly line: number;
  readonly date: IsoDate;
  readonly type: LogEventType;
  readonly verdict: Verdict;
  readonly clause: ClauseId;
  readonly reason: string;
  /** For model releases: the term whose rights cover the model; `{until}` in the reason names its end. */
  readonly coveredBy?: TermId;
}

/** The terms as they stand when an event is judged, and the ledger after it. */
export interface JudgeView {
  readonly holds: (term: TermId) => boolean;
  readonly before: DealContext;
  readonly after: DealContext;
}

type Judgement = Omit<Finding, 'line' | 'date' | 'type'>;

const permitted = (clause: ClauseId, reason: string): Judgement => ({ verdict: 'permitted', clause, reason });
const breach = (clause: ClauseId, reason: string): Judgement => ({ verdict: 'breach', clause, reason });
const info = (clause: ClauseId, reason: string): Judgement => ({ verdict: 'info', clause, reason });

/** The findings for one event: none for AGI-process events, one or two for conduct. */
export function judge(event: LogEvent, line: number, view: JudgeView): Finding[] {
  const place = { line, date: event.date, type: event.type };
  return judgements(event, view).map((judgement) => ({ ...place, ...judgement }));
}

function judgements(event: LogEvent, view: JudgeView): Judgement[] {
  switch (event.type) {
    case 'agi.declared':
    case 'panel.verified':
    case 'panel.rejected':
      return [];
    case 'agreement.amended': {
      const amendment = view.after.amendments[event.amendment];
      return [info('C0', `amendment ${event.amendment} applies from ${event.date}: ${amendment?.summary ?? ''}`)];
    }
    case 'product.launched':
      return [judgeLaunch(event, view)];
    case 'model.released':
      return judgeRelease(event, view);
    case 'hardware.launched':
      return [info('C5', `"${event.name}" is OpenAI consumer hardware, excluded from Microsoft’s IP rights`)];
    case 'compute.contracted':
      return [
        permitted(
          'C10',
          `OpenAI may buy compute from ${event.provider}: Microsoft no longer has a right of first refusal`,
        ),
      ];
    case 'msft.training-run':
      return [judgeTrainingRun(event, view)];
    case 'azure.purchased': {
      const { azurePurchasedUsd, azureCommitmentUsd } = view.after.ledger;
      const done = azurePurchasedUsd >= azureCommitmentUsd ? ': the commitment is fulfilled' : '';
      return [
        info(
          'C10',
          `${formatUsd(event.amountUsd)} of Azure services counts toward the commitment; ${formatUsd(azurePurchasedUsd)} of ${formatUsd(azureCommitmentUsd)} bought${done}`,
        ),
      ];
    }
    case 'revenue.recognized': {
      const accrued = view.after.ledger.revenueShareAccruedUsd - view.before.ledger.revenueShareAccruedUsd;
      const total = formatUsd(view.after.ledger.revenueShareAccruedUsd);
      return view.holds('revenue-share')
        ? [
            info(
              'C9',
              `${formatUsd(accrued)} accrues to Microsoft at ${percent(view.before.assumptions['revenue-share-rate'])}; ${total} accrued in all`,
            ),
          ]
        : [info('C9', `the revenue share no longer holds: nothing accrues; ${total} accrued in all`)];
    }
    default: {
      const unhandled: never = event;
      throw new TypeError(`no verdict rule for ${JSON.stringify(unhandled)}`);
    }
  }
}

/** `0.07` → `7%`: rounded to 12 significant digits, so binary floating point leaves no `7.000000000000001%`. */
function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(12))}%`;
}

/** C6, C11, C1; from 2026-02-27 C6 as S3 clarifies it; after the 2026-04-27 amendment, S4's Azure-first rule. */
function judgeLaunch(event: LogEventOf<'product.launched'>, view: JudgeView): Judgement {
  const what = `${event.api ? 'API' : 'non-API'} product "${event.name}"${event.thirdParty ? ` (with ${event.thirdParty})` : ''}`;
  if (event.cloud === 'azure') return permitted('C6', `${what} is served on Azure`);
  if (event.api && event.customer === 'us-natsec') {
    return permitted('C11', `API access for a US national-security customer may run on any cloud (${event.cloud})`);
  }
  const rule = view.before.rules.productLaunch;
  switch (rule) {
    case 'azure-first':
      if (event.azureFirst)
        return permitted('C6', `${what} shipped first on Azure, so it may also run on ${event.cloud} (S4)`);
      if (event.azureDeclined) {
        return permitted(
          'C6',
          `Microsoft could not and chose not to support ${what}, so it may run on ${event.cloud} (S4)`,
        );
      }
      return breach(
        'C6',
        `${what} on ${event.cloud} did not ship first on Azure, and Microsoft did not decline it (S4)`,
      );
    case 'first-party-on-azure':
      if (!event.thirdParty && view.holds('azure-api-exclusivity')) {
        return breach(
          'C6',
          `first-party ${what} on ${event.cloud}: first-party products stay on Azure while exclusivity holds (C6 as clarified by S3)`,
        );
      }
      return judgeLaunchUnderC6(event, what, view);
    case 'azure-api-exclusivity':
      return judgeLaunchUnderC6(event, what, view);
    default: {
      const unhandled: never = rule;
      throw new TypeError(`no verdict rule for product launches under ${String(unhandled)}`);
    }
  }
}

/** C6 and C1 as signed: only API products are bound to Azure, and only while exclusivity holds. */
function judgeLaunchUnderC6(event: LogEventOf<'product.launched'>, what: string, view: JudgeView): Judgement {
  if (!event.api) return permitted('C6', `non-API products may be served on any cloud (${event.cloud})`);
  return view.holds('azure-api-exclusivity')
    ? breach('C6', `${what} on ${event.cloud} while Microsoft’s Azure API exclusivity holds (C1, C6)`)
    : permitted('C1', `${what} on ${event.cloud}: Azure API exclusivity no longer holds`);
}

/** C12 for open weights; C3/C4 say whether and until when Microsoft’s IP rights cover the model. */
function judgeRelease(event: LogEventOf<'model.released'>, view: JudgeView): Judgement[] {
  const verdicts: Judgement[] = [];
  if (event.openWeights) {
    verdicts.push(
      event.meetsCapabilityCriteria
        ? permitted('C12', `open-weight model "${event.name}" meets the requisite capability criteria`)
        : breach('C12', `open-weight model "${event.name}" does not meet the requisite capability criteria`),
    );
  }
  verdicts.push(coverage(event, view));
  return verdicts;
}

function coverage(event: LogEventOf<'model.released'>, view: JudgeView): Judgement {
  const model = `"${event.name}"`;
  if (event.internalOnly) {
    return view.holds('research-ip')
      ? {
          ...info('C4', `internal-only model ${model} is research IP: Microsoft’s rights cover it until {until}`),
          coveredBy: 'research-ip',
        }
      : info('C4', `internal-only model ${model} is research IP, and Microsoft’s research-IP rights have ended`);
  }
  if (
    event.postAgi &&
    !event.safetyGuardrails &&
    view.before.assumptions['post-agi-without-guardrails'] === 'excluded'
  ) {
    return info(
      'C3',
      `post-AGI model ${model} has no safety guardrails: not covered by Microsoft’s IP rights (assumption post-agi-without-guardrails=excluded)`,
    );
  }
  return view.holds('model-product-ip')
    ? {
        ...info('C3', `Microsoft’s model and product IP rights cover ${model} until {until}`),
        coveredBy: 'model-product-ip',
      }
    : info('C3', `Microsoft’s model and product IP rights have ended: ${model} is not covered`);
}

/** C8 while the compute cap holds; otherwise C7 lets Microsoft pursue AGI freely. */
function judgeTrainingRun(event: LogEventOf<'msft.training-run'>, view: JudgeView): Judgement {
  const threshold = view.before.assumptions['compute-threshold-flop'];
  const flop = `${event.computeFlop.toExponential()} FLOP`;
  if (!event.usesOpenAiIp) return permitted('C7', `Microsoft may pursue AGI without OpenAI IP (${flop})`);
  if (event.computeFlop <= threshold) {
    return permitted('C7', `${flop} with OpenAI IP is within the ${threshold.toExponential()} FLOP threshold`);
  }
  return view.holds('compute-threshold')
    ? breach(
        'C8',
        `${flop} with OpenAI IP exceeds the ${threshold.toExponential()} FLOP threshold while the compute cap holds`,
      )
    : permitted('C7', `${flop} with OpenAI IP: the compute cap does not hold on ${event.date}`);
}

/**
 * The floor for the benchmark: the same semantics as the statechart replay (term intervals and
 * verdict counts, CLAUSES.md C1–C12 with the S3/S4 amendments), hand-written as one mutable
 * plain-JavaScript reducer with no library, no immutability and no table. Written for the
 * benchmark only; the product never runs it. bench/sections/engines.ts checks that it agrees
 * with the kernel on every benchmarked future, so the comparison is like for like.
 */

import { BUILT_IN_AMENDMENTS } from '../src/domain/amendments.ts';
import type { Assumptions } from '../src/domain/assumptions.ts';
import { addDays, type IsoDate } from '../src/domain/dates.ts';
import type { LogEvent } from '../src/domain/events.ts';
import { toCents } from '../src/domain/money.ts';
import type { LoggedEvent } from '../src/log/parse.ts';

const T = 8;
// Term indices, in TERM_IDS order.
const RESEARCH = 0;
const MODEL = 1;
const IP_EXCL = 2;
const API_EXCL = 3;
const SHARE = 4;
const SHARE_TO_OPENAI = 5;
const COMPUTE = 6;
const COMMITMENT = 7;
const NAMES = [
  'research-ip',
  'model-product-ip',
  'ip-exclusivity',
  'azure-api-exclusivity',
  'revenue-share',
  'revenue-share-to-openai',
  'compute-threshold',
  'azure-commitment',
];
const INDEX: Record<string, number> = Object.fromEntries(NAMES.map((name, i) => [name, i]));
const HOLDING = 0;
const SUSPENDED = 1;
const ENDED = 2;

export interface HandResult {
  /** Per term, flat [from, until, from, until, …] with null for an open end. */
  readonly intervals: (string | null)[][];
  readonly permitted: number;
  readonly breach: number;
  readonly undetermined: number;
  readonly info: number;
}

export function handWrittenReplay(events: readonly LoggedEvent[], a: Assumptions): HandResult {
  const status = new Int8Array(T);
  const sunset: (string | null)[] = ['2031-01-01', '2033-01-01', null, null, null, null, null, null];
  const endsOnVerification = [true, false, true, true, true, false, true, false];
  const declarationSuspends = a['agi-ends-exclusivity'] === 'declaration';
  const suspends = [
    false,
    false,
    declarationSuspends,
    declarationSuspends,
    false,
    false,
    a['compute-cap-lifts'] === 'declaration',
    false,
  ];
  let cap: number | null = null;
  let launchRule = 'azure-api-exclusivity';
  let agi = 0; // 0 none, 1 pending, 2 verified, 3 rejected
  let declaredOn = '';
  let purchased = 0;
  let accrued = 0;
  const deadline = a['panel-deadline-days'];
  const rate = a['revenue-share-rate'];
  const threshold = a['compute-threshold-flop'];
  let today = '2025-10-28';
  const intervals: (string | null)[][] = NAMES.map(() => ['2025-10-28', null]);
  let permitted = 0;
  let breach = 0;
  let undetermined = 0;
  let info = 0;
  const endsOnDeclaration = a['compute-cap-lifts'] === 'first-declaration';
  let endsOnDeclarationOff = false;

  const setStatus = (t: number, next: number, date: string) => {
    const was = status[t] === HOLDING;
    status[t] = next;
    const is = next === HOLDING;
    if (was === is) return;
    const list = intervals[t] as (string | null)[];
    if (is) {
      if (list.length > 0 && list[list.length - 1] === date)
        list[list.length - 1] = null; // touching: merge
      else list.push(date, null);
    } else if (list[list.length - 2] === date)
      list.length -= 2; // empty interval: drop
    else list[list.length - 1] = date;
  };

  const endTerm = (t: number, date: string) => {
    if (status[t] !== ENDED) setStatus(t, ENDED, date);
  };

  const calendar = (until: string | null) => {
    for (;;) {
      let due: string | null = null;
      let term = -1;
      if (agi === 1 && deadline !== null) {
        const lapse = addDays(declaredOn as IsoDate, deadline);
        due = lapse > today ? lapse : today;
      }
      for (let t = 0; t < T; t++) {
        const s = sunset[t];
        if (s === null || s === undefined || status[t] === ENDED) continue;
        const d = s > today ? s : today;
        if (due === null || d < due) {
          due = d;
          term = t;
        }
      }
      if (due === null || (until !== null && due > until)) return;
      today = due;
      if (term >= 0) endTerm(term, due);
      else {
        agi = 3;
        for (let t = 0; t < T; t++) if (status[t] === SUSPENDED) setStatus(t, HOLDING, due);
      }
    }
  };

  // A day's AGI steps and amendments take effect before its conduct: conduct waits for its day to end.
  const waiting: LogEvent[] = [];
  const settle = () => {
    for (const e of waiting) step(e);
    waiting.length = 0;
  };
  for (const { event } of events) {
    const date = event.date;
    if (waiting.length > 0 && (waiting[0] as LogEvent).date !== date) settle();
    calendar(date);
    today = date;
    const type = event.type;
    if (
      type === 'agi.declared' ||
      type === 'panel.verified' ||
      type === 'panel.rejected' ||
      type === 'agreement.amended'
    )
      step(event);
    else waiting.push(event);
  }
  settle();
  calendar(null);
  return { intervals, permitted, breach, undetermined, info };

  function step(e: LogEvent): void {
    const date = e.date;
    switch (e.type) {
      case 'agi.declared':
        if (agi === 0 || (agi === 3 && a['after-rejection'] === 'redeclare')) {
          agi = 1;
          declaredOn = date;
          if (endsOnDeclaration && !endsOnDeclarationOff && status[COMPUTE] === HOLDING) endTerm(COMPUTE, date);
          for (let t = 0; t < T; t++) if (status[t] === HOLDING && suspends[t]) setStatus(t, SUSPENDED, date);
        } else throw new Error(`invalid ${e.type}`);
        return;
      case 'panel.verified':
        if (agi !== 1) throw new Error(`invalid ${e.type}`);
        agi = 2;
        for (let t = 0; t < T; t++) {
          if (status[t] === ENDED) continue;
          if (endsOnVerification[t]) endTerm(t, date);
          else if (status[t] === SUSPENDED) setStatus(t, HOLDING, date);
        }
        return;
      case 'panel.rejected':
        if (agi !== 1) throw new Error(`invalid ${e.type}`);
        agi = 3;
        for (let t = 0; t < T; t++) if (status[t] === SUSPENDED) setStatus(t, HOLDING, date);
        return;
      case 'agreement.amended': {
        info++;
        const amendment = BUILT_IN_AMENDMENTS[e.amendment];
        if (!amendment) throw new Error(`unknown amendment ${e.amendment}`);
        for (const [name, retime] of Object.entries(amendment.retime ?? {})) {
          const t = INDEX[name] as number;
          if (retime.sunset !== undefined) sunset[t] = retime.sunset;
          if (retime.endsOnVerification !== undefined) endsOnVerification[t] = retime.endsOnVerification;
          if (retime.suspendsOnDeclaration !== undefined) suspends[t] = retime.suspendsOnDeclaration;
          if (t === SHARE && retime.capUsd !== undefined) {
            cap = retime.capUsd === 'assumed' ? a['revenue-share-cap-usd'] : retime.capUsd;
            if (cap !== null) cap = toCents(a['revenue-share-cap-counts'] === 'since-amendment' ? cap + accrued : cap);
            if (cap !== null && accrued >= cap) endTerm(SHARE, date);
          }
        }
        for (const name of amendment.ends ?? []) endTerm(INDEX[name] as number, date);
        if (amendment.agiClause === 'assumed' && a['s4-agi-clause'] === 'removed') {
          for (let t = 0; t < T; t++) {
            endsOnVerification[t] = false;
            suspends[t] = false;
            if (status[t] === SUSPENDED) setStatus(t, HOLDING, date);
          }
          endsOnDeclarationOff = true;
        }
        if (amendment.productLaunch) launchRule = amendment.productLaunch;
        return;
      }
      case 'product.launched': {
        const apiHolds = status[API_EXCL] === HOLDING;
        const exception =
          a['s4-exception'] === 'cannot-or-chooses-not'
            ? e.azureCannotSupport === true || e.azureChoosesNotToSupport === true
            : e.azureCannotSupport === true && e.azureChoosesNotToSupport === true;
        if (e.cloud === 'azure' || (e.api && e.customer === 'us-natsec')) permitted++;
        else if (launchRule === 'azure-first') {
          if (e.azureFirst === true || exception) permitted++;
          else if (e.azureFirst === false) breach++;
          else undetermined++;
        } else if (
          launchRule === 'first-party-on-azure' &&
          a['s3-first-party'] === 'azure-only' &&
          !e.thirdParty &&
          apiHolds
        )
          breach++;
        else if (e.api && !(e.stateful && a['stateful-api'] === 'outside') && apiHolds) breach++;
        else permitted++;
        return;
      }
      case 'model.released':
        if (e.openWeights) {
          if (e.meetsCapabilityCriteria === true) permitted++;
          else if (e.meetsCapabilityCriteria === false) breach++;
          else undetermined++;
        }
        if (
          e.postAgi &&
          !e.internalOnly &&
          e.safetyGuardrails === undefined &&
          a['post-agi-without-guardrails'] === 'excluded' &&
          status[MODEL] === HOLDING
        )
          undetermined++;
        else info++;
        return;
      case 'hardware.launched':
        info++;
        return;
      case 'compute.contracted':
        permitted++;
        return;
      case 'msft.training-run':
        if (e.usesOpenAiIp && e.computeFlop > threshold && status[COMPUTE] === HOLDING) breach++;
        else permitted++;
        return;
      case 'azure.purchased':
        info++;
        purchased = toCents(purchased + e.amountUsd);
        if (status[COMMITMENT] === HOLDING && purchased >= 250e9) endTerm(COMMITMENT, date);
        return;
      case 'revenue.recognized': {
        info++;
        if (status[SHARE] !== HOLDING) return;
        let share = toCents(e.amountUsd * rate);
        const room = cap === null ? Number.POSITIVE_INFINITY : Math.max(0, toCents(cap - accrued));
        const reached = share >= room;
        if (reached) share = room;
        accrued = toCents(accrued + share);
        if (reached) endTerm(SHARE, date);
        return;
      }
      default: {
        const unknown: never = e;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}

export { IP_EXCL, MODEL, RESEARCH, SHARE_TO_OPENAI };

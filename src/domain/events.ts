/**
 * The event vocabulary of a simulated future: dated, past-tense facts. The zod schemas are the
 * single definition; the TypeScript types are inferred from them. Dates and line numbers are
 * checked by the log parser, which knows the file; these schemas check each event's own fields.
 */
import { z } from 'zod';
import type { IsoDate } from './dates.ts';
import { MAX_USD } from './money.ts';

const nonEmpty = z.string().min(1, 'must be a non-empty string');
const positiveAmount = z.number().finite().positive();
const usdAmount = positiveAmount.max(MAX_USD, 'must be at most 1e15 (a thousand trillion dollars)');

/**
 * How far the public record supports an event (CLAUSES.md, "Conduct events and their verdicts"):
 * `official` (the companies' own statements or filings), `reported` (press), `hypothetical` (a
 * user's own future; the default when a line gives none).
 */
export const EVENT_STATUSES = ['official', 'reported', 'hypothetical'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An http(s) URL: the only kind of `source` a finding may cite or a page may link to. */
function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:';
}

/** Fields every event may carry besides its own. */
const common = {
  date: z.string(),
  note: z.string().optional(),
  source: z.string().refine(isWebUrl, 'must be an http(s) URL such as https://example.com/page').optional(),
  status: z.enum(EVENT_STATUSES).optional(),
};

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...common, ...shape }).strict();

export const EVENT_SCHEMAS = {
  /** C2: OpenAI declares that AGI has been achieved. */
  'agi.declared': event('agi.declared', {}),
  /** C2: the independent expert panel verifies the pending declaration. */
  'panel.verified': event('panel.verified', {}),
  /** C2: the panel rejects the pending declaration. */
  'panel.rejected': event('panel.rejected', {}),
  /** C6, C11 (and S4 after the 2026-04-27 amendment): OpenAI launches a product on some cloud. */
  'product.launched': event('product.launched', {
    name: nonEmpty,
    api: z.boolean(),
    cloud: nonEmpty,
    thirdParty: nonEmpty.optional(),
    customer: nonEmpty.optional(),
    azureFirst: z.boolean().optional(),
    stateful: z.boolean().optional(),
    azureCannotSupport: z.boolean().optional(),
    azureChoosesNotToSupport: z.boolean().optional(),
  }),
  /** C3, C4, C12: OpenAI releases a model. */
  'model.released': event('model.released', {
    name: nonEmpty,
    openWeights: z.boolean().optional(),
    meetsCapabilityCriteria: z.boolean().optional(),
    internalOnly: z.boolean().optional(),
    postAgi: z.boolean().optional(),
    safetyGuardrails: z.boolean().optional(),
  }),
  /** C5: OpenAI launches consumer hardware. */
  'hardware.launched': event('hardware.launched', { name: nonEmpty }),
  /** C10: OpenAI contracts compute from a provider. */
  'compute.contracted': event('compute.contracted', { provider: nonEmpty }),
  /** C7, C8: Microsoft trains a model. */
  'msft.training-run': event('msft.training-run', {
    usesOpenAiIp: z.boolean(),
    computeFlop: positiveAmount,
  }),
  /** C10: OpenAI buys Azure services toward the $250B commitment. */
  'azure.purchased': event('azure.purchased', { amountUsd: usdAmount }),
  /** C9: OpenAI recognises revenue, on which the revenue share accrues. */
  'revenue.recognized': event('revenue.recognized', { amountUsd: usdAmount }),
  /** S3, S4: a named amendment of the agreement applies from its date. */
  'agreement.amended': event('agreement.amended', { amendment: nonEmpty }),
} as const;

/**
 * Fields a log may no longer carry, with what replaced them: the parser names the replacement
 * instead of a bare "unknown field". `azureDeclined` folded S4's two facts into one, which hid
 * the difference that assumption `s4-exception` reads.
 */
export const RETIRED_FIELDS: Readonly<Record<string, string>> = {
  azureDeclined:
    'S4\'s exception has two facts: write "azureCannotSupport":true and/or "azureChoosesNotToSupport":true (assumption s4-exception reads whether both are needed)',
};

export type LogEventType = keyof typeof EVENT_SCHEMAS;
export const LOG_EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as LogEventType[];

type Parsed<T extends LogEventType> = Omit<z.infer<(typeof EVENT_SCHEMAS)[T]>, 'date'> & { readonly date: IsoDate };

/** One event as written in a log. */
export type LogEvent = { [T in LogEventType]: Parsed<T> }[LogEventType];
export type LogEventOf<T extends LogEventType> = Extract<LogEvent, { type: T }>;

/** The AGI-process events of C2, which the statechart must accept or the future is invalid. */
export const AGI_PROCESS_EVENTS = ['agi.declared', 'panel.verified', 'panel.rejected'] as const;

/** Calendar facts that the replay delivers itself, in date order; never written in a log. */
export type CalendarEvent =
  | { readonly type: 'calendar.sunset'; readonly date: IsoDate; readonly term: string }
  | { readonly type: 'panel.lapsed'; readonly date: IsoDate };

/** Everything the statechart can receive. */
export type DealEvent = LogEvent | CalendarEvent;

/**
 * The event vocabulary of a simulated future: dated, past-tense facts. The zod schemas are the
 * single definition; the TypeScript types are inferred from them. Dates and line numbers are
 * checked by the log parser, which knows the file; these schemas check each event's own fields.
 */
import { z } from 'zod';
import type { IsoDate } from './dates.ts';
import { MAX_USD } from './money.ts';

/**
 * Text without Unicode's noncharacters of the Basic Multilingual Plane, which the standard
 * reserves for a program's internal use: dealsim marks a covering term's end in a reason with one
 * (UNTIL, src/replay/findings.ts), and a name that held it would be taken for the mark and given a date.
 */
export const WITHOUT_NONCHARACTERS = /^[^\uFDD0-\uFDEF\uFFFE\uFFFF]*$/;

/** Any text of the user's: {@link WITHOUT_NONCHARACTERS}. */
const text = () =>
  z
    .string()
    .regex(
      WITHOUT_NONCHARACTERS,
      'must not hold a Unicode noncharacter (U+FDD0 to U+FDEF, U+FFFE, U+FFFF), which dealsim reserves to mark dates in its reasons',
    );
/** A name or other text of the user's that may not be empty. */
const nonEmpty = text().min(1, 'must be a non-empty string');
const positiveAmount = z.number().finite().positive();
const usdAmount = positiveAmount.max(MAX_USD, 'must be at most 1e15 (a thousand trillion dollars)');

/**
 * How far the public record supports an event (CLAUSES.md, "Conduct events and their verdicts"):
 * `official` (the companies' own statements or filings), `reported` (press), `hypothetical` (a
 * user's own future; the default when a line gives none).
 */
export const EVENT_STATUSES = ['official', 'reported', 'hypothetical'] as const;
/** How far the public record supports an event: `official`, `reported` or `hypothetical`. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An http(s) URL: the only kind of `source` a finding may cite or a page may link to. */
function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:';
}

/**
 * Fields every event may carry besides its own. Each field's and each event's `.describe()` text
 * is its meaning, ending with the clauses it bears on in parentheses, e.g. "… (C6, C1)": the one
 * place from which the JSON Schema (schema/events.schema.json), `dealsim events` and the README's
 * event reference are generated (src/reference/).
 */
const common = {
  date: z
    .string()
    .describe(
      'The day it happened, YYYY-MM-DD, on or after the effective date 2025-10-28; it takes effect that day, and for all of it: a day’s AGI steps and amendments are taken before its conduct, whatever the order of their lines. Lines are in date order.',
    ),
  note: text()
    .optional()
    .describe('Free text for people reading the log: what happened and why. The simulator does not read it.'),
  source: text()
    .refine(isWebUrl, 'must be an http(s) URL such as https://example.com/page')
    .optional()
    .describe('Where the public record says so: an http(s) URL. Every finding on this event cites it.'),
  status: z
    .enum(EVENT_STATUSES)
    .optional()
    .describe(
      "How far the public record supports the event: official (the companies' own statements or filings), reported (press) or hypothetical (a user's own future; the default when absent).",
    ),
};

const event = <T extends string, S extends z.ZodRawShape>(type: T, meaning: string, shape: S) =>
  z
    .object({
      type: z.literal(type).describe('What happened; decides which other fields the event takes.'),
      ...common,
      ...shape,
    })
    .strict()
    .describe(meaning);

export const EVENT_SCHEMAS = {
  'agi.declared': event(
    'agi.declared',
    'OpenAI declares that AGI has been achieved; the independent expert panel must now rule. Allowed only when no declaration is pending and AGI is not verified (C2)',
    {},
  ),
  'panel.verified': event(
    'panel.verified',
    'The independent expert panel verifies the pending declaration: AGI is verified, and the terms tied to verification end (C2)',
    {},
  ),
  'panel.rejected': event(
    'panel.rejected',
    'The independent expert panel rejects the pending declaration; OpenAI may declare again unless after-rejection=final (C2)',
    {},
  ),
  'product.launched': event(
    'product.launched',
    'OpenAI launches a product on a cloud; a launch off Azure is judged against Azure API exclusivity, and after the 2026-04-27 amendment against its Azure-first rule (C6, C11, S4)',
    {
      name: nonEmpty.describe("The product's name, as findings quote it."),
      api: z
        .boolean()
        .describe(
          'Whether it is an API product: API products are bound to Azure while Azure API exclusivity holds; non-API products may run on any cloud (C6, C1)',
        ),
      cloud: nonEmpty.describe(
        'The cloud it is served on, e.g. azure or aws: a launch on azure is always permitted, one elsewhere is judged (C6)',
      ),
      thirdParty: nonEmpty
        .optional()
        .describe('The company it was developed with, e.g. Amazon; absent for a first-party product (C6, S3)'),
      customer: nonEmpty
        .optional()
        .describe(
          'us-natsec (in any case) for API access by a US government national-security customer, which may run on any cloud; a spelling one or two letters from it is refused; absent, or any other name, for an ordinary customer (C11)',
        ),
      azureFirst: z
        .boolean()
        .optional()
        .describe(
          'Whether the product shipped first on Azure; after the 2026-04-27 amendment that lets it run on any cloud, and absent leaves a launch off Azure undetermined (S4)',
        ),
      stateful: z
        .boolean()
        .optional()
        .describe(
          'Whether an API product is stateful; absent means stateless. Read by assumption stateful-api: outside Azure API exclusivity by default (S3, C6)',
        ),
      azureCannotSupport: z
        .boolean()
        .optional()
        .describe(
          'Whether Microsoft cannot support the capabilities the product needs: one of the two facts of the exception to shipping first on Azure; absent means not invoked (S4)',
        ),
      azureChoosesNotToSupport: z
        .boolean()
        .optional()
        .describe(
          'Whether Microsoft chooses not to support them: the other fact of the exception, read with the first under assumption s4-exception; absent means not invoked (S4)',
        ),
    },
  ),
  'model.released': event(
    'model.released',
    "OpenAI releases a model: open weights are judged against the capability criteria, and every release is told whether and until when Microsoft's IP rights cover it (C3, C4, C12)",
    {
      name: nonEmpty.describe("The model's name, as findings quote it."),
      openWeights: z
        .boolean()
        .optional()
        .describe('Whether its weights are released openly; absent means closed weights (C12)'),
      meetsCapabilityCriteria: z
        .boolean()
        .optional()
        .describe(
          'Whether an open-weight model meets the requisite capability criteria, which are not public; absent leaves the verdict undetermined (C12)',
        ),
      internalOnly: z
        .boolean()
        .optional()
        .describe('Whether the model is meant only for internal deployment or research, and so is research IP (C4)'),
      postAgi: z
        .boolean()
        .optional()
        .describe("Whether it is a post-AGI model, which Microsoft's IP rights include (C3)"),
      safetyGuardrails: z
        .boolean()
        .optional()
        .describe(
          'Whether a post-AGI model has appropriate safety guardrails; without them, read by assumption post-agi-without-guardrails (C3)',
        ),
    },
  ),
  'hardware.launched': event(
    'hardware.launched',
    "OpenAI launches consumer hardware, which Microsoft's IP rights exclude (C5)",
    { name: nonEmpty.describe("The device's name, as findings quote it.") },
  ),
  'compute.contracted': event(
    'compute.contracted',
    'OpenAI contracts compute from a provider, which it may do with anyone: Microsoft has no right of first refusal (C10)',
    { provider: nonEmpty.describe('The compute provider, e.g. AWS (C10)') },
  ),
  'msft.training-run': event(
    'msft.training-run',
    "Microsoft trains a model: free without OpenAI's IP, and with it bound by the compute threshold while that holds (C7, C8)",
    {
      usesOpenAiIp: z
        .boolean()
        .describe("Whether the run uses OpenAI's IP; only such runs are subject to the compute threshold (C8)"),
      computeFlop: positiveAmount.describe(
        "The run's training compute in FLOP, compared with the compute-threshold-flop assumption (C8)",
      ),
    },
  ),
  'azure.purchased': event(
    'azure.purchased',
    'OpenAI buys Azure services toward its incremental $250B commitment (C10)',
    { amountUsd: usdAmount.describe('The amount in US dollars, counted toward the $250B (C10)') },
  ),
  'revenue.recognized': event(
    'revenue.recognized',
    'OpenAI recognises revenue, on which the revenue share to Microsoft accrues while it holds, up to the cap once the 2026-04-27 amendment applies (C9, S4)',
    {
      amountUsd: usdAmount.describe('The revenue in US dollars; revenue-share-rate of it accrues to Microsoft (C9)'),
    },
  ),
  'agreement.amended': event(
    'agreement.amended',
    'A named amendment of the agreement applies from its date: a built-in one (2026-02-27, 2026-04-27) or one from an --amendments file (S3, S4)',
    {
      amendment: nonEmpty.describe(
        "The amendment's id: 2026-02-27 (the joint statement), 2026-04-27 (the amendment), or the id of one in an --amendments file (S3, S4)",
      ),
    },
  ),
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

/** An event type a log may hold (dotted past tense, e.g. `agi.declared`). */
export type LogEventType = keyof typeof EVENT_SCHEMAS;
/** Every event type a log may hold, e.g. `agi.declared`, `panel.verified`. */
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

/**
 * From JSON Lines text to validated events, one line at a time. Pure: the caller reads the file
 * and names it; every error carries the file and 1-based line and says how to fix the line.
 */
import type { z } from 'zod';
import { matchCloud } from '../domain/clouds.ts';
import { matchCustomer, US_NATSEC } from '../domain/customers.ts';
import { EFFECTIVE_DATE, type IsoDate, parseIsoDate } from '../domain/dates.ts';
import { didYouMean } from '../domain/did-you-mean.ts';
import { InputError } from '../domain/errors.ts';
import { EVENT_SCHEMAS, LOG_EVENT_TYPES, type LogEvent, type LogEventType, RETIRED_FIELDS } from '../domain/events.ts';

/** An event and the line it was read from. */
export interface LoggedEvent {
  readonly line: number;
  readonly event: LogEvent;
  /**
   * Where the line comes from when it is not the user's own file: the history replayed before
   * the future ("history" for the built-in one, else the history file's name). Line references
   * then read `history:4`.
   */
  readonly origin?: string;
}

/** How people name a line: `line 3` in the user's own file, `history:4` in the history. */
export function lineRef(line: number, origin?: string): string {
  return origin === undefined ? `line ${line}` : `${origin}:${line}`;
}

/** The longest line an event may take; anything longer is not a hand- or machine-written event. */
export const MAX_LINE_BYTES = 64 * 1024;

const EXAMPLE = '{"type":"agi.declared","date":"2028-03-01"}';

/** Validates one line's text as an event. Throws an {@link InputError} placed at `line`. */
export function parseEventLine(text: string, line: number, file?: string): LogEvent {
  if (text.length > MAX_LINE_BYTES) {
    throw failAt(
      line,
      file,
      `the line is ${text.length.toLocaleString('en-US')} characters long, more than the ${MAX_LINE_BYTES / 1024} KiB an event may take`,
      'put one event on each line; a long note belongs in a linked source',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw failAt(
      line,
      file,
      `not valid JSON (${(error as Error).message})`,
      `write one JSON object per line, e.g. ${EXAMPLE}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw failAt(
      line,
      file,
      `expected a JSON object, found ${describeJson(value)}`,
      `write one JSON object per line, e.g. ${EXAMPLE}`,
    );
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    throw failAt(
      line,
      file,
      'the event has no "type"',
      `add a type such as "agi.declared"; the types are ${LOG_EVENT_TYPES.join(', ')}`,
    );
  }
  // One lookup by the line's type, which JSON.parse leaves uninterned: every further one costs.
  const shape = FAST_SHAPES.get(type);
  if (shape === undefined) {
    throw failAt(
      line,
      file,
      `unknown event type "${type}"${didYouMean(type, LOG_EVENT_TYPES)}`,
      `use one of ${LOG_EVENT_TYPES.join(', ')}`,
    );
  }
  const date = checkDate(record.date, line, file);
  const fast = inSchemaOrder(shape, record) ? (record as unknown as LogEvent) : rebuilt(shape, record, date);
  if (fast !== undefined) return withCanonicalNames(fast, line, file);
  const schema = EVENT_SCHEMAS[type as LogEventType];
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    // A misspelt field also shows up as the missing one it was meant to be: name the misspelling.
    const issues = parsed.error.issues;
    const issue = (issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]) as z.ZodIssue;
    throw failAt(line, file, ...describeIssue(type as LogEventType, issue, record));
  }
  return withCanonicalNames({ ...parsed.data, date } as LogEvent, line, file);
}

/**
 * A launch's `cloud` as its canonical provider (`"Microsoft Azure"` → `azure`) and its `customer`
 * as C11's when it is spelt another way (`US-NATSEC`); a near miss of either is refused.
 */
function withCanonicalNames(event: LogEvent, line: number, file: string | undefined): LogEvent {
  if (event.type !== 'product.launched') return event;
  const customer = event.customer === undefined ? undefined : matchCustomer(event.customer);
  if (customer !== undefined && customer.customer === undefined) {
    throw failAt(
      line,
      file,
      `"customer" ${JSON.stringify(event.customer)} is ${customer.why}, the one customer that changes a verdict (C11)`,
      `write "customer":"${US_NATSEC}" for a US national-security customer, or the customer's own name for an ordinary one`,
    );
  }
  const named =
    customer === undefined || customer.customer === event.customer ? event : { ...event, customer: customer.customer };
  const match = matchCloud(named.cloud);
  if (match.provider === undefined) {
    throw failAt(
      line,
      file,
      `"cloud" ${JSON.stringify(named.cloud)} is not a provider dealsim knows: ${match.why}${match.nearMiss ? ` (did you mean "${match.nearMiss}"?)` : ''}`,
      `${match.nearMiss ? `write "cloud":"${match.nearMiss}" if that is the provider; ` : ''}the known ones are azure, aws, gcp and oracle (any case, or names such as "Microsoft Azure"), and any other provider's own name is read as a cloud other than Azure`,
    );
  }
  return match.provider === named.cloud ? named : { ...named, cloud: match.provider };
}

/** A check of one field's value equivalent to its zod schema; null where the schema is not mirrored. */
type FieldCheck = ((value: unknown) => boolean) | null;

/**
 * Mirrors a field's zod schema as a plain predicate, for the kinds the event schemas use (strings
 * with a minimum length and a pattern, finite and bounded numbers, booleans, literals). Anything else (a
 * refinement such as `source`'s URL check, a check kind not listed) gives null, and a line that
 * uses such a field goes through zod.
 */
function fieldCheck(schema: z.ZodTypeAny): FieldCheck {
  const def = schema._def as {
    typeName: string;
    checks?: { kind: string; value?: number; inclusive?: boolean; regex?: RegExp }[];
  };
  switch (def.typeName) {
    case 'ZodOptional':
      return fieldCheck((schema as z.ZodOptional<z.ZodTypeAny>).unwrap());
    case 'ZodBoolean':
      return (value) => typeof value === 'boolean';
    case 'ZodLiteral': {
      const literal = (schema as z.ZodLiteral<unknown>).value;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the shape was looked up by this very type, so the literal always matches; a mismatch only declines (speed)
      return (value) => value === literal;
    }
    case 'ZodString': {
      let min = 0;
      let pattern: RegExp | undefined;
      // Stryker disable next-line ArrayDeclaration: zod always sets _def.checks, so the fallback array is never used
      for (const check of def.checks ?? []) {
        if (check.kind === 'min') min = Math.max(min, check.value ?? 0);
        else if (check.kind === 'regex' && pattern === undefined) pattern = check.regex;
        else return null;
      }
      const matches = pattern;
      return matches === undefined
        ? (value) => typeof value === 'string' && value.length >= min
        : (value) => typeof value === 'string' && value.length >= min && matches.test(value);
    }
    case 'ZodNumber': {
      const checks: ((n: number) => boolean)[] = [];
      // Stryker disable next-line ArrayDeclaration: zod always sets _def.checks, so the fallback array is never used
      for (const { kind, value: bound = 0, inclusive } of def.checks ?? []) {
        if (kind === 'finite') checks.push(Number.isFinite);
        else if (kind === 'min') checks.push(inclusive ? (n) => n >= bound : (n) => n > bound);
        else if (kind === 'max') checks.push(inclusive ? (n) => n <= bound : (n) => n < bound);
        else return null;
      }
      // Stryker disable next-line EqualityOperator,BooleanLiteral,ArrowFunction: each only declines every number (speed); a non-number still fails Number.isFinite
      return (value) => typeof value === 'number' && !Number.isNaN(value) && checks.every((check) => check(value));
    }
    default:
      return null;
  }
}

interface FastShape {
  readonly keys: readonly string[];
  readonly optional: readonly boolean[];
  readonly checks: readonly FieldCheck[];
}

/** Each event type's fields in schema order, with their mirrored checks. */
const FAST_SHAPES = new Map<string, FastShape>(
  LOG_EVENT_TYPES.map((type) => {
    const shape = EVENT_SCHEMAS[type].shape as Record<string, z.ZodTypeAny>;
    const keys = Object.keys(shape);
    return [
      type,
      {
        keys,
        optional: keys.map((key) => (shape[key] as z.ZodTypeAny).isOptional()),
        checks: keys.map((key) => fieldCheck(shape[key] as z.ZodTypeAny)),
      },
    ];
  }),
);

/**
 * The fast path of {@link parseEventLine}: the event zod would return for a well-formed line
 * (same fields, in the schema's order, with the checked date), checked by hand because zod costs
 * more than the replay on a long log (issue 5). {@link inSchemaOrder} or {@link rebuilt} decline
 * whenever the line is not plainly valid: the caller then runs zod, which either accepts it or
 * writes the error message, so messages never depend on this path.
 *
 * This one: whether `record`'s own keys are valid fields in the schema's order with every required one
 * present: then the parsed object already is the event zod would build (its date is the checked
 * one, as checkDate returns the same string), and keeping it saves a copy per line. JSON.parse
 * gives only own keys, in the line's order; for-in lists them (an enumerable key inherited from
 * a polluted prototype is not a field, so the record is declined).
 */
// Stryker disable next-line BlockStatement: equivalent, only slower: declining rebuilds the same event
function inSchemaOrder(shape: FastShape, record: Record<string, unknown>): boolean {
  const { keys, optional, checks } = shape;
  let i = 0;
  for (const key in record) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BlockStatement: equivalent, only slower: declining rebuilds the same event
    while (i < keys.length && keys[i] !== key) {
      // Stryker disable next-line BooleanLiteral,ConditionalExpression: equivalent, only slower: declining rebuilds the same event
      if (!optional[i]) return false;
      i++;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, only slower: declining rebuilds the same event
    if (i === keys.length) return false;
    const check = checks[i];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: equivalent, only slower: declining rebuilds the same event
    if (key !== 'date' && (check === null || check === undefined || !check(record[key]))) return false;
    i++;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: equivalent, only slower: declining rebuilds the same event
  for (; i < keys.length; i++) if (!optional[i]) return false;
  return true;
}

/** The fast path for a record whose fields come in another order: the event rebuilt in the schema's order, or undefined. */
// Stryker disable next-line BlockStatement: equivalent, only slower: the fast path always declines, and zod then returns the same event
function rebuilt(shape: FastShape, record: Record<string, unknown>, date: IsoDate): LogEvent | undefined {
  const event: Record<string, unknown> = {};
  let seen = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator,BlockStatement: equivalent, only slower: the fast path always declines, and zod then returns the same event
  for (let i = 0; i < shape.keys.length; i++) {
    const key = shape.keys[i] as string;
    // Stryker disable next-line BooleanLiteral,ConditionalExpression,BlockStatement: equivalent, only slower: the fast path always declines, and zod then returns the same event
    if (!Object.hasOwn(record, key)) {
      // Stryker disable next-line BooleanLiteral: every schema has an optional source before its own fields: absent, it now declines; present, its null check declines (speed)
      if (!shape.optional[i]) return undefined;
      continue;
    }
    const value = record[key];
    const check = shape.checks[i];
    if (key === 'date') event.date = date;
    else if (check === null || check === undefined || !check(value)) return undefined;
    else event[key] = value;
    // Stryker disable next-line UpdateOperator: equivalent, only slower: the fast path always declines, and zod then returns the same event
    seen++;
  }
  // .strict(): a field the schema does not name is zod's to report. JSON.parse gives only own
  // keys, so for-in counts them (an enumerable key inherited from a polluted prototype only
  // makes the count differ, and the line goes to zod); hasOwn would cost a third of the check.
  // Stryker disable next-line UpdateOperator: equivalent, only slower: the fast path always declines, and zod then returns the same event
  for (const _ in record) seen--;
  return seen === 0 ? (event as unknown as LogEvent) : undefined;
}

/** The error for `line`, placed in `file` when it is named. */
function failAt(line: number, file: string | undefined, message: string, hint: string): InputError {
  return new InputError(message, { line, hint, ...(file && { file }) });
}

/** The last date that passed {@link checkDate}: a long log repeats each date on many lines. */
let lastGoodDate: IsoDate = EFFECTIVE_DATE;

function checkDate(date: unknown, line: number, file: string | undefined): IsoDate {
  if (date === lastGoodDate) return lastGoodDate;
  if (date === undefined) throw failAt(line, file, 'the event has no "date"', 'add "date":"YYYY-MM-DD"');
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw failAt(
      line,
      file,
      `"date" must be an ISO date YYYY-MM-DD, found ${JSON.stringify(date)}`,
      'write the date as e.g. "2028-03-01"',
    );
  }
  const iso = parseIsoDate(date);
  if (!iso) throw failAt(line, file, `"date" ${date} is not a real calendar day`, 'check the month and day');
  if (iso < EFFECTIVE_DATE) {
    throw failAt(
      line,
      file,
      `"date" ${date} is before the agreement's effective date ${EFFECTIVE_DATE}`,
      `date the event on or after ${EFFECTIVE_DATE}`,
    );
  }
  lastGoodDate = iso;
  return iso;
}

function describeIssue(type: LogEventType, issue: z.ZodIssue, record: Record<string, unknown>): [string, string] {
  const field = issue.path.join('.');
  const allowed = Object.keys(EVENT_SCHEMAS[type].shape);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      if (Object.hasOwn(RETIRED_FIELDS, key))
        return [`the field "${key}" is no longer read`, RETIRED_FIELDS[key] as string];
      return [
        `unknown field "${key}" in ${article(type)} event${didYouMean(key, allowed)}`,
        `the fields of ${type} are ${allowed.join(', ')}`,
      ];
    }
    case 'invalid_type':
      return issue.received === 'undefined'
        ? [`${article(type)} event needs the field "${field}" (${issue.expected})`, `add "${field}" to the event`]
        : [
            `"${field}" must be ${article(issue.expected)}, found ${describeJson(record[field])}`,
            `write "${field}" as ${article(issue.expected)}`,
          ];
    default:
      // zod's own messages start with a capital ("Number must be…"); ours may name Unicode.
      return [`"${field}" ${lowerFirst(issue.message)}, found ${describeJson(record[field])}`, `correct "${field}"`];
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // JSON.parse reads a number past the largest double (1e309) as Infinity, which JSON writes as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to read (past 1.8e308)';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/**
 * Parses a whole log: every non-blank line is an event, dates never go backwards (equal dates
 * keep file order). A last line cut off without a newline is reported as torn.
 */
export function parseLog(text: string, file?: string): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  for (const entry of parseLogLines(splitLines(text), file)) events.push(entry);
  return events;
}

/** A log's lines with their numbers, and whether the last one ended with a newline. */
export interface LogLine {
  readonly line: number;
  readonly text: string;
  /** False only for a final line with no newline after it. */
  readonly terminated: boolean;
}

/**
 * The lines of a log's text. A line ends at LF, CRLF or a lone CR (editors on every system write
 * one of the three, and JSON text never holds a raw CR or LF), and a leading byte-order mark is
 * not part of the first line.
 */
export function* splitLines(text: string): Generator<LogLine> {
  let start = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;
  const ends = /\r\n?|\n/g;
  while (start < text.length) {
    ends.lastIndex = start;
    const end = ends.exec(text);
    if (end === null) {
      yield { line, text: text.slice(start), terminated: false };
      return;
    }
    yield { line, text: text.slice(start, end.index), terminated: true };
    start = end.index + end[0].length;
    line++;
  }
}

/** U+FEFF, the byte-order mark some editors put at the start of a UTF-8 file. */
export const BOM = 0xfeff;

/** Validates lines as they come, so a long log can stream; see {@link parseLog}. */
export function* parseLogLines(lines: Iterable<LogLine>, file?: string): Generator<LoggedEvent> {
  const parser = new LineParser(file);
  for (const { line, text, terminated } of lines) {
    const logged = parser.take(line, text, terminated);
    if (logged !== undefined) yield logged;
  }
}

/**
 * {@link parseLogLines} one line at a time, for a reader that has the line's parts in hand (the
 * streamed reader calls it without building a {@link LogLine}): it skips blank lines, reports a
 * torn last line, and keeps lines in date order.
 */
export class LineParser {
  private previous: LoggedEvent | undefined;

  constructor(private readonly file?: string) {}

  /** The event on line `line`, or undefined for a blank line; throws an {@link InputError}. */
  take(line: number, text: string, terminated: boolean): LoggedEvent | undefined {
    const file = this.file;
    if (text.trim() === '') return undefined;
    let event: LogEvent;
    try {
      event = parseEventLine(text, line, file);
    } catch (error) {
      if (!terminated && error instanceof InputError && error.message.startsWith('not valid JSON')) {
        throw new InputError('the last line is incomplete: it looks torn by an interrupted write', {
          line,
          ...(file && { file }),
          hint: `run "dealsim repair ${file ?? 'LOG'}" to move the torn line aside into a .torn file, then append the event again`,
        });
      }
      throw error;
    }
    const previous = this.previous;
    if (previous && event.date < previous.event.date) {
      throw new InputError(
        `the event is dated ${event.date}, before line ${previous.line} (${previous.event.date}); a log runs in date order`,
        { line, ...(file && { file }), hint: `move this line above line ${previous.line}, or correct its date` },
      );
    }
    this.previous = { line, event };
    return this.previous;
  }
}

/**
 * Hypothetical amendments written by a user in a JSON file (`--amendments FILE`): one amendment
 * object or an array of them, validated with zod into the same overlay data as the built-in ones.
 * Pure: the caller reads the file and names it; every error says where (file, line, JSON path),
 * what is wrong and how to fix it, with a did-you-mean for misspelt term IDs and keys.
 */
import { z } from 'zod';
import { type Amendment, type AmendmentCatalog, BUILT_IN_AMENDMENTS, type TermRetiming } from './amendments.ts';
import { dayAfterYear, EFFECTIVE_DATE, type IsoDate, parseIsoDate } from './dates.ts';
import { didYouMean } from './did-you-mean.ts';
import { InputError } from './errors.ts';
import { parseJsonInput } from './json-input.ts';
import { MAX_USD } from './money.ts';
import { PRODUCT_LAUNCH_RULES, type ProductLaunchRule } from './rules.ts';
import { TERM_IDS, type TermId } from './terms.ts';

const EXAMPLE = '{"id":"research-2032","title":"Research IP through 2032","retime":{"research-ip":{"through":2032}}}';

const retimingSchema = z
  .object({
    sunset: z.union([z.string(), z.null()]).optional(),
    through: z.number().int('must be a whole year').min(2025).max(2200).optional(),
    endsOnVerification: z.boolean().optional(),
    suspendsOnDeclaration: z.boolean().optional(),
    capUsd: z.union([z.number().finite().positive().max(MAX_USD), z.null(), z.literal('assumed')]).optional(),
  })
  .strict();

const amendmentSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"'),
    title: z.string().min(1).optional(),
    summary: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    ends: z.array(z.string()).optional(),
    retime: z.record(z.string(), retimingSchema).optional(),
    productLaunch: z.string().optional(),
    $comment: z.string().optional(),
  })
  .strict();

type Path = readonly (string | number)[];
type RawAmendment = z.infer<typeof amendmentSchema>;

/**
 * Parses an amendment file into a catalogue holding the built-in amendments and the file's.
 * Throws an {@link InputError} placed at the offending line of `file`.
 */
export function parseAmendmentFile(
  text: string,
  file: string,
  builtIns: AmendmentCatalog = BUILT_IN_AMENDMENTS,
): AmendmentCatalog {
  text = text.replace(/^\uFEFF/, ''); // editors on Windows may start the file with a byte-order mark
  const value = parseJsonInput(text, {
    file,
    what: 'the amendment file',
    hint: `write one amendment object, or an array of them, e.g. ${EXAMPLE}`,
  });
  const lines = locateLines(text);
  const fail = (path: Path, message: string, hint: string) =>
    new InputError(`${describePath(path)}${message}`, { file, line: lineOf(lines, path), hint });
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const catalog = new Map<string, Amendment>(Object.entries(builtIns));
  if (list.length === 0) {
    throw fail([], 'the file holds no amendment', `write one amendment object, e.g. ${EXAMPLE}`);
  }
  list.forEach((raw, index) => {
    const at: Path = Array.isArray(value) ? [index] : [];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw fail(at, `expected an amendment object, found ${describeJson(raw)}`, `write e.g. ${EXAMPLE}`);
    }
    const parsed = amendmentSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0] as z.ZodIssue;
      const [message, hint] = describeIssue(issue, raw as Record<string, unknown>);
      const path = [...at, ...issue.path];
      // An unknown key is reported on the line that names it.
      const where = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
      throw new InputError(`${describePath(path)}${message}`, { file, line: lineOf(lines, where), hint });
    }
    const amendment = toAmendment(parsed.data, at, fail);
    if (Object.hasOwn(builtIns, amendment.id)) {
      throw fail(
        [...at, 'id'],
        `"${amendment.id}" is the ID of a built-in amendment`,
        'give your hypothetical amendment its own ID, e.g. "my-2026-04-27"',
      );
    }
    if (catalog.has(amendment.id)) {
      throw fail([...at, 'id'], `amendment "${amendment.id}" is defined twice in the file`, 'give each its own ID');
    }
    catalog.set(amendment.id, amendment);
  });
  return Object.fromEntries(catalog);
}

function toAmendment(
  raw: RawAmendment,
  at: Path,
  fail: (path: Path, message: string, hint: string) => InputError,
): Amendment {
  const termOf = (name: string, path: Path): TermId => {
    if ((TERM_IDS as readonly string[]).includes(name)) return name as TermId;
    throw fail(path, `unknown term "${name}"${didYouMean(name, TERM_IDS)}`, `name one of ${TERM_IDS.join(', ')}`);
  };
  const ends = (raw.ends ?? []).map((name, index) => termOf(name, [...at, 'ends', index]));
  const retime: Partial<Record<TermId, TermRetiming>> = {};
  for (const [name, change] of Object.entries(raw.retime ?? {})) {
    const term = termOf(name, [...at, 'retime', name]);
    const path = [...at, 'retime', name];
    if (ends.includes(term)) {
      throw fail(path, `term "${term}" is both ended and re-timed`, 'keep it in "ends" or in "retime", not both');
    }
    if (Object.keys(change).length === 0) {
      throw fail(
        path,
        `the re-timing of "${term}" changes nothing`,
        'give "through" (a year) or "sunset" (a date or null), "endsOnVerification", "suspendsOnDeclaration" or "capUsd"',
      );
    }
    if (change.sunset !== undefined && change.through !== undefined) {
      throw fail(path, 'give either "sunset" or "through", not both', '"through": 2032 means "sunset": "2033-01-01"');
    }
    if (change.capUsd !== undefined && term !== 'revenue-share') {
      throw fail([...path, 'capUsd'], `"capUsd" applies only to revenue-share, not to "${term}"`, 'remove "capUsd"');
    }
    retime[term] = {
      ...(change.through !== undefined && { sunset: dayAfterYear(change.through) }),
      ...(change.sunset !== undefined && { sunset: sunsetOf(change.sunset, [...path, 'sunset'], fail) }),
      ...(change.endsOnVerification !== undefined && { endsOnVerification: change.endsOnVerification }),
      ...(change.suspendsOnDeclaration !== undefined && { suspendsOnDeclaration: change.suspendsOnDeclaration }),
      ...(change.capUsd !== undefined && { capUsd: change.capUsd }),
    };
  }
  const productLaunch = raw.productLaunch;
  if (productLaunch !== undefined && !(PRODUCT_LAUNCH_RULES as readonly string[]).includes(productLaunch)) {
    throw fail(
      [...at, 'productLaunch'],
      `unknown product-launch rule "${productLaunch}"${didYouMean(productLaunch, PRODUCT_LAUNCH_RULES)}`,
      `use one of ${PRODUCT_LAUNCH_RULES.join(', ')}`,
    );
  }
  if (ends.length === 0 && Object.keys(retime).length === 0 && productLaunch === undefined) {
    throw fail(
      at,
      `amendment "${raw.id}" changes nothing`,
      'give "ends" (term IDs), "retime" (term ID → new ending) or "productLaunch"',
    );
  }
  return {
    id: raw.id,
    title: raw.title ?? raw.id,
    source: checkSource(raw.source ?? 'hypothetical', [...at, 'source'], fail),
    summary: raw.summary ?? summarize(ends, retime, productLaunch),
    ...(ends.length > 0 && { ends }),
    ...(Object.keys(retime).length > 0 && { retime }),
    ...(productLaunch !== undefined && { productLaunch: productLaunch as ProductLaunchRule }),
  };
}

function sunsetOf(
  text: string | null,
  path: Path,
  fail: (path: Path, message: string, hint: string) => InputError,
): IsoDate | null {
  if (text === null) return null;
  const date = parseIsoDate(text);
  if (!date) {
    throw fail(
      path,
      `"${text}" is not a calendar date`,
      'write the first day the term no longer holds, e.g. "2033-01-01"',
    );
  }
  if (date <= EFFECTIVE_DATE) {
    throw fail(path, `sunset ${date} is not after the effective date ${EFFECTIVE_DATE}`, 'give a later date');
  }
  return date;
}

function checkSource(
  source: string,
  path: Path,
  fail: (path: Path, message: string, hint: string) => InputError,
): string {
  if (source === 'hypothetical' || /^[SR]\d+$/.test(source) || URL.canParse(source)) return source;
  throw fail(path, `"${source}" is not a source`, 'write "hypothetical", a source ID such as S4, or a URL');
}

/** A one-sentence summary for an amendment that gives none. */
function summarize(
  ends: readonly TermId[],
  retime: Partial<Record<TermId, TermRetiming>>,
  productLaunch: string | undefined,
): string {
  const parts: string[] = [];
  if (ends.length) parts.push(`ends ${ends.join(', ')}`);
  for (const [term, change] of Object.entries(retime)) {
    const bits: string[] = [];
    if (change.sunset !== undefined) bits.push(change.sunset === null ? 'no calendar end' : `sunset ${change.sunset}`);
    if (change.endsOnVerification !== undefined)
      bits.push(change.endsOnVerification ? 'ends on verification' : 'not ended by verification');
    if (change.suspendsOnDeclaration !== undefined)
      bits.push(change.suspendsOnDeclaration ? 'suspended by a declaration' : 'not suspended by a declaration');
    if (change.capUsd !== undefined) bits.push(`cap ${change.capUsd}`);
    parts.push(`re-times ${term} (${bits.join(', ')})`);
  }
  if (productLaunch) parts.push(`judges off-Azure launches by ${productLaunch}`);
  return `Hypothetical: ${parts.join('; ')}.`;
}

const AMENDMENT_KEYS = Object.keys(amendmentSchema.shape);
const RETIMING_KEYS = [...Object.keys(retimingSchema.shape)];

function describeIssue(issue: z.ZodIssue, record: Record<string, unknown>): [string, string] {
  const inRetiming = issue.path[0] === 'retime';
  const allowed = inRetiming && issue.path.length >= 2 ? RETIMING_KEYS : AMENDMENT_KEYS;
  const field = issue.path.at(-1);
  const found = valueAt(record, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return [
        `unknown key "${key}"${didYouMean(key, allowed)}`,
        `the keys of ${inRetiming ? 'a re-timing' : 'an amendment'} are ${allowed.join(', ')}`,
      ];
    }
    case 'invalid_type':
      if (issue.received === 'undefined') return [`the amendment needs "${String(field)}"`, `add "${String(field)}"`];
      return [`must be ${expected(issue.path)}, found ${describeJson(found)}`, `write it as ${expected(issue.path)}`];
    case 'invalid_union':
      return [`must be ${expected(issue.path)}, found ${describeJson(found)}`, `write it as ${expected(issue.path)}`];
    default:
      return [`${issue.message.toLowerCase()}, found ${describeJson(found)}`, `correct "${String(field)}"`];
  }
}

/** What a field takes, in words, for errors. */
function expected(path: readonly (string | number)[]): string {
  const field = path.at(-1);
  if (path[0] === 'ends') return 'a term ID string';
  switch (field) {
    case 'sunset':
      return 'a date "YYYY-MM-DD" or null';
    case 'through':
      return 'a year such as 2032';
    case 'capUsd':
      return 'a positive amount in USD, null, or "assumed"';
    case 'endsOnVerification':
    case 'suspendsOnDeclaration':
      return 'true or false';
    case 'ends':
      return 'an array of term IDs';
    case 'retime':
      return 'an object from term ID to a re-timing';
    default:
      return path[0] === 'retime' && path.length === 2 ? 'an object such as {"through": 2032}' : 'a string';
  }
}

function valueAt(record: unknown, path: readonly (string | number)[]): unknown {
  let current = record;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function describePath(path: Path): string {
  if (path.length === 0) return '';
  return `${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('')}: `.replace(/^\./, '');
}

function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** The line of the deepest located prefix of `path`. */
function lineOf(lines: ReadonlyMap<string, number>, path: Path): number {
  for (let length = path.length; length >= 0; length--) {
    const line = lines.get(JSON.stringify(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return 1;
}

/**
 * The line of every key and value in well-formed JSON `text`, by JSON path. A member is located
 * at its key, so an error about a field points at the line that names it.
 */
function locateLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const space = () => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const string = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]) => {
    space();
    const key = JSON.stringify(path);
    if (!lines.has(key)) lines.set(key, line);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      let index = 0;
      while (text[i] !== close) {
        if (c === '{') {
          const memberLine = line;
          const name = string();
          lines.set(JSON.stringify([...path, name]), memberLine);
          space();
          i++; // ':'
          value([...path, name]);
        } else {
          value([...path, index++]);
        }
        space();
        if (text[i] === ',') {
          i++;
          space();
        }
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  value([]);
  return lines;
}

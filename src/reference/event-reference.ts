/**
 * The event reference: every event type with its fields, their types, whether each is required,
 * its meaning and the clauses it bears on. Derived from the JSON Schema that zod-to-json-schema
 * generates from src/domain/events.ts, so `dealsim events`, the shipped schema and the README's
 * "Event reference" say the same thing by construction. Pure.
 */
import { WITHOUT_NONCHARACTERS } from '../domain/events.ts';
import type { JsonSchema } from './event-schema.ts';

/** One field of an event type. `clauses` are CLAUSES.md IDs (C0–C12, S1–S4, R1–R2); may be empty. */
export interface FieldReference {
  readonly name: string;
  /** The type as a person reads it: `string`, `boolean`, `number > 0`, `"agi.declared"`, `"a" | "b"`. */
  readonly type: string;
  readonly required: boolean;
  readonly meaning: string;
  readonly clauses: readonly string[];
}

export interface EventReference {
  readonly type: string;
  readonly meaning: string;
  readonly clauses: readonly string[];
  readonly fields: readonly FieldReference[];
}

/** The trailing "(C6, C1)" of a description: the clauses it cites. */
const CITATION = /\s*\(((?:[CSR]\d{1,2})(?:, [CSR]\d{1,2})*)\)\.?$/;

/** Splits a `.describe()` text into its meaning and the clause IDs it ends with. */
export function splitCitation(description: string): { meaning: string; clauses: string[] } {
  const match = CITATION.exec(description);
  if (!match) return { meaning: description.trim(), clauses: [] };
  const meaning = description.slice(0, match.index).trim();
  return { meaning: /[.!?]$/.test(meaning) ? meaning : `${meaning}.`, clauses: (match[1] as string).split(', ') };
}

/** The reference of every event type, in the order the schema lists them. */
export function eventReference(schema: JsonSchema): EventReference[] {
  const resolve = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], schema);
    if (typeof target !== 'object' || target === null) throw new Error(`event schema: unresolvable $ref ${ref}`);
    return resolve({ ...(target as JsonSchema), ...withoutRef(node) });
  };
  return (schema.anyOf as JsonSchema[]).map((member) => {
    const definition = resolve(member);
    const type = (definition.properties as Record<string, JsonSchema>).type?.const;
    if (typeof type !== 'string') throw new Error('event schema: an event has no "type" constant');
    const required = new Set(definition.required as string[]);
    const fields = Object.entries(definition.properties as Record<string, JsonSchema>).map(([name, raw]) => {
      const field = resolve(raw);
      return { name, type: typeText(type, name, field), required: required.has(name), ...described(type, name, field) };
    });
    return { type, ...described(type, '', definition), fields };
  });
}

function withoutRef(node: JsonSchema): JsonSchema {
  const { $ref: _, ...rest } = node;
  return rest;
}

function described(type: string, name: string, node: JsonSchema): { meaning: string; clauses: string[] } {
  if (typeof node.description !== 'string' || node.description.trim() === '') {
    throw new Error(
      `src/domain/events.ts: ${name ? `field "${name}" of ` : ''}${type} has no description. Fix: add .describe('what it means (C…)') to it`,
    );
  }
  return splitCitation(node.description);
}

/** The keywords `typeText` reads; any other would change what a value may be, so it must be shown. */
const READ = new Set(['type', 'const', 'enum', 'minLength', 'exclusiveMinimum', 'maximum', 'description', '$ref']);

function typeText(event: string, name: string, node: JsonSchema): string {
  // Every string field refuses noncharacters; the reference says so once, above its tables.
  const unread = Object.keys(node).filter(
    (keyword) => !READ.has(keyword) && !(keyword === 'pattern' && node.pattern === WITHOUT_NONCHARACTERS.source),
  );
  if (unread.length) {
    throw new Error(
      `event schema: field "${name}" of ${event} uses ${unread.join(', ')}, which the event reference does not show. Fix: teach typeText in src/reference/event-reference.ts to print it`,
    );
  }
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.type === 'string') return node.minLength === 1 ? 'non-empty string' : 'string';
  if (node.type === 'number' && node.exclusiveMinimum === 0) {
    return typeof node.maximum === 'number'
      ? `number > 0, at most ${node.maximum.toExponential().replace('e+', 'e')}`
      : 'number > 0';
  }
  if (typeof node.type === 'string' && node.minLength === undefined && node.exclusiveMinimum === undefined) {
    return node.type;
  }
  throw new Error(`event schema: field "${name}" of ${event} has a type the event reference cannot show`);
}

/** The fields every event type takes alike (same name, required-ness, meaning and clauses), in schema order. */
export function commonFields(reference: readonly EventReference[]): FieldReference[] {
  const [first, ...others] = reference;
  if (!first) return [];
  const same = (a: FieldReference, b: FieldReference) =>
    a.name === b.name && a.required === b.required && a.meaning === b.meaning && a.clauses.join() === b.clauses.join();
  return first.fields.filter((field) => others.every((event) => event.fields.some((other) => same(field, other))));
}

/** The fields of `event` that not every event takes. */
export function ownFields(event: EventReference, common: readonly FieldReference[]): FieldReference[] {
  const shared = new Set(common.map((field) => field.name));
  return event.fields.filter((field) => !shared.has(field.name));
}

/** How a common field's type reads when it differs by event (the `type` constant). */
export function commonTypeText(field: FieldReference, reference: readonly EventReference[]): string {
  const types = new Set(reference.map((event) => event.fields.find((f) => f.name === field.name)?.type));
  return types.size === 1 ? field.type : `the event's own, e.g. ${field.type}`;
}

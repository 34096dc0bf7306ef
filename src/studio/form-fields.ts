/**
 * The event forms, generated from the zod event schemas (src/domain/events.ts): one field per
 * schema key, its kind read from the schema (string, URL-checked string, number, boolean, enum),
 * required unless the schema marks it optional. A form's values become the JSON object a log
 * line would hold, and that line is validated by the CLI's own parser, so the messages are the
 * CLI's. Pure: no DOM.
 */
import type { z } from 'zod';
import { EVENT_SCHEMAS, type LogEvent, type LogEventType } from '../domain/events.ts';

export type FieldKind = 'date' | 'text' | 'url' | 'number' | 'boolean' | 'choice';

export interface FieldSpec {
  /** The event field, as in the JSON line. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The values of an enum field (`status`). */
  readonly choices?: readonly string[];
}

interface Def {
  readonly typeName: string;
  readonly effect?: { readonly type: string };
  readonly values?: readonly string[];
}

function kindOf(schema: z.ZodTypeAny, name: string): Pick<FieldSpec, 'kind' | 'choices'> {
  const def = schema._def as Def;
  switch (def.typeName) {
    case 'ZodOptional':
      return kindOf((schema as z.ZodOptional<z.ZodTypeAny>).unwrap(), name);
    case 'ZodEffects':
      // A refined string: `source` is checked to be an http(s) URL.
      return { kind: 'url' };
    case 'ZodBoolean':
      return { kind: 'boolean' };
    case 'ZodNumber':
      return { kind: 'number' };
    case 'ZodEnum':
      return { kind: 'choice', choices: def.values ?? [] };
    case 'ZodString':
      return { kind: name === 'date' ? 'date' : 'text' };
    default:
      throw new TypeError(`the studio has no form field for ${def.typeName} (field "${name}")`);
  }
}

/** Where the common fields go: the date first, the record's status, source and note last. */
const LAST = ['status', 'source', 'note'];

/** The form fields of one event type, in the order a person fills them in. */
export function fieldsOf(type: LogEventType): FieldSpec[] {
  const shape = EVENT_SCHEMAS[type].shape as Record<string, z.ZodTypeAny>;
  const names = Object.keys(shape).filter((name) => name !== 'type');
  const own = names.filter((name) => !LAST.includes(name));
  const ordered = [...own, ...LAST.filter((name) => names.includes(name))];
  return ordered.map((name) => {
    const schema = shape[name] as z.ZodTypeAny;
    return { name, required: !schema.isOptional(), ...kindOf(schema, name) };
  });
}

/** Form values: every field as the text the user typed or picked ('' when left empty). */
export type FormValues = Readonly<Record<string, string>>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The JSON object a log line would hold for these values. Empty fields are left out (so a
 * missing required one gets the parser's "needs the field" message); a number field that does
 * not read as a number stays text, so the parser says what the CLI would say of it.
 */
export function eventObject(type: LogEventType, values: FormValues): Record<string, unknown> {
  const object: Record<string, unknown> = { type };
  for (const field of fieldsOf(type)) {
    const text = values[field.name] ?? '';
    if (text.trim() === '') continue;
    switch (field.kind) {
      case 'number':
        object[field.name] = NUMBER.test(text.trim()) ? Number(text.trim()) : text;
        break;
      case 'boolean':
        object[field.name] = text === 'true' ? true : text === 'false' ? false : text;
        break;
      case 'date':
        object[field.name] = text.trim();
        break;
      default:
        object[field.name] = text;
    }
  }
  return object;
}

/** The form values that show `event`. */
export function formValues(event: LogEvent): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fieldsOf(event.type)) {
    const value = (event as Record<string, unknown>)[field.name];
    if (value !== undefined) values[field.name] = String(value);
  }
  return values;
}

/**
 * The field a parser message is about: the first field name it quotes (`"amountUsd" must be a
 * number`, `needs the field "name"`, `unknown field "nmae"`), or null for the event as a whole.
 */
export function fieldOfMessage(message: string, fields: readonly string[]): string | null {
  for (const match of message.matchAll(/"([^"]+)"/g)) {
    if (fields.includes(match[1] as string)) return match[1] as string;
  }
  return null;
}

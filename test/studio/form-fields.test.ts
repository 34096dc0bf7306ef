/**
 * The studio's event forms are generated from the zod event schemas (issue 13, "Editing a
 * future"): every type gets every field of its schema, a form filled from an event gives that
 * event back, and what a form says of bad input is exactly what the CLI's parser says of the
 * same line, placed beside the field it names.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { InputError } from '../../src/domain/errors.ts';
import { EVENT_SCHEMAS, LOG_EVENT_TYPES, type LogEvent } from '../../src/domain/events.ts';
import { futureArbitrary } from '../../src/fuzz/arbitraries/future.ts';
import { parseEventLine } from '../../src/log/parse.ts';
import { eventObject, fieldOfMessage, fieldsOf, formValues } from '../../src/studio/form-fields.ts';

describe('forms generated from the event schema', () => {
  it.each(LOG_EVENT_TYPES)('%s: one field per schema field, required exactly when the schema requires it', (type) => {
    const shape = EVENT_SCHEMAS[type].shape as Record<string, z.ZodTypeAny>;
    const fields = fieldsOf(type);
    expect(fields.map((field) => field.name).sort()).toEqual(
      Object.keys(shape)
        .filter((key) => key !== 'type')
        .sort(),
    );
    for (const field of fields)
      expect(field.required, field.name).toBe(!(shape[field.name] as z.ZodTypeAny).isOptional());
    expect(fields[0]?.name).toBe('date');
  });

  test.prop([futureArbitrary({ maxEvents: 8, amendments: true })])(
    'a form filled from an event gives the same event back',
    ({ events }) => {
      for (const { event, line } of events) {
        const again = parseEventLine(JSON.stringify(eventObject(event.type, formValues(event))), line);
        expect(again).toEqual(event as LogEvent);
      }
    },
  );

  /** What the form shows for `values` of `type`, and what the CLI says of the same line. */
  function both(type: (typeof LOG_EVENT_TYPES)[number], values: Record<string, string>) {
    const line = JSON.stringify(eventObject(type, values));
    try {
      parseEventLine(line, 1);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return {
        message: `${error.message}. Fix: ${error.hint}.`,
        cli: error.describe(),
        field: fieldOfMessage(
          error.message,
          fieldsOf(type).map((f) => f.name),
        ),
      };
    }
    return null;
  }

  it.each([
    [
      'revenue.recognized',
      { date: '2027-01-01', amountUsd: 'lots' },
      'amountUsd',
      '"amountUsd" must be a number, found string "lots"',
    ],
    [
      'revenue.recognized',
      { date: '2027-01-01', amountUsd: '-5' },
      'amountUsd',
      '"amountUsd" number must be greater than 0',
    ],
    ['product.launched', { date: '2027-01-01', name: 'x', cloud: 'aws' }, 'api', 'needs the field "api" (boolean)'],
    ['agi.declared', { date: '2025-02-30' }, 'date', '"date" 2025-02-30 is not a real calendar day'],
    ['agi.declared', { date: '2024-01-01' }, 'date', "before the agreement's effective date"],
    [
      'agi.declared',
      { date: '2028-01-01', source: 'javascript:alert(1)' },
      'source',
      '"source" must be an http(s) URL',
    ],
    [
      'model.released',
      { date: '2028-01-01', name: 'm', openWeights: 'maybe' },
      'openWeights',
      '"openWeights" must be a boolean',
    ],
  ] as const)('%s with %j: the CLI message, beside "%s"', (type, values, field, says) => {
    const shown = both(type, values);
    expect(shown?.field).toBe(field);
    expect(shown?.message).toContain(says);
    expect(shown?.cli).toBe(`1: ${shown?.message}`);
  });

  test.prop([
    fc.constantFrom(...LOG_EVENT_TYPES),
    fc.dictionary(
      fc.constantFrom(
        'date',
        'name',
        'api',
        'amountUsd',
        'computeFlop',
        'cloud',
        'provider',
        'amendment',
        'source',
        'status',
        'note',
      ),
      fc.string({ maxLength: 12 }),
    ),
  ])(
    'any form input is either a valid event or refused with a message that the CLI gives word for word',
    (type, values) => {
      const line = JSON.stringify(eventObject(type, values));
      let cli: string | null = null;
      try {
        parseEventLine(line, 3, 'f.jsonl');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        cli = error.describe();
      }
      const shown = both(type, values);
      if (cli === null) expect(shown).toBeNull();
      else expect(cli).toBe(`f.jsonl:3: ${shown?.message}`);
    },
  );
});

/// <reference lib="dom" />
/**
 * The form that adds or edits one event of the user's future, generated from the event schema:
 * a field for every field of the chosen type. Each field's message is the CLI's own (the line is
 * checked by `parseEventLine`) and appears beside the field it is about; a message about the
 * future as a whole (an AGI ruling with nothing pending) appears under the form.
 */
import { DealsimError } from '../../domain/errors.ts';
import { LOG_EVENT_TYPES, type LogEvent, type LogEventType } from '../../domain/events.ts';
import { eventObject, type FieldSpec, fieldOfMessage, fieldsOf, formValues } from '../form-fields.ts';
import { checkEvent, sentence } from '../simulation.ts';
import { byId, el, say } from './dom.ts';

export interface EventFormHost {
  readonly future: () => readonly LogEvent[];
  /**
   * Replays `candidate` and makes it the future; returns the refusal, or null when it was taken.
   * `started` is when the user asked for it (before the form was checked), for the page's timing.
   */
  readonly commit: (candidate: LogEvent[], done: string, started: number) => string | null;
  /** Marks the row being edited (or none). */
  readonly editing: (index: number | null) => void;
}

const HINTS: Readonly<Record<LogEventType, string>> = {
  'agi.declared': 'C2: OpenAI declares that AGI has been achieved; the panel must then rule.',
  'panel.verified': 'C2: the expert panel verifies the pending declaration.',
  'panel.rejected': 'C2: the expert panel rejects the pending declaration.',
  'product.launched': 'C6, C11, S4: OpenAI launches a product on a cloud (api: an API product).',
  'model.released': 'C3, C4, C12: OpenAI releases a model.',
  'hardware.launched': 'C5: OpenAI launches consumer hardware.',
  'compute.contracted': 'C10: OpenAI contracts compute from a provider.',
  'msft.training-run': 'C7, C8: Microsoft trains a model (computeFlop in training FLOP, e.g. 2e28).',
  'azure.purchased': 'C10: OpenAI buys Azure services toward the $250B (amountUsd, e.g. 5e9).',
  'revenue.recognized': 'C9: OpenAI recognises revenue (amountUsd, e.g. 13e9).',
  'agreement.amended': 'S3, S4: a named amendment applies from its date (2026-02-27, 2026-04-27).',
};

/** Inserts `event` after every event dated on or before it: the log stays in date order. */
export function insertByDate(future: readonly LogEvent[], event: LogEvent): LogEvent[] {
  let at = future.length;
  while (at > 0 && (future[at - 1] as LogEvent).date > event.date) at--;
  return [...future.slice(0, at), event, ...future.slice(at)];
}

export class EventForm {
  private editingIndex: number | null = null;
  private fields: FieldSpec[] = [];
  /** The type whose fields are on the form; null before the first build. */
  private builtType: LogEventType | null = null;
  private readonly typeSelect = byId<HTMLSelectElement>('event-type');
  private readonly fieldsHost = byId('event-fields');
  private readonly error = byId('event-error');

  constructor(private readonly host: EventFormHost) {
    for (const type of LOG_EVENT_TYPES) this.typeSelect.append(el('option', { value: type }, type));
    this.typeSelect.value = 'agi.declared';
    this.typeSelect.addEventListener('change', () => this.build({}));
    byId('event-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('event-cancel').addEventListener('click', () => this.stopEditing());
    this.build({});
  }

  private get type(): LogEventType {
    return this.typeSelect.value as LogEventType;
  }

  /**
   * Shows the fields of the chosen type filled with `values`: built anew when the type changed,
   * otherwise refilled where they are, so a field that has the focus keeps it (pressing Enter in
   * a field saves, and the focus stays in the form) and the browser lays out only what changed.
   */
  private build(values: Readonly<Record<string, string>>): void {
    if (this.builtType === this.type) {
      for (const field of this.fields) {
        byId<HTMLInputElement | HTMLSelectElement>(`field-${field.name}`).value = values[field.name] ?? '';
      }
      this.show(null);
      return;
    }
    this.builtType = this.type;
    this.fields = fieldsOf(this.type);
    byId('event-type-help').textContent = `${HINTS[this.type]} Fields marked * are required.`;
    this.fieldsHost.replaceChildren(...this.fields.map((field) => this.fieldNode(field, values[field.name] ?? '')));
    say(this.error, null);
  }

  private fieldNode(field: FieldSpec, value: string): HTMLElement {
    const id = `field-${field.name}`;
    const described = `${id}-message`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (field.kind === 'boolean' || field.kind === 'choice') {
      const select = el('select', { id, name: field.name, 'aria-describedby': described });
      const empty = field.required ? 'choose…' : '(not given)';
      select.append(el('option', { value: '' }, empty));
      for (const choice of field.kind === 'boolean' ? ['true', 'false'] : (field.choices ?? [])) {
        select.append(el('option', { value: choice }, choice));
      }
      control = select;
    } else {
      control = el('input', {
        id,
        name: field.name,
        type: field.kind === 'url' ? 'url' : 'text',
        'aria-describedby': described,
        autocomplete: 'off',
        ...(field.kind === 'date' && { placeholder: 'YYYY-MM-DD', inputmode: 'numeric' }),
        ...(field.kind === 'number' && { inputmode: 'decimal', placeholder: 'e.g. 5e9' }),
        ...(field.kind === 'url' && { placeholder: 'https://…' }),
      });
    }
    control.value = value;
    control.addEventListener('change', () => this.check());
    const label = el(
      'label',
      { for: id },
      field.name,
      field.required ? el('span', { class: 'req' }, ' *') : null,
      field.kind === 'number' ? el('span', { class: 'hint' }, ' (number)') : null,
    );
    const message = el('p', { id: described, class: 'message', hidden: true });
    return el('div', { class: 'field' }, label, control, message);
  }

  private values(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const field of this.fields) {
      values[field.name] = byId<HTMLInputElement | HTMLSelectElement>(`field-${field.name}`).value;
    }
    return values;
  }

  /** Shows `message` beside its field (or under the form); clears every other message. */
  private show(message: string | null): void {
    const names = this.fields.map((field) => field.name);
    const field = message === null ? null : fieldOfMessage(message, names);
    for (const name of names) {
      const control = byId(`field-${name}`);
      const node = byId(`field-${name}-message`);
      const mine = message !== null && name === field;
      say(node, mine ? message : null);
      if (mine) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    say(this.error, message !== null && field === null ? message : null);
  }

  /** The event the form describes, or null after showing why it is not one. */
  private check(): LogEvent | null {
    const line = this.editingIndex === null ? this.host.future().length + 1 : this.editingIndex + 1;
    try {
      const event = checkEvent(eventObject(this.type, this.values()), line);
      this.show(null);
      return event;
    } catch (error) {
      if (!(error instanceof DealsimError)) throw error;
      this.show(sentence(error));
      return null;
    }
  }

  private submit(): void {
    const started = performance.now();
    const event = this.check();
    if (event === null) {
      this.focusInvalid();
      return;
    }
    const future = [...this.host.future()];
    if (this.editingIndex !== null) future.splice(this.editingIndex, 1);
    const candidate = insertByDate(future, event);
    const line = candidate.indexOf(event) + 1;
    const done = this.editingIndex === null ? `added line ${line}: ${event.type}` : `changed line ${line}`;
    const refusal = this.host.commit(candidate, done, started);
    if (refusal !== null) {
      this.show(refusal);
      this.focusInvalid();
      return;
    }
    this.stopEditing(true);
  }

  private focusInvalid(): void {
    const invalid = this.fieldsHost.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.error).focus?.();
  }

  /** Loads event `index` of the future into the form. */
  edit(index: number): void {
    const event = this.host.future()[index];
    if (event === undefined) return;
    this.editingIndex = index;
    this.typeSelect.value = event.type;
    this.build(formValues(event));
    byId('form-heading').textContent = `Edit line ${index + 1}`;
    byId('event-submit').textContent = 'Save the changes';
    byId('event-cancel').hidden = false;
    this.host.editing(index);
    this.typeSelect.focus();
  }

  /** Back to adding; keeps the chosen type and, after a successful add, clears the fields. */
  stopEditing(clear = false): void {
    const wasEditing = this.editingIndex !== null;
    this.editingIndex = null;
    byId('form-heading').textContent = 'Add an event';
    byId('event-submit').textContent = 'Add the event';
    byId('event-cancel').hidden = true;
    this.host.editing(null);
    if (clear || wasEditing) this.build({});
  }
}

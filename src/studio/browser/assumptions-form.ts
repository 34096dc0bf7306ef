/// <reference lib="dom" />
/**
 * One control per assumption of src/domain/assumptions.ts, with its clause and meaning: a select
 * where the values are a closed list, a text field where they are open (a number of days, FLOP,
 * a fraction, an amount). A value the CLI would refuse shows the CLI's message beside the field
 * and is not used.
 */
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
  formatAssumption,
  parseAssumptions,
} from '../../domain/assumptions.ts';
import { DealsimError } from '../../domain/errors.ts';
import { sentence } from '../simulation.ts';
import { el, say } from './dom.ts';

/** The values of `key` as a closed list, or null when the values are open. */
function closedValues(key: AssumptionKey): string[] | null {
  const spec = ASSUMPTIONS[key];
  const parses = spec.values.filter((value) => {
    const parsed = spec.parse(value);
    return parsed === null || typeof parsed !== 'object';
  });
  return parses.length === spec.values.length ? [...spec.values] : null;
}

export class AssumptionsForm {
  private readonly values = new Map<AssumptionKey, string>();
  private readonly controls = new Map<AssumptionKey, HTMLInputElement | HTMLSelectElement>();

  /**
   * @param prefix id prefix, so two forms (a comparison's two sides) can share a page
   * @param onChange called with the valid `KEY=VALUE` pairs after every accepted change
   */
  constructor(
    host: HTMLElement,
    private readonly prefix: string,
    private readonly onChange: () => void,
  ) {
    const rows = ASSUMPTION_KEYS.map((key) => this.row(key));
    host.replaceChildren(...rows);
  }

  private row(key: AssumptionKey): HTMLElement {
    const spec = ASSUMPTIONS[key];
    const id = `${this.prefix}${key}`;
    const described = `${id}-about ${id}-message`;
    const byDefault = formatAssumption(key, spec.default);
    const closed = closedValues(key);
    let control: HTMLInputElement | HTMLSelectElement;
    if (closed) {
      control = el('select', { id, 'aria-describedby': described });
      for (const value of closed) {
        control.append(el('option', { value }, value === byDefault ? `${value} (default)` : value));
      }
    } else {
      control = el('input', { id, type: 'text', 'aria-describedby': described, autocomplete: 'off', size: '12' });
    }
    control.value = byDefault;
    control.addEventListener('change', () => this.take(key));
    this.controls.set(key, control);
    return el(
      'div',
      { class: 'field assumption' },
      el('label', { for: id }, key, el('span', { class: 'hint' }, ` (${spec.clause})`)),
      control,
      el(
        'p',
        { id: `${id}-about`, class: 'hint' },
        `${spec.clause}: ${spec.meaning} Values: ${spec.values.join(' | ')}.`,
      ),
      el('p', { id: `${id}-message`, class: 'message', hidden: true }),
    );
  }

  private take(key: AssumptionKey): void {
    const control = this.controls.get(key) as HTMLInputElement | HTMLSelectElement;
    const text = control.value.trim();
    const message = document.getElementById(`${this.prefix}${key}-message`) as HTMLElement;
    try {
      parseAssumptions([`${key}=${text}`]);
    } catch (error) {
      if (!(error instanceof DealsimError)) throw error;
      say(message, sentence(error));
      control.setAttribute('aria-invalid', 'true');
      return;
    }
    say(message, null);
    control.removeAttribute('aria-invalid');
    if (text === formatAssumption(key, ASSUMPTIONS[key].default)) this.values.delete(key);
    else this.values.set(key, text);
    this.onChange();
  }

  /** The chosen readings that differ from the defaults, as `KEY=VALUE` pairs in catalogue order. */
  pairs(): string[] {
    return ASSUMPTION_KEYS.filter((key) => this.values.has(key)).map((key) => `${key}=${this.values.get(key)}`);
  }

  /** Shows `pairs` (already validated) as the chosen readings, every other key at its default. */
  set(pairs: readonly string[]): void {
    this.values.clear();
    const chosen = parseAssumptions(pairs);
    for (const key of ASSUMPTION_KEYS) {
      const control = this.controls.get(key) as HTMLInputElement | HTMLSelectElement;
      const text = formatAssumption(key, chosen[key]);
      control.value = text;
      control.removeAttribute('aria-invalid');
      say(document.getElementById(`${this.prefix}${key}-message`) as HTMLElement, null);
      if (text !== formatAssumption(key, ASSUMPTIONS[key].default)) {
        const pair = pairs.findLast((candidate) => candidate.startsWith(`${key}=`));
        this.values.set(key, pair ? pair.slice(key.length + 1) : text);
      }
    }
  }
}

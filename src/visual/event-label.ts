/** Short names for events on timelines and in the report's stepper; long text stays in tooltips. */

import type { DealEvent } from '../domain/events.ts';
import { formatUsd } from '../domain/money.ts';
import { formatNumber } from '../domain/numbers.ts';

/** What kind of marker an event gets: the AGI process, an amendment, conduct or the calendar. */
export type EventKind = 'agi' | 'amendment' | 'conduct' | 'calendar';

export function eventKind(event: DealEvent): EventKind {
  switch (event.type) {
    case 'agi.declared':
    case 'panel.verified':
    case 'panel.rejected':
    case 'panel.lapsed':
      return 'agi';
    case 'agreement.amended':
      return 'amendment';
    case 'calendar.sunset':
      return 'calendar';
    case 'product.launched':
    case 'model.released':
    case 'hardware.launched':
    case 'compute.contracted':
    case 'msft.training-run':
    case 'azure.purchased':
    case 'revenue.recognized':
      return 'conduct';
    default: {
      const unhandled: never = event;
      throw new TypeError(`no kind for ${JSON.stringify(unhandled)}`);
    }
  }
}

/** `AGI declared`, `launch "Foo" on aws`, `revenue $40B`, `sunset: research-ip`. */
export function eventLabel(event: DealEvent): string {
  switch (event.type) {
    case 'agi.declared':
      return 'AGI declared';
    case 'panel.verified':
      return 'AGI verified';
    case 'panel.rejected':
      return 'AGI rejected';
    case 'panel.lapsed':
      return 'declaration lapsed';
    case 'agreement.amended':
      return `amended ${event.amendment}`;
    case 'calendar.sunset':
      return `sunset: ${event.term}`;
    case 'product.launched':
      return `${event.api ? 'API' : 'product'} "${event.name}" on ${event.cloud}`;
    case 'model.released':
      return `model "${event.name}"${event.openWeights ? ' (open weights)' : ''}`;
    case 'hardware.launched':
      return `hardware "${event.name}"`;
    case 'compute.contracted':
      return `compute from ${event.provider}`;
    case 'msft.training-run':
      return `MSFT run ${formatNumber(event.computeFlop)} FLOP`;
    case 'azure.purchased':
      return `Azure ${formatUsd(event.amountUsd)}`;
    case 'revenue.recognized':
      return `revenue ${formatUsd(event.amountUsd)}`;
    default: {
      const unhandled: never = event;
      throw new TypeError(`no label for ${JSON.stringify(unhandled)}`);
    }
  }
}

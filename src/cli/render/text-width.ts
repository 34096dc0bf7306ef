/**
 * string-width and wrap-ansi, loaded when a table first meets text that is not dealsim's own
 * narrow text, or a terminal width to wrap to: loading string-width costs a start about 50 ms
 * (it builds its grapheme segmenter and emoji patterns), and most output never needs it. Node
 * 20.19 and later load them then, synchronously (`require` of an ES module); an earlier Node
 * imports them when this module loads, as before.
 */
import { createRequire } from 'node:module';

type StringWidth = typeof import('string-width').default;
type WrapAnsi = typeof import('wrap-ansi').default;

interface TextLibraries {
  readonly stringWidth: StringWidth;
  readonly wrapAnsi: WrapAnsi;
}

const requiresEsm = process.features.require_module === true;

let libraries: TextLibraries | undefined = requiresEsm
  ? undefined
  : { stringWidth: (await import('string-width')).default, wrapAnsi: (await import('wrap-ansi')).default };

function loaded(): TextLibraries {
  if (libraries === undefined) {
    const require = createRequire(import.meta.url);
    libraries = {
      stringWidth: (require('string-width') as { default: StringWidth }).default,
      wrapAnsi: (require('wrap-ansi') as { default: WrapAnsi }).default,
    };
  }
  return libraries;
}

/** `text`'s width in terminal columns, as string-width measures it. */
export function stringWidth(text: string): number {
  return loaded().stringWidth(text);
}

/** `text` wrapped to `columns`, as wrap-ansi wraps it (colour codes kept). */
export function wrapAnsi(text: string, columns: number, options?: Parameters<WrapAnsi>[2]): string {
  return loaded().wrapAnsi(text, columns, options);
}

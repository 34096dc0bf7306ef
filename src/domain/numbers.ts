/** Numbers as people write them: `1e28` and `5e26`, never `1e+28` or `10000000000000000000000000000`. */

/** Large and tiny numbers in the shortest exponent form without a plus sign (`1e28`, `2.5e-7`); others as they are. */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  if (size !== 0 && Number.isFinite(value) && (size >= 1e6 || size < 1e-4)) {
    return value.toExponential().replace('e+', 'e');
  }
  return String(value);
}

/** `1 event`, `2 events`: a count with its noun, plural unless the count is one. */
export function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/**
 * A name as a user may write it, for matching: in Unicode's compatibility form (full-width
 * "ＡＺＵＲＥ" is "AZURE"; ASCII, as nearly every name is, is its own), trimmed, lower-case, with
 * runs of spaces, hyphens and underscores read as one space. Clouds and customers are matched so.
 */
export function normaliseName(name: string): string {
  const compatible = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKC');
  return compatible
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Suggests the closest known name for a misspelt one, for "did you mean" hints in errors. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** " (did you mean X?)" or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

/**
 * Edits (insertions, deletions, substitutions, and swaps of two neighbouring letters) that turn
 * `a` into `b`: the optimal-string-alignment distance, so "gpc" is one edit from "gcp".
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

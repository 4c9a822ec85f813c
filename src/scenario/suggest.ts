/**
 * "Did you mean" for misspelt names. A suggestion must be a likely slip, not just any name of the
 * same length: a difference in case; or a few edits (a swap of two adjacent letters, `tahn` for
 * `tanh`, counts as one) that leave at least one character of the name in place, so `q` does not
 * suggest `x`; or, failing those, the one candidate that the name begins (`sig` for `sigmoid`).
 */

/** A shorter start than this matches too many names to be a suggestion. */
const MIN_PREFIX = 3;

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  // Edits must leave part of the name: every letter of a one-letter name may only change case.
  const limit = Math.min(name.length <= 3 ? 1 : 2, name.length - 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestShared = -1;
  const extensions: string[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const lowerCandidate = candidate.toLowerCase();
    if (name.length >= MIN_PREFIX && lowerCandidate.startsWith(lower)) extensions.push(candidate);
    if (Math.abs(candidate.length - name.length) > Math.min(limit, bestDistance)) continue;
    const distance = editDistance(lower, lowerCandidate);
    if (distance > limit) continue;
    // Between equally close candidates, the one that keeps more of the name's start.
    const shared = sharedPrefix(lower, lowerCandidate);
    if (distance < bestDistance || (distance === bestDistance && shared > bestShared)) {
      best = candidate;
      bestDistance = distance;
      bestShared = shared;
    }
  }
  if (best !== undefined) return best;
  return extensions.length === 1 ? extensions[0] : undefined;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, beforePrevious[j - 2] + 1);
      }
      current[j] = d;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

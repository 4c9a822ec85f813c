/**
 * The values of ../shared/reference-values.md, typed in once (test/engine/reference-graphs.ts) and
 * looked up here by section title, so the scenario tests check files against the same numbers.
 */
import { closeTo, REFERENCE_CASES, type ReferenceCase } from '../engine/reference-graphs.js';

export { closeTo };

export function referenceValues(title: string): ReferenceCase['expected'] {
  const found = REFERENCE_CASES.map((make) => make()).find((c) => c.title === title);
  if (found === undefined) throw new Error(`No reference case '${title}'.`);
  return found.expected;
}

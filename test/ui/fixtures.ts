import { readFileSync } from 'node:fs';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';

/** A fresh copy of a built-in scenario (a session takes over its graph). */
export function builtin(name: string): Scenario {
  const file = `scenarios/${name}.yaml`;
  const loaded = loadScenario({ name: file, text: readFileSync(file, 'utf8') });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.scenario;
}

/** Reference values §1 (../shared/reference-values.md), computed independently of this code. */
export const SEED_GRADS = { x: 12.000073729642216, y: 4.00004915309481 } as const;

export const close = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= 1e-9 + 1e-9 * Math.abs(expected);

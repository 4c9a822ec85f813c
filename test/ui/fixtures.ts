import { readFileSync } from 'node:fs';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import type { AppOptions } from '../../src/ui/app-state.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';

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

/** Key presses as `--keys` writes them: `:B3` types `:`, `B`, `3`, enter; anything else is one key. */
export function presses(tokens: readonly string[]) {
  return tokens.map((token) => ({
    token,
    keys: token.startsWith(':') && token.length > 1 ? [':', ...token.slice(1), 'enter'] : [token],
  }));
}

/** The app on a built-in scenario after pressing `keys` (key names) through the app reducer. */
export function appAfter(name: string, keys: readonly string[], options: Partial<AppOptions> = {}) {
  let state = initialApp({ scenario: builtin(name), ...options });
  for (const key of keys) state = reduceApp(state, { type: 'key', key }).state;
  return state;
}

import type { StepKeyAction } from '../../session/index.js';

/**
 * What a `--keys` token does: a session action, a goto, or nothing visible in a transcript; with
 * the token as typed, which `--frames` presses in the TUI's controller.
 */
export type ReplayKey = { readonly token: string } & (
  | { readonly kind: 'action'; readonly action: StepKeyAction }
  | { readonly kind: 'goto'; readonly step: string }
  | { readonly kind: 'view' }
  | { readonly kind: 'quit' }
);

/** The keymap as replay needs it: the normal-mode command a key runs, if any. */
export type KeyLookup = (
  key: string,
) => { readonly name: string; readonly action?: StepKeyAction } | undefined;

export type ParsedKeys =
  | { readonly ok: true; readonly keys: readonly ReplayKey[] }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

/**
 * `"n n N G :B3"`: keymap keys (`n`, `right`, `space`, ...) and `:STEP` gotos, separated by spaces.
 * A token the keymap does not bind is an error naming it and its 1-based position.
 */
export function parseKeys(text: string, lookup: KeyLookup): ParsedKeys {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const keys: ReplayKey[] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.startsWith(':')) {
      if (token.length === 1) {
        return {
          ok: false,
          message: `key ${i + 1} ':' needs a step`,
          hint: 'e.g. :B3, :F2, :end, :x',
        };
      }
      keys.push({ token, kind: 'goto', step: token.slice(1) });
      continue;
    }
    const command = lookup(token);
    if (command === undefined) {
      return {
        ok: false,
        message: `unknown key '${token}' at position ${i + 1} of --keys`,
        hint: 'keys are single characters of the keymap (n N f F c C g G ...), the names space enter esc tab left right up down, or :STEP',
      };
    }
    if (command.action !== undefined) keys.push({ token, kind: 'action', action: command.action });
    else if (command.name === 'quit') keys.push({ token, kind: 'quit' });
    else keys.push({ token, kind: 'view' });
  }
  return { ok: true, keys };
}

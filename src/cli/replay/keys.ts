/** The `--keys` string as the key presses it names; the app reducer decides what each does. */

// Types only: a static import of ui would load it for every command.
type KeyPress = import('../../ui/index.js').KeyPress;

export type ParsedKeys =
  | { readonly ok: true; readonly presses: readonly KeyPress[] }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

export interface KeyRules {
  /** Whether a token of more than one character names a key (`space`, `ctrl-n`). */
  readonly isKeyName: (token: string) => boolean;
  /** Why a `:STEP` names no step, or undefined when it does. */
  readonly stepProblem: (step: string) => { message: string; hint?: string } | undefined;
}

/**
 * `"n n N G :B3"`: keys separated by spaces: single characters (what each does depends on the
 * mode, as in the TUI: `q` quits, but is typed into an open prompt), the key names, and `:STEP`
 * gotos. An unknown key name or step is an error naming it, found before anything runs (a
 * transcript is printed as it is produced).
 */
export function parseKeys(text: string, rules: KeyRules): ParsedKeys {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const presses: KeyPress[] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.startsWith(':') && token.length > 1) {
      const problem = rules.stepProblem(token.slice(1));
      if (problem !== undefined) return { ok: false, ...problem };
      presses.push({ token, keys: [':', ...token.slice(1), 'enter'] });
    } else if ([...token].length === 1 || rules.isKeyName(token)) {
      presses.push({ token, keys: [token] });
    } else {
      return {
        ok: false,
        message: `unknown key '${token}' at position ${i + 1} of --keys`,
        hint: 'keys are single characters (n N f F c C g G ...), the names space enter esc tab left right up down backspace ctrl-n, or :STEP',
      };
    }
  }
  return { ok: true, presses };
}

import {
  type Command,
  type CommandName,
  commandsIn,
  FOOTER_COMMANDS,
  type Mode,
} from '../keymap.js';

const KEY_GLYPHS: Readonly<Record<string, string>> = {
  left: '←',
  right: '→',
  up: '↑',
  down: '↓',
  enter: '⏎',
  esc: 'esc',
  space: 'space',
  tab: 'tab',
};

/** A command's keys as printed: `n/→`, `ctrl-n`. */
export function keyText(command: Pick<Command, 'keys'>): string {
  return command.keys.map((key) => KEY_GLYPHS[key] ?? key).join('/');
}

/** Footer words that depend on where the view is (`page 1` on the last help page); null hides one. */
export type ShortWords = Partial<Record<CommandName, string | null>>;

/** `n/→ next`: a command's keys and its footer word (or the word given for it in `words`). */
export function keyItems(commands: readonly Command[], words: ShortWords = {}): string[] {
  return commands.flatMap((c) => {
    const word = words[c.name] === undefined ? c.short : words[c.name];
    return word === null ? [] : [`${keyText(c)} ${word}`];
  });
}

/**
 * `n/→ next  N/← prev …`: keys and words come from the keymap, so the footer cannot go stale. In
 * normal mode, the keymap's footer choice; with a text pane focused, its scroll keys first and the
 * normal ones they do not shadow; elsewhere every command of the mode.
 */
export function footerItems(mode: Mode, words: ShortWords = {}): string[] {
  if (mode !== 'normal' && mode !== 'scroll') return keyItems(commandsIn(mode), words);
  const own = mode === 'scroll' ? commandsIn('scroll') : [];
  const shadowed = new Set(own.flatMap((c) => c.keys));
  const normal = commandsIn('normal');
  const chosen = FOOTER_COMMANDS.map((name) => normal.find((c) => c.name === name)).filter(
    (c): c is Command => c !== undefined && !c.keys.some((key) => shadowed.has(key)),
  );
  return keyItems([...own, ...chosen], words);
}

import { type Command, commandsIn, FOOTER_COMMANDS, type Mode } from '../keymap.js';

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

/**
 * `n/→ next  N/← prev …`: keys and words come from the keymap, so the footer cannot go stale. In
 * normal mode, the keymap's footer choice; with a text pane focused, its scroll keys first and the
 * normal ones they do not shadow; elsewhere every command of the mode.
 */
export function footerItems(mode: Mode): string[] {
  const item = (c: Command) => `${keyText(c)} ${c.short}`;
  if (mode !== 'normal' && mode !== 'scroll') return commandsIn(mode).map(item);
  const own = mode === 'scroll' ? commandsIn('scroll') : [];
  const shadowed = new Set(own.flatMap((c) => c.keys));
  const normal = commandsIn('normal');
  const chosen = FOOTER_COMMANDS.map((name) => normal.find((c) => c.name === name)).filter(
    (c): c is Command => c !== undefined && !c.keys.some((key) => shadowed.has(key)),
  );
  return [...own, ...chosen].map(item);
}

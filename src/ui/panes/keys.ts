import { type Command, type CommandName, commandsIn, type Mode } from '../keymap.js';

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

/** The footer's choice of commands in normal mode, with the short word it shows for each. */
const FOOTER: readonly (readonly [CommandName, string])[] = [
  ['next', 'next'],
  ['prev', 'prev'],
  ['continue', 'continue'],
  ['finish', 'finish'],
  ['goto', 'goto'],
  ['selectNext', 'select'],
  ['toggleBreakpoint', 'break'],
  ['search', 'search'],
  ['autoplay', 'play'],
  ['help', 'help'],
  ['quit', 'quit'],
];

/** `n/→ next  N/← prev …`: the keys come from the keymap, so the footer cannot go stale. */
export function footerItems(mode: Mode): string[] {
  const commands = commandsIn(mode);
  if (mode !== 'normal') return commands.map((c) => `${keyText(c)} ${c.description}`);
  const items: string[] = [];
  for (const [name, word] of FOOTER) {
    const command = commands.find((c) => c.name === name);
    if (command !== undefined) items.push(`${keyText(command)} ${word}`);
  }
  return items;
}

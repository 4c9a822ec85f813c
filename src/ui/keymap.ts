/**
 * The one keymap: every command as data (name, keys, description, mode). The TUI's single input
 * handler, its help overlay and footer, and `gradstep replay --keys` all read this table.
 * Key names: a printable character as itself (`n`, `N`, `:`, `?`, `+`), `space enter esc tab left
 * right up down`, and `ctrl-X`.
 */
import type { StepKeyAction } from '../session/index.js';

/**
 * normal: the debugger; scroll: the same with a text pane (step panel or inspector) focused, whose
 * scroll keys shadow normal's; help: the overlay; prompt: typing a goto step, search or condition;
 * breakpoints: the list.
 */
export type Mode = 'normal' | 'scroll' | 'help' | 'prompt' | 'breakpoints';

export type CommandName =
  | StepKeyAction
  | 'goto'
  | 'prevWrite'
  | 'nextWrite'
  | 'selectNext'
  | 'selectPrev'
  | 'panLeft'
  | 'panDown'
  | 'panUp'
  | 'panRight'
  | 'focusNext'
  | 'cycleView'
  | 'toggleNeurons'
  | 'inspect'
  | 'search'
  | 'searchNext'
  | 'searchPrev'
  | 'toggleBreakpoint'
  | 'breakpointList'
  | 'addCondition'
  | 'removeBreakpoint'
  | 'autoplay'
  | 'faster'
  | 'slower'
  | 'reload'
  | 'help'
  | 'nextPage'
  | 'prevPage'
  | 'scrollDown'
  | 'scrollUp'
  | 'close'
  | 'submit'
  | 'quit';

export interface Command {
  readonly name: CommandName;
  readonly keys: readonly string[];
  /** One or two words for the footer. */
  readonly short: string;
  /** A full sentence for the help overlay. */
  readonly description: string;
  readonly mode: Mode;
  /** The session action a step key dispatches (`reduce(state, { type: action })`). */
  readonly action?: StepKeyAction;
}

/** The key names `replay --keys` accepts besides printable characters. */
export const KEY_NAMES = [
  'space',
  'enter',
  'esc',
  'tab',
  'left',
  'right',
  'up',
  'down',
  'home',
  'end',
] as const;

const STEP_ACTIONS: ReadonlySet<string> = new Set<StepKeyAction>([
  'next',
  'prev',
  'finish',
  'reverseFinish',
  'continue',
  'reverseContinue',
  'first',
  'last',
]);

/** One binding: mode, command, its keys separated by spaces, footer word, help description. */
type Row = readonly [Mode, CommandName, string, string, string];

const TABLE: readonly Row[] = [
  ['normal', 'next', 'n right', 'next', 'next step'],
  ['normal', 'prev', 'N left', 'prev', 'step back (undo it exactly)'],
  ['normal', 'finish', 'f', 'finish', 'run to the end of the phase'],
  ['normal', 'reverseFinish', 'F', 'phase start', 'back to the phase start'],
  ['normal', 'continue', 'c', 'continue', 'continue to a hit or the end'],
  ['normal', 'reverseContinue', 'C', 'rev continue', 'back to a hit or the start'],
  ['normal', 'first', 'g home', 'first', 'first position (start)'],
  ['normal', 'last', 'G end', 'last', 'last position (end)'],
  ['normal', 'goto', ':', 'goto', 'go to :B3, :F2, :end or :x'],
  ['normal', 'prevWrite', '[', 'prev write', "to the node's last write"],
  ['normal', 'nextWrite', ']', 'next write', "to the node's next write"],
  ['normal', 'selectNext', 'j down', 'select', 'select the next node'],
  ['normal', 'selectPrev', 'k up', 'select', 'select the previous node'],
  ['normal', 'panLeft', 'H', 'pan', 'pan the graph left'],
  ['normal', 'panDown', 'J', 'pan', 'pan the graph down'],
  ['normal', 'panUp', 'K', 'pan', 'pan the graph up'],
  ['normal', 'panRight', 'L', 'pan', 'pan the graph right'],
  ['normal', 'focusNext', 'tab', 'focus', 'focus the next pane'],
  ['normal', 'cycleView', 'v', 'view', 'graph, compact or list view'],
  ['normal', 'toggleNeurons', 'e', 'neurons', 'neurons: one box or opened'],
  ['normal', 'inspect', 'enter', 'inspect', 'inspect the selected node'],
  ['normal', 'search', '/', 'search', 'search by name or label'],
  ['normal', 'searchNext', 'ctrl-n', 'match', 'next search match'],
  ['normal', 'searchPrev', 'ctrl-p', 'match', 'previous search match'],
  ['normal', 'toggleBreakpoint', 'b', 'break', 'toggle breakpoint on node'],
  ['normal', 'breakpointList', 'B', 'breakpoints', 'breakpoint list, conditions'],
  ['normal', 'autoplay', 'space', 'play', 'autoplay (stops at hits)'],
  ['normal', 'faster', '+', 'faster', 'autoplay faster'],
  ['normal', 'slower', '-', 'slower', 'autoplay slower'],
  ['normal', 'reload', 'r', 'reload', 'reload the scenario file'],
  ['normal', 'help', '?', 'help', 'all keys and glyphs'],
  ['normal', 'close', 'esc', 'clear', 'clear search, follow step'],
  ['normal', 'quit', 'q ctrl-c', 'quit', 'quit'],
  ['scroll', 'scrollDown', 'j down', 'scroll', 'focused text: scroll down'],
  ['scroll', 'scrollUp', 'k up', 'scroll', 'focused text: scroll up'],
  ['help', 'nextPage', 'space right down', 'more', 'next page'],
  ['help', 'prevPage', 'left up', 'back', 'previous page'],
  ['help', 'close', 'esc ?', 'close', 'close help'],
  ['help', 'quit', 'q ctrl-c', 'quit', 'quit'],
  ['prompt', 'submit', 'enter', 'accept', 'accept'],
  ['prompt', 'close', 'esc', 'cancel', 'cancel (clears a search)'],
  ['prompt', 'searchNext', 'ctrl-n', 'next', 'next search match'],
  ['prompt', 'searchPrev', 'ctrl-p', 'prev', 'previous search match'],
  ['prompt', 'quit', 'ctrl-c', 'quit', 'quit'],
  ['breakpoints', 'selectNext', 'j down', 'next', 'next breakpoint'],
  ['breakpoints', 'selectPrev', 'k up', 'prev', 'previous breakpoint'],
  ['breakpoints', 'addCondition', 'a', 'add', 'add a spec (x: grad > 1)'],
  ['breakpoints', 'removeBreakpoint', 'd x', 'remove', 'remove the selected one'],
  ['breakpoints', 'close', 'esc B', 'close', 'close the list'],
  ['breakpoints', 'quit', 'q ctrl-c', 'quit', 'quit'],
];

/** Every command of every mode, in table order. */
export const COMMANDS: readonly Command[] = TABLE.map(
  ([mode, name, keys, short, description]): Command => ({
    name,
    keys: keys.split(' '),
    short,
    description,
    mode,
    ...(STEP_ACTIONS.has(name) ? { action: name as StepKeyAction } : {}),
  }),
);

/** The normal-mode commands the footer shows, in this order. */
export const FOOTER_COMMANDS: readonly CommandName[] = [
  'next',
  'prev',
  'continue',
  'finish',
  'goto',
  'selectNext',
  'toggleBreakpoint',
  'search',
  'autoplay',
  'help',
  'quit',
];

/** Modes whose keys shadow another mode's and fall back to it for the rest. */
const FALLBACK: Partial<Record<Mode, Mode>> = { scroll: 'normal' };

const byModeAndKey = new Map<string, Command>();
for (const command of COMMANDS) {
  for (const key of command.keys) byModeAndKey.set(`${command.mode} ${key}`, command);
}

/** The command a key runs in a mode, if any. */
export function commandForKey(key: string, mode: Mode = 'normal'): Command | undefined {
  const own = byModeAndKey.get(`${mode} ${key}`);
  const fallback = FALLBACK[mode];
  return own ?? (fallback === undefined ? undefined : commandForKey(key, fallback));
}

/** The commands of one mode, in table order (for help and the footer). */
export function commandsIn(mode: Mode): readonly Command[] {
  return COMMANDS.filter((command) => command.mode === mode);
}

/** The flags Ink's useInput passes, structurally (no Ink import here). */
export interface InputFlags {
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly ctrl?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
}

/**
 * The key names in one input event. Fast typing arrives as one string (`jjj`, `x⌫-6⏎`): every
 * character is a key of its own.
 */
export function keysOf(input: string, flags: InputFlags = {}): string[] {
  if (flags.leftArrow) return ['left'];
  if (flags.rightArrow) return ['right'];
  if (flags.upArrow) return ['up'];
  if (flags.downArrow) return ['down'];
  if (flags.return) return ['enter'];
  if (flags.escape) return ['esc'];
  if (flags.tab) return ['tab'];
  if (flags.home) return ['home'];
  if (flags.end) return ['end'];
  if (flags.ctrl) return input.length === 0 ? [] : [`ctrl-${input.toLowerCase()}`];
  return Array.from(input, (ch) => {
    if (ch === ' ') return 'space';
    if (ch === '\r' || ch === '\n') return 'enter';
    if (ch === '\t') return 'tab';
    // Backspace typed quickly after other keys arrives in the same chunk as DEL (or BS).
    if (ch === '\u007f' || ch === '\b') return 'backspace';
    return ch;
  });
}

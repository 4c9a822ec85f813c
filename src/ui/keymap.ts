/**
 * The one keymap: every command as data (name, keys, description, mode). The TUI's single input
 * handler, its help overlay and footer, and `gradstep replay --keys` all read this table.
 * Key names: a printable character as itself (`n`, `N`, `:`, `?`, `+`), `space enter esc tab left
 * right up down`, and `ctrl-X`.
 */
import type { StepKeyAction } from '../session/index.js';

/** normal: the debugger; help: the overlay; prompt: typing a goto step, search or condition; breakpoints: the list. */
export type Mode = 'normal' | 'help' | 'prompt' | 'breakpoints';

export type CommandName =
  | StepKeyAction
  | 'goto'
  | 'selectNext'
  | 'selectPrev'
  | 'panLeft'
  | 'panDown'
  | 'panUp'
  | 'panRight'
  | 'focusNext'
  | 'cycleView'
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
  | 'close'
  | 'submit'
  | 'quit';

export interface Command {
  readonly name: CommandName;
  readonly keys: readonly string[];
  readonly description: string;
  readonly mode: Mode;
  /** The session action a step key dispatches (`reduce(state, { type: action })`). */
  readonly action?: StepKeyAction;
}

/** The key names `replay --keys` accepts besides printable characters. */
export const KEY_NAMES = ['space', 'enter', 'esc', 'tab', 'left', 'right', 'up', 'down'] as const;

const step = (action: StepKeyAction, keys: string[], description: string): Command => ({
  name: action,
  keys,
  description,
  mode: 'normal',
  action,
});

const quit: Omit<Command, 'mode'> = { name: 'quit', keys: ['q', 'ctrl-c'], description: 'quit' };

export const COMMANDS: readonly Command[] = [
  step('next', ['n', 'right'], 'next step'),
  step('prev', ['N', 'left'], 'previous step (undo it exactly)'),
  step('finish', ['f'], 'finish the phase (forward, then backward)'),
  step('reverseFinish', ['F'], 'back to the start of the phase'),
  step('continue', ['c'], 'continue to the next breakpoint hit or the end'),
  step('reverseContinue', ['C'], 'back to the previous breakpoint hit or the start'),
  step('first', ['g'], 'first position (start)'),
  step('last', ['G'], 'last position (end)'),
  { name: 'goto', keys: [':'], description: 'go to a step (:B3, :F2, :end, :x)', mode: 'normal' },
  { name: 'selectNext', keys: ['j', 'down'], description: 'select the next node', mode: 'normal' },
  {
    name: 'selectPrev',
    keys: ['k', 'up'],
    description: 'select the previous node',
    mode: 'normal',
  },
  { name: 'panLeft', keys: ['H'], description: 'pan the graph left', mode: 'normal' },
  { name: 'panDown', keys: ['J'], description: 'pan the graph down', mode: 'normal' },
  { name: 'panUp', keys: ['K'], description: 'pan the graph up', mode: 'normal' },
  { name: 'panRight', keys: ['L'], description: 'pan the graph right', mode: 'normal' },
  { name: 'focusNext', keys: ['tab'], description: 'focus the next pane', mode: 'normal' },
  { name: 'cycleView', keys: ['v'], description: 'graph, compact or list view', mode: 'normal' },
  { name: 'inspect', keys: ['enter'], description: 'inspect the selected node', mode: 'normal' },
  { name: 'search', keys: ['/'], description: 'search nodes by name or label', mode: 'normal' },
  { name: 'searchNext', keys: ['ctrl-n'], description: 'next search match', mode: 'normal' },
  { name: 'searchPrev', keys: ['ctrl-p'], description: 'previous search match', mode: 'normal' },
  {
    name: 'toggleBreakpoint',
    keys: ['b'],
    description: 'toggle a breakpoint on the selected node',
    mode: 'normal',
  },
  { name: 'breakpointList', keys: ['B'], description: 'list breakpoints', mode: 'normal' },
  { name: 'autoplay', keys: ['space'], description: 'autoplay: play or pause', mode: 'normal' },
  { name: 'faster', keys: ['+'], description: 'autoplay faster', mode: 'normal' },
  { name: 'slower', keys: ['-'], description: 'autoplay slower', mode: 'normal' },
  { name: 'reload', keys: ['r'], description: 'reload the scenario file', mode: 'normal' },
  { name: 'help', keys: ['?'], description: 'help', mode: 'normal' },
  { name: 'close', keys: ['esc'], description: 'close the inspector or search', mode: 'normal' },
  { ...quit, mode: 'normal' },

  { name: 'close', keys: ['esc', '?'], description: 'close help', mode: 'help' },
  { ...quit, mode: 'help' },

  { name: 'submit', keys: ['enter'], description: 'accept', mode: 'prompt' },
  { name: 'close', keys: ['esc'], description: 'cancel', mode: 'prompt' },
  { name: 'searchNext', keys: ['ctrl-n'], description: 'next search match', mode: 'prompt' },
  { name: 'searchPrev', keys: ['ctrl-p'], description: 'previous search match', mode: 'prompt' },
  { name: 'quit', keys: ['ctrl-c'], description: 'quit', mode: 'prompt' },

  { name: 'selectNext', keys: ['j', 'down'], description: 'next breakpoint', mode: 'breakpoints' },
  {
    name: 'selectPrev',
    keys: ['k', 'up'],
    description: 'previous breakpoint',
    mode: 'breakpoints',
  },
  { name: 'addCondition', keys: ['a'], description: 'add a breakpoint spec', mode: 'breakpoints' },
  {
    name: 'removeBreakpoint',
    keys: ['d', 'x'],
    description: 'remove the selected breakpoint',
    mode: 'breakpoints',
  },
  { name: 'close', keys: ['esc', 'B'], description: 'close the list', mode: 'breakpoints' },
  { ...quit, mode: 'breakpoints' },
];

const byModeAndKey = new Map<string, Command>();
for (const command of COMMANDS) {
  for (const key of command.keys) byModeAndKey.set(`${command.mode} ${key}`, command);
}

/** The command a key runs in a mode, if any. */
export function commandForKey(key: string, mode: Mode = 'normal'): Command | undefined {
  return byModeAndKey.get(`${mode} ${key}`);
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
}

/**
 * The key names in one input event. Fast typing arrives as one string (`jjj`): every character
 * is a key of its own.
 */
export function keysOf(input: string, flags: InputFlags = {}): string[] {
  if (flags.leftArrow) return ['left'];
  if (flags.rightArrow) return ['right'];
  if (flags.upArrow) return ['up'];
  if (flags.downArrow) return ['down'];
  if (flags.return) return ['enter'];
  if (flags.escape) return ['esc'];
  if (flags.tab) return ['tab'];
  if (flags.ctrl) return input.length === 0 ? [] : [`ctrl-${input.toLowerCase()}`];
  return Array.from(input, (ch) => {
    if (ch === ' ') return 'space';
    if (ch === '\r' || ch === '\n') return 'enter';
    if (ch === '\t') return 'tab';
    return ch;
  });
}

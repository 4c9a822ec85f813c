/**
 * What every keymap command does, one handler per command: the table is a Record over the
 * keymap's command names, so a command without a handler does not compile.
 */
import {
  type Action,
  nodeFacts,
  reduce,
  type StepKeyAction,
  scenarioOf,
  shapeOf,
  stepWritingNode,
} from '../session/index.js';
import {
  type AppResult,
  type AppState,
  type Effect,
  follow,
  step,
  view,
  withSession,
} from './app-state.js';
import type { CommandName } from './keymap.js';
import { cancelPrompt, cycleMatch, submitPrompt } from './prompt.js';
import { AUTOPLAY_SPEEDS, type ViewAction } from './view-state.js';

const PAN_COLUMNS = 8;
const PAN_ROWS = 4;

type Handler = (state: AppState) => AppResult;

const done = (state: AppState, ...effects: Effect[]): AppResult => ({ state, effects });
const stepKey =
  (action: StepKeyAction): Handler =>
  (s) =>
    done(step(s, { type: action }));
const viewKey =
  (action: ViewAction): Handler =>
  (s) =>
    done(view(s, action));

const HANDLERS: Readonly<Record<CommandName, Handler>> = {
  next: stepKey('next'),
  prev: stepKey('prev'),
  finish: stepKey('finish'),
  reverseFinish: stepKey('reverseFinish'),
  continue: stepKey('continue'),
  reverseContinue: stepKey('reverseContinue'),
  first: stepKey('first'),
  last: stepKey('last'),
  goto: viewKey({ type: 'openPrompt', kind: 'goto' }),
  prevWrite: (s) => done(jumpToWrite(s, -1)),
  nextWrite: (s) => done(jumpToWrite(s, 1)),
  search: viewKey({ type: 'openPrompt', kind: 'search' }),
  addCondition: viewKey({ type: 'openPrompt', kind: 'condition' }),
  selectNext: (s) => done(select(s, 1)),
  selectPrev: (s) => done(select(s, -1)),
  panLeft: viewKey({ type: 'pan', dx: -PAN_COLUMNS, dy: 0 }),
  panRight: viewKey({ type: 'pan', dx: PAN_COLUMNS, dy: 0 }),
  panUp: viewKey({ type: 'pan', dx: 0, dy: -PAN_ROWS }),
  panDown: viewKey({ type: 'pan', dx: 0, dy: PAN_ROWS }),
  focusNext: viewKey({ type: 'focusNext' }),
  cycleView: viewKey({ type: 'cycleGraphMode' }),
  toggleNeurons: (s) => done(toggleNeurons(s)),
  inspect: viewKey({ type: 'inspect' }),
  scrollDown: (s) => done(scroll(s, 1)),
  scrollUp: (s) => done(scroll(s, -1)),
  searchNext: (s) => done(matchKey(s, 1)),
  searchPrev: (s) => done(matchKey(s, -1)),
  toggleBreakpoint: (s) => {
    const node = s.view.selected;
    return done(node < 0 ? s : edit(s, { type: 'toggleBreakpoint', node }));
  },
  breakpointList: viewKey({ type: 'toggleOverlay', overlay: 'breakpoints' }),
  removeBreakpoint: (s) => {
    const removed = edit(s, { type: 'removeBreakpoint', index: s.view.breakpointRow });
    const count = removed.session.breakpoints.length;
    return done(view(removed, { type: 'moveBreakpointRow', by: 0, count }));
  },
  autoplay: (s) => withTick(view(s, { type: 'togglePlay' })),
  faster: (s) => withTick(view(s, { type: 'changeSpeed', by: 1 })),
  slower: (s) => withTick(view(s, { type: 'changeSpeed', by: -1 })),
  reload: (s) =>
    s.config.reloadable
      ? done(s, { type: 'reload' })
      : done(view(s, { type: 'say', message: 'nothing to reload: the scenario is built in' })),
  help: viewKey({ type: 'toggleOverlay', overlay: 'help' }),
  nextPage: viewKey({ type: 'turnHelpPage', by: 1 }),
  prevPage: viewKey({ type: 'turnHelpPage', by: -1 }),
  close: (s) => done(close(s)),
  submit: (s) => done(submitPrompt(s)),
  quit: (s) => done(s, { type: 'quit' }),
};

/** e: a built model's neurons as one box each, or opened into their nodes; says which. */
function toggleNeurons(state: AppState): AppState {
  if (scenarioOf(state.session).neurons.length === 0) {
    return view(state, {
      type: 'say',
      message: 'no neurons here: only a model: scenario has them',
    });
  }
  const toggled = view(state, { type: 'toggleNeurons' });
  const message = toggled.view.neuronsCollapsed
    ? 'each neuron is one box (e opens them)'
    : 'neurons opened into their nodes (e makes each one box)';
  return view(toggled, { type: 'say', message });
}

/** A breakpoint edit: the selection stays where it is. */
function edit(state: AppState, action: Action): AppState {
  return withSession(state, reduce(state.session, action));
}

export function runCommand(state: AppState, name: CommandName): AppResult {
  return HANDLERS[name](state);
}

/** While autoplay runs, the next tick at the speed now set (a new speed replaces the old timer). */
function withTick(state: AppState): AppResult {
  const { playing, speed } = state.view;
  return playing ? done(state, { type: 'tick', ms: AUTOPLAY_SPEEDS[speed] }) : done(state);
}

/**
 * [ / ]: to the previous or next step that writes the selected node's data or grad; the selection
 * stays on that node, so the key repeats along its history.
 */
function jumpToWrite(state: AppState, direction: 1 | -1): AppState {
  const node = state.view.selected;
  if (node < 0) return state;
  const target = stepWritingNode(state.session, node, direction);
  if (target === undefined) {
    const label = nodeFacts(state.session, node).label;
    const message = `no ${direction === 1 ? 'later' : 'earlier'} step writes ${label}`;
    return view(state, { type: 'say', message });
  }
  const moved = withSession(state, reduce(state.session, { type: 'goto', step: target }));
  return view(moved, { type: 'select', node });
}

/** j / k: the next or previous node, or the breakpoint list's row while it is open. */
function select(state: AppState, by: 1 | -1): AppState {
  const { view: v, session } = state;
  if (v.overlay === 'breakpoints') {
    return view(state, { type: 'moveBreakpointRow', by, count: session.breakpoints.length });
  }
  const units = collapsedUnits(state);
  if (units !== undefined) {
    // Box by box: a collapsed neuron is one stop, at the node whose values it shows.
    const item = v.selected < 0 ? -1 : units.itemOf[v.selected];
    const target = Math.max(0, Math.min(units.last.length - 1, item + by));
    return view(state, { type: 'select', node: units.last[target] });
  }
  const size = shapeOf(session).nodes;
  return view(state, { type: 'select', node: Math.max(0, Math.min(size - 1, v.selected + by)) });
}

/** The boxes of the graph view when it draws a model's neurons collapsed; else undefined. */
function collapsedUnits(state: AppState) {
  const { graphMode, neuronsCollapsed } = state.view;
  if (graphMode === 'list' || !neuronsCollapsed) return undefined;
  return state.layouts.get(graphMode === 'graph' ? 'boxes' : 'compact', true).units;
}

function scroll(state: AppState, by: 1 | -1): AppState {
  const pane = state.view.focus;
  if (pane === 'graph') return state;
  return view(state, { type: 'scroll', pane, by, max: state.scrollMax[pane] });
}

/** Ctrl-N / Ctrl-P cycle the search's matches (not while a prediction is asked). */
function matchKey(state: AppState, by: 1 | -1): AppState {
  return state.view.prompt?.kind === 'predict' ? state : cycleMatch(state, by);
}

/** Esc: cancels the prompt, else closes the overlay, else clears the search and follows the step. */
function close(state: AppState): AppState {
  if (state.view.prompt !== undefined) return cancelPrompt(state);
  const closed =
    state.view.overlay !== 'none'
      ? view(state, { type: 'closeOverlay' })
      : follow(view(state, { type: 'setSearch', query: '' }));
  return view(closed, { type: 'say', message: undefined });
}

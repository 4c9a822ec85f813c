/**
 * What each keymap command does outside a prompt: view actions, breakpoint edits, opening prompts.
 * Step commands go straight to the session through the controller.
 */
import { type Action, reduce } from '../session/index.js';
import type { Controller } from './controller.js';
import type { CommandName } from './keymap.js';
import { cycleMatch } from './prompt.js';
import type { ViewAction } from './view-state.js';

const PAN_COLUMNS = 8;
const PAN_ROWS = 4;

/** Commands that are one view action each. */
const VIEW_ACTIONS: Partial<Record<CommandName, ViewAction>> = {
  panLeft: { type: 'pan', dx: -PAN_COLUMNS, dy: 0 },
  panRight: { type: 'pan', dx: PAN_COLUMNS, dy: 0 },
  panUp: { type: 'pan', dx: 0, dy: -PAN_ROWS },
  panDown: { type: 'pan', dx: 0, dy: PAN_ROWS },
  focusNext: { type: 'focusNext' },
  cycleView: { type: 'cycleGraphMode' },
  inspect: { type: 'inspect' },
  breakpointList: { type: 'toggleOverlay', overlay: 'breakpoints' },
  autoplay: { type: 'togglePlay' },
  faster: { type: 'changeSpeed', by: 1 },
  slower: { type: 'changeSpeed', by: -1 },
  help: { type: 'toggleOverlay', overlay: 'help' },
  nextPage: { type: 'turnHelpPage', by: 1 },
  prevPage: { type: 'turnHelpPage', by: -1 },
};

export function runCommand(c: Controller, name: CommandName, action?: Action['type']): void {
  if (action !== undefined) {
    c.step({ type: action } as Action);
    return;
  }
  const viewAction = VIEW_ACTIONS[name];
  if (viewAction !== undefined) {
    c.dispatchView(viewAction);
    return;
  }
  const { view } = c;
  switch (name) {
    case 'goto':
    case 'search':
      c.openPrompt(name);
      return;
    case 'addCondition':
      c.openPrompt('condition');
      return;
    case 'selectNext':
    case 'selectPrev':
      select(c, name === 'selectNext' ? 1 : -1);
      return;
    case 'scrollDown':
    case 'scrollUp': {
      if (view.focus === 'graph') return;
      const by = name === 'scrollDown' ? 1 : -1;
      c.dispatchView({ type: 'scroll', pane: view.focus, by, max: c.scrollMax[view.focus] });
      return;
    }
    case 'searchNext':
    case 'searchPrev':
      cycleMatch(c, name === 'searchNext' ? 1 : -1);
      return;
    case 'toggleBreakpoint':
      if (view.selected >= 0)
        c.setSession(reduce(c.session, { type: 'toggleBreakpoint', node: view.selected }));
      return;
    case 'removeBreakpoint':
      c.setSession(reduce(c.session, { type: 'removeBreakpoint', index: view.breakpointRow }));
      c.dispatchView({ type: 'moveBreakpointRow', by: 0, count: c.session.breakpoints.length });
      return;
    case 'reload':
      void c.reload();
      return;
    case 'close':
      if (view.overlay !== 'none') c.dispatchView({ type: 'closeOverlay' });
      else {
        c.dispatchView({ type: 'setSearch', query: '' });
        c.followStep();
      }
      c.dispatchView({ type: 'say', message: undefined });
      return;
    case 'quit':
      c.quit();
      return;
  }
}

/** j / k: the next or previous node, or the breakpoint list's row while it is open. */
function select(c: Controller, by: 1 | -1): void {
  const { view, session } = c;
  if (view.overlay === 'breakpoints') {
    c.dispatchView({ type: 'moveBreakpointRow', by, count: session.breakpoints.length });
    return;
  }
  const size = session.timeline.graph.size;
  c.dispatchView({ type: 'select', node: Math.max(0, Math.min(size - 1, view.selected + by)) });
}

import { describe, expect, it } from 'vitest';
import { AUTOPLAY_SPEEDS, initialViewState, reduceView } from '../../src/ui/view-state.js';

describe('reduceView', () => {
  it('returns the same object when an action changes nothing', () => {
    const state = initialViewState(3);
    expect(reduceView(state, { type: 'closePrompt' })).toBe(state);
    expect(reduceView(state, { type: 'closeOverlay' })).toBe(state);
    expect(reduceView(state, { type: 'follow', node: 3 })).toBe(state);
    expect(reduceView(state, { type: 'stopPlay' })).toBe(state);
  });

  it('follows the step by default; a manual pick holds only until the next step command', () => {
    const followed = reduceView(initialViewState(0), { type: 'follow', node: 4 });
    expect(followed).toMatchObject({ selected: 4, followCursor: true });
    const chosen = reduceView(followed, { type: 'select', node: 1 });
    expect(chosen).toMatchObject({ selected: 1, followCursor: false });
    const stepped = reduceView(chosen, { type: 'follow', node: 5, alsoInView: [6, 7] });
    expect(stepped).toMatchObject({ selected: 5, followCursor: true, alsoInView: [6, 7] });
    // The same step again changes nothing; a pick forgets the nodes kept in view.
    expect(reduceView(stepped, { type: 'follow', node: 5, alsoInView: [6, 7] })).toBe(stepped);
    expect(reduceView(stepped, { type: 'select', node: 2 }).alsoInView).toEqual([]);
  });

  it('cycles focus and graph views and wraps around', () => {
    let state = initialViewState();
    const focus = [state.focus];
    const modes = [state.graphMode];
    for (let i = 0; i < 3; i++) {
      state = reduceView(reduceView(state, { type: 'focusNext' }), { type: 'cycleGraphMode' });
      focus.push(state.focus);
      modes.push(state.graphMode);
    }
    expect(focus).toEqual(['graph', 'steps', 'inspector', 'graph']);
    expect(modes).toEqual(['graph', 'compact', 'list', 'graph']);
  });

  it('keeps autoplay speed within the table and stops play when a prompt opens', () => {
    let state = reduceView(initialViewState(), { type: 'togglePlay' });
    for (let i = 0; i < 10; i++) state = reduceView(state, { type: 'changeSpeed', by: 1 });
    expect(state.speed).toBe(AUTOPLAY_SPEEDS.length - 1);
    expect(state.playing).toBe(true);
    expect(reduceView(state, { type: 'openPrompt', kind: 'goto' }).playing).toBe(false);
  });

  it('toggles an overlay off with the same key and clamps the breakpoint row', () => {
    const open = reduceView(initialViewState(), { type: 'toggleOverlay', overlay: 'help' });
    expect(open.overlay).toBe('help');
    expect(reduceView(open, { type: 'toggleOverlay', overlay: 'help' }).overlay).toBe('none');
    const turned = reduceView(open, { type: 'turnHelpPage', by: 1 });
    expect(turned.helpPage).toBe(1);
    const reopened = reduceView(reduceView(turned, { type: 'closeOverlay' }), {
      type: 'toggleOverlay',
      overlay: 'help',
    });
    expect(reopened.helpPage).toBe(0);
    const list = reduceView(initialViewState(), { type: 'moveBreakpointRow', by: 5, count: 2 });
    expect(list.breakpointRow).toBe(1);
  });

  it('pans from the viewport last drawn and stops following the selection until it moves', () => {
    let state = reduceView(initialViewState(2), { type: 'viewport', x: 8, y: 3 });
    expect(state.viewport).toEqual({ x: 8, y: 3 });
    expect(reduceView(state, { type: 'viewport', x: 8, y: 3 })).toBe(state);
    state = reduceView(state, { type: 'pan', dx: -16, dy: 4 });
    expect(state.viewport).toEqual({ x: 0, y: 7 }); // never left of the canvas
    expect(state.panned).toBe(true);
    expect(reduceView(state, { type: 'select', node: 4 }).panned).toBe(false);
    expect(reduceView(state, { type: 'follow', node: 5 }).panned).toBe(false);
    const list = reduceView(state, { type: 'cycleGraphMode' });
    expect([list.viewport, list.panned]).toEqual([{ x: 0, y: 0 }, false]);
  });

  it('scrolls each text pane within its lines; a step resets the step panel only', () => {
    let state = reduceView(initialViewState(1), { type: 'scroll', pane: 'steps', by: 5, max: 3 });
    state = reduceView(state, { type: 'scroll', pane: 'inspector', by: 2, max: 4 });
    expect(state.scroll).toEqual({ steps: 3, inspector: 2 });
    expect(reduceView(state, { type: 'scroll', pane: 'steps', by: 1, max: 3 })).toBe(state);
    const chosen = reduceView(state, { type: 'select', node: 2 });
    const stepped = reduceView(chosen, { type: 'scroll', pane: 'inspector', by: 1, max: 4 });
    // A step back to node 2 keeps the inspector where it was scrolled; its text starts at the top.
    expect(reduceView(stepped, { type: 'follow', node: 2 }).scroll).toEqual({
      steps: 0,
      inspector: 1,
    });
    // A step to another node shows that node's inspector from its top.
    expect(reduceView(stepped, { type: 'follow', node: 5 }).scroll).toEqual({
      steps: 0,
      inspector: 0,
    });
  });
});

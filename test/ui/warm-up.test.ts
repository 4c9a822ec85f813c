import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.js';
import { AppStore } from '../../src/ui/store.js';
import { offScreenFrame, runWhenIdle } from '../../src/ui/warm-up.js';
import { builtin } from './fixtures.js';

function idleRun(keys: string[]) {
  const store = new AppStore({
    scenario: builtin('seed'),
    onQuit: () => {},
    deferCheck: true,
  });
  for (const key of keys) store.press(key);
  const { graph } = store.state.session.timeline;
  const before = { data: graph.data.slice(0, graph.size), grad: graph.grad.slice(0, graph.size) };
  const done = new Promise<void>((resolve) => {
    runWhenIdle(store, { color: true, onDone: resolve });
  });
  return { store, before, done };
}

describe('runWhenIdle', () => {
  it('runs the grad check and draws off-screen frames without moving the session', async () => {
    const { store, before, done } = idleRun(['n', 'n', 'n']);
    const live = store.state.session;
    expect(store.state.checkPending).toBe(true);
    await done;
    expect(store.state.checkPending).toBe(false);
    expect(store.state.session).toBe(live);
    expect(live.position).toBe(3);
    const { graph } = live.timeline;
    // The off-screen frames stepped the shared arrays into the backward phase; they are back at F3.
    expect(live.timeline.cursor).toBe(3);
    expect(graph.data.slice(0, graph.size)).toEqual(before.data);
    expect(graph.grad.slice(0, graph.size)).toEqual(before.grad);
  });

  it('stops drawing at the first key and leaves that key its step', async () => {
    const { store, done } = idleRun([]);
    setImmediate(() => store.press('n'));
    await done;
    expect(store.state.session.position).toBe(1);
    const { graph, cursor } = store.state.session.timeline;
    expect(cursor).toBe(1);
    // No backward step has run at F1.
    expect(graph.grad.slice(0, graph.size).every((g) => g === 0)).toBe(true);
  });
});

describe('offScreenFrame', () => {
  it('is the frame the live app shows after that many more steps, escapes and all', async () => {
    const store = new AppStore({ scenario: builtin('seed'), onQuit: () => {}, deferCheck: true });
    // The size ink-testing-library's terminal gives the live app.
    store.dispatch({ type: 'resize', columns: 100, rows: 24 });
    // Two steps ahead of the cursor, as the warm-up's second frame draws.
    const ahead = offScreenFrame(store.state, { color: true }, 1);
    expect(ahead).toContain('\u001b[');
    expect(ahead).not.toContain('\uE000');
    const app = render(createElement(App, { store, color: true }));
    store.press('n');
    store.press('n');
    await vi.waitFor(() => expect(app.lastFrame()).toContain('[F2]'));
    expect(app.lastFrame()).toBe(ahead);
    app.unmount();
  });
});

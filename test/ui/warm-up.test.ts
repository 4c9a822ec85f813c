import { describe, expect, it } from 'vitest';
import { AppStore } from '../../src/ui/store.js';
import { runWhenIdle } from '../../src/ui/warm-up.js';
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

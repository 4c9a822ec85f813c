import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/ui/controller.js';
import { runWhenIdle } from '../../src/ui/warm-up.js';
import { builtin } from './fixtures.js';

function idleRun(keys: string[]) {
  const controller = new Controller({
    scenario: builtin('seed'),
    onQuit: () => {},
    deferCheck: true,
  });
  for (const key of keys) controller.press(key);
  const { graph } = controller.session.timeline;
  const before = { data: graph.data.slice(0, graph.size), grad: graph.grad.slice(0, graph.size) };
  const done = new Promise<void>((resolve) => {
    runWhenIdle(controller, {
      columns: () => 120,
      rows: () => 40,
      precision: 4,
      color: true,
      onDone: resolve,
    });
  });
  return { controller, before, done };
}

describe('runWhenIdle', () => {
  it('runs the grad check and draws off-screen frames without moving the session', async () => {
    const { controller, before, done } = idleRun(['n', 'n', 'n']);
    const live = controller.session;
    expect(controller.checkPending).toBe(true);
    await done;
    expect(controller.checkPending).toBe(false);
    expect(controller.session).toBe(live);
    expect(live.position).toBe(3);
    const { graph } = live.timeline;
    // The off-screen frames stepped the shared arrays into the backward phase; they are back at F3.
    expect(live.timeline.cursor).toBe(3);
    expect(graph.data.slice(0, graph.size)).toEqual(before.data);
    expect(graph.grad.slice(0, graph.size)).toEqual(before.grad);
  });

  it('stops drawing at the first key and leaves that key its step', async () => {
    const { controller, done } = idleRun([]);
    setImmediate(() => controller.press('n'));
    await done;
    expect(controller.session.position).toBe(1);
    const { graph, cursor } = controller.session.timeline;
    expect(cursor).toBe(1);
    // No backward step has run at F1.
    expect(graph.grad.slice(0, graph.size).every((g) => g === 0)).toBe(true);
  });
});

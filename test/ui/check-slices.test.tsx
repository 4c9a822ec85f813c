/**
 * The live TUI's grad check runs in slices between keys (issue 13: one 2 to 3 s slice on a 10k-node
 * random DAG made keys queue behind it). Not timed: slices of one node each are counted, and the
 * frame must show a key's step while the inspector still says `… checking`.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomDagScenario } from '../../bench/shapes.js';
import { loadScenario } from '../../src/scenario/index.js';
import { createSession, gradCheckOf } from '../../src/session/index.js';
import { App } from '../../src/ui/app.js';
import { AppStore } from '../../src/ui/store.js';
import { runWhenIdle } from '../../src/ui/warm-up.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const DAG = randomDagScenario(1_500);
const load = () => loadScenario({ name: 'dag.yaml', text: DAG });
const dag = () => {
  const loaded = load();
  if (!loaded.ok) throw new Error('the random DAG does not load');
  return loaded.scenario;
};

/** A store whose check runs one node a slice (checkSliceMs 0), keys held quiet for `keyQuietMs`. */
const slicedStore = (keyQuietMs: number, reload?: () => ReturnType<typeof load>) =>
  new AppStore({
    scenario: dag(),
    onQuit: () => {},
    deferCheck: true,
    checkSliceMs: 0,
    keyQuietMs,
    ...(reload === undefined ? {} : { reload: async () => reload() }),
  });
const nextImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lets the event loop turn (one idle slice per turn) until `done`; fails after `turns` turns. */
async function turnUntil(done: () => boolean, turns = 5_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (done()) return;
    await nextImmediate();
  }
  throw new Error(`not done after ${turns} turns of the event loop`);
}

describe('the grad check in slices', () => {
  it('answers a key pressed while the check runs before the check ends', async () => {
    const examined = gradCheckOf(createSession(dag())).results.length;
    expect(examined).toBeGreaterThan(100);
    // One node per slice: the check takes `examined` slices, however fast the machine; no pause
    // after a key (keyQuietMs 0), so the key is answered between two slices.
    const store = slicedStore(0);
    const app = render(<App store={store} color={false} />);
    let over = false;
    const cancel = runWhenIdle(store, {
      color: false,
      onDone: () => {
        over = true;
      },
    });
    cleanup = () => {
      cancel();
      app.unmount();
    };
    const frame = () => app.lastFrame() ?? '';
    expect(frame()).toMatch(/\[start\]/);
    expect(frame()).toMatch(/check {3}… checking/);
    await turnUntil(() => store.checkSlices >= 3);

    app.stdin.write('n');
    await turnUntil(() => frame().includes('[F1]'));
    // The key's frame is out, and the check has slices left.
    expect(frame()).toMatch(/check {3}… checking/);
    expect(store.state.checkPending).toBe(true);
    const slicesAtKey = store.checkSlices;
    expect(slicesAtKey).toBeLessThan(examined / 2);

    await vi.waitFor(() => expect(over).toBe(true), { timeout: 20_000 });
    expect(store.checkSlices).toBe(examined);
    expect(store.state.checkPending).toBe(false);
    await turnUntil(() => !frame().includes('… checking'));
    expect(store.state.session.position).toBe(1);
  });

  it('holds the check off while keys come in a run, and goes on when they pause', async () => {
    const store = slicedStore(1e9);
    const cancel = runWhenIdle(store, { color: false });
    cleanup = cancel;
    await turnUntil(() => store.checkSlices >= 3);
    store.press('n');
    const slicesAtKey = store.checkSlices;
    for (let i = 0; i < 200; i++) await nextImmediate();
    // Past the warm-up frames too: 200 turns of the loop ran no slice while keys were recent.
    expect(store.checkSlices).toBe(slicesAtKey);
    expect(store.state.checkPending).toBe(true);
    expect(store.checkWait()).toBeGreaterThan(0);
  });

  it("a reload's check runs in slices too, and ends with the same report", async () => {
    const store = slicedStore(0, load);
    cleanup = () => store.dispose();
    const before = store.state.session;
    store.press('r');
    await turnUntil(() => store.state.session !== before && store.checkSlices >= 3);
    expect(store.state.checkPending).toBe(true);
    await turnUntil(() => !store.state.checkPending);
    const once = gradCheckOf(createSession(dag()));
    expect(store.checkSlices).toBe(once.results.length);
    expect(gradCheckOf(store.state.session)).toEqual(once);
  });
});

import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.js';
import { AppStore } from '../../src/ui/store.js';
import { builtin } from './fixtures.js';

const ARROW_RIGHT = '\u001B[C';
const ESC = '\u001B';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Mounts the app on the seed; `press` writes one input and waits until the frame shows `expected`. */
function mount(deferCheck = false) {
  let quit = false;
  const store = new AppStore({
    scenario: builtin('seed'),
    onQuit: () => {
      quit = true;
    },
    deferCheck,
  });
  const app = render(<App store={store} color={false} />);
  cleanup = app.unmount;
  const press = async (input: string, expected: string | RegExp) => {
    app.stdin.write(input);
    await vi.waitFor(() => {
      const frame = app.lastFrame() ?? '';
      if (typeof expected === 'string') expect(frame).toContain(expected);
      else expect(frame).toMatch(expected);
    });
  };
  return { app, press, store, quitted: () => quit };
}

describe('App', () => {
  it('steps with n and the right arrow, counting every character of fast typing', async () => {
    const { press } = mount();
    await press('', '[start]');
    await press('n', '[F1]');
    await press(ARROW_RIGHT, '[F2]');
    await press('nnn', '[F5]');
    await press('N', '[F4]');
  });

  it('opens and closes help, searches, and quits', async () => {
    const { press, quitted } = mount();
    await press('?', 'Help  (esc closes)');
    await press(ESC, 'Graph · graph view');
    await press('/', '/▏');
    await press('tanh', '1 match');
    await press('\r', /tanh_xy = tanh\(xy\)\s+#5/);
    await press('q', '');
    expect(quitted()).toBe(true);
  });

  it('draws the first frame before the grad check, then shows its result', async () => {
    const { app, press, store } = mount(true);
    expect(app.lastFrame()).toMatch(/check {3}… checking/);
    setImmediate(() => store.checkNow());
    // At start the inspector is on F1's node (x_2 = x * x), whose check awaits its final grad.
    await press('', /check {3}(?!… checking)\S/);
    expect(app.lastFrame()).toMatch(/x_2 = x \* x {2}#2/);
    expect(store.state.checkPending).toBe(false);
  });
});

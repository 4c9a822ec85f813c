/** Where the selection goes, and what keys do, read off a real pseudo-terminal. */
import { describe, expect, it } from 'vitest';
import { FRAME_MS, KEYS, tuiSessions, type } from './tui-driver.js';

const { open } = tuiSessions();
const { esc: ESC, home: HOME, end: END } = KEYS;

describe('the selection in a pseudo-terminal', { timeout: 240_000 }, () => {
  it('follows the step again after a manual pick, at the next step command or Esc', async () => {
    const tui = await open(['seed']);
    await type(tui, '/y\r', /Inspector · picked[\s\S]*y = 3\.0 {2}#1/);
    await type(tui, 'j', /x_2 = x \* x {2}#2/);
    // The goto moves the step to F3 (xy), and the selection with it.
    await type(tui, ':xy\r', /Inspector · follows[\s\S]*xy = x \* y {2}#4/);
    expect(tui.screenText()).toMatch(/F3 forward · xy/);
    await type(tui, '/tanh\r', /Inspector · picked[\s\S]*tanh_xy = tanh\(xy\) {2}#5/);
    await type(tui, ESC, /Inspector · follows[\s\S]*xy = x \* y {2}#4/);
    await type(tui, 'k', /Inspector · picked[\s\S]*x_2_y = x_2 \* y {2}#3/);
    await type(tui, 'n', 'F4 forward · tanh_xy');
    expect(tui.screenText()).toMatch(/Inspector · follows[\s\S]*tanh_xy = tanh\(xy\) {2}#5/);
  });

  it('on a backward step selects the first receiver and shows it with the node that ran', async () => {
    // At 120×40 the neuron's b sits below the fold until a step needs it: B2 (n ran) hands
    // grad to x1w1x2w2 and b.
    const tui = await open(['neuron']);
    await type(tui, ':B2\r', '[B2]');
    const screen = tui.screenText();
    expect(screen).toMatch(/╔x1w1x2w2 \+/); // selected: the first receiver
    expect(screen).toMatch(/┏n \+/); // the node that ran
    expect(screen).toMatch(/╭b─+╮/); // the other receiver, marked Δ
    expect(screen).toMatch(/╰Δ✓─+╯/);
    expect(screen).toMatch(/Inspector · follows[\s\S]*x1w1x2w2 = x1w1 \+ x2w2/);
  });

  it('opens a large graph on the first step, not on the output', async () => {
    const tui = await open(['mlp-2-4-4-1']);
    const screen = tui.screenText();
    // F1's node (the first product of neuron 1 on sample 1), selected: its neuron's box is, in view.
    expect(screen).toMatch(/╔h1_1_s1 = tanh\(Σ w·x \+ b\)═*╗/);
    expect(screen).toMatch(/Inspector · follows[\s\S]*wx1_1_1_s1 {2}#\d+/);
  });

  it('goes to the first and last positions with Home and End', async () => {
    const tui = await open(['seed']);
    await type(tui, END, '[B5]');
    await type(tui, HOME, '[start]');
  });

  it('ignores keys while the window is too small, and quits there with q', async () => {
    const tui = await open(['seed']);
    tui.resize(60, 20);
    await tui.waitForText('terminal too small (need 80×24)', FRAME_MS);
    tui.write('nnn');
    // Give the keys time to arrive, then grow the window: the step has not moved.
    await new Promise((resolve) => setTimeout(resolve, 500));
    tui.resize(120, 40);
    await tui.waitForScreen(
      (screen) => screen.includes('[start]') && !screen.includes('terminal too small'),
      'the start frame redrawn at 120×40',
      FRAME_MS,
    );
    expect(tui.screenText()).not.toContain('[F1]');
    tui.resize(60, 20);
    await tui.waitForText('terminal too small (need 80×24)', FRAME_MS);
    tui.write('q');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
  });
});

/**
 * Issue 11 §3: a built model's neurons are drawn as one box each, and `e` opens them into their
 * products and sums and closes them again, read off a real pseudo-terminal.
 */
import { describe, expect, it } from 'vitest';
import { tuiSessions, type } from './tui-driver.js';

const { open } = tuiSessions();

describe('neuron boxes in a pseudo-terminal', { timeout: 240_000 }, () => {
  it('opens the lecture MLP with each neuron as one box; e opens and closes them', async () => {
    const tui = await open(['mlp-lecture']);
    // F1 computes the first product of neuron 1 on sample 1: its neuron's box is selected.
    let screen = tui.screenText();
    expect(screen).toMatch(/╔h1_1_s1 = tanh\(Σ w·x \+ b\)═*╗/);
    expect(screen).not.toMatch(/wx1_1_1_s1 \*/);
    expect(screen).toContain('Graph · graph view · one box per neuron (e opens)');
    await type(tui, 'e', /╔wx1_1_1_s1 \*═*╗/);
    screen = tui.screenText();
    expect(screen).toContain('neurons opened into their nodes');
    expect(screen).toContain('Graph · graph view · neurons opened (e closes)');
    expect(screen).not.toMatch(/h1_1_s1 = tanh\(Σ/);
    await type(tui, 'e', /╔h1_1_s1 = tanh\(Σ w·x \+ b\)═*╗/);
    expect(tui.screenText()).toContain('each neuron is one box');
  });

  it('says there is nothing to open in a graph without neurons', async () => {
    const tui = await open(['seed']);
    await type(tui, 'e', 'no neurons here');
  });
});

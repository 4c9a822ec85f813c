/**
 * A wrong backward mode in a real pseudo-terminal: `--mode overwrite --break mismatch`, then `c`.
 * In the seed, y gets 4.9153e-5 at B3 and 4 at B4; overwritten (= instead of +=) it is 4 where
 * the correct run has 4.00005, so the mismatch breakpoint stops at B4 on y.
 */
import { describe, expect, it } from 'vitest';
import { tuiSessions } from './tui-driver.js';

const { open } = tuiSessions();

describe('--mode in the TUI', { timeout: 180_000 }, () => {
  it.each([
    [120, 40],
    [80, 24],
  ])('at %i×%i: c stops where overwrite first makes a grad wrong', async (cols, rows) => {
    const tui = await open(['seed', '--mode', 'overwrite', '--break', 'mismatch'], cols, rows);
    expect(tui.screenText()).toContain('mode overwrite');
    tui.write('c');
    await tui.waitForText('[B4]', 30_000);
    const screen = tui.screenText();
    expect(screen).toContain('breakpoint mismatch hit at B4');
    // The step panel wraps where the width asks; the overwritten value is said either way.
    expect(screen).toContain('y.grad = x_2 · x_2_y.grad');
    expect(screen).toContain('(overwrote 4.9153e-5)');
    // y's box (in view at 120×40): grad 4.9153e-5 → 4, marked Δ (changed) and ≠ (differs from
    // the correct run). At 80×24 the graph pane is too short to show y beside the node that ran.
    if (rows >= 40) {
      expect(screen).toMatch(/g 4\.9153e-5→4/);
      expect(screen).toMatch(/Δ≠/);
    }
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(cols);
  });
});

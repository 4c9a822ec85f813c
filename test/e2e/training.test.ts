/** A training scenario in a real pseudo-terminal: iteration steps, the loss curve, stepping back. */
import { describe, expect, it } from 'vitest';
import { KEYS, tuiSessions, type } from './tui-driver.js';

const { open } = tuiSessions();
const LEFT = KEYS.left;

describe('training in the TUI', { timeout: 240_000 }, () => {
  it.each([
    [120, 40],
    [80, 24],
  ])(
    'at %i×%i: goto I2, the sparkline grows per iteration, back over I2 to U41',
    async (cols, rows) => {
      const tui = await open(['scenarios/mlp-lecture.yaml'], cols, rows);
      await type(tui, ':I2\r', '[I2]');
      // Two iterations' losses (3.1407, 0.6774): the first bar high, the second low.
      expect(tui.screenText()).toMatch(/loss █▁ 0\.6774/);
      expect(tui.screenText()).toContain('iteration 2: forward, zero grads,');
      await type(tui, 'n', '[I3]');
      expect(tui.screenText()).toMatch(/loss █▂▁ 0\.3250/);
      await type(tui, `${LEFT}${LEFT}`, '[U41]');
      expect(tui.screenText()).toContain('b3_1.data -= lr');
      expect(tui.screenText()).toMatch(/loss ▄ 3\.141/);
      await type(tui, ':I5.B3\r', '[I5.B3]');
      expect(tui.screenText()).toContain('I5.B3 backward');
      const lines = tui.screenText().split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(cols);
    },
  );
});

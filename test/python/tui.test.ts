/** The TUI on an exported graph with a wrong tanh backward, in a real pseudo-terminal. */
import { afterEach, describe, expect, it } from 'vitest';
import { type PtySession, spawnPty } from '../e2e/pty.js';
import { exportPython } from './run.js';

// Bounds for a loaded machine; a wait that holds returns at once.
const FIRST_FRAME_MS = 60_000;
const FRAME_MS = 30_000;

/** The lecture's neuron, o = tanh(n) with n = 0.8814: o.grad = 1, so n.grad should be 1 - o² = 0.5. */
const NEURON = `
value.BUGS.add('tanh')
x1 = Value(2.0, label='x1'); x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1'); w2 = Value(1.0, label='w2')
b = Value(6.881373587019543, label='b')
x1w1 = x1*w1; x1w1.label = 'x1w1'
x2w2 = x2*w2; x2w2.label = 'x2w2'
s = x1w1 + x2w2; s.label = 's'
n = s + b; n.label = 'n'
L = n.tanh(); L.label = 'o'
`;

let session: PtySession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the TUI with observed grads', { timeout: 240_000 }, () => {
  for (const [cols, rows] of [
    [120, 40],
    [80, 24],
  ]) {
    it(`c stops where your grad first parts; yours and correct side by side, ≠ (${cols}×${rows})`, async () => {
      const { file } = exportPython(NEURON);
      const tui = spawnPty(process.execPath, ['--import', 'tsx', 'src/bin.ts', file], {
        cols,
        rows,
      });
      session = tui;
      await tui.waitForText('[start]', FIRST_FRAME_MS);
      // No box is marked before any value is computed (the inspector compares final values).
      const graphPane = () => tui.screenText().split('┌─ Step')[0];
      expect(graphPane()).not.toContain('≠');
      tui.write('c');
      await tui.waitForText('[B1]', FRAME_MS);
      // The hit names the rule; at 80 columns it wraps.
      expect(tui.screenText()).toMatch(/breakpoint mismatch hit at B1: o =/);
      expect(tui.screenText()).toMatch(/your grad[\s\S]*?is 0\.29289;/);
      expect(graphPane()).toContain('≠');
      tui.write('/n\r');
      if (cols === 120) {
        await tui.waitForText(/grad {4}0\.2928932188134523 ≠ 0\.49999999999999\d+/, FRAME_MS);
        expect(tui.screenText()).toMatch(/ {8}yours {16}correct/);
        expect(tui.screenText()).toMatch(/data {4}0\.8813735870195432 {3}0\.8813735870195432/);
      } else {
        await tui.waitForText(/data {4}yours {3}0\.8813735870195432/, FRAME_MS);
        // The grad rows are below the fold: focus the inspector and scroll.
        tui.write('\t\tjjjjj');
        await tui.waitForText(/grad {4}yours {3}0\.2928932188134523 ≠/, FRAME_MS);
        expect(tui.screenText()).toMatch(/correct 0\.49999999999999\d+/);
      }
    });
  }
});

/**
 * Predict-then-reveal in the TUI, keys in and screen out in a pseudo-terminal. The scenario is
 * written here and worked out by hand: c = a·b = 3·(−2) = −6, d = c + a = −3; backward, B1 (d)
 * hands c.grad = 1 and a its first 1, B2 (c = a·b) hands a b·1 = −2 (a.grad = 1 − 2 = −1) and b
 * a·1 = 3. `--quiz` asks for c.grad, a.grad and b.grad on top of the walkthrough's c.data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, tuiSessions, type } from './tui-driver.js';

const SCENARIO = `title: tiny quiz
graph: |
  a = 3.0
  b = -2.0
  c = a * b
  d = c + a
walkthrough:
  - predict: { node: c, data, hint: "c = a · b" }
`;

const tui = tuiSessions();

/** The line of the screen that holds `text`. */
const lineWith = (screen: string, text: string) =>
  screen.split('\n').find((line) => line.includes(text)) ?? '';

describe('predictions in the TUI', { timeout: 240_000 }, () => {
  it('asks before the settling step, reveals right and wrong answers, skips with Esc, keeps the score', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gradstep-')), 'quiz.yaml');
    writeFileSync(file, SCENARIO);
    const t = await tui.open([file, '--quiz']);
    expect(t.screenText()).toContain('predictions 0/0 right (4 in all)');

    // F1 computes c: n stops before it and asks, with the hint.
    await type(t, 'n', 'Predict c.data: ▏');
    let screen = t.screenText();
    expect(screen).toContain('? Predict c.data: its value once F1 has run');
    expect(screen).toContain('hint: c = a · b');
    expect(screen).toContain('[start]');
    // A non-number keeps the question open and says why.
    await type(t, 'x\r', 'a number, or esc to skip');
    expect(t.screenText()).toContain('[start]');
    await type(t, '\u007f-6\r', '✓ right: you predicted c.data = -6; it is -6');
    screen = t.screenText();
    expect(screen).toContain('[F1]');
    expect(screen).toContain('c = a * b = 3 × (-2) = -6');
    expect(lineWith(screen, 'gradstep')).toContain('predictions 1/1 right (4 in all)');

    // F2 and B0 ask nothing; B1 settles c.grad = 1, and 2 is not within 1% of it.
    await type(t, 'n', '[F2]');
    await type(t, 'n', '[B0]');
    await type(t, 'n', 'Predict c.grad: ▏');
    await type(t, '2\r', '✗ not quite: you predicted c.grad = 2; it is 1');
    // Wrapped in the step panel: how close would have been right.
    expect(t.screenText()).toContain('within ±0.01)');
    expect(lineWith(t.screenText(), 'gradstep')).toContain('predictions 1/2 right (4 in all)');
    expect(t.screenText()).toContain('[B1]');

    // B2 settles a.grad and b.grad: while asked, a's grad shows nowhere (the inspector is on a).
    await type(t, 'n', 'Predict a.grad: ▏');
    screen = t.screenText();
    expect(screen).toMatch(/grad {4}\?/);
    expect(screen).not.toMatch(/-1(?![\d.e])/);
    await type(t, KEYS.esc, 'Predict b.grad: ▏');
    await type(t, KEYS.esc, 'skipped: b.grad is 3');
    screen = t.screenText();
    expect(screen).toContain('skipped: a.grad is -1');
    expect(screen).toContain('[B2]');
    expect(lineWith(screen, 'gradstep')).toContain('predictions 1/4 right (4 in all)');
  });

  it('gradstep neuron-quiz asks its walkthrough questions', async () => {
    const t = await tui.open(['neuron-quiz'], 80, 24);
    await type(t, 'nnn', '[F3]');
    await type(t, 'n', 'Predict n.data: ▏');
    expect(t.screenText()).toContain('predictions 0/0');
  });
});

/** A wrong backward mode on screen: the header, the ≠ marks, the inspector and the step panel. */
import { describe, expect, it } from 'vitest';
import { makeScenario } from '../../src/scenario/index.js';
import { drawFrames } from '../../src/ui/frames.js';
import { builtin, presses } from './fixtures.js';

const inMode = (name: string, mode: 'overwrite' | 'no-topo' | 'correct') =>
  makeScenario({ ...builtin(name), mode, spans: undefined });

describe('overwrite on the seed, at B5', () => {
  const frames = drawFrames({
    scenario: { ...builtin('seed'), mode: 'overwrite' },
    presses: presses(['/', 'x', 'enter', ':B5']),
  });
  const screen = frames.at(-1)!.text;

  it('names the mode in the header', () => {
    expect(screen.split('\n')[0]).toMatch(/│ mode overwrite │ done B5\/5/);
  });

  it('shows the grad of this mode and of the correct run side by side, marked', () => {
    expect(screen).toMatch(/grad \(this mode\) {2}6 {2}≠ differs/);
    // Shown as every value is, to --precision (5): 12.0000737 is 12.000.
    expect(screen).toMatch(/grad \(correct\) {4}12\.000 /);
  });

  it('marks x in the graph and says what was overwritten', () => {
    expect(screen).toMatch(/≠/);
    expect(screen).toContain('(overwrote 7.3730e-5)');
    expect(screen).toContain('overwrite: = replaced 2 grads instead of adding to it');
  });
});

describe('the correct mode', () => {
  it('draws no ≠ anywhere and no mode in the header, at every step', () => {
    for (const frame of drawFrames({ scenario: inMode('neuron', 'correct') })) {
      expect(frame.text).not.toContain('≠');
      expect(frame.text).not.toContain('mode ');
    }
  });
});

describe('a mismatch hit says how the grad parts', () => {
  /** The step panel's text (the left pane under the graph), as one line. */
  const hitText = (scenario: ReturnType<typeof builtin>) =>
    drawFrames({ scenario, breakpoints: ['mismatch'], presses: presses(['c']) })
      .at(-1)!
      .text.split('\n')
      .filter((line) => line.startsWith('│'))
      .map((line) => line.slice(1, line.indexOf('│', 1)).trim())
      .join(' ');

  it('overwrite on the seed: y.grad with the digits that tell it from the correct run', () => {
    // At B4 x_2_y = x_2 * y runs: overwrite assigns y.grad = x_2 · 1 = 4, where the correct run
    // adds it to the 2 · (1 - tanh(6)²) that y got at B3.
    const correct = 4 + 2 * (1 - Math.tanh(6) ** 2);
    expect(correct.toPrecision(6)).toBe('4.00005');
    expect(hitText({ ...builtin('seed'), mode: 'overwrite' })).toContain(
      "breakpoint mismatch hit at B4: y.grad is 4 here, the correct run's 4.00005 (≠)",
    );
  });

  it('a wrongly written derivative: the term came from the op whose derivative is wrong', () => {
    expect(hitText(builtin('bug-hunt'))).toContain(
      'breakpoint mismatch hit at B4: x2.grad got a term from g, whose written derivative is wrong (✗)',
    );
  });
});

describe('the inspector on a node a wrong derivative reaches', () => {
  it('says in a whole sentence where its grad went wrong', () => {
    const screen = drawFrames({
      scenario: builtin('bug-hunt'),
      breakpoints: ['mismatch'],
      presses: presses(['c']),
      columns: 120,
      rows: 40,
    }).at(-1)!.text;
    // The inspector is the right-hand pane under the graph: its rows after the second border.
    const inspector = screen
      .split('\n')
      .filter((line) => line.startsWith('│'))
      .map((line) => line.slice(line.indexOf('││') + 2, -1).trim())
      .join(' ');
    expect(inspector).toContain('x2 = -0.4');
    expect(inspector).toContain(
      '≠ grad wrong only because the derivative written for g is wrong (✗)',
    );
  });
});

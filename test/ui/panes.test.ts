/** Pane texts at a session state reached through the controller, as a person would get there. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECISION } from '../../src/session/index.js';
import { Controller } from '../../src/ui/controller.js';
import { stepPanelLines } from '../../src/ui/panes/step-panel.js';
import { timelineLine } from '../../src/ui/panes/timeline-bar.js';
import type { ScreenModel } from '../../src/ui/screen-model.js';
import { builtin } from './fixtures.js';

function neuron(...keys: string[]) {
  const controller = new Controller({ scenario: builtin('neuron'), onQuit: () => {} });
  for (const key of keys) controller.press(key);
  return controller;
}

const modelOf = (c: Controller, columns = 120, rows = 40): ScreenModel => ({
  session: c.session,
  view: c.view,
  facts: c.facts,
  columns,
  rows,
  precision: DEFAULT_PRECISION,
  color: false,
});

const typed = (text: string) => [...text];

describe('step panel', () => {
  it('counts expects passed going forward as earlier ones', () => {
    const lines = stepPanelLines(modelOf(neuron('G')), 58);
    // The neuron's end has 2 expects of its own; 6 more sit on the steps passed on the way.
    expect(lines).toContain('✓ 6 earlier expects passed on the way here');
  });

  it('says expects passed while going back were checked while rewinding, not earlier', () => {
    const lines = stepPanelLines(modelOf(neuron('G', ...typed(':F1'), 'enter')), 58);
    expect(lines.join('\n')).not.toContain('earlier');
    // From the end back to F1 the cursor passes the expects at F4, F5 and B1 to B4.
    expect(lines).toContain('✓ 6 expects checked while rewinding');
  });
});

describe('breakpoints on an input', () => {
  // x1 has no step; x1w1 = x1 * w1 hands it a grad at x1w1's backward step, B5 in the neuron.
  const onX1 = () => neuron('/', ...typed('x1'), 'enter', 'b');

  it('names the step that ran and why it fired', () => {
    const controller = onX1();
    controller.press('c');
    expect(controller.session.position).toBe(controller.session.timeline.total);
    const lines = stepPanelLines(modelOf(controller), 58);
    expect(lines[0]).toBe('B5 backward · x1w1');
    expect(lines).toContain('● breakpoint x1 hit at B5: x1.grad changed');
  });

  it('names only the step when the node of the step is the one it is on', () => {
    const controller = neuron('/', ...typed('x1w1'), 'enter', 'b', 'c');
    expect(stepPanelLines(modelOf(controller), 58)).toContain('● breakpoint x1w1 hit at F1');
  });

  it('is marked on the timeline at the steps where it can fire', () => {
    expect(timelineLine(modelOf(onX1()))).toMatch(
      /^\[start\] F1 F2 F3 F4 F5 │ B0 B1 B2 B3 B4 ●‖B5 *$/,
    );
  });
});

/** Pane texts at a session state reached through the controller, as a person would get there. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECISION } from '../../src/session/index.js';
import { Controller } from '../../src/ui/controller.js';
import { stepPanelLines } from '../../src/ui/panes/step-panel.js';
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

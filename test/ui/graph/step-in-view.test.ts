/**
 * Issue 11 §3 / issue 10 §2: at every backward step of the 320-node MLP, the node that ran and
 * every node that received grad are on screen: inside the graph viewport, or listed (by their
 * graph label) in the step close-up drawn over it. Counted over every step at 120×40 and 80×24,
 * through the app reducer as the TUI drives it (`n` after `n`), with the neurons drawn as one box
 * each (the default: a node inside a neuron's box counts as seen only in the close-up) and opened
 * (`e`).
 */
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../../src/session/index.js';
import type { AppState } from '../../../src/ui/app-state.js';
import { geometryOf } from '../../../src/ui/geometry.js';
import { CLOSE_UP_TITLE, insideViewport } from '../../../src/ui/graph/index.js';
import { graphPaneLines } from '../../../src/ui/panes/graph-pane.js';
import { initialApp, reduceApp } from '../../../src/ui/reduce-app.js';
import { currentStep } from '../../../src/ui/screen-model.js';
import { builtin } from '../fixtures.js';

/**
 * Per backward contribution (one per input edge of the node that ran): counted out of the
 * viewport when its receiver or the node that ran is not wholly inside it, missing when such a
 * node is not in the close-up either.
 */
function countMissing(columns: number, rows: number, keys: readonly string[]) {
  let state: AppState = initialApp({ scenario: builtin('mlp-2-4-4-1'), columns, rows });
  for (const key of keys) state = reduceApp(state, { type: 'key', key }).state;
  const total = shapeOf(state.session).total;
  let contributions = 0;
  let outOfViewport = 0;
  let missing = 0;
  let closeUps = 0;
  while (state.session.position < total) {
    state = reduceApp(state, { type: 'key', key: 'n' }).state;
    const step = currentStep(state.session);
    if (step?.phase !== 'backward') continue;
    const model = { ...state, color: false };
    const geometry = geometryOf(model, state.layouts);
    const viewport = {
      ...state.view.viewport,
      width: columns - 2,
      height: geometry.graphHeight - 2,
    };
    const layout = state.layouts.get('boxes', state.view.neuronsCollapsed);
    const pane = graphPaneLines(model, state.layouts, viewport);
    const closeUp = pane.findIndex((line) => line.includes(CLOSE_UP_TITLE));
    if (closeUp >= 0) closeUps++;
    const listed = (id: number) =>
      closeUp >= 0 &&
      pane.slice(closeUp + 1, closeUp + 4).some((line) => line.includes(` ${layout.labels[id]} `));
    for (const c of step.contributions) {
      contributions++;
      const ids = [c.to, step.node];
      const out = ids.filter(
        (id) => layout.hides(id) || !insideViewport(layout.rectOf(id), viewport),
      );
      if (out.length > 0) outOfViewport++;
      if (out.some((id) => !listed(id))) missing++;
    }
  }
  return { contributions, outOfViewport, missing, closeUps };
}

describe('every node a backward step touches is on screen (mlp-2-4-4-1)', () => {
  for (const [columns, rows, keys] of [
    [120, 40, []],
    [80, 24, []],
    [120, 40, ['e']],
    [80, 24, ['e']],
  ] as const) {
    it(`at ${columns}×${rows}, neurons ${keys.length === 0 ? 'as boxes' : 'opened'}`, () => {
      const counts = countMissing(columns, rows, keys);
      console.log(`${columns}x${rows} ${keys.join('')}`, JSON.stringify(counts));
      expect(counts.contributions).toBeGreaterThan(272);
      expect(counts.missing).toBe(0);
    }, 120_000);
  }
});

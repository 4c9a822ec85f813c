import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../../src/engine/index.js';
import {
  layoutGraph,
  layoutList,
  nodeTexts,
  panViewport,
  renderListViewport,
  viewportFollowing,
} from '../../../src/ui/graph/index.js';
import { graphViewport } from '../../../src/ui/panes/graph-pane.js';
import { initialViewState, LIST_FIRST_NODES } from '../../../src/ui/view-state.js';
import { labelOf, seedGraph } from './seed.js';

const { graph, output, ids } = seedGraph();
const layout = layoutGraph(graph, output, labelOf(graph));

describe('viewport', () => {
  // The seed canvas is 77×11; z's box is at x 61..76, rows 4..7 (see frames.test.ts).
  it('has the canvas size of the frame', () => {
    expect([layout.width, layout.height]).toEqual([77, 11]);
    expect(layout.rectOf(ids.z)).toEqual({ x: 61, y: 4, width: 16, height: 4 });
  });

  it('pans right just enough to show a node off screen, and not at all when visible', () => {
    const view = { x: 0, y: 0, width: 40, height: 8 };
    expect(viewportFollowing(layout, ids.z, view)).toEqual({ ...view, x: 77 - 40 });
    expect(viewportFollowing(layout, ids.x, view)).toBe(view);
    const onZ = { x: 37, y: 0, width: 40, height: 8 };
    // y's box covers rows 6..9, so the view also moves down two rows.
    expect(viewportFollowing(layout, ids.y, onZ)).toEqual({ ...onZ, x: 0, y: 2 });
  });

  it('pans down just enough for a box below the view', () => {
    const view = { x: 0, y: 0, width: 40, height: 5 };
    // y's box covers rows 6..9: the view's last row must be 9.
    expect(viewportFollowing(layout, ids.y, view)).toEqual({ ...view, y: 5 });
  });

  it('clamps pans to the canvas', () => {
    const view = { x: 0, y: 0, width: 40, height: 8 };
    expect(panViewport(layout, view, -5, -5)).toBe(view);
    expect(panViewport(layout, view, 1000, 1000)).toEqual({ ...view, x: 37, y: 3 });
    expect(panViewport(layout, { ...view, width: 200 }, 10, 0)).toEqual({ ...view, width: 200 });
  });

  it('follows rows in the list view', () => {
    const list = layoutList(layout);
    const view = { x: 0, y: 0, width: 60, height: 3 };
    expect(viewportFollowing(list, ids.z, view)).toEqual({ ...view, y: 4 });
    expect(viewportFollowing(list, ids.x, { ...view, y: 4 })).toEqual({ ...view, y: 0 });
  });

  it('moves the graph pane from its last viewport just enough to show the whole selected box', () => {
    const view = (selected: number, y: number, panned = false) => ({
      selected,
      panned,
      viewport: { x: 0, y },
      alsoInView: [],
    });
    // 7 rows: z (rows 4..7) needs the view one row down; then y (6..9) two more; x (1..4) back up.
    expect(graphViewport(layout, view(ids.z, 0), 77, 7).y).toBe(1);
    expect(graphViewport(layout, view(ids.y, 1), 77, 7).y).toBe(3);
    expect(graphViewport(layout, view(ids.x, 3), 77, 7).y).toBe(1);
    expect(graphViewport(layout, view(ids.z, 3), 77, 7).y).toBe(3); // z is whole there: no move
    // The user panned away: the view stays, kept on the canvas (11 rows, so 4 at most).
    expect(graphViewport(layout, view(ids.x, 9, true), 77, 7).y).toBe(4);
    // A pane taller than the canvas shows all of it.
    expect(graphViewport(layout, view(ids.y, 3), 77, 20).y).toBe(0);
  });

  it('keeps the other boxes in view with the selected one when they fit together', () => {
    // x covers rows 1..4, y rows 6..9: together they need 9 rows. In 5 or 8 rows y is dropped
    // and the view stays at row 0, where x is whole; in 9 rows the view moves down to row 1.
    const view = (alsoInView: number[], y = 0) => ({
      selected: ids.x,
      panned: false,
      viewport: { x: 0, y },
      alsoInView,
    });
    expect(graphViewport(layout, view([ids.y]), 77, 5).y).toBe(0);
    expect(graphViewport(layout, view([], 5), 77, 9).y).toBe(1);
    expect(graphViewport(layout, view([ids.y]), 77, 9).y).toBe(1);
    expect(graphViewport(layout, view([ids.y], 0), 77, 8).y).toBe(0);
  });
});

describe('big graphs open in the list view', () => {
  it('starts in the list above LIST_FIRST_NODES nodes and in the drawing up to it', () => {
    expect(initialViewState(0, LIST_FIRST_NODES).graphMode).toBe('graph');
    expect(initialViewState(0, LIST_FIRST_NODES + 1).graphMode).toBe('list');
  });

  it('lists a 100,000-node chain without laying it out, each row made when drawn', () => {
    const g = new Graph();
    g.addInput(0.5, 'x');
    for (let k = 1; g.size < 100_000; k++) g.setName(g.addOp(OpCode.tanh, g.size - 1), `v${k}`);
    const list = layoutList(nodeTexts(g, (id) => g.nameOf(id) ?? `#${id}`));
    expect(list.height).toBe(100_000);
    expect(list.expression(99_999)).toBe('tanh(v99998)');
    const rows = renderListViewport(
      list,
      () => ({ data: null, grad: null }),
      { x: 0, y: 99_998, width: 120, height: 2 },
      { color: false },
    );
    expect(rows[1]).toMatch(/#99999 +v99999 +tanh\(v99998\) +d \?/);
  });
});

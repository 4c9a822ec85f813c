/**
 * Flow edges: the edges a step moved a value along are drawn with heavy box-drawing characters,
 * and only those. Which edges, and where their strokes run, is worked out here by hand from the
 * seed graph's drawing (see frames.test.ts for the same graph without them).
 */
import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../../src/engine/index.js';
import {
  type FlowEdge,
  layoutGraph,
  type NodeState,
  renderGraphViewport,
} from '../../../src/ui/graph/index.js';
import { DATA, labelOf, seedGraph } from './seed.js';

/** Every box-drawing character with a heavy arm, from the Unicode chart (U+2500–U+257F). */
const HEAVY = new Set([...'━┃┍┎┏┑┒┓┕┖┗┙┚┛┝┞┟┠┡┢┣┥┦┧┨┩┪┫┭┮┯┰┱┲┳┵┶┷┸┹┺┻┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╸╹╺╻╼╽╾╿']);
/** The light line characters edges are drawn with. */
const LINES = new Set([...'─│┌┐└┘├┤┬┴┼']);

/** Cells [x, y] of a frame holding a heavy character. */
function heavyCells(rows: readonly string[]): [number, number][] {
  const cells: [number, number][] = [];
  rows.forEach((row, y) => {
    [...row].forEach((c, x) => {
      if (HEAVY.has(c)) cells.push([x, y]);
    });
  });
  return cells;
}

/** Plain boxes: no node is current or selected, so no box frame is heavy. */
const plainState = (id: number): NodeState => ({ data: DATA[id] ?? 1, grad: null });

describe('flow edges, seed graph', () => {
  const { graph, output, ids } = seedGraph();
  const layout = layoutGraph(graph, output, labelOf(graph));
  const view = { x: 0, y: 0, width: 64, height: 11 };
  const draw = (flow: FlowEdge[]) =>
    renderGraphViewport(layout, plainState, view, { color: false, flow });

  it('draws nothing heavy when no step moved a value', () => {
    expect(heavyCells(draw([]))).toEqual([]);
  });

  // B4 runs x_2_y = x_2 * y: grad flows back to x_2 (slot 0) and to y (slot 1). y sits in layer
  // 0 and x_2_y in layer 2, so y's edge runs up its track, through layer 1 on y's lane (row 5)
  // and up into x_2_y's g port; x_2's edge leaves its d row and turns down into the d port.
  // y's horizontal crosses x's light track at column 17 and stays heavy there.
  it('draws x_2_y = x_2 * y backward: x_2 → x_2_y and y → (lane) → x_2_y, heavy', () => {
    const flow = [
      { from: ids.x2, to: ids.x2y, slot: 0 },
      { from: ids.y, to: ids.x2y, slot: 1 },
    ];
    expect(draw(flow)).toEqual([
      '                     ╭x_2 *─────────╮                           ',
      '╭x─────────────╮ ┌───┤d 4.0000      ├━┓                         ',
      '│d 2.0000      ├─┼───┤g ?           │ ┃  ╭x_2_y *───────╮       ',
      '│g ?           │ │   ╰──────────────╯ ┗━━┤d 12.0000     ├─┐     ',
      '╰──────────────╯ │                    ┏━━┤g ?           │ │  ╭z ',
      '                 │┏━━━━━━━━━━━━━━━━━━━┛  ╰──────────────╯ └──┤d ',
      '╭y─────────────╮ │┃                                       ┌──┤g ',
      '│d 3.0000      ├━━┩  ╭xy *──────────╮    ╭tanh_xy tanh──╮ │  ╰──',
      '│g ?           │ └│──┤d 6.0000      ├────┤d 1.0000      ├─┘     ',
      '╰──────────────╯  └──┤g ?           │    │g ?           │       ',
      '                     ╰──────────────╯    ╰──────────────╯       ',
    ]);
  });

  // B5 runs x_2 = x * x: both of x_2's ports get a heavy edge from x's one out port; x's net
  // goes on, light, down to xy, so its junction is ╇ (heavy up, left and right; light down).
  it('draws x_2 = x * x backward: both of x_2 ports from one junction', () => {
    const flow = [
      { from: ids.x, to: ids.x2, slot: 0 },
      { from: ids.x, to: ids.x2, slot: 1 },
    ];
    const rows = draw(flow);
    expect(rows.slice(0, 4)).toEqual([
      '                     ╭x_2 *─────────╮                           ',
      '╭x─────────────╮ ┏━━━┤d 4.0000      ├─┐                         ',
      '│d 2.0000      ├━╇━━━┤g ?           │ │  ╭x_2_y *───────╮       ',
      '│g ?           │ │   ╰──────────────╯ └──┤d 12.0000     ├─┐     ',
    ]);
    expect(heavyCells(rows)).toEqual([
      [17, 1],
      [18, 1],
      [19, 1],
      [20, 1],
      [16, 2],
      [17, 2],
      [18, 2],
      [19, 2],
      [20, 2],
    ]);
  });

  // Only line cells turn heavy (where a flow line crosses another net's, the flow line is the
  // one drawn); every other cell is as it was.
  it('changes nothing but line cells', () => {
    const all = [0, 1].flatMap((slot) =>
      [ids.x, ids.y, ids.x2, ids.x2y, ids.xy, ids.t].flatMap((from) =>
        [ids.x2, ids.x2y, ids.xy, ids.t, ids.z]
          .filter((to) => [graph.in0[to], graph.in1[to]][slot] === from)
          .map((to) => ({ from, to, slot })),
      ),
    );
    expect(all).toHaveLength(9);
    const plain = draw([]).map((row) => [...row]);
    for (const edge of all) {
      draw([edge]).forEach((row, y) => {
        [...row].forEach((c, x) => {
          if (HEAVY.has(c)) expect(LINES.has(plain[y][x]), `${x},${y}`).toBe(true);
          else expect(c).toBe(plain[y][x]);
        });
      });
    }
  });
});

/**
 * Any single edge's heavy cells are one simple path: 4-connected, ending on the cell right of
 * the source's box on its out row and the cell left of the target's box on the port's row, every
 * other cell with exactly two heavy neighbours.
 */
function expectPath(rows: readonly string[], start: [number, number], end: [number, number]) {
  const cells = heavyCells(rows);
  const key = ([x, y]: [number, number]) => `${x},${y}`;
  const set = new Set(cells.map(key));
  expect(set.has(key(start)), `starts at ${start}`).toBe(true);
  expect(set.has(key(end)), `ends at ${end}`).toBe(true);
  for (const [x, y] of cells) {
    const around = [
      [x + 1, y],
      [x - 1, y],
      [x, y + 1],
      [x, y - 1],
    ].filter(([a, b]) => set.has(`${a},${b}`)).length;
    const isEnd = key([x, y]) === key(start) || key([x, y]) === key(end);
    expect(around, `neighbours of ${x},${y}`).toBe(isEnd ? 1 : 2);
  }
}

describe('flow edges, a wide graph with long edges and a stub', () => {
  // Four inputs; a chain c1..c10 from a; each of b, c, d feeds a node at another depth; a feeds
  // the last chain node directly (10 layers: a stub).
  const g = new Graph();
  const a = g.addInput(1, 'a');
  const b = g.addInput(2, 'b');
  const c = g.addInput(3, 'c');
  const d = g.addInput(4, 'd');
  const chain = [g.addOp(OpCode.tanh, a)];
  for (let i = 1; i < 10; i++) chain.push(g.addOp(OpCode.tanh, chain[i - 1]));
  const mixed = [g.addOp(OpCode.mul, chain[2], b), g.addOp(OpCode.add, c, chain[4])];
  const sink = g.addOp(OpCode.mul, d, mixed[0]);
  const last = g.addOp(OpCode.add, chain[9], a);
  const out = g.addOp(OpCode.add, last, g.addOp(OpCode.add, sink, mixed[1]));
  const layout = layoutGraph(g, out, (id) => g.nameOf(id) ?? `n${id}`);
  const view = { x: 0, y: 0, width: layout.width + 1, height: layout.height + 1 };
  const draw = (flow: FlowEdge[]) =>
    renderGraphViewport(layout, () => ({ data: 1, grad: 1 }), view, { color: false, flow });

  it('draws every drawn edge alone as one simple heavy path from port to port', () => {
    let edges = 0;
    for (let to = 0; to < g.size; to++) {
      [g.in0[to], g.in1[to]].forEach((from, slot) => {
        if (from < 0 || (to === last && from === a)) return;
        const source = layout.rectOf(from);
        const target = layout.rectOf(to);
        const rows = draw([{ from, to, slot }]);
        expectPath(
          rows,
          [source.x + source.width, source.y + layout.outPort],
          [target.x - 1, target.y + layout.inPorts[slot]],
        );
        edges++;
      });
    }
    // 10 along the chain, 4 into the mixed nodes, 2 into sink, 1 into last, 2 + 2 into the sums.
    expect(edges).toBe(21);
  });

  it('draws a stub edge as the one heavy cell before its port', () => {
    const target = layout.rectOf(last);
    const cells = heavyCells(draw([{ from: a, to: last, slot: 1 }]));
    expect(cells).toEqual([[target.x - 1, target.y + layout.inPorts[1]]]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../../src/engine/index.js';
import { type Layout, layoutGraph, renderGraphViewport } from '../../../src/ui/graph/index.js';

/** A DAG where each op picks inputs among the `reach` latest nodes (all nodes when 0). */
function randomDag(size: number, leaves: number, reach: number, random: () => number): Graph {
  const g = new Graph();
  for (let i = 0; i < leaves; i++) g.addInput(i, `w${i}`);
  const pick = () => {
    const span = reach > 0 ? Math.min(reach, g.size) : g.size;
    return g.size - 1 - Math.floor(random() * span);
  };
  while (g.size < size) {
    if (random() < 0.3) g.addOp(OpCode.tanh, pick());
    else g.addOp(OpCode.mul, pick(), pick());
  }
  return g;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const label = (g: Graph) => (id: number) => g.nameOf(id) ?? `#${id}`;

/** The first breach of the geometry the renderer relies on, or undefined. */
function geometryBreach(layout: Layout): string | undefined {
  const breaches: string[] = [];
  const check = (value: number, what: string) => ({
    toBeGreaterThan: (other: number) =>
      value > other || breaches.push(`${what}: ${value} <= ${other}`),
    toBeGreaterThanOrEqual: (other: number) =>
      value >= other || breaches.push(`${what}: ${value} < ${other}`),
    toBeLessThan: (other: number) =>
      value < other || breaches.push(`${what}: ${value} >= ${other}`),
  });
  const { layering, itemY, layerX, boxWidth, boxHeight } = layout;
  const n = layering.nodeCount;
  const height = (item: number) => (item < n ? boxHeight : 1);
  for (let k = 0; k + 1 < layerX.length; k++) {
    // Layers do not overlap, and each gap has room for its tracks.
    check(layerX[k + 1] - layerX[k] - boxWidth, `gap ${k}`).toBeGreaterThanOrEqual(4);
  }
  layering.layers.forEach((layer) => {
    for (let i = 1; i < layer.length; i++) {
      // Items of a layer (boxes and passing edges) never share a row.
      check(itemY[layer[i]], `item ${layer[i]}`).toBeGreaterThan(
        itemY[layer[i - 1]] + height(layer[i - 1]),
      );
    }
  });
  for (let id = 0; id < n; id++) {
    for (const input of layout.graph.inputsOf(id)) {
      check(layering.layerOf[input], `input of ${id}`).toBeLessThan(layering.layerOf[id]);
    }
  }
  for (let k = 0; k + 1 < layerX.length; k++) {
    const gap = layout.gap(k);
    const first = layerX[k] + boxWidth;
    const last = layerX[k + 1] - 1;
    const byColumn = new Map<number, [number, number][]>();
    for (let i = 0; i < gap.vertical.length; i += 4) {
      const column = gap.vertical[i];
      // Vertical runs stay strictly inside the gap: never through a box.
      check(column, `gap ${k} column`).toBeGreaterThan(first - 1);
      check(column, `gap ${k} column`).toBeLessThan(last + 1);
      const runs = byColumn.get(column) ?? [];
      runs.push([gap.vertical[i + 1], gap.vertical[i + 2]]);
      byColumn.set(column, runs);
    }
    for (const runs of byColumn.values()) {
      runs.sort((a, b) => a[0] - b[0]);
      // Two nets never share a stretch of one column.
      for (let i = 1; i < runs.length; i++) {
        check(runs[i][0], `gap ${k} run`).toBeGreaterThan(runs[i - 1][1]);
      }
    }
  }
  return breaches[0];
}

describe('layoutGraph', () => {
  it('puts leaves on the left and each node right of its inputs (seed-sized DAGs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer(),
        (size, leaves, reach, seed) => {
          const g = randomDag(Math.max(size, leaves), leaves, reach, seeded(seed));
          for (const mode of ['boxes', 'compact'] as const) {
            const layout = layoutGraph(g, g.size - 1, label(g), { mode });
            expect(geometryBreach(layout)).toBeUndefined();
            for (let id = 0; id < g.size; id++) {
              if (g.isLeaf(id)) expect(layout.layering.layerOf[id]).toBe(0);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lays out a 10,000-node random DAG with fan-out and keeps boxes apart', () => {
    for (const reach of [0, 40]) {
      const g = randomDag(10_000, 20, reach, seeded(reach + 1));
      const layout = layoutGraph(g, g.size - 1, label(g));
      expect(geometryBreach(layout)).toBeUndefined();
      expect(layout.height).toBeGreaterThan(0);
    }
  });

  it('lays out a 10,000-node chain without recursion', () => {
    const g = randomDag(10_000, 1, 1, seeded(3));
    const layout = layoutGraph(g, g.size - 1, label(g));
    expect(layout.layering.layers).toHaveLength(10_000);
    expect(layout.rectOf(9_999).x).toBe(layout.layerX[9_999]);
  });

  it('gives positions that do not depend on anything but the graph', () => {
    const g = randomDag(300, 5, 12, seeded(9));
    const a = layoutGraph(g, g.size - 1, label(g));
    const b = layoutGraph(g, g.size - 1, label(g));
    expect(Array.from(a.itemY)).toEqual(Array.from(b.itemY));
    expect(Array.from(a.layerX)).toEqual(Array.from(b.layerX));
  });
});

describe('no blank rows above the drawing', () => {
  it('puts the topmost item on row 0 for every graph', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer(), (size, seed) => {
        const g = randomDag(size, Math.max(1, size >> 2), 4, seeded(seed));
        for (const mode of ['boxes', 'compact'] as const) {
          const layout = layoutGraph(g, g.size - 1, label(g), { mode });
          expect(Math.min(...layout.itemY)).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('long edges: lanes and stubs keep the layout linear', () => {
  /** x feeds every third node of a chain, w every third: the shape that made 3 million dummies. */
  function chainFedByInputs(size: number): Graph {
    const g = new Graph();
    const x = g.addInput(1, 'x');
    const w = g.addInput(2, 'w');
    let last = x;
    for (let i = 0; g.size < size; i++) {
      if (i % 3 === 0) last = g.addOp(OpCode.tanh, last);
      else last = g.addOp(i % 3 === 1 ? OpCode.add : OpCode.mul, last, i % 3 === 1 ? x : w);
    }
    return g;
  }

  it('creates a few items per node for a 3,000-node chain, not one per edge and layer', () => {
    const g = chainFedByInputs(3_000);
    const { layering } = layoutGraph(g, g.size - 1, label(g));
    // One dummy per crossed layer and edge would be sum over x's and w's ~1,000 consumers of
    // their layer: about 3 million. Lanes are shared and at most LANE_SPAN - 1 long per source.
    expect(layering.itemCount).toBeLessThan(2 * g.size);
    expect(layering.itemCount - layering.nodeCount).toBeLessThanOrEqual(2 * 7);
    // Every input edge is either a one-layer edge into its target or a stub.
    let arriving = 0;
    for (let e = 0; e < layering.edgeTo.length; e++) if (layering.edgeTo[e] < g.size) arriving++;
    let inputs = 0;
    for (let id = 0; id < g.size; id++) inputs += g.inputsOf(id).length;
    expect(arriving + layering.stubTo.length).toBe(inputs);
  });

  it('shares one lane among the consumers of a source within reach', () => {
    const g = new Graph();
    const x = g.addInput(1, 'x');
    let last = g.addOp(OpCode.tanh, x);
    const consumers: number[] = [];
    for (let i = 0; i < 4; i++) {
      last = g.addOp(OpCode.tanh, last);
      consumers.push(g.addOp(OpCode.mul, last, x));
    }
    // x is on layer 0; its consumers on layers 3, 4, 5, 6: one lane through layers 1 to 5.
    const { layering } = layoutGraph(g, g.size - 1, label(g));
    expect(layering.itemCount - layering.nodeCount).toBe(5);
    expect(consumers.map((id) => layering.layerOf[id])).toEqual([3, 4, 5, 6]);
    expect(layering.stubTo.length).toBe(0);
  });

  it("draws an edge longer than the lane span as the source's label at the target's port", () => {
    const g = new Graph();
    const x = g.addInput(1, 'x');
    let last = x;
    for (let i = 0; i < 10; i++) last = g.addOp(OpCode.tanh, last);
    const far = g.addOp(OpCode.add, last, x);
    const layout = layoutGraph(g, far, label(g));
    expect(Array.from(layout.layering.stubTo)).toEqual([far]);
    const box = layout.rectOf(far);
    const view = { x: box.x - 12, y: 0, width: 30, height: layout.height };
    const rows = renderGraphViewport(layout, () => ({ data: 1, grad: 0 }), view, { color: false });
    // Columns 6 to 11 are the gap after the previous box's right border (column 5). Slot 1
    // arrives on the box's g row (its third row): 'x', a space, a stroke, the port; slot 0 is
    // the one-layer edge from the previous box.
    expect(rows[box.y + 2].slice(5, 14)).toBe('│   x ─┤g');
    expect(rows[box.y + 1].slice(5, 14)).toBe('├──────┤d');
  });
});

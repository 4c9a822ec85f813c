/**
 * Which edges a step lights: on the seed, each step's edges written out by hand from the
 * scenario's text (a node's inputs, in slot order), compared with what the graph pane asks the
 * renderer to draw heavy.
 */
import { describe, expect, it } from 'vitest';
import { createSession, shapeOf, stepAt } from '../../../src/session/index.js';
import { flowEdges } from '../../../src/ui/panes/graph-pane.js';
import { builtin } from '../fixtures.js';

/** scenarios/seed.yaml: x_2 = x * x, x_2_y = x_2 * y, xy = x * y, tanh_xy = tanh(xy), z = x_2_y + tanh_xy */
const INPUTS: Record<string, string[]> = {
  x_2: ['x', 'x'],
  x_2_y: ['x_2', 'y'],
  xy: ['x', 'y'],
  tanh_xy: ['xy'],
  z: ['x_2_y', 'tanh_xy'],
};

describe('flow edges of each seed step', () => {
  const scenario = builtin('seed');
  const session = createSession(scenario);
  const name = (id: number) => scenario.graph.nameOf(id);
  const steps = Array.from({ length: shapeOf(session).total }, (_, i) => stepAt(session, i + 1));

  it('lights a node’s inputs into it on forward and backward steps, and nothing on B0', () => {
    const seen: string[] = [];
    for (const step of steps) {
      const node = name(step.node) ?? '';
      const drawn = flowEdges(scenario.graph, step).map(
        (e) => `${name(e.from)}→${name(e.to)}:${e.slot}`,
      );
      const expected =
        step.phase === 'forward' || step.phase === 'backward'
          ? INPUTS[node].map((from, slot) => `${from}→${node}:${slot}`)
          : [];
      expect(drawn, step.name).toEqual(expected);
      seen.push(`${step.name} ${drawn.length}`);
    }
    // 5 forward steps, B0, 5 backward steps: 9 edges each way.
    expect(seen).toEqual([
      'F1 2',
      'F2 2',
      'F3 2',
      'F4 1',
      'F5 2',
      'B0 0',
      'B1 2',
      'B2 1',
      'B3 2',
      'B4 2',
      'B5 2',
    ]);
  });

  it('lights nothing at start', () => {
    expect(flowEdges(scenario.graph, undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { Graph, OpCode } from '../../../src/engine/index.js';
import {
  FLAGS,
  type Flag,
  layoutGraph,
  layoutList,
  type NodeState,
  renderGraphViewport,
  renderListViewport,
} from '../../../src/ui/graph/index.js';

/** a -> tanh: the flags go on the tanh node. */
function pair() {
  const g = new Graph();
  const a = g.addInput(0.5, 'a');
  const t = g.addOp(OpCode.tanh, a);
  g.setName(t, 't');
  return { g, t };
}

const FLAG_NAMES = Object.keys(FLAGS) as Flag[];

describe('flags without color', () => {
  const { g, t } = pair();
  const view = { x: 0, y: 0, width: 40, height: 4 };
  const modes = [
    [
      'boxes',
      (s: (id: number) => NodeState) =>
        renderGraphViewport(
          layoutGraph(g, t, (id) => g.nameOf(id) ?? ''),
          s,
          view,
          { color: false },
        ),
    ],
    [
      'compact',
      (s: (id: number) => NodeState) =>
        renderGraphViewport(
          layoutGraph(g, t, (id) => g.nameOf(id) ?? '', { mode: 'compact' }),
          s,
          view,
          { color: false },
        ),
    ],
    [
      'list',
      (s: (id: number) => NodeState) =>
        renderListViewport(layoutList(layoutGraph(g, t, (id) => g.nameOf(id) ?? '')), s, view, {
          color: false,
        }),
    ],
  ] as const;

  for (const [mode, render] of modes) {
    it(`${mode}: every flag alone gives a different frame, and shows its glyph`, () => {
      const frames = new Set<string>();
      const none = render(() => ({ data: 0.5, grad: 1 })).join('\n');
      frames.add(none);
      for (const flag of FLAG_NAMES) {
        const state = (id: number): NodeState =>
          id === t
            ? flag === 'nonfinite'
              ? { data: Number.NaN, grad: 1 }
              : { data: 0.5, grad: 1, [flag]: true }
            : { data: 0.5, grad: 1 };
        const frame = render(state).join('\n');
        expect(frame, flag).toContain(FLAGS[flag].glyph);
        frames.add(frame);
      }
      expect(frames.size).toBe(FLAG_NAMES.length + 1);
    });
  }

  it('glyphs are pairwise distinct and none is an edge character', () => {
    const glyphs = FLAG_NAMES.map((f) => FLAGS[f].glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    for (const glyph of glyphs) expect('─│┌┐└┘├┤┬┴┼→⇉?').not.toContain(glyph);
  });

  it('shows infinite and NaN values and unknown ones as ?', () => {
    const frame = renderGraphViewport(
      layoutGraph(g, t, (id) => g.nameOf(id) ?? ''),
      (id) =>
        id === t ? { data: Number.POSITIVE_INFINITY, grad: Number.NaN } : { data: 0.5, grad: null },
      { x: 0, y: 0, width: 40, height: 4 },
      { color: false },
    );
    expect(frame).toEqual([
      '╭a─────────────╮    ╭t tanh────────╮    ',
      '│d 0.5000      ├────┤d Infinity    │    ',
      '│g ?           │    │g NaN         │    ',
      '╰──────────────╯    ╰!─────────────╯    ',
    ]);
  });
});

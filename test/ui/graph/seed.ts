/**
 * The seed notebook graph built with the Graph API, and two moments of a debugging session typed
 * in by hand (values from ../shared/reference-values.md), so the pane is tested without the
 * session layer.
 */
import type { Graph } from '../../../src/engine/index.js';
import type { NodeState } from '../../../src/ui/graph/index.js';
import { seedNotebook } from '../../engine/reference-graphs.js';

export function seedGraph() {
  const { graph: g, output } = seedNotebook();
  const id = (name: string) => g.idOf(name)!;
  const ids = {
    x: id('x'),
    y: id('y'),
    x2: id('x_2'),
    x2y: id('x_2_y'),
    xy: id('xy'),
    t: id('tanh_xy'),
    z: output,
  };
  return { graph: g, output, ids };
}

export const labelOf = (g: Graph) => (id: number) => g.nameOf(id) ?? `#${id}`;

/** Node data, in id order: x, y, x_2, x_2_y, xy, tanh_xy, z. */
export const DATA = [2, 3, 4, 12, 6, 0.9999877116507956, 12.999987711650796];
/** Final grads, in id order. */
export const GRAD = [12.000073729642216, 4.00004915309481, 3, 1, 2.4576547405286142e-5, 1, 1];

/**
 * The last backward step: x_2 = x * x has just run and added 2·x·3 twice to x.grad, which was
 * 3 · 2.4576547e-5 from xy. y is selected, tanh_xy has a breakpoint, x_2_y matches a search.
 */
export function lastBackwardStep(id: number): NodeState {
  const common = { data: DATA[id], grad: GRAD[id], final: true };
  switch (id) {
    case 0:
      return { ...common, changed: true, gradBefore: 3 * GRAD[4] };
    case 1:
      return { ...common, selected: true };
    case 2:
      return { ...common, current: true };
    case 3:
      return { ...common, searchMatch: true };
    case 5:
      return { ...common, breakpoint: true };
    default:
      return common;
  }
}

/** Forward step 2 of 5 (x_2_y just evaluated): later data unknown, no grads yet. */
export function secondForwardStep(id: number): NodeState {
  return { data: id <= 3 ? DATA[id] : null, grad: null, current: id === 3 };
}

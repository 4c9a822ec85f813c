import { cut } from '../../scenario/index.js';
import { defaultFormat, faceOf, glyphs, gradStyle, gradText, show, valueStyle } from './box.js';
import { CellBuffer } from './cells.js';
import type { NodeTexts } from './layout.js';
import { FLAGS, frameStyle, PLAIN, type Style } from './style.js';
import type { Canvas, NodeStates, Rect, RenderOptions, Viewport } from './types.js';

const LABEL_MAX = 16;
const EXPRESSION_MAX = 32;
/** Every flag a node can have at once: all of them but one, as final and pending never meet. */
const MAX_FLAGS = Object.keys(FLAGS).length - 1;
/** The glyph column: a glyph per flag, then a blank so none runs into the id. */
const GLYPHS = MAX_FLAGS + 1;
const VALUE = 12;

/** The list view: one row per node in step (creation) order, columns sized once. */
export interface ListLayout extends Canvas {
  readonly layout: NodeTexts;
  /** `x_2 * y`, `tanh(xy)`, `input`: how a node is computed. */
  expression(id: number): string;
  readonly idWidth: number;
  readonly labelWidth: number;
  readonly expressionWidth: number;
}

function expressionOf(layout: NodeTexts, id: number): string {
  const { graph, labels } = layout;
  const spec = graph.spec(id);
  const a = labels[graph.in0[id]];
  const b = labels[graph.in1[id]];
  switch (spec.syntax) {
    case 'leaf':
      return spec.name;
    case 'prefix':
      return `${spec.symbol}${a}`;
    case 'call':
      return `${spec.symbol}(${a})`;
    default:
      return spec.name === 'pow' ? `${a} ** ${graph.param[id]}` : `${a} ${spec.symbol} ${b}`;
  }
}

/**
 * Columns are sized to their widest cell, found by a pass over every node up to this many; above
 * it they take their maximum widths and expressions are made only for the rows drawn, so a
 * million-node graph opens in the list without a million strings.
 */
const MEASURED = 50_000;

export function layoutList(layout: NodeTexts): ListLayout {
  const n = layout.graph.size;
  const expression = (id: number) => cut(expressionOf(layout, id), EXPRESSION_MAX);
  let labelWidth = n > MEASURED ? LABEL_MAX : 1;
  let expressionWidth = n > MEASURED ? EXPRESSION_MAX : 1;
  for (let id = 0; id < n && n <= MEASURED; id++) {
    labelWidth = Math.max(labelWidth, Math.min(LABEL_MAX, [...layout.labels[id]].length));
    expressionWidth = Math.max(expressionWidth, [...expression(id)].length);
  }
  const idWidth = String(Math.max(0, n - 1)).length + 1;
  const width = GLYPHS + idWidth + labelWidth + expressionWidth + 3 * 2 + 2 * (VALUE + 2) + VALUE;
  return {
    layout,
    expression,
    idWidth,
    labelWidth,
    expressionWidth,
    width,
    height: n,
    rectOf: (id: number): Rect => ({ x: 0, y: id, width, height: 1 }),
  };
}

/**
 * One node per row: glyphs, `#id`, label, expression, `d` data, `g` grad (`before→after` after a
 * change). Same contract as the graph pane: exactly `height` rows of `width` columns.
 */
export function renderListViewport(
  list: ListLayout,
  states: NodeStates,
  viewport: Viewport,
  options: RenderOptions,
): string[] {
  const buffer = new CellBuffer(viewport);
  const format = options.format ?? defaultFormat;
  const { layout } = list;
  const last = Math.min(layout.graph.size, viewport.y + viewport.height);
  for (let id = Math.max(0, viewport.y); id < last; id++) {
    const state = states(id);
    const face = faceOf(layout.labels[id], layout.symbols[id], state, format);
    glyphs(buffer, 0, id, face.flags, MAX_FLAGS);
    let x = GLYPHS;
    const column = (text: string, width: number, style: Style = PLAIN) => {
      buffer.text(x, id, cut(text, width), style);
      x += width + 2;
    };
    column(`#${id}`, list.idWidth, frameStyle(face.flags));
    column(
      layout.labels[id],
      list.labelWidth,
      state.searchMatch ? FLAGS.searchMatch.style : 'bold',
    );
    column(list.expression(id), list.expressionWidth);
    column(`d ${show(state.data, format)}`, VALUE, valueStyle(state.data));
    column(gradText(face, 'g ', 2 * VALUE), 2 * VALUE, gradStyle(face));
  }
  return buffer.rows(options.color);
}

import { formatNumber } from '../../session/index.js';
import { type Layout, type LayoutMode, layoutGraph } from '../graph/layout.js';
import { renderGraphViewport } from '../graph/render.js';
import { FLAGS, flagsOf } from '../graph/style.js';
import type { Viewport } from '../graph/types.js';
import { currentStep, nodeStateOf, type ScreenModel } from '../screen-model.js';
import { fitWidth, painter } from '../text.js';

/** Layouts are computed once per scenario and mode, on first use. */
export class GraphLayouts {
  private readonly cache = new Map<LayoutMode, Layout>();

  constructor(private readonly scenario: ScreenModel['session']['timeline']['scenario']) {}

  get(mode: LayoutMode): Layout {
    let layout = this.cache.get(mode);
    if (layout === undefined) {
      const { graph, output } = this.scenario;
      layout = layoutGraph(graph, output, (id) => this.scenario.labelOf(id), { mode });
      this.cache.set(mode, layout);
    }
    return layout;
  }
}

/** Rows the current view needs to show the whole graph. */
export function graphContentHeight(model: ScreenModel, layouts: GraphLayouts): number {
  const mode = model.view.graphMode;
  if (mode === 'list') return model.session.timeline.graph.size;
  return layouts.get(mode === 'graph' ? 'boxes' : 'compact').height;
}

/** The graph pane's rows: the box or compact drawing around the selected node, or the list. */
export function graphPaneLines(
  model: ScreenModel,
  layouts: GraphLayouts,
  width: number,
  height: number,
): string[] {
  const step = currentStep(model.session);
  const states = (id: number) => nodeStateOf(model, step, id);
  if (model.view.graphMode === 'list') return listLines(model, states, width, height);
  const layout = layouts.get(model.view.graphMode === 'graph' ? 'boxes' : 'compact');
  const viewport = following(layout, model.view.selected, model.view.pan, width, height);
  const format = (x: number) => formatNumber(x, model.precision);
  return renderGraphViewport(layout, states, viewport, { color: model.color, format });
}

/** A viewport that keeps `node` in view (centred when it can), moved by the user's pan. */
function following(
  layout: Layout,
  node: number,
  pan: { x: number; y: number },
  width: number,
  height: number,
): Viewport {
  const clamp = (v: number, size: number, span: number) => Math.max(0, Math.min(v, span - size));
  if (node < 0) return { x: pan.x, y: pan.y, width, height };
  const r = layout.rectOf(node);
  const x = clamp(r.x + Math.floor(r.width / 2) - Math.floor(width / 2), width, layout.width);
  const y = clamp(r.y + Math.floor(r.height / 2) - Math.floor(height / 2), height, layout.height);
  return { x: Math.max(0, x + pan.x), y: Math.max(0, y + pan.y), width, height };
}

/** One node per row in step order (id order), scrolled to keep the selected node visible. */
function listLines(
  model: ScreenModel,
  states: (id: number) => ReturnType<typeof nodeStateOf>,
  width: number,
  height: number,
): string[] {
  const { scenario } = model.session.timeline;
  const paint = painter(model.color);
  const size = scenario.graph.size;
  const selected = Math.max(0, model.view.selected);
  const first = Math.max(
    0,
    Math.min(selected - Math.floor(height / 2) + model.view.pan.y, size - height),
  );
  const value = (x: number | null) => (x === null ? '?' : formatNumber(x, model.precision));
  const lines: string[] = [];
  for (let id = first; id < Math.min(size, first + height); id++) {
    const state = states(id);
    const flags = flagsOf(state);
    const glyphs = flags.map((f) => paint(FLAGS[f].glyph, FLAGS[f].style)).join('');
    const grad =
      state.changed && state.gradBefore !== null && state.gradBefore !== undefined
        ? `${value(state.gradBefore)}→${value(state.grad)}`
        : value(state.grad);
    const row = `${fitWidth(glyphs, 4)} ${fitWidth(scenario.labelOf(id), 20)} data ${fitWidth(value(state.data), 12)} grad ${grad}`;
    lines.push(fitWidth(row, width));
  }
  return lines;
}

import { formatNumber } from '../../session/index.js';
import {
  type Canvas,
  type Layout,
  type LayoutMode,
  type ListLayout,
  layoutGraph,
  layoutList,
  renderGraphViewport,
  renderListViewport,
  type Viewport,
} from '../graph/index.js';
import { currentStep, nodeStateOf, type ScreenModel } from '../screen-model.js';

/** Layouts are computed once per scenario and mode, on first use. */
export class GraphLayouts {
  private readonly cache = new Map<LayoutMode, Layout>();
  private listLayout?: ListLayout;

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

  list(): ListLayout {
    this.listLayout ??= layoutList(this.get('compact'));
    return this.listLayout;
  }
}

/** Rows the current view needs to show the whole graph. */
export function graphContentHeight(model: ScreenModel, layouts: GraphLayouts): number {
  return canvasOf(model, layouts).height;
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
  const canvas = canvasOf(model, layouts);
  const viewport = following(canvas, model.view.selected, model.view.pan, width, height);
  const options = { color: model.color, format: (x: number) => formatNumber(x, model.precision) };
  return model.view.graphMode === 'list'
    ? renderListViewport(layouts.list(), states, viewport, options)
    : renderGraphViewport(canvas as Layout, states, viewport, options);
}

function canvasOf(model: ScreenModel, layouts: GraphLayouts): Canvas {
  const mode = model.view.graphMode;
  if (mode === 'list') return layouts.list();
  return layouts.get(mode === 'graph' ? 'boxes' : 'compact');
}

/** A viewport that keeps `node` in view (centred when it can), moved by the user's pan. */
function following(
  layout: Canvas,
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

import type { Scenario } from '../../scenario/index.js';
import { formatNumber, type StepInfo, scenarioOf } from '../../session/index.js';
import {
  type Canvas,
  clampViewport,
  type FlowEdge,
  insideViewport,
  type Layout,
  type LayoutMode,
  type ListLayout,
  layoutGraph,
  layoutList,
  nodeTexts,
  renderGraphViewport,
  renderListViewport,
  type Viewport,
  viewportShowing,
} from '../graph/index.js';
import { nodeLabels } from '../labels.js';
import { currentStep, nodeStateOf, type ScreenModel } from '../screen-model.js';
import type { ViewState } from '../view-state.js';

/** Layouts are computed once per scenario, mode and neuron drawing, on first use. */
export class GraphLayouts {
  private readonly cache = new Map<string, Layout>();
  private listLayout?: ListLayout;

  constructor(private readonly scenario: Scenario) {}

  /** `collapsed`: a built model's neurons drawn as one box each. */
  get(mode: LayoutMode, collapsed = false): Layout {
    const key = `${mode} ${collapsed}`;
    let layout = this.cache.get(key);
    if (layout === undefined) {
      const { graph, output } = this.scenario;
      const neurons = collapsed ? this.scenario.neurons : undefined;
      const labels = nodeLabels(this.scenario);
      layout = layoutGraph(graph, output, (id) => labels[id], { mode, neurons });
      this.cache.set(key, layout);
    }
    return layout;
  }

  scenarioGraph(): Scenario['graph'] {
    return this.scenario.graph;
  }

  /** The list needs no layout: a graph too big to lay out at once opens in it. */
  list(): ListLayout {
    if (this.listLayout === undefined) {
      const labels = nodeLabels(this.scenario);
      this.listLayout = layoutList(
        this.cache.get('compact false') ?? nodeTexts(this.scenario.graph, (id) => labels[id]),
      );
    }
    return this.listLayout;
  }

  /** What a graph view draws: the boxes, the compact drawing or the list. */
  canvas(view: Pick<ViewState, 'graphMode' | 'neuronsCollapsed'>): Canvas {
    if (view.graphMode === 'list') return this.list();
    return this.get(view.graphMode === 'graph' ? 'boxes' : 'compact', view.neuronsCollapsed);
  }
}

/** `Graph · graph view`, and for a built model how its neurons are drawn and the key to change it. */
export function graphPaneTitle(model: ScreenModel): string {
  const { graphMode, neuronsCollapsed } = model.view;
  const title = `Graph · ${graphMode} view`;
  if (graphMode === 'list' || scenarioOf(model.session).neurons.length === 0) return title;
  return `${title} · ${neuronsCollapsed ? 'one box per neuron (e opens)' : 'neurons opened (e closes)'}`;
}

/** Rows the current view needs to show the whole graph. */
export function graphContentHeight(model: ScreenModel, layouts: GraphLayouts): number {
  return canvasOf(model, layouts).height;
}

/** `▲ ▼ ▶ more`: the directions in which the drawing goes on past the viewport ('' when it fits). */
export function overflowLabel(
  model: ScreenModel,
  layouts: GraphLayouts,
  viewport: Viewport,
): string {
  const canvas = canvasOf(model, layouts);
  const arrows = [
    viewport.y > 0 ? '▲' : '',
    viewport.y + viewport.height < canvas.height ? '▼' : '',
    viewport.x > 0 ? '◀' : '',
    viewport.x + viewport.width < canvas.width ? '▶' : '',
  ].filter((a) => a !== '');
  return arrows.length === 0 ? '' : `${arrows.join(' ')} more`;
}

/** The graph pane's rows: the box or compact drawing, or the list, through the view's viewport. */
export function graphPaneLines(
  model: ScreenModel,
  layouts: GraphLayouts,
  viewport: Viewport,
): string[] {
  const step = currentStep(model.session);
  const states = (id: number) => nodeStateOf(model, step, id);
  const canvas = canvasOf(model, layouts);
  const options = {
    color: model.color,
    format: (x: number) => formatNumber(x, model.precision),
    flow: flowEdges(layouts.scenarioGraph(), step),
    closeUp: closeUpNodes(canvas, viewport, step),
  };
  return model.view.graphMode === 'list'
    ? renderListViewport(layouts.list(), states, viewport, options)
    : renderGraphViewport(canvas as Layout, states, viewport, options);
}

/**
 * The edges the step just run moved a value along: on a backward step, from the node that ran to
 * each input that received grad; on a forward step, from its inputs into the node computed.
 */
export function flowEdges(
  graph: Scenario['graph'],
  step: StepInfo | undefined,
): readonly FlowEdge[] {
  if (step === undefined) return [];
  if (step.phase === 'backward') {
    return step.contributions.map((c) => ({ from: c.to, to: step.node, slot: c.slot }));
  }
  if (step.phase !== 'forward') return [];
  const inputs = [graph.in0[step.node], graph.in1[step.node]];
  return inputs.flatMap((from, slot) => (from >= 0 ? [{ from, to: step.node, slot }] : []));
}

/**
 * The node that ran and the nodes the step changed (backward: the inputs that received grad),
 * when they do not all fit in the viewport; else none.
 */
export function closeUpNodes(
  canvas: Canvas,
  viewport: Viewport,
  step: StepInfo | undefined,
): readonly number[] {
  if (step === undefined || step.phase !== 'backward') return [];
  const touched = [step.node, ...new Set(step.contributions.map((c) => c.to))];
  // A node inside a collapsed neuron shows no values of its own: the close-up lists it.
  const off = touched.some(
    (id) => canvas.hides?.(id) === true || !insideViewport(canvas.rectOf(id), viewport),
  );
  return off ? touched : [];
}

function canvasOf(model: ScreenModel, layouts: GraphLayouts): Canvas {
  return layouts.canvas(model.view);
}

/**
 * The last viewport, kept on the canvas, moved as little as shows the whole selected box and the
 * boxes kept in view with it (unless the user panned away since it was selected), so the view
 * does not jump at each step and never cuts the box it is about when the box fits.
 */
export function graphViewport(
  canvas: Canvas,
  view: Pick<ScreenModel['view'], 'viewport' | 'selected' | 'panned' | 'alsoInView'>,
  width: number,
  height: number,
): Viewport {
  const last = clampViewport(canvas, { ...view.viewport, width, height });
  const { selected } = view;
  if (view.panned || selected < 0) return last;
  return viewportShowing(canvas, [selected, ...view.alsoInView], last);
}

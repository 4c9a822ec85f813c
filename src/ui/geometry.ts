/**
 * Where the panes sit at a screen size, and what follows for the state before anything is drawn:
 * how far each text pane can scroll and where the graph viewport is (following the selection).
 * The reducer settles these after every input; the screen draws them as they are.
 */
import type { AppState } from './app-state.js';
import { graphContentHeight, graphViewport } from './panes/graph-pane.js';
import { inspectorLines } from './panes/inspector.js';
import { stepPanelLines } from './panes/step-panel.js';
import type { ScreenModel } from './screen-model.js';
import { wrapToWidth } from './text.js';
import { reduceView, type TextPane } from './view-state.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** The step and inspector panes want this many rows (9 lines: the seed's B3 with its `say`). */
const PANEL_ROWS = 11;
/** The graph pane keeps at least one row of boxes with the edges around them. */
const MIN_GRAPH_ROWS = 8;

export interface Geometry {
  /** Rows between the timeline bar and the footer. */
  readonly main: number;
  /** The graph pane's rows, borders included; the step and inspector panels take the rest. */
  readonly graphHeight: number;
  readonly panelHeight: number;
  readonly leftWidth: number;
  readonly rightWidth: number;
}

export function tooSmall(size: { readonly columns: number; readonly rows: number }): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

export function geometryOf(model: ScreenModel, layouts: AppState['layouts']): Geometry {
  const { columns, rows } = model;
  const main = rows - 1 - 3;
  const graphHeight = graphRows(main, graphContentHeight(model, layouts) + 2);
  const leftWidth = Math.floor(columns / 2);
  return {
    main,
    graphHeight,
    panelHeight: main - graphHeight,
    leftWidth,
    rightWidth: columns - leftWidth,
  };
}

/**
 * A text pane's lines, wrapped to its width (one cell narrower than the pane, so text never
 * touches the right border).
 */
export function textPaneLines(model: ScreenModel, pane: TextPane, geometry: Geometry): string[] {
  const width = (pane === 'steps' ? geometry.leftWidth : geometry.rightWidth) - 3;
  const lines = pane === 'steps' ? stepPanelLines(model, width) : inspectorLines(model, width);
  return lines.flatMap((line) => wrapToWidth(line, width));
}

/** The scroll limits and the graph viewport at the state's size, with the scroll kept within them. */
export function settleGeometry(state: AppState): AppState {
  if (tooSmall(state) || state.view.overlay !== 'none') return state;
  const model = { ...state, color: false };
  const geometry = geometryOf(model, state.layouts);
  const room = geometry.panelHeight - 2;
  const max = (pane: TextPane) => Math.max(0, textPaneLines(model, pane, geometry).length - room);
  const scrollMax = { steps: max('steps'), inspector: max('inspector') };
  const { x, y } = graphViewport(
    state.layouts.canvas(state.view),
    state.view,
    state.columns - 2,
    geometry.graphHeight - 2,
  );
  let view = reduceView(state.view, { type: 'viewport', x, y });
  for (const pane of ['steps', 'inspector'] as const) {
    view = reduceView(view, { type: 'scroll', pane, by: 0, max: scrollMax[pane] });
  }
  const same =
    view === state.view &&
    scrollMax.steps === state.scrollMax.steps &&
    scrollMax.inspector === state.scrollMax.inspector;
  return same ? state : { ...state, view, scrollMax };
}

/**
 * Rows of the graph pane out of `main`: all it needs when that leaves the panels below their
 * PANEL_ROWS (a small graph gives the panels everything else), else what is left after them, never
 * less than MIN_GRAPH_ROWS nor more than 60%. It depends on the size and the graph only, so the
 * panes do not jump while stepping.
 */
function graphRows(main: number, needs: number): number {
  const share = Math.max(MIN_GRAPH_ROWS, main - PANEL_ROWS);
  return Math.min(needs, share, Math.max(MIN_GRAPH_ROWS, Math.floor(main * 0.6)));
}

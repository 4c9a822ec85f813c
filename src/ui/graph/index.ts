export { defaultFormat, type Format } from './box.js';
export { CLOSE_UP_TITLE, insideViewport } from './closeup.js';
export {
  type Layout,
  type LayoutMode,
  type LayoutOptions,
  layoutGraph,
  type NodeTexts,
  nodeTexts,
} from './layout.js';
export { type ListLayout, layoutList, renderListViewport } from './list.js';
export { renderGraphViewport } from './render.js';
export { FLAGS, type Flag, flagsOf } from './style.js';
export type {
  Canvas,
  FlowEdge,
  NodeState,
  NodeStates,
  Rect,
  RenderOptions,
  Viewport,
} from './types.js';
export { clampViewport, panViewport, viewportFollowing, viewportShowing } from './viewport.js';

/**
 * What the screen shows besides the session: selection, focus, graph view, panning, prompts,
 * overlays and autoplay. A plain reducer, like the session's, so it is tested without a terminal;
 * transitions that do not apply return the same state object.
 */
import type { Mode } from './keymap.js';

export const PANES = ['graph', 'steps', 'inspector'] as const;
export type Pane = (typeof PANES)[number];

/** The panes of text that scroll when focused. */
export type TextPane = Exclude<Pane, 'graph'>;

export const GRAPH_MODES = ['graph', 'compact', 'list'] as const;
export type GraphMode = (typeof GRAPH_MODES)[number];

/** Milliseconds between autoplay steps, slowest first. */
export const AUTOPLAY_SPEEDS = [2000, 1000, 500, 250, 100] as const;
const DEFAULT_SPEED = 2;

/** predict: the session asks for a value before the step that settles it (Esc skips). */
export type PromptKind = 'search' | 'goto' | 'condition' | 'predict';

export interface Prompt {
  readonly kind: PromptKind;
  readonly text: string;
  /** Shown beside the entry: the match count, why Enter did nothing. */
  readonly note: string;
  /** The predict prompt's question (`Predict x1.grad: `); the others' label follows their kind. */
  readonly label?: string;
}

export interface ViewState {
  /** The node the inspector shows, or -1 before any node is chosen. */
  readonly selected: number;
  /**
   * True while the selection follows the step (the default). A manual pick (search, `j`/`k`,
   * enter) turns it off until the next step command or Esc; the inspector's title says which.
   */
  readonly followCursor: boolean;
  /**
   * Nodes the graph view keeps on screen beside the selection while it follows: on a backward
   * step the node that ran and the other receivers, at start the first node's inputs.
   */
  readonly alsoInView: readonly number[];
  readonly focus: Pane;
  readonly graphMode: GraphMode;
  /**
   * A built model's neurons are drawn as one box each (`h1_2_s1 = tanh(Σ w·x + b)`) rather than
   * as their products and sums; `e` toggles it. No effect on a graph without neurons.
   */
  readonly neuronsCollapsed: boolean;
  /**
   * Lines scrolled off the top of each text pane: the step panel's goes back to 0 after a step,
   * the inspector's when another node is selected.
   */
  readonly scroll: Readonly<Record<TextPane, number>>;
  /** The graph viewport's top-left corner as last drawn (canvas cells), moved by pans. */
  readonly viewport: { readonly x: number; readonly y: number };
  /** The user panned since the selection last moved: do not pull the viewport back to it. */
  readonly panned: boolean;
  readonly prompt?: Prompt;
  /** The last search, kept after its prompt closes for Ctrl-N / Ctrl-P. */
  readonly search: string;
  readonly overlay: 'none' | 'help' | 'breakpoints';
  /** The help page shown, counted from 0; the view wraps it around its number of pages. */
  readonly helpPage: number;
  /** The highlighted row of the breakpoint list. */
  readonly breakpointRow: number;
  readonly playing: boolean;
  /** Index into AUTOPLAY_SPEEDS. */
  readonly speed: number;
  /** One line of feedback for the footer: a reload result, a goto error. */
  readonly message?: string;
}

export type ViewAction =
  | { readonly type: 'select'; readonly node: number; readonly follow?: boolean }
  /** A step command ran, or Esc: select the node the step is about and follow the step again. */
  | { readonly type: 'follow'; readonly node: number; readonly alsoInView?: readonly number[] }
  | { readonly type: 'focusNext' }
  | { readonly type: 'inspect' }
  | { readonly type: 'cycleGraphMode' }
  | { readonly type: 'toggleNeurons' }
  | { readonly type: 'scroll'; readonly pane: TextPane; readonly by: number; readonly max: number }
  | { readonly type: 'pan'; readonly dx: number; readonly dy: number }
  /** Where the graph pane will draw (clamped, following the selection): see geometry.ts. */
  | { readonly type: 'viewport'; readonly x: number; readonly y: number }
  | { readonly type: 'openPrompt'; readonly kind: PromptKind; readonly label?: string }
  | { readonly type: 'editPrompt'; readonly text: string; readonly note?: string }
  | { readonly type: 'notePrompt'; readonly note: string }
  | { readonly type: 'closePrompt' }
  | { readonly type: 'setSearch'; readonly query: string }
  | { readonly type: 'toggleOverlay'; readonly overlay: 'help' | 'breakpoints' }
  | { readonly type: 'closeOverlay' }
  | { readonly type: 'turnHelpPage'; readonly by: number }
  | { readonly type: 'moveBreakpointRow'; readonly by: number; readonly count: number }
  | { readonly type: 'togglePlay' }
  | { readonly type: 'stopPlay' }
  | { readonly type: 'changeSpeed'; readonly by: number }
  | { readonly type: 'say'; readonly message: string | undefined };

const NO_SCROLL = { steps: 0, inspector: 0 } as const;

/**
 * Graphs with more nodes open in the list view: drawing them means laying them out first (about
 * a second per 100,000 nodes), which `v` does when asked, not before the first frame.
 */
export const LIST_FIRST_NODES = 20_000;

/** `neurons`: the scenario is a built model, whose neurons start collapsed. */
export function initialViewState(selected = -1, nodes = 0, neurons = false): ViewState {
  return {
    selected,
    followCursor: true,
    alsoInView: [],
    focus: 'graph',
    graphMode: nodes > LIST_FIRST_NODES ? 'list' : 'graph',
    neuronsCollapsed: neurons,
    scroll: NO_SCROLL,
    viewport: { x: 0, y: 0 },
    panned: false,
    search: '',
    overlay: 'none',
    helpPage: 0,
    breakpointRow: 0,
    playing: false,
    speed: DEFAULT_SPEED,
  };
}

export function reduceView(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'select':
      return picked(state, action.node, action.follow ?? false);
    case 'follow':
      return followed(state, action.node, action.alsoInView ?? []);
    case 'focusNext':
      return { ...state, focus: PANES[(PANES.indexOf(state.focus) + 1) % PANES.length] };
    case 'inspect':
      return state.focus === 'inspector' && !state.followCursor
        ? state
        : { ...state, focus: 'inspector', followCursor: false };
    case 'cycleGraphMode': {
      const next = GRAPH_MODES[(GRAPH_MODES.indexOf(state.graphMode) + 1) % GRAPH_MODES.length];
      return { ...state, graphMode: next, viewport: { x: 0, y: 0 }, panned: false };
    }
    case 'toggleNeurons':
      return { ...state, neuronsCollapsed: !state.neuronsCollapsed, panned: false };
    case 'scroll':
      return scrolled(state, action.pane, action.by, action.max);
    case 'pan': {
      const { x, y } = state.viewport;
      const viewport = { x: Math.max(0, x + action.dx), y: Math.max(0, y + action.dy) };
      return { ...state, viewport, panned: true };
    }
    case 'viewport': {
      const { x, y } = state.viewport;
      if (x === action.x && y === action.y) return state;
      return { ...state, viewport: { x: action.x, y: action.y } };
    }
    case 'openPrompt': {
      const label = action.label === undefined ? {} : { label: action.label };
      const prompt = { kind: action.kind, text: '', note: '', ...label };
      return { ...state, prompt, playing: false };
    }
    case 'editPrompt':
      if (state.prompt === undefined) return state;
      return { ...state, prompt: { ...state.prompt, text: action.text, note: action.note ?? '' } };
    case 'notePrompt':
      if (state.prompt === undefined || state.prompt.note === action.note) return state;
      return { ...state, prompt: { ...state.prompt, note: action.note } };
    case 'closePrompt':
      return state.prompt === undefined ? state : { ...state, prompt: undefined };
    case 'setSearch':
      return state.search === action.query ? state : { ...state, search: action.query };
    case 'toggleOverlay': {
      const overlay = state.overlay === action.overlay ? 'none' : action.overlay;
      return { ...state, overlay, helpPage: 0, breakpointRow: 0 };
    }
    case 'closeOverlay':
      return state.overlay === 'none' ? state : { ...state, overlay: 'none' };
    case 'turnHelpPage':
      return { ...state, helpPage: state.helpPage + action.by };
    case 'moveBreakpointRow': {
      const row = clamp(state.breakpointRow + action.by, 0, Math.max(0, action.count - 1));
      return row === state.breakpointRow ? state : { ...state, breakpointRow: row };
    }
    case 'togglePlay':
      return { ...state, playing: !state.playing };
    case 'stopPlay':
      return state.playing ? { ...state, playing: false } : state;
    case 'changeSpeed': {
      const speed = clamp(state.speed + action.by, 0, AUTOPLAY_SPEEDS.length - 1);
      return speed === state.speed ? state : { ...state, speed };
    }
    case 'say':
      return state.message === action.message ? state : { ...state, message: action.message };
  }
}

/** A text pane moved by `by` lines, within 0…max. */
function scrolled(state: ViewState, pane: TextPane, by: number, max: number): ViewState {
  const lines = clamp(state.scroll[pane] + by, 0, Math.max(0, max));
  return lines === state.scroll[pane]
    ? state
    : { ...state, scroll: { ...state.scroll, [pane]: lines } };
}

/** A node picked by hand (or, with `follow`, by the step): the inspector starts at its top. */
function picked(state: ViewState, node: number, follow: boolean): ViewState {
  if (state.selected === node && state.followCursor === follow) return state;
  const scroll = { ...state.scroll, inspector: 0 };
  return { ...state, selected: node, followCursor: follow, alsoInView: [], panned: false, scroll };
}

/** A step ran: its text starts at the top, and a manual pick gives way to the step's node. */
function followed(state: ViewState, node: number, alsoInView: readonly number[]): ViewState {
  const scroll = state.scroll.steps === 0 ? state.scroll : { ...state.scroll, steps: 0 };
  const same =
    state.followCursor && state.selected === node && sameIds(state.alsoInView, alsoInView);
  if (same || node < 0) return scroll === state.scroll ? state : { ...state, scroll };
  return {
    ...state,
    selected: node,
    followCursor: true,
    alsoInView,
    panned: false,
    scroll: { steps: 0, inspector: state.selected === node ? state.scroll.inspector : 0 },
  };
}

/** Which keymap mode the view is in. */
export function modeOf(view: ViewState): Mode {
  if (view.prompt !== undefined) return 'prompt';
  if (view.overlay === 'help') return 'help';
  if (view.overlay === 'breakpoints') return 'breakpoints';
  return view.focus === 'graph' ? 'normal' : 'scroll';
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

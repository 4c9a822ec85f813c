/**
 * The whole screen as lines of exactly `columns` cells, at most `rows - 1` of them (a root as tall
 * as the terminal makes Ink clear the screen on every frame).
 */
import { commandsIn, type Mode } from './keymap.js';
import { breakpointListLines } from './panes/breakpoint-list.js';
import { footerLine } from './panes/footer.js';
import {
  type GraphLayouts,
  graphContentHeight,
  graphPaneLines,
  overflowLabel,
} from './panes/graph-pane.js';
import { headerLine } from './panes/header.js';
import { helpPages } from './panes/help.js';
import { inspectorLines } from './panes/inspector.js';
import { keyItems, type ShortWords } from './panes/keys.js';
import { stepPanelLines } from './panes/step-panel.js';
import { timelineLine } from './panes/timeline-bar.js';
import type { ScreenModel } from './screen-model.js';
import {
  besideEachOther,
  fitWidth,
  framed,
  type Paint,
  painter,
  visibleWidth,
  wrapToWidth,
} from './text.js';
import type { TextPane, ViewState } from './view-state.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** The step and inspector panes want this many rows (9 lines: the seed's B3 with its `say`). */
const PANEL_ROWS = 11;
/** The graph pane keeps at least one row of boxes with the edges around them. */
const MIN_GRAPH_ROWS = 8;

export interface ScreenExtras {
  readonly layouts: GraphLayouts;
  /** The file name shown in the header. */
  readonly file?: string;
  /** Shown beside an open prompt: the number of search matches, a goto error. */
  readonly promptNote?: string;
  /** Told how far a text pane can scroll at this size, so scrolling stops at its last line. */
  readonly onScrollMax?: (pane: TextPane, max: number) => void;
  /** Told where the graph viewport was drawn, so the next frame moves from there. */
  readonly onViewport?: (x: number, y: number) => void;
}

/** Which keymap mode the view is in. */
export function modeOf(view: ViewState): Mode {
  if (view.prompt !== undefined) return 'prompt';
  if (view.overlay === 'help') return 'help';
  if (view.overlay === 'breakpoints') return 'breakpoints';
  return view.focus === 'graph' ? 'normal' : 'scroll';
}

export function screenLines(model: ScreenModel, extras: ScreenExtras): string[] {
  const { columns, rows, view } = model;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return tooSmallLines(columns, rows);
  const paint = painter(model.color);
  const height = rows - 1;
  const main = height - 3;
  const lines = [headerLine(model, extras.file), timelineLine(model)];
  let words: ShortWords = {};
  if (view.overlay === 'help') {
    const pages = helpPages(columns - 2, main - 2, paint);
    const page = ((view.helpPage % pages.length) + pages.length) % pages.length;
    words = pageTurnWords(page, pages.length);
    const turnKeys = commandsIn('help').filter(
      (c) => c.name === 'nextPage' || c.name === 'prevPage',
    );
    const turns = keyItems(turnKeys, words).join(', ');
    const title = `Help  (esc closes)${pages.length > 1 ? `  page ${page + 1} of ${pages.length}: ${turns}` : ''}`;
    lines.push(...framed(title, pages[page], columns, main, true, paint));
  } else if (view.overlay === 'breakpoints') {
    const list = breakpointListLines(model.session, view.breakpointRow, paint);
    lines.push(...framed('Breakpoints', list, columns, main, true, paint));
  } else {
    const graphHeight = graphRows(main, graphContentHeight(model, extras.layouts) + 2);
    const panel = main - graphHeight;
    const graphTitle = `Graph · ${view.graphMode} view`;
    let more = '';
    const graph = graphPaneLines(model, extras.layouts, columns - 2, graphHeight - 2, (v) => {
      more = overflowLabel(model, extras.layouts, v);
      extras.onViewport?.(v.x, v.y);
    });
    const focused = view.focus === 'graph';
    const pane = framed(graphTitle, graph, columns, graphHeight, focused, paint);
    if (more !== '') pane[pane.length - 1] = bottomBorder(` ${more} `, columns, focused, paint);
    lines.push(...pane);
    const leftWidth = Math.floor(columns / 2);
    const rightWidth = columns - leftWidth;
    // Text is laid out one cell narrower than the pane, so it never touches the right border.
    const steps = stepPanelLines(model, leftWidth - 3);
    const inspector = inspectorLines(model, rightWidth - 3);
    lines.push(
      ...besideEachOther(
        scrolledPanel(model, 'Step', 'steps', steps, leftWidth, panel, extras),
        scrolledPanel(
          model,
          inspectorTitle(view),
          'inspector',
          inspector,
          rightWidth,
          panel,
          extras,
        ),
        leftWidth,
        0,
      ),
    );
  }
  lines.push(footerLine(view, modeOf(view), columns, model.color, extras.promptNote, words));
  return lines.map((line) => fitWidth(line, columns));
}

/**
 * Whether the inspector follows the step or shows a node the user picked (until the next step
 * command or Esc); short, so the scroll range still fits beside it in a 40-column pane.
 */
export function inspectorTitle(view: ViewState): string {
  return view.followCursor ? 'Inspector · follows' : 'Inspector · picked';
}

/**
 * The page keys' words on a help page: they wrap around, so the last page's `more` goes to page 1
 * and the first page's `back` to the last; with one page they do nothing and are not shown.
 */
function pageTurnWords(page: number, count: number): ShortWords {
  if (count === 1) return { nextPage: null, prevPage: null };
  return {
    ...(page === count - 1 ? { nextPage: 'page 1' } : {}),
    ...(page === 0 ? { prevPage: 'last page' } : {}),
  };
}

/** A pane's bottom border (as `framed` draws it) with a label near its right corner. */
function bottomBorder(label: string, width: number, focused: boolean, paint: Paint): string {
  const [h, bl, br] = focused ? '━┗┛' : '─└┘';
  const line = `${bl}${h.repeat(Math.max(0, width - visibleWidth(label) - 3))}${label}${h}${br}`;
  return focused ? paint(line, '1') : line;
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

/**
 * A text pane from its scroll position; when its lines do not fit, the range shown and their
 * total go in the title (with `(tab)` while another pane has the focus and the scroll keys).
 */
function scrolledPanel(
  model: ScreenModel,
  title: string,
  pane: TextPane,
  paneLines: readonly string[],
  width: number,
  height: number,
  extras: ScreenExtras,
): string[] {
  const { view } = model;
  const lines = paneLines.flatMap((line) => wrapToWidth(line, width - 3));
  const room = height - 2;
  const max = Math.max(0, lines.length - room);
  extras.onScrollMax?.(pane, max);
  const top = Math.min(view.scroll[pane], max);
  const focused = view.focus === pane;
  const range = max > 0 ? `  ${top + 1}–${top + room} of ${lines.length}` : '';
  // The `(tab)` hint gives way first when the title would not fit the border.
  const tab = max > 0 && !focused ? ' (tab)' : '';
  const fits = visibleWidth(`${title}${range}${tab}`) + 5 <= width;
  const paint = painter(model.color);
  const label = `${title}${range}${fits ? tab : ''}`;
  return framed(label, lines.slice(top), width, height, focused, paint);
}

function tooSmallLines(columns: number, rows: number): string[] {
  const message = [
    `terminal too small (need ${MIN_COLUMNS}×${MIN_ROWS})`,
    `now ${columns}×${rows}: enlarge the window, or q to quit`,
  ];
  const top = Math.max(0, Math.floor((rows - 1 - message.length) / 2));
  const lines: string[] = Array.from({ length: top }, () => '');
  for (const text of message) {
    const pad = Math.max(0, Math.floor((columns - text.length) / 2));
    lines.push(' '.repeat(pad) + text);
  }
  return lines.map((line) => line.slice(0, Math.max(1, columns)));
}

/**
 * The whole screen as lines of exactly `columns` cells, at most `rows - 1` of them (a root as tall
 * as the terminal makes Ink clear the screen on every frame).
 */
import {
  type Geometry,
  geometryOf,
  MIN_COLUMNS,
  MIN_ROWS,
  textPaneLines,
  tooSmall,
} from './geometry.js';
import { commandsIn } from './keymap.js';
import { breakpointListLines } from './panes/breakpoint-list.js';
import { footerLine } from './panes/footer.js';
import {
  type GraphLayouts,
  graphPaneLines,
  graphPaneTitle,
  overflowLabel,
} from './panes/graph-pane.js';
import { headerLine } from './panes/header.js';
import { helpPages } from './panes/help.js';
import { keyItems, type ShortWords } from './panes/keys.js';
import { timelineLine } from './panes/timeline-bar.js';
import type { ScreenModel } from './screen-model.js';
import { besideEachOther, fitWidth, framed, type Painter, painter, visibleWidth } from './text.js';
import { modeOf, type TextPane, type ViewState } from './view-state.js';

export interface ScreenExtras {
  readonly layouts: GraphLayouts;
  /** The file name shown in the header. */
  readonly file?: string;
}

/**
 * The screen of a settled state (see geometry.ts): scroll positions and the graph viewport are
 * drawn as the state has them.
 */
export function screenLines(model: ScreenModel, extras: ScreenExtras): string[] {
  const { columns, rows, view } = model;
  if (tooSmall(model)) return tooSmallLines(columns, rows);
  const paint = painter(model.color);
  const geometry = geometryOf(model, extras.layouts);
  const { main } = geometry;
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
  } else lines.push(...mainPanes(model, extras.layouts, geometry, paint));
  lines.push(footerLine(view, modeOf(view), columns, model.color, words));
  return lines.map((line) => fitWidth(line, columns));
}

/** The graph pane above the step panel and the inspector. */
function mainPanes(
  model: ScreenModel,
  layouts: GraphLayouts,
  geometry: Geometry,
  paint: Painter,
): string[] {
  const { view, columns } = model;
  const { graphHeight, panelHeight, leftWidth, rightWidth } = geometry;
  const graphTitle = graphPaneTitle(model);
  const viewport = { ...view.viewport, width: columns - 2, height: graphHeight - 2 };
  const graph = graphPaneLines(model, layouts, viewport);
  const more = overflowLabel(model, layouts, viewport);
  const focused = view.focus === 'graph';
  const pane = framed(graphTitle, graph, columns, graphHeight, focused, paint);
  if (more !== '') pane[pane.length - 1] = bottomBorder(` ${more} `, columns, focused, paint);
  const panel = (title: string, which: TextPane, width: number) =>
    scrolledPanel(model, title, which, textPaneLines(model, which, geometry), width, panelHeight);
  return [
    ...pane,
    ...besideEachOther(
      panel('Step', 'steps', leftWidth),
      panel(inspectorTitle(view), 'inspector', rightWidth),
      leftWidth,
      0,
    ),
  ];
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
function bottomBorder(label: string, width: number, focused: boolean, paint: Painter): string {
  const [h, bl, br] = focused ? '━┗┛' : '─└┘';
  const line = `${bl}${h.repeat(Math.max(0, width - visibleWidth(label) - 3))}${label}${h}${br}`;
  return focused ? paint('bold', line) : line;
}

/**
 * A text pane from its scroll position; when its lines do not fit, the range shown and their
 * total go in the title (with `(tab)` while another pane has the focus and the scroll keys).
 */
function scrolledPanel(
  model: ScreenModel,
  title: string,
  pane: TextPane,
  lines: readonly string[],
  width: number,
  height: number,
): string[] {
  const { view } = model;
  const room = height - 2;
  const max = Math.max(0, lines.length - room);
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

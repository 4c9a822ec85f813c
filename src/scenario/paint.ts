/**
 * The one painter (diagnostics, check, list and every pane of the TUI): named styles, each opened
 * and closed by its own codes so that styles nest, and nothing at all when colour is off. Whether
 * colour is on is decided once, at the edge (cli's colorEnabled: NO_COLOR, --no-color, a TTY).
 */
import { styleCode } from './printable.js';

const STYLES = {
  bold: ['1', '22'],
  dim: ['2', '22'],
  red: ['31', '39'],
  green: ['32', '39'],
  yellow: ['33', '39'],
  error: ['1;31', '22;39'],
  warning: ['1;33', '22;39'],
  note: ['1;36', '22;39'],
  hint: ['36', '39'],
  // The TUI's: the step that just ran (and the edges it moved values along), a grad that changed,
  // a grad that is wrong, the cursor row of a list, the selected node, titles, autoplay.
  current: ['1;33', '22;39'],
  changed: ['1;35', '22;39'],
  alarm: ['1;91', '22;39'],
  chosen: ['1;7', '22;27'],
  selected: ['1;34', '22;39'],
  accent: ['1;36', '22;39'],
  running: ['1;32', '22;39'],
} as const satisfies Record<string, readonly [string, string]>;

export type StyleName = keyof typeof STYLES;
export type Painter = (style: StyleName, text: string) => string;

/** `text` in `style`, whatever the colour setting: for callers that decided it already. */
export function inStyle(style: StyleName, text: string): string {
  return `${styleCode(STYLES[style][0])}${text}${styleCode(STYLES[style][1])}`;
}

export function painter(color: boolean | undefined): Painter {
  return color === true ? inStyle : (_style, text) => text;
}

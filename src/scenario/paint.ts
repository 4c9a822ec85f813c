/**
 * The one painter for text outside the TUI (diagnostics, check, list): named styles, each opened
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
} as const satisfies Record<string, readonly [string, string]>;

export type StyleName = keyof typeof STYLES;
export type Painter = (style: StyleName, text: string) => string;

export function painter(color: boolean | undefined): Painter {
  if (color !== true) return (_style, text) => text;
  return (style, text) => `${styleCode(STYLES[style][0])}${text}${styleCode(STYLES[style][1])}`;
}

import { cut } from '../../scenario/index.js';
import { UNKNOWN } from '../../session/index.js';
import type { CellBuffer } from './cells.js';
import { FLAGS, type Flag, flagsOf, frameStyle, PLAIN, type Style } from './style.js';
import type { NodeState } from './types.js';

/** The room a compact box gives its label at most. */
export const COMPACT_LABEL = 10;

export type Format = (x: number) => string;

export const defaultFormat: Format = (x) => x.toFixed(4);

/** Unknown values are dim. */
const UNKNOWN_STYLE: Style = 'dim';
const LABEL: Style = 'bold';

interface Frame {
  readonly corners: string;
  readonly horizontal: string;
  readonly vertical: string;
  /** The right border where edges leave, and the left border where each input arrives. */
  readonly port: string;
  readonly inPort: string;
}

const FRAMES = {
  plain: { corners: '╭╮╰╯', horizontal: '─', vertical: '│', port: '├', inPort: '┤' },
  current: { corners: '┏┓┗┛', horizontal: '━', vertical: '┃', port: '┣', inPort: '┫' },
  selected: { corners: '╔╗╚╝', horizontal: '═', vertical: '║', port: '╠', inPort: '╣' },
} satisfies Record<string, Frame>;

/** What a box shows of one node, decided once and drawn by either box shape. */
export interface Face {
  readonly label: string;
  readonly symbol: string;
  readonly state: NodeState;
  readonly flags: Flag[];
  readonly format: Format;
}

export interface BoxPlace {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly hasConsumers: boolean;
  /** How many inputs arrive at the left border (on the d row, then the g row). */
  readonly inputs: number;
}

export const show = (x: number | null | undefined, format: Format): string =>
  x === null || x === undefined ? UNKNOWN : format(x);

export const valueStyle = (x: number | null | undefined): Style | undefined =>
  x === null || x === undefined
    ? UNKNOWN_STYLE
    : Number.isFinite(x)
      ? undefined
      : FLAGS.nonfinite.style;

export function gradStyle(face: Face): Style {
  const { state } = face;
  const own = valueStyle(state.grad);
  if (own !== undefined) return own;
  if (state.mismatch) return FLAGS.mismatch.style;
  if (state.changed) return FLAGS.changed.style;
  if (state.final) return FLAGS.final.style;
  if (state.pending) return FLAGS.pending.style;
  return PLAIN;
}

/** The grad text: `before→after` after a change when it fits, else just the value. */
export function gradText(face: Face, prefix: string, width: number): string {
  const { state, format } = face;
  const after = show(state.grad, format);
  if (state.changed && state.gradBefore !== undefined) {
    const change = `${show(state.gradBefore, format)}→${after}`;
    for (const text of [`${prefix}${change}`, change]) if (text.length <= width) return text;
  }
  return cut(`${prefix}${after}`, width);
}

/** Writes up to `max` flag glyphs from (x, y); returns how many it wrote. */
export function glyphs(buffer: CellBuffer, x: number, y: number, flags: Flag[], max: number) {
  const shown = flags.slice(0, Math.max(0, max));
  shown.forEach((flag, i) => {
    buffer.put(x + i, y, FLAGS[flag].glyph, FLAGS[flag].style);
  });
  return shown.length;
}

export function faceOf(label: string, symbol: string, state: NodeState, format: Format): Face {
  return { label, symbol, state, flags: flagsOf(state), format };
}

/**
 * A four-row box: title (label and op) in the top border, `d` and `g` rows, the state glyphs in
 * the bottom border. The current node gets a heavy frame, the selected one a double frame.
 */
export function drawBox(buffer: CellBuffer, at: BoxPlace, face: Face): void {
  const { x, y, width } = at;
  const inner = width - 2;
  const { flags, state } = face;
  const frame = state.selected ? FRAMES.selected : state.current ? FRAMES.current : FRAMES.plain;
  const style = frameStyle(flags);
  const [tl, tr, bl, br] = frame.corners;
  for (let i = 1; i <= inner; i++) {
    buffer.put(x + i, y, frame.horizontal, style);
    buffer.put(x + i, y + 3, frame.horizontal, style);
  }
  buffer.put(x, y, tl, style);
  buffer.put(x + width - 1, y, tr, style);
  buffer.put(x, y + 3, bl, style);
  buffer.put(x + width - 1, y + 3, br, style);
  for (const row of [1, 2]) {
    buffer.put(x, y + row, row <= at.inputs ? frame.inPort : frame.vertical, style);
    buffer.text(x + 1, y + row, ' '.repeat(inner));
    const port = row === 1 && at.hasConsumers ? frame.port : frame.vertical;
    buffer.put(x + width - 1, y + row, port, style);
  }
  const symbol = face.symbol === '' ? '' : ` ${face.symbol}`;
  const label = cut(face.label, inner - symbol.length);
  buffer.text(x + 1, y, label, state.searchMatch ? FLAGS.searchMatch.style : LABEL);
  buffer.text(x + 1 + [...label].length, y, symbol, style);
  const data = cut(`d ${show(state.data, face.format)}`, inner);
  buffer.text(x + 1, y + 1, data, valueStyle(state.data) ?? PLAIN);
  buffer.text(x + 1, y + 2, gradText(face, 'g ', inner), gradStyle(face));
  glyphs(buffer, x + 1, y + 3, flags, inner);
}

/** A one-row box: `[glyphs label=data g=grad]`. */
export function drawCompactBox(buffer: CellBuffer, at: BoxPlace, face: Face): void {
  const { x, y, width } = at;
  const inner = width - 2;
  const style = frameStyle(face.flags);
  buffer.put(x, y, '[', style);
  buffer.put(x + width - 1, y, ']', style);
  buffer.text(x + 1, y, ' '.repeat(inner));
  let column = x + 1 + glyphs(buffer, x + 1, y, face.flags, inner);
  const room = () => inner - (column - x - 1);
  const label = cut(face.label, Math.min(room(), COMPACT_LABEL));
  buffer.text(column, y, label, face.state.searchMatch ? FLAGS.searchMatch.style : LABEL);
  column += [...label].length;
  const data = cut(`=${show(face.state.data, face.format)} `, room());
  buffer.text(column, y, data, valueStyle(face.state.data) ?? PLAIN);
  column += data.length;
  buffer.text(column, y, gradText(face, 'g=', room()), gradStyle(face));
}

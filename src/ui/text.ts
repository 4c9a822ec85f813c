/**
 * Lines of styled text cut and padded to exact widths. Every pane is a list of such lines, so the
 * whole screen is one Ink <Text>: Ink lays out one element however large the graph is.
 */
import { type Painter, styleCode, styleCodeAt, withoutStyles } from '../scenario/index.js';

export function stripAnsi(text: string): string {
  return withoutStyles(text);
}

/** Terminal cells a line takes; every glyph the UI prints is one cell wide. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const _ of stripAnsi(text)) width++;
  return width;
}

/** Cuts `text` to `width` cells (marking a cut with `…`) and pads it with spaces to exactly `width`. */
export function fitWidth(text: string, width: number): string {
  if (width <= 0) return '';
  const length = visibleWidth(text);
  if (length <= width) return text + ' '.repeat(width - length);
  let out = '';
  let cells = 0;
  let styledText = false;
  for (let i = 0; i < text.length && cells < width - 1; ) {
    const sgr = styleCodeAt(text, i);
    if (sgr !== undefined) {
      out += sgr;
      styledText = true;
      i += sgr.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 32);
    out += char;
    cells++;
    i += char.length;
  }
  return `${out}${styledText ? styleCode('0') : ''}…`;
}

/** The one painter: a named style when colour is on, plain text otherwise (glyphs carry meaning). */
export { type Painter, painter } from '../scenario/index.js';

/** Lines laid side by side: `left` takes `leftWidth` cells, then a gap, then `right`. */
export function besideEachOther(
  left: readonly string[],
  right: readonly string[],
  leftWidth: number,
  gap = 1,
): string[] {
  const rows = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push(fitWidth(left[i] ?? '', leftWidth) + ' '.repeat(gap) + (right[i] ?? ''));
  }
  return out;
}

/**
 * A titled box of exactly `width` × `height` cells around `lines` (cut to fit). A focused box is
 * drawn with heavy lines, so focus reads without colour.
 */
export function framed(
  title: string,
  lines: readonly string[],
  width: number,
  height: number,
  focused: boolean,
  paint: Painter,
): string[] {
  const [h, v, tl, tr, bl, br] = focused ? '━┃┏┓┗┛' : '─│┌┐└┘';
  const inner = width - 2;
  const label = ` ${title} `;
  const top = `${tl}${h}${fitWidth(label, Math.min(visibleWidth(label), inner - 1))}`;
  const edge = (text: string) => (focused ? paint('bold', text) : text);
  const out = [edge(top + h.repeat(Math.max(0, width - visibleWidth(top) - 1)) + tr)];
  for (let i = 0; i < height - 2; i++)
    out.push(edge(v) + fitWidth(lines[i] ?? '', inner) + edge(v));
  out.push(edge(bl + h.repeat(inner) + br));
  return out;
}

/** Word-wraps plain text to `width` cells; a word longer than a line is cut by `fit` later. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // Only spaces break: a tab or CR is a character to show (printable draws it), not a gap.
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      if (line === '') line = word;
      else if (visibleWidth(line) + 1 + visibleWidth(word) <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a line painted in one style.
const ONE_STYLE = /^(\u001B\[[\d;]*m)([^\u001B]*)\u001B\[0m$/;

/**
 * A line that a pane's layout left wider than `width`, word-wrapped with continuation lines
 * indented by two cells, so no text is cut or touches a border. A line painted in one style keeps
 * it on every piece; other styling is dropped from an overlong line (its glyphs keep the meaning).
 */
export function wrapToWidth(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const whole = ONE_STYLE.exec(line);
  let rest = whole === null ? stripAnsi(line) : whole[2];
  const lines: string[] = [];
  while (rest !== '') {
    const room = lines.length === 0 ? width : width - 2;
    const chars = [...rest];
    if (chars.length <= room) {
      lines.push(rest);
      break;
    }
    // Break at the last space that fits (keeping the spacing before it), else cut the word.
    const space = chars.slice(0, room + 1).lastIndexOf(' ');
    const at = space > 0 ? space : room;
    lines.push(chars.slice(0, at).join('').trimEnd());
    rest = chars.slice(at).join('').trimStart();
  }
  const indented = lines.map((l, i) => (i === 0 ? l : `  ${l}`));
  return whole === null ? indented : indented.map((l) => `${whole[1]}${l}\u001B[0m`);
}

/**
 * Wraps a line of arithmetic so it reads: breaks come before ` = ` where they can, a trailing
 * `(before → after)` stays after the result when it fits there and goes on a line of its own
 * otherwise, and every continuation line is indented by `indent` cells. A sentence with a `; `
 * (B0's `z.grad = 1; the grads of …`) is prose, word-wrapped.
 */
export function wrapFormula(text: string, width: number, indent = 2): string[] {
  if (visibleWidth(text) <= width) return [text];
  const pad = ' '.repeat(indent);
  if (text.includes('; ')) {
    const [first, ...rest] = wrap(text, width);
    return [first, ...wrap(rest.join(' '), width - indent).map((l) => pad + l)];
  }
  const change = /^(.*?)\s+(\([^()]*→[^()]*\))$/.exec(text);
  const body = change === null ? text : change[1];
  // Lines break before `=` or `≈` (a result the shown digits only approximate).
  const pieces = body.split(/ (?=[=≈] )/);
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const room = lines.length === 0 ? width : width - indent;
    if (line === '') line = piece;
    else if (visibleWidth(line) + 1 + visibleWidth(piece) <= room) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  lines.push(line);
  // A piece wider than a line is word-wrapped in turn; only the very first line is full width.
  const out: string[] = [];
  for (const l of lines) {
    const words = wrap(l, out.length === 0 ? width : width - indent);
    if (out.length > 0 || words.length === 1) out.push(...words);
    else out.push(words[0], ...wrap(words.slice(1).join(' '), width - indent));
  }
  if (change !== null) {
    const last = out.length - 1;
    const room = last === 0 ? width : width - indent;
    const joined = `${out[last]}  ${change[2]}`;
    if (visibleWidth(joined) <= room) out[last] = joined;
    else out.push(change[2]);
  }
  return out.map((l, i) => (i === 0 ? l : pad + l));
}

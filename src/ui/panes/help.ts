import { FLAGS } from '../graph/style.js';
import { commandsIn, type Mode } from '../keymap.js';
import { besideEachOther, fitWidth, type Paint, visibleWidth } from '../text.js';
import { keyText } from './keys.js';

const SECTIONS: readonly (readonly [Mode, string])[] = [
  ['normal', 'Keys'],
  ['breakpoints', 'Breakpoint list (B)'],
  ['prompt', 'Prompts (/ : and a)'],
];

/** Every command of the keymap with its keys and description, then what each glyph means. */
export function helpLines(width: number, paint: Paint): string[] {
  const lines: string[] = [];
  const columns = width >= 76 ? 2 : 1;
  const columnWidth = Math.floor((width - (columns - 1) * 2) / columns);
  for (const [mode, title] of SECTIONS) {
    const rows = commandsIn(mode).map((c) => `${fitWidth(keyText(c), 10)} ${c.description}`);
    lines.push(paint(title, '1'));
    const half = Math.ceil(rows.length / columns);
    if (columns === 2)
      lines.push(...besideEachOther(rows.slice(0, half), rows.slice(half), columnWidth, 2));
    else lines.push(...rows);
    lines.push('');
  }
  lines.push(paint('Glyphs', '1'));
  const legend = Object.values(FLAGS).map((f) => `${paint(f.glyph, f.style)} ${f.meaning}`);
  lines.push(...chunkToWidth(legend, width));
  lines.push(`timeline: [cursor]  ${FLAGS.breakpoint.glyph} breakpoint  ‖ walkthrough pause`);
  return lines;
}

/** Items joined on lines no wider than `width`. */
function chunkToWidth(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}   ${item}`;
    if (line !== '' && visibleWidth(next) > width) {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

import { FLAGS } from '../graph/style.js';
import { type Command, commandsIn, type Mode } from '../keymap.js';
import { besideEachOther, fitWidth, type Paint, visibleWidth, wrap } from '../text.js';
import { keyText } from './keys.js';

/** The scroll keys of a focused step or inspector pane are listed with the normal ones they shadow. */
const SECTIONS: readonly (readonly [string, readonly Mode[]])[] = [
  ['Keys', ['normal', 'scroll']],
  ['Breakpoint list (B)', ['breakpoints']],
  ['Prompts (/ : and a)', ['prompt']],
  ['This help', ['help']],
];

/** Cells for the keys column: the widest key text (`space/→/↓`) and a space. */
const KEY_WIDTH = 10;
const COLUMN_GAP = 2;

/**
 * The help overlay in pages of at most `height` lines: every command of the keymap with its keys
 * and whole description (wrapped, never cut), then what each glyph means. A section moves to the
 * next page rather than being split, unless it is taller than a page.
 */
export function helpPages(width: number, height: number, paint: Paint): string[][] {
  const blocks = SECTIONS.map(([title, modes]) => [
    paint(title, '1'),
    ...commandLines(modes.flatMap(commandsIn), width),
  ]);
  const legend = Object.values(FLAGS).map((f) => `${paint(f.glyph, f.style)} ${f.meaning}`);
  legend.push(`timeline: [cursor]  ${FLAGS.breakpoint.glyph} breakpoint  ‖ walkthrough pause`);
  blocks.push([paint('Glyphs', '1'), ...chunkToWidth(legend, width)]);
  const pages: string[][] = [[]];
  for (const block of blocks) {
    let page = pages[pages.length - 1];
    const gap = page.length > 0 ? 1 : 0;
    if (page.length > 0 && page.length + gap + block.length > height) {
      page = [];
      pages.push(page);
    } else if (gap > 0) page.push('');
    for (const line of block) {
      if (page.length === height) {
        page = [];
        pages.push(page);
      }
      page.push(line);
    }
  }
  return pages;
}

/** Commands as `keys  description`, in one column or two of balanced height. */
function commandLines(commands: readonly Command[], width: number): string[] {
  const columns = width >= 76 ? 2 : 1;
  const columnWidth = Math.floor((width - (columns - 1) * COLUMN_GAP) / columns);
  const entries = commands.map((c) =>
    wrap(c.description, columnWidth - KEY_WIDTH).map(
      (line, i) => `${fitWidth(i === 0 ? keyText(c) : '', KEY_WIDTH)}${line}`,
    ),
  );
  const lines = entries.flat();
  if (columns === 1) return lines;
  // Cut after the entry that reaches half the lines, so no entry is split between columns.
  let left = 0;
  let count = 0;
  while (left < entries.length && count < lines.length / 2) count += entries[left++].length;
  return besideEachOther(
    entries.slice(0, left).flat(),
    entries.slice(left).flat(),
    columnWidth,
    COLUMN_GAP,
  );
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

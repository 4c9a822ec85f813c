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
/** A blank column kept at the right of every cell, so no text touches the next one or the border. */
const CELL_PADDING = 1;

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
  // One run of items, the title first, so the legend takes as few rows as the width allows.
  const legend = Object.values(FLAGS).map((f) => `${paint(f.glyph, f.style)} ${f.meaning}`);
  const timeline = `timeline: [cursor]  ${FLAGS.breakpoint.glyph} breakpoint  ‖ walkthrough pause`;
  blocks.push(chunkToWidth([paint('Glyphs', '1'), ...legend, timeline], width - CELL_PADDING));
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

/**
 * Commands as `keys  description`, in one column or two of balanced height. The gap pads the left
 * column; the last one keeps CELL_PADDING from the border.
 */
function commandLines(commands: readonly Command[], width: number): string[] {
  const text = width - CELL_PADDING;
  const entriesIn = (columnWidth: number) =>
    commands.map((c) =>
      wrap(c.description, columnWidth - KEY_WIDTH).map(
        (line, i) => `${fitWidth(i === 0 ? keyText(c) : '', KEY_WIDTH)}${line}`,
      ),
    );
  if (width < 76) return entriesIn(text).flat();
  const leftWidth = Math.ceil((text - COLUMN_GAP) / 2);
  const leftEntries = entriesIn(leftWidth);
  const rightEntries = entriesIn(text - COLUMN_GAP - leftWidth);
  // Cut at the first entry where the left column is as tall as the right, so none is split.
  let left = 0;
  let leftLines = 0;
  let rightLines = rightEntries.flat().length;
  while (left < leftEntries.length && leftLines < rightLines) {
    leftLines += leftEntries[left].length;
    rightLines -= rightEntries[left++].length;
  }
  return besideEachOther(
    leftEntries.slice(0, left).flat(),
    rightEntries.slice(left).flat(),
    leftWidth,
    COLUMN_GAP,
  );
}

/** Items joined on lines no wider than `width`. */
function chunkToWidth(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}  ${item}`;
    if (line !== '' && visibleWidth(next) > width) {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

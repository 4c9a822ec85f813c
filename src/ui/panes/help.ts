import { FLAGS } from '../graph/style.js';
import { type Command, commandsIn, type Mode } from '../keymap.js';
import { besideEachOther, fitWidth, type Painter, visibleWidth, wrap } from '../text.js';
import { keyText } from './keys.js';

/**
 * The scroll keys of a focused step or inspector pane are listed with the normal ones they shadow.
 * The help's own keys come last: its title and footer already show them.
 */
const SECTIONS: readonly (readonly [string, readonly Mode[]])[] = [
  ['Keys', ['normal', 'scroll']],
  ['Breakpoint list (B)', ['breakpoints']],
  ['Prompts (/ : and a)', ['prompt']],
];
const HELP_SECTION = ['This help', ['help']] as const;

/** Cells for the keys column: the widest key text (`space/→/↓`) and a space. */
const KEY_WIDTH = 10;
const COLUMN_GAP = 2;
/** A blank column kept at the right of every cell, so no text touches the next one or the border. */
const CELL_PADDING = 1;

/**
 * The help overlay in pages of at most `height` lines: every command of the keymap with its keys
 * and whole description (wrapped, never cut), then what each glyph means. A section moves to the
 * next page rather than being split, unless it is taller than a page (then it starts where it is).
 */
export function helpPages(width: number, height: number, paint: Painter): string[][] {
  const section = ([title, modes]: readonly [string, readonly Mode[]]) => [
    paint('bold', title),
    ...commandLines(modes.flatMap(commandsIn), width),
  ];
  const blocks = SECTIONS.map(section);
  // One run of items, the title first, so the legend takes as few rows as the width allows.
  const legend = Object.values(FLAGS).map((f) => `${paint(f.style, f.glyph)} ${f.meaning}`);
  const timeline = `timeline: [cursor]  ${FLAGS.breakpoint.glyph} breakpoint  ‖ walkthrough pause`;
  blocks.push(chunkToWidth([paint('bold', 'Glyphs'), ...legend, timeline], width - CELL_PADDING));
  blocks.push(section(HELP_SECTION));
  blocks.push([paint('bold', 'Words'), ...twoColumns(WORDS, width, WORD_WIDTH)]);
  const pages: string[][] = [[]];
  for (const block of blocks) {
    let page = pages[pages.length - 1];
    const gap = page.length > 0 ? 1 : 0;
    // A block taller than a page is split anyway: it starts where there is room.
    const fits = page.length + gap + block.length <= height || block.length > height;
    if (page.length > 0 && !fits) {
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

/** Cells for the words column: the widest (`local derivative`) and a space. */
const WORD_WIDTH = 17;

/** Every word and mark the screen uses without saying what it is. */
const WORDS: readonly (readonly [string, string])[] = [
  ['F3', 'forward step 3: one node computes its data from its inputs'],
  ['B0', "the output's grad is set to 1 (d output / d output) and every other grad to 0"],
  ['B3', 'backward step 3: one node hands local derivative × its grad to each input'],
  [
    'U2, I4',
    'in training: the update of parameter 2; iteration 4 (forward, zero, backward, updates)',
  ],
  ['phase', 'forward, zero (B0) or backward: the part of the run a step belongs to'],
  [
    'd, g',
    "in a box: the node's data (its value) and grad (d output / d node); ? not computed yet",
  ],
  ['a→b', 'in a box: the grad went from a to b in the step just run'],
  ['write', "a step that sets or adds to a node's data or grad ([ and ] go from one to the next)"],
  ['#6', "a node's id (its place in creation order), for nodes without a name"],
  ['local derivative', "d node / d input, from the node's op: for a * b it is the other input"],
  [
    'ledger',
    "the terms a node's grad has received so far, one per use of the node, and how many in all",
  ],
  ['pending, final', 'more terms will come to this grad / it has all of them'],
  ['check', 'the grad check: the grad beside a numeric one, shown once the grad is final'],
  ['numeric', 'the grad estimated by nudging the node a little and watching the output move'],
  ['walkthrough', "the scenario's teaching notes (») and how many have been reached"],
  ['expect', "a teacher's check of a value at a step: ✓ it holds, ✗ it does not"],
];

/** Commands as `keys  description`, in one column or two of balanced height. */
function commandLines(commands: readonly Command[], width: number): string[] {
  return twoColumns(
    commands.map((c) => [keyText(c), c.description] as const),
    width,
    KEY_WIDTH,
  );
}

/**
 * `label  description` entries, in one column or two of balanced height. The gap pads the left
 * column; the last one keeps CELL_PADDING from the border.
 */
function twoColumns(
  entries: readonly (readonly [string, string])[],
  width: number,
  labelWidth: number,
): string[] {
  const text = width - CELL_PADDING;
  const entriesIn = (columnWidth: number) =>
    entries.map(([label, description]) =>
      wrap(description, columnWidth - labelWidth).map(
        (line, i) => `${fitWidth(i === 0 ? label : '', labelWidth)}${line}`,
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

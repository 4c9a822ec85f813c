import type { Mode } from '../keymap.js';
import { fitWidth, painter, visibleWidth } from '../text.js';
import type { ViewState } from '../view-state.js';
import { footerItems, type ShortWords } from './keys.js';

const PROMPT_LABELS = { search: '/', goto: ':', condition: 'break on: ' } as const;

/**
 * The bottom line: the open prompt, else the last message, else the most useful keys (`words`
 * renames or hides some: see ShortWords).
 */
export function footerLine(
  view: ViewState,
  mode: Mode,
  columns: number,
  color: boolean,
  promptNote = '',
  words: ShortWords = {},
): string {
  const paint = painter(color);
  if (view.prompt !== undefined) {
    const prompt = `${PROMPT_LABELS[view.prompt.kind]}${view.prompt.text}▏`;
    const help = footerItems('prompt').join('  ');
    return fitWidth(`${paint(prompt, '1')}  ${promptNote}  ${paint(help, '2')}`, columns);
  }
  const room = view.message === undefined ? columns : columns - visibleWidth(view.message) - 2;
  const keys = paint(keysWithin(footerItems(mode, words), room), '2');
  if (view.message !== undefined) return fitWidth(`${paint(view.message, '1')}  ${keys}`, columns);
  return fitWidth(keys, columns);
}

/** The items that fit in `width`, dropping from the middle so the last two (help, quit) stay. */
function keysWithin(items: readonly string[], width: number): string {
  const kept = [...items];
  while (kept.length > 2 && visibleWidth(kept.join('  ')) > width) kept.splice(-3, 1);
  return kept.join('  ');
}

import type { Mode } from '../keymap.js';
import { fitWidth, painter, visibleWidth } from '../text.js';
import type { ViewState } from '../view-state.js';
import { footerItems, type ShortWords } from './keys.js';

const PROMPT_LABELS = { search: '/', goto: ':', condition: 'break on: ', predict: '? ' } as const;

/** A question's prompt: Enter answers, Esc skips, and there are no matches to cycle. */
const PREDICT_WORDS: ShortWords = {
  submit: 'answer',
  close: 'skip',
  searchNext: null,
  searchPrev: null,
};

/**
 * The bottom line: the open prompt and its note, else the last message, else the most useful keys (`words`
 * renames or hides some: see ShortWords).
 */
export function footerLine(
  view: ViewState,
  mode: Mode,
  columns: number,
  color: boolean,
  words: ShortWords = {},
): string {
  const paint = painter(color);
  if (view.prompt !== undefined) {
    const { note: promptNote } = view.prompt;
    const label = view.prompt.label ?? PROMPT_LABELS[view.prompt.kind];
    const promptWords = view.prompt.kind === 'predict' ? PREDICT_WORDS : {};
    const help = paint('dim', footerItems('prompt', promptWords).join('  '));
    const whole = `${paint('bold', `${label}${view.prompt.text}▏`)}  ${promptNote}  ${help}`;
    if (visibleWidth(whole) <= columns) return fitWidth(whole, columns);
    // Too long: the prompt's message stays whole (it says why Enter did nothing), the help goes,
    // and the entry shows its end, where the cursor is.
    const note = promptNote === '' ? '' : `  ${promptNote}`;
    const field = promptField(
      label,
      view.prompt.text,
      Math.max(MIN_FIELD, columns - visibleWidth(note)),
    );
    return fitWidth(`${paint('bold', field)}${note}`, columns);
  }
  const room = view.message === undefined ? columns : columns - visibleWidth(view.message) - 2;
  const keys = paint('dim', keysWithin(footerItems(mode, words), room));
  if (view.message !== undefined)
    return fitWidth(`${paint('bold', view.message)}  ${keys}`, columns);
  return fitWidth(keys, columns);
}

/** Cells the entry keeps however long the message beside it is. */
const MIN_FIELD = 12;

/** `:text▏` in `room` cells: the end of a long entry after `…`. */
function promptField(label: string, text: string, room: number): string {
  const chars = Array.from(text);
  if (label.length + chars.length + 1 <= room) return `${label}${text}▏`;
  return `${label}…${chars.slice(chars.length - Math.max(0, room - label.length - 2)).join('')}▏`;
}

/** The items that fit in `width`, dropping from the middle so the last two (help, quit) stay. */
function keysWithin(items: readonly string[], width: number): string {
  const kept = [...items];
  while (kept.length > 2 && visibleWidth(kept.join('  ')) > width) kept.splice(-3, 1);
  return kept.join('  ');
}

import type { Mode } from '../keymap.js';
import { fitWidth, painter } from '../text.js';
import type { ViewState } from '../view-state.js';
import { footerItems } from './keys.js';

const PROMPT_LABELS = { search: '/', goto: ':', condition: 'break on: ' } as const;

/** The bottom line: the open prompt, else the last message, else the most useful keys. */
export function footerLine(
  view: ViewState,
  mode: Mode,
  columns: number,
  color: boolean,
  promptNote = '',
): string {
  const paint = painter(color);
  if (view.prompt !== undefined) {
    const prompt = `${PROMPT_LABELS[view.prompt.kind]}${view.prompt.text}▏`;
    const help = footerItems('prompt').join('  ');
    return fitWidth(`${paint(prompt, '1')}  ${promptNote}  ${paint(help, '2')}`, columns);
  }
  const keys = footerItems(mode).join('  ');
  if (view.message !== undefined)
    return fitWidth(`${paint(view.message, '1')}  ${paint(keys, '2')}`, columns);
  return fitWidth(paint(keys, '2'), columns);
}

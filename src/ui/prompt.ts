/** Keys typed into the open prompt (goto, search, breakpoint condition) and what Enter does. */
import { parseStep } from '../session/index.js';
import type { Controller } from './controller.js';
import type { CommandName } from './keymap.js';
import { searchMatches } from './screen-model.js';
import type { PromptKind } from './view-state.js';

export function promptKey(c: Controller, key: string, command: CommandName | undefined): void {
  const prompt = c.view.prompt;
  if (prompt === undefined) return;
  switch (command) {
    case 'quit':
      c.quit();
      return;
    case 'close':
      if (prompt.kind === 'search') c.dispatchView({ type: 'setSearch', query: '' });
      c.closePrompt();
      return;
    case 'submit':
      submit(c, prompt.kind, prompt.text);
      return;
    case 'searchNext':
    case 'searchPrev':
      cycleMatch(c, command === 'searchNext' ? 1 : -1);
      return;
  }
  let text = prompt.text;
  if (key === 'backspace') text = text.slice(0, -1);
  else if (key === 'space') text += ' ';
  else if ([...key].length === 1) text += key;
  else return;
  c.dispatchView({ type: 'editPrompt', text });
  c.promptNote = '';
  if (prompt.kind === 'search') search(c, text);
}

function submit(c: Controller, kind: PromptKind, text: string): void {
  if (kind === 'search') {
    c.closePrompt();
    return;
  }
  if (kind === 'goto' && text.trim() === '') {
    c.closePrompt();
    return;
  }
  if (kind === 'goto') {
    const found = parseStep(c.session, text.trim());
    if (!('position' in found)) {
      c.promptNote = found.hint === undefined ? found.message : `${found.message} (${found.hint})`;
      return;
    }
    c.closePrompt();
    c.step({ type: 'goto', step: found.position });
    return;
  }
  const rejected = c.addBreakpoints([text]);
  if (rejected.length > 0) {
    c.promptNote = rejected[0];
    return;
  }
  c.closePrompt();
}

/** Selects the first match as the user types and counts the matches beside the prompt. */
function search(c: Controller, query: string): void {
  c.dispatchView({ type: 'setSearch', query });
  const matches = searchMatches(c.facts, query);
  c.promptNote = query === '' ? '' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`;
  if (matches.length > 0) c.dispatchView({ type: 'select', node: matches[0] });
}

/** Ctrl-N / Ctrl-P: the next or previous match after the selection, wrapping around. */
export function cycleMatch(c: Controller, by: 1 | -1): void {
  const matches = searchMatches(c.facts, c.view.search);
  if (matches.length === 0) return;
  const selected = c.view.selected;
  const next =
    by === 1
      ? (matches.find((id) => id > selected) ?? matches[0])
      : (matches.findLast((id) => id < selected) ?? matches[matches.length - 1]);
  c.dispatchView({ type: 'select', node: next });
  if (c.view.prompt !== undefined) {
    c.promptNote = `match ${matches.indexOf(next) + 1} of ${matches.length}`;
  }
}

/** The open prompt (goto, search, breakpoint condition, prediction): typing, Enter, Esc. */
import { parseStep } from '../session/index.js';
import { type AppState, addBreakpoints, step, view } from './app-state.js';
import { searchMatches } from './screen-model.js';

/** A key that is no command in the prompt: typed into it (a printable character, space, backspace). */
export function typeIntoPrompt(state: AppState, key: string): AppState {
  const prompt = state.view.prompt;
  if (prompt === undefined) return state;
  let text = prompt.text;
  if (key === 'backspace') text = text.slice(0, -1);
  else if (key === 'space') text += ' ';
  else if ([...key].length === 1) text += key;
  else return state;
  if (prompt.kind !== 'search') return view(state, { type: 'editPrompt', text });
  // Search selects the first match as the user types and counts the matches beside the prompt.
  const matches = searchMatches(state.facts, text);
  const note = text === '' ? '' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`;
  const typed = view(state, { type: 'editPrompt', text, note }, { type: 'setSearch', query: text });
  return matches.length > 0 ? view(typed, { type: 'select', node: matches[0] }) : typed;
}

/** Enter: goes, adds the breakpoint or answers; a bad entry keeps the prompt open and says why. */
export function submitPrompt(state: AppState): AppState {
  const prompt = state.view.prompt;
  if (prompt === undefined) return state;
  const text = prompt.text.trim();
  const close = view(state, { type: 'closePrompt' });
  const refuse = (note: string) => view(state, { type: 'notePrompt', note });
  switch (prompt.kind) {
    case 'search':
      return close;
    case 'goto': {
      if (text === '') return close;
      const found = parseStep(state.session, text);
      if (!('position' in found)) {
        return refuse(
          found.hint === undefined ? found.message : `${found.message} (${found.hint})`,
        );
      }
      return step(close, { type: 'goto', step: found.position });
    }
    case 'condition': {
      const { state: added, rejected } = addBreakpoints(close, [prompt.text]);
      return rejected.length > 0 ? refuse(rejected[0]) : added;
    }
    case 'predict': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return refuse('a number, or esc to skip');
      return answer(close, value);
    }
  }
}

/** Esc: closes the prompt (a search is cleared, a prediction skipped). */
export function cancelPrompt(state: AppState): AppState {
  const prompt = state.view.prompt;
  if (prompt === undefined) return state;
  const closed = view(state, { type: 'closePrompt' });
  if (prompt.kind === 'predict') return answer(closed, null);
  return prompt.kind === 'search' ? view(closed, { type: 'setSearch', query: '' }) : closed;
}

/** Gives the session the answer (null: skipped); the last one asked at a step runs the step. */
function answer(state: AppState, value: number | null): AppState {
  return step(state, { type: 'answer', value });
}

/** Ctrl-N / Ctrl-P: the next or previous match after the selection, wrapping around. */
export function cycleMatch(state: AppState, by: 1 | -1): AppState {
  const matches = searchMatches(state.facts, state.view.search);
  if (matches.length === 0) return state;
  const selected = state.view.selected;
  const next =
    by === 1
      ? (matches.find((id) => id > selected) ?? matches[0])
      : (matches.findLast((id) => id < selected) ?? matches[matches.length - 1]);
  const note = `match ${matches.indexOf(next) + 1} of ${matches.length}`;
  return view(state, { type: 'select', node: next }, { type: 'notePrompt', note });
}

import type { SessionState } from '../session/index.js';
import { inspectorLines } from './panes/inspector.js';
import { stepPanelLines } from './panes/step-panel.js';
import { type ScreenModel, scenarioFacts } from './screen-model.js';
import { initialViewState } from './view-state.js';

/** Wide enough that no line is wrapped: a page wraps text itself. */
const UNWRAPPED = 1_000_000;

/**
 * The step panel and inspector as the TUI writes them, uncoloured and unwrapped, for front ends
 * that show the same words elsewhere (the HTML player). Made once per session: the scenario's
 * facts are computed once. Such a front end asks its questions and words its verdicts itself, so
 * the texts are written without them (no question, verdict or value hidden for one).
 */
export function paneTexts(first: SessionState, precision: number) {
  const facts = scenarioFacts(first);
  const model = (session: SessionState, selected: number): ScreenModel => ({
    session: { ...session, predictions: [], answers: [], asking: undefined },
    view: initialViewState(selected),
    facts,
    columns: UNWRAPPED,
    rows: 40,
    precision,
    color: false,
  });
  return {
    /** Positions where the walkthrough pauses autoplay. */
    pauses: [...facts.pauses].sort((a, b) => a - b),
    stepPanel: (session: SessionState): string[] => stepPanelLines(model(session, -1), UNWRAPPED),
    inspector: (session: SessionState, id: number): string[] =>
      inspectorLines(model(session, id), UNWRAPPED),
  };
}

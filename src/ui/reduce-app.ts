/**
 * The one app reducer: every key in every mode, autoplay's ticks, resizes and reloads go through
 * reduceApp, which returns the next state (settled: scroll limits, viewport and the prediction
 * prompt computed before anything is drawn) and the effects for its caller to run. The TUI's
 * store, `replay --keys` and `replay --frames` all drive it.
 */
import { type Diagnostic, type LoadResult, lineColumn } from '../scenario/index.js';
import { carryAnswers, nodeAt, parseStep, shapeOf, stepName } from '../session/index.js';
import {
  type AppInput,
  type AppOptions,
  type AppResult,
  type AppState,
  addBreakpoints,
  type Effect,
  follow,
  freshApp,
  sessionFor,
  step,
  view,
} from './app-state.js';
import { runCommand } from './commands.js';
import { settleGeometry, tooSmall } from './geometry.js';
import { commandForKey } from './keymap.js';
import { GraphLayouts } from './panes/graph-pane.js';
import { promptLabel } from './panes/predictions.js';
import { typeIntoPrompt } from './prompt.js';
import { scenarioFacts } from './screen-model.js';
import { AUTOPLAY_SPEEDS, modeOf } from './view-state.js';

/** The app at `start`, settled and ready to draw. */
export function initialApp(options: AppOptions): AppState {
  return settle(freshApp(options));
}

export function reduceApp(state: AppState, input: AppInput): AppResult {
  const { state: next, effects } = transition(state, input);
  return { state: settle(next), effects };
}

const done = (state: AppState, ...effects: Effect[]): AppResult => ({ state, effects });

function transition(state: AppState, input: AppInput): AppResult {
  switch (input.type) {
    case 'key':
      return pressKey(state, input.key);
    case 'tick':
      return tick(state);
    case 'resize': {
      const { columns, rows } = input;
      return done(
        columns === state.columns && rows === state.rows ? state : { ...state, columns, rows },
      );
    }
    case 'reloaded':
      return reloaded(state, input.result);
    case 'checked':
      return done(state.checkPending ? { ...state, checkPending: false } : state);
  }
}

/**
 * A key runs the command the keymap binds to it in the current mode; in a prompt, other keys are
 * typed into it. While the terminal is too small to show what changed, only quit works.
 */
function pressKey(state: AppState, key: string): AppResult {
  const mode = modeOf(state.view);
  const command = commandForKey(key, mode);
  if (tooSmall(state) && command?.name !== 'quit') return done(state);
  if (mode === 'prompt') {
    return command === undefined
      ? done(typeIntoPrompt(state, key))
      : runCommand(state, command.name);
  }
  const cleared = view(state, { type: 'say', message: undefined });
  return command === undefined ? done(cleared) : runCommand(cleared, command.name);
}

/** Autoplay's step: stops at breakpoint hits, walkthrough pauses, a question and the end. */
function tick(state: AppState): AppResult {
  if (!state.view.playing) return done(state);
  const next = step(state, { type: 'next' });
  const { session } = next;
  const moved = session !== state.session && session.position !== state.session.position;
  const stop = (message: string) =>
    done(view(next, { type: 'stopPlay' }, { type: 'say', message }));
  if (moved && session.last?.hit !== undefined) return stop('autoplay stopped at a breakpoint');
  if (session.position === shapeOf(session).total) return stop('autoplay reached the end');
  if (moved && next.facts.pauses.has(session.position)) {
    return stop('autoplay paused (walkthrough)');
  }
  // Not moved: a question is asked (settle opens its prompt, which stops autoplay).
  return moved ? done(next, { type: 'tick', ms: AUTOPLAY_SPEEDS[next.view.speed] }) : done(next);
}

/**
 * What follows from the session and the size: the prediction prompt while the session asks (it
 * closes when the question goes), with the node asked about selected and the node whose step
 * settles it in view; then the scroll limits and the graph viewport.
 */
function settle(state: AppState): AppState {
  const { session } = state;
  const prompt = state.view.prompt;
  let next = state;
  if (session.asking !== undefined && prompt?.kind !== 'predict') {
    const p = session.predictions[session.asking];
    const label = promptLabel(session, p);
    const settler = nodeAt(session, p.position);
    next = view(
      next,
      { type: 'openPrompt', kind: 'predict', label },
      { type: 'follow', node: p.node, alsoInView: settler === p.node ? [] : [settler] },
    );
  } else if (session.asking === undefined && prompt?.kind === 'predict') {
    next = view(next, { type: 'closePrompt' });
  }
  return settleGeometry(next);
}

/**
 * A reloaded scenario: a new session at the same step (or start when the step is gone) with the
 * breakpoints that still parse; a file that no longer loads leaves the session as it was.
 */
function reloaded(state: AppState, result: LoadResult): AppResult {
  if (!result.ok)
    return done(view(state, { type: 'say', message: reloadFailure(result.diagnostics) }));
  const at = stepName(state.session, state.session.position);
  // Questions answered before the reload are not asked again on the way back to the step.
  const session = carryAnswers(sessionFor(result.scenario, state.config), state.session);
  const fresh: AppState = {
    ...state,
    session,
    facts: scenarioFacts(session),
    layouts: new GraphLayouts(result.scenario),
    checkPending: state.config.deferCheck,
  };
  const specs = state.session.breakpoints.map((b) => b.spec);
  const { state: added, rejected } = addBreakpoints(fresh, specs);
  const found = parseStep(session, at);
  const moved =
    'position' in found ? step(added, { type: 'goto', step: found.position }) : follow(added);
  const kept = 'position' in found ? `at ${at}` : 'at start';
  const dropped = rejected.length > 0 ? `; dropped ${rejected.join(', ')}` : '';
  const said = view(moved, { type: 'say', message: `reloaded ${kept}${dropped}` });
  return state.config.deferCheck ? done(said, { type: 'check' }) : done(said);
}

/**
 * One footer line for a failed reload: where the first error is (`file:line:col`), what it is, its
 * hint, and how many more there are (`gradstep check FILE` prints them all).
 */
function reloadFailure(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0];
  if (d === undefined) return 'reload failed: unknown error';
  const { line, col } = lineColumn(d.source, d.start);
  const place = d.wholeFile ? d.source.name : `${d.source.name}:${line}:${col}`;
  const hint = d.hint === undefined ? '' : ` ${d.hint}`;
  const more = diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : '';
  return `reload failed: ${place}: ${d.message}${hint}${more}`;
}

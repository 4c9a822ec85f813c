/**
 * The whole app as one value: the session, the view, the screen size and what follows from them
 * (scroll limits, the graph viewport), so a key is a pure transition (reduce-app.ts) and drawing
 * only reads. Effects are what the caller does for it: quit, reload, schedule an autoplay tick.
 */
import type { LoadResult, Scenario } from '../scenario/index.js';
import {
  type Action,
  createSession,
  DEFAULT_PRECISION,
  parseBreakpoint,
  type Quiz,
  reduce,
  type SessionState,
  scenarioOf,
} from '../session/index.js';
import { GraphLayouts } from './panes/graph-pane.js';
import { type ScenarioFacts, scenarioFacts, stepFocus } from './screen-model.js';
import {
  initialViewState,
  reduceView,
  type TextPane,
  type ViewAction,
  type ViewState,
} from './view-state.js';

/** How the app was started; fixed for its life. */
export interface AppConfig {
  /** `r` can ask the caller to load the file again (a built-in scenario cannot). */
  readonly reloadable: boolean;
  /**
   * The grad check waits for the caller (a `check` effect, then a `checked` input), so a big graph
   * appears without waiting for it; frames compute it when drawn.
   */
  readonly deferCheck: boolean;
  /** Stop before each prediction's settling step and ask for it (the walkthrough's, or --quiz's). */
  readonly ask: boolean;
  readonly quiz?: Quiz;
}

export interface AppState {
  readonly session: SessionState;
  readonly view: ViewState;
  readonly facts: ScenarioFacts;
  /** The graph drawings, laid out once per scenario and view on first use (a cache). */
  readonly layouts: GraphLayouts;
  readonly columns: number;
  readonly rows: number;
  readonly precision: number;
  /** The grad check has not run yet (see AppConfig.deferCheck); the inspector says so. */
  readonly checkPending: boolean;
  /** How far each text pane can scroll at this size (set with the viewport: geometry.ts). */
  readonly scrollMax: Readonly<Record<TextPane, number>>;
  readonly config: AppConfig;
}

export type AppInput =
  /** A key name (`n`, `space`, `ctrl-n`, `backspace`): see keymap.keysOf. */
  | { readonly type: 'key'; readonly key: string }
  /** Autoplay's step, when a `tick` effect's time has come. */
  | { readonly type: 'tick' }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  /** What a `reload` effect loaded. */
  | { readonly type: 'reloaded'; readonly result: LoadResult }
  /** The caller ran the grad check a `check` effect asked for. */
  | { readonly type: 'checked' };

export type Effect =
  | { readonly type: 'quit' }
  | { readonly type: 'reload' }
  /** Send a `tick` input after `ms` (replacing any tick not yet sent). */
  | { readonly type: 'tick'; readonly ms: number }
  /** Run the grad check once the frame being drawn is out, then send `checked`. */
  | { readonly type: 'check' };

export interface AppResult {
  readonly state: AppState;
  readonly effects: readonly Effect[];
}

export interface AppOptions {
  readonly scenario: Scenario;
  /** Breakpoint specs to start with (`--break`); invalid ones are reported in the footer. */
  readonly breakpoints?: readonly string[];
  readonly columns?: number;
  readonly rows?: number;
  readonly precision?: number;
  readonly reloadable?: boolean;
  readonly deferCheck?: boolean;
  readonly ask?: boolean;
  readonly quiz?: Quiz;
}

/** The app at `start`; geometry.ts's settle runs before it is drawn (see reduce-app's initialApp). */
export function freshApp(options: AppOptions): AppState {
  const config: AppConfig = {
    reloadable: options.reloadable ?? false,
    deferCheck: options.deferCheck ?? false,
    ask: options.ask ?? false,
    ...(options.quiz === undefined ? {} : { quiz: options.quiz }),
  };
  const session = sessionFor(options.scenario, config);
  const state: AppState = {
    session,
    view: initialViewState(-1, options.scenario.graph.size, options.scenario.neurons.length > 0),
    facts: scenarioFacts(session),
    layouts: new GraphLayouts(options.scenario),
    columns: options.columns ?? 120,
    rows: options.rows ?? 40,
    precision: options.precision ?? DEFAULT_PRECISION,
    checkPending: config.deferCheck,
    scrollMax: { steps: 0, inspector: 0 },
    config,
  };
  // With the user's own values to compare, `c` stops where they first part from gradstep's.
  const mismatch = options.scenario.observed === undefined ? [] : ['mismatch'];
  const { state: added, rejected } = addBreakpoints(follow(state), [
    ...mismatch,
    ...(options.breakpoints ?? []),
  ]);
  return rejected.length > 0 ? view(added, { type: 'say', message: rejected.join('; ') }) : added;
}

/** A session created as this app creates them (for a reload). */
export function sessionFor(scenario: Scenario, config: AppConfig): SessionState {
  return createSession(scenario, { ask: config.ask, quiz: config.quiz });
}

export function view(state: AppState, ...actions: ViewAction[]): AppState {
  let next = state.view;
  for (const action of actions) next = reduceView(next, action);
  return next === state.view ? state : { ...state, view: next };
}

export function withSession(state: AppState, session: SessionState): AppState {
  return session === state.session ? state : { ...state, session };
}

/** A session action, with the selection put back on the step. */
export function step(state: AppState, action: Action): AppState {
  return follow(withSession(state, reduce(state.session, action)));
}

/** Puts the selection back on the step (after a step command, or Esc after a manual pick). */
export function follow(state: AppState): AppState {
  return view(state, { type: 'follow', ...stepFocus(state.session) });
}

/** Adds breakpoint specs; says which did not parse, with why. */
export function addBreakpoints(
  state: AppState,
  specs: readonly string[],
): { state: AppState; rejected: string[] } {
  const rejected: string[] = [];
  let session = state.session;
  for (const spec of specs) {
    const parsed = parseBreakpoint(spec, scenarioOf(session));
    if ('breakpoint' in parsed) {
      session = reduce(session, { type: 'addBreakpoint', spec: parsed.breakpoint });
    } else rejected.push(`${spec}: ${parsed.diagnostics[0]?.message ?? 'invalid breakpoint'}`);
  }
  return { state: withSession(state, session), rejected };
}

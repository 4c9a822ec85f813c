/**
 * The store behind the TUI: the session and the view state, and the one place keys become actions
 * (each key name goes through the keymap to runCommand or promptKey). The session reducer updates
 * the graph's arrays in place, so its state lives here, outside React (which may call reducers
 * twice); React only subscribes and redraws.
 */
import { type Diagnostic, type LoadResult, lineColumn, type Scenario } from '../scenario/index.js';
import {
  type Action,
  createSession,
  gradCheckOf,
  parseBreakpoint,
  parseStep,
  reduce,
  type SessionState,
  stepName,
} from '../session/index.js';
import { runCommand } from './commands.js';
import { commandForKey } from './keymap.js';
import { GraphLayouts } from './panes/graph-pane.js';
import { promptKey } from './prompt.js';
import { modeOf } from './screen.js';
import { type ScenarioFacts, scenarioFacts, stepFocus } from './screen-model.js';
import {
  initialViewState,
  type PromptKind,
  reduceView,
  type TextPane,
  type ViewAction,
  type ViewState,
} from './view-state.js';

export interface ControllerOptions {
  readonly scenario: Scenario;
  /** Breakpoint specs to start with (`--break`); invalid ones are reported in the footer. */
  readonly breakpoints?: readonly string[];
  readonly reload?: () => Promise<LoadResult>;
  readonly onQuit: () => void;
  /**
   * Leave the grad check to checkNow (the live TUI calls it once its first frame is out), so a
   * big graph appears without waiting for it; frames for replay compute it when drawn.
   */
  readonly deferCheck?: boolean;
}

export class Controller {
  session: SessionState;
  view: ViewState;
  facts: ScenarioFacts;
  layouts: GraphLayouts;
  /** Shown beside an open prompt: match count or a parse error. */
  promptNote = '';
  /** The grad check waits for checkNow (see ControllerOptions.deferCheck). */
  checkPending: boolean;
  /** Keys pressed so far (idle work after the first frame stops at the first). */
  presses = 0;
  /**
   * The last frame said the terminal is too small (the screen sets it): keys other than quit
   * do nothing then, so nothing changes unseen.
   */
  tooSmall = false;
  /** How far each text pane can scroll at the last drawn size (the screen sets it). */
  readonly scrollMax: Record<TextPane, number> = { steps: 0, inspector: 0 };
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly options: ControllerOptions) {
    this.session = createSession(options.scenario);
    this.checkPending = options.deferCheck === true;
    this.facts = scenarioFacts(this.session);
    this.layouts = new GraphLayouts(options.scenario);
    this.view = initialViewState(-1, options.scenario.graph.size);
    this.followStep();
    // With the user's own values to compare, `c` stops where they first part from gradstep's.
    const mismatch = options.scenario.observed === undefined ? [] : ['mismatch'];
    const rejected = this.addBreakpoints([...mismatch, ...(options.breakpoints ?? [])]);
    if (rejected.length > 0) this.dispatchView({ type: 'say', message: rejected.join('; ') });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything on screen may have changed (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** One key name (`n`, `space`, `ctrl-n`, `backspace`); see keymap.keysOf. */
  press(key: string): void {
    this.presses++;
    const mode = modeOf(this.view);
    const command = commandForKey(key, mode);
    if (this.tooSmall && command?.name !== 'quit') return;
    if (mode !== 'prompt') this.dispatchView({ type: 'say', message: undefined });
    if (mode === 'prompt') promptKey(this, key, command?.name);
    else if (command !== undefined) runCommand(this, command.name, command.action);
    this.changed();
  }

  /** Autoplay's step: stops at breakpoint hits, walkthrough pauses and the end. */
  tick(): void {
    if (!this.view.playing) return;
    this.step({ type: 'next' });
    const { position, timeline, last } = this.session;
    if (last?.hit !== undefined) this.stopPlay('autoplay stopped at a breakpoint');
    else if (position === timeline.total) this.stopPlay('autoplay reached the end');
    else if (this.facts.pauses.has(position)) this.stopPlay('autoplay paused (walkthrough)');
    this.changed();
  }

  /**
   * Runs the grad check once the frame being drawn is out: Ink writes a frame in the same tick
   * as the change that causes it, and an immediate runs after that tick's I/O.
   */
  checkSoon(): void {
    if (this.checkPending) setImmediate(() => this.checkNow());
  }

  /** Runs the grad check now (the session keeps it per timeline) and redraws with its verdicts. */
  checkNow(): void {
    if (!this.checkPending) return;
    gradCheckOf(this.session);
    this.checkPending = false;
    this.changed();
  }

  quit(): void {
    this.options.onQuit();
  }

  /** Adds breakpoint specs; returns a message for each that does not parse. */
  addBreakpoints(specs: readonly string[]): string[] {
    const rejected: string[] = [];
    for (const spec of specs) {
      const parsed = parseBreakpoint(spec, this.session.timeline.scenario);
      if ('breakpoint' in parsed) {
        this.setSession(reduce(this.session, { type: 'addBreakpoint', spec: parsed.breakpoint }));
      } else rejected.push(`${spec}: ${parsed.diagnostics[0]?.message ?? 'invalid breakpoint'}`);
    }
    return rejected;
  }

  async reload(): Promise<void> {
    if (this.options.reload === undefined) {
      this.dispatchView({ type: 'say', message: 'nothing to reload: the scenario is built in' });
      return;
    }
    const result = await this.options.reload();
    if (!result.ok) {
      this.dispatchView({ type: 'say', message: reloadFailure(result.diagnostics) });
      this.changed();
      return;
    }
    const step = stepName(this.session, this.session.position);
    const specs = this.session.breakpoints.map((b) => b.spec);
    this.session = createSession(result.scenario);
    this.checkPending = this.options.deferCheck === true;
    this.facts = scenarioFacts(this.session);
    this.layouts = new GraphLayouts(result.scenario);
    const rejected = this.addBreakpoints(specs);
    const found = parseStep(this.session, step);
    if ('position' in found) this.step({ type: 'goto', step: found.position });
    else this.followStep();
    const kept = 'position' in found ? `at ${step}` : 'at start';
    const dropped = rejected.length > 0 ? `; dropped ${rejected.join(', ')}` : '';
    this.dispatchView({ type: 'say', message: `reloaded ${kept}${dropped}` });
    this.changed();
    this.checkSoon();
  }

  step(action: Action): void {
    this.setSession(reduce(this.session, action));
    this.followStep();
  }

  /** Puts the selection back on the step (after a step command, or Esc after a manual pick). */
  followStep(): void {
    this.dispatchView({ type: 'follow', ...stepFocus(this.session) });
  }

  openPrompt(kind: PromptKind): void {
    this.promptNote = '';
    this.dispatchView({ type: 'openPrompt', kind });
  }

  closePrompt(): void {
    this.promptNote = '';
    this.dispatchView({ type: 'closePrompt' });
  }

  private stopPlay(message: string): void {
    this.dispatchView({ type: 'stopPlay' });
    this.dispatchView({ type: 'say', message });
  }

  setSession(next: SessionState): void {
    this.session = next;
  }

  dispatchView(action: ViewAction): void {
    this.view = reduceView(this.view, action);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/**
 * One footer line for a failed reload: where the first error is (`file:line:col`), what it is, its
 * hint, and how many more there are (`gradstep check FILE` prints them all).
 */
function reloadFailure(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0];
  if (d === undefined) return 'reload failed: unknown error';
  const { line, col } = lineColumn(d.source, d.start);
  const hint = d.hint === undefined ? '' : ` ${d.hint}`;
  const more = diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : '';
  return `reload failed: ${d.source.name}:${line}:${col}: ${d.message}${hint}${more}`;
}

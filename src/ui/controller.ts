/**
 * The one place keys become actions: each key name goes through the keymap to a session action
 * (`reduce`) or a view action (`reduceView`). The session reducer updates the graph's arrays in
 * place, so its state lives here, outside React (which may call reducers twice); React only
 * subscribes and redraws.
 */
import type { LoadResult, Scenario } from '../scenario/index.js';
import {
  type Action,
  createSession,
  parseBreakpoint,
  parseStep,
  reduce,
  type SessionState,
  stepName,
} from '../session/index.js';
import { commandForKey } from './keymap.js';
import { GraphLayouts } from './panes/graph-pane.js';
import { modeOf } from './screen.js';
import { type ScenarioFacts, scenarioFacts, searchMatches } from './screen-model.js';
import { initialViewState, reduceView, type ViewAction, type ViewState } from './view-state.js';

export interface ControllerOptions {
  readonly scenario: Scenario;
  /** Breakpoint specs to start with (`--break`); invalid ones are reported in the footer. */
  readonly breakpoints?: readonly string[];
  readonly reload?: () => Promise<LoadResult>;
  readonly onQuit: () => void;
}

const PAN_COLUMNS = 8;
const PAN_ROWS = 4;

export class Controller {
  session: SessionState;
  view: ViewState;
  facts: ScenarioFacts;
  layouts: GraphLayouts;
  /** Shown beside an open prompt: match count or a parse error. */
  promptNote = '';
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly options: ControllerOptions) {
    this.session = createSession(options.scenario);
    this.facts = scenarioFacts(this.session);
    this.layouts = new GraphLayouts(options.scenario);
    this.view = initialViewState(options.scenario.output);
    const rejected = this.addBreakpoints(options.breakpoints ?? []);
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
    const mode = modeOf(this.view);
    if (mode !== 'prompt') this.dispatchView({ type: 'say', message: undefined });
    const command = commandForKey(key, mode);
    if (mode === 'prompt') this.promptKey(key, command?.name);
    else if (command !== undefined) this.run(command.name, command.action);
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

  private run(name: string, action: Action['type'] | undefined): void {
    if (action !== undefined) {
      this.step({ type: action } as Action);
      return;
    }
    const view = this.view;
    const inList = view.overlay === 'breakpoints';
    switch (name) {
      case 'goto':
        this.openPrompt('goto');
        return;
      case 'search':
        this.openPrompt('search');
        return;
      case 'condition':
      case 'addCondition':
        this.openPrompt('condition');
        return;
      case 'selectNext':
      case 'selectPrev': {
        const by = name === 'selectNext' ? 1 : -1;
        if (inList) {
          const count = this.session.breakpoints.length;
          this.dispatchView({ type: 'moveBreakpointRow', by, count });
          return;
        }
        const size = this.session.timeline.graph.size;
        const node = Math.max(0, Math.min(size - 1, view.selected + by));
        this.dispatchView({ type: 'select', node });
        return;
      }
      case 'panLeft':
        this.dispatchView({ type: 'pan', dx: -PAN_COLUMNS, dy: 0 });
        return;
      case 'panRight':
        this.dispatchView({ type: 'pan', dx: PAN_COLUMNS, dy: 0 });
        return;
      case 'panUp':
        this.dispatchView({ type: 'pan', dx: 0, dy: -PAN_ROWS });
        return;
      case 'panDown':
        this.dispatchView({ type: 'pan', dx: 0, dy: PAN_ROWS });
        return;
      case 'focusNext':
        this.dispatchView({ type: 'focusNext' });
        return;
      case 'cycleView':
        this.dispatchView({ type: 'cycleGraphMode' });
        return;
      case 'inspect':
        this.dispatchView({ type: 'inspect' });
        return;
      case 'searchNext':
      case 'searchPrev':
        this.cycleMatch(name === 'searchNext' ? 1 : -1);
        return;
      case 'toggleBreakpoint':
        if (view.selected >= 0)
          this.setSession(reduce(this.session, { type: 'toggleBreakpoint', node: view.selected }));
        return;
      case 'breakpointList':
        this.dispatchView({ type: 'toggleOverlay', overlay: 'breakpoints' });
        return;
      case 'removeBreakpoint': {
        this.setSession(
          reduce(this.session, { type: 'removeBreakpoint', index: view.breakpointRow }),
        );
        const count = this.session.breakpoints.length;
        this.dispatchView({ type: 'moveBreakpointRow', by: 0, count });
        return;
      }
      case 'autoplay':
        this.dispatchView({ type: 'togglePlay' });
        return;
      case 'faster':
        this.dispatchView({ type: 'changeSpeed', by: 1 });
        return;
      case 'slower':
        this.dispatchView({ type: 'changeSpeed', by: -1 });
        return;
      case 'reload':
        void this.reload();
        return;
      case 'help':
        this.dispatchView({ type: 'toggleOverlay', overlay: 'help' });
        return;
      case 'nextPage':
      case 'prevPage':
        this.dispatchView({ type: 'turnHelpPage', by: name === 'nextPage' ? 1 : -1 });
        return;
      case 'close':
        if (view.overlay !== 'none') this.dispatchView({ type: 'closeOverlay' });
        else this.dispatchView({ type: 'setSearch', query: '' });
        this.dispatchView({ type: 'say', message: undefined });
        return;
      case 'quit':
        this.options.onQuit();
        return;
    }
  }

  private promptKey(key: string, command: string | undefined): void {
    const prompt = this.view.prompt;
    if (prompt === undefined) return;
    if (command === 'quit') {
      this.options.onQuit();
      return;
    }
    if (command === 'close') {
      if (prompt.kind === 'search') this.dispatchView({ type: 'setSearch', query: '' });
      this.closePrompt();
      return;
    }
    if (command === 'submit') {
      this.submit(prompt.kind, prompt.text);
      return;
    }
    if (command === 'searchNext' || command === 'searchPrev') {
      this.cycleMatch(command === 'searchNext' ? 1 : -1);
      return;
    }
    let text = prompt.text;
    if (key === 'backspace') text = text.slice(0, -1);
    else if (key === 'space') text += ' ';
    else if ([...key].length === 1) text += key;
    else return;
    this.dispatchView({ type: 'editPrompt', text });
    this.promptNote = '';
    if (prompt.kind === 'search') this.search(text);
  }

  private submit(kind: string, text: string): void {
    if (kind === 'search') {
      this.closePrompt();
      return;
    }
    if (kind === 'goto') {
      const found = parseStep(this.session.timeline, text.trim());
      if (!('position' in found)) {
        this.promptNote =
          found.hint === undefined ? found.message : `${found.message} (${found.hint})`;
        return;
      }
      this.closePrompt();
      this.step({ type: 'goto', step: found.position });
      return;
    }
    const rejected = this.addBreakpoints([text]);
    if (rejected.length > 0) {
      this.promptNote = rejected[0];
      return;
    }
    this.closePrompt();
  }

  /** Adds breakpoint specs; returns a message for each that does not parse. */
  private addBreakpoints(specs: readonly string[]): string[] {
    const rejected: string[] = [];
    for (const spec of specs) {
      const parsed = parseBreakpoint(spec, this.session.timeline.scenario);
      if ('breakpoint' in parsed) {
        this.setSession(reduce(this.session, { type: 'addBreakpoint', spec: parsed.breakpoint }));
      } else rejected.push(`${spec}: ${parsed.diagnostics[0]?.message ?? 'invalid breakpoint'}`);
    }
    return rejected;
  }

  private search(query: string): void {
    this.dispatchView({ type: 'setSearch', query });
    const matches = searchMatches(this.facts, query);
    this.promptNote =
      query === '' ? '' : `${matches.length} match${matches.length === 1 ? '' : 'es'}`;
    if (matches.length > 0) this.dispatchView({ type: 'select', node: matches[0] });
  }

  private cycleMatch(by: 1 | -1): void {
    const matches = searchMatches(this.facts, this.view.search);
    if (matches.length === 0) return;
    const selected = this.view.selected;
    const next =
      by === 1
        ? (matches.find((id) => id > selected) ?? matches[0])
        : (matches.findLast((id) => id < selected) ?? matches[matches.length - 1]);
    this.dispatchView({ type: 'select', node: next });
    if (this.view.prompt !== undefined) {
      this.promptNote = `match ${matches.indexOf(next) + 1} of ${matches.length}`;
    }
  }

  private async reload(): Promise<void> {
    if (this.options.reload === undefined) {
      this.dispatchView({ type: 'say', message: 'nothing to reload: the scenario is built in' });
      return;
    }
    const result = await this.options.reload();
    if (!result.ok) {
      const d = result.diagnostics[0];
      this.dispatchView({
        type: 'say',
        message: `reload failed: ${d?.message ?? 'unknown error'}`,
      });
      this.changed();
      return;
    }
    const step = stepName(this.session.timeline, this.session.position);
    const specs = this.session.breakpoints.map((b) => b.spec);
    this.session = createSession(result.scenario);
    this.facts = scenarioFacts(this.session);
    this.layouts = new GraphLayouts(result.scenario);
    const rejected = this.addBreakpoints(specs);
    const found = parseStep(this.session.timeline, step);
    if ('position' in found) this.step({ type: 'goto', step: found.position });
    const kept = 'position' in found ? `at ${step}` : 'at start';
    const dropped = rejected.length > 0 ? `; dropped ${rejected.join(', ')}` : '';
    this.dispatchView({ type: 'say', message: `reloaded ${kept}${dropped}` });
    this.changed();
  }

  private step(action: Action): void {
    this.setSession(reduce(this.session, action));
    const { position, timeline } = this.session;
    if (position > 0) this.dispatchView({ type: 'follow', node: timeline.nodeOf(position) });
  }

  private openPrompt(kind: 'search' | 'goto' | 'condition'): void {
    this.promptNote = '';
    this.dispatchView({ type: 'openPrompt', kind });
  }

  private closePrompt(): void {
    this.promptNote = '';
    this.dispatchView({ type: 'closePrompt' });
  }

  private stopPlay(message: string): void {
    this.dispatchView({ type: 'stopPlay' });
    this.dispatchView({ type: 'say', message });
  }

  private setSession(next: SessionState): void {
    this.session = next;
  }

  private dispatchView(action: ViewAction): void {
    this.view = reduceView(this.view, action);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileDiagnostic, loadScenario } from '../../src/scenario/index.js';
import { scenarioOf } from '../../src/session/index.js';
import type { AppInput, AppOptions, Effect } from '../../src/ui/app-state.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';
import { builtin, close, SEED_GRADS } from './fixtures.js';

/** The seed app, driven by key names through reduceApp; the effects asked for are collected. */
function seedApp(breakpoints: string[] = [], options: Partial<AppOptions> = {}) {
  let state = initialApp({ scenario: builtin('seed'), breakpoints, ...options });
  const effects: Effect[] = [];
  const send = (input: AppInput) => {
    const result = reduceApp(state, input);
    state = result.state;
    effects.push(...result.effects);
  };
  const app = {
    get state() {
      return state;
    },
    get session() {
      return state.session;
    },
    get view() {
      return state.view;
    },
    effects,
    send,
    press: (...keys: string[]) => {
      for (const key of keys) send({ type: 'key', key });
    },
    grad: (name: string) => {
      const { graph } = state.session.timeline;
      return graph.grad[graph.idOf(name) ?? -1];
    },
    quits: () => effects.filter((e) => e.type === 'quit').length,
    /** Autoplay as the store runs it: a tick for each tick effect, until none comes. */
    play: () => {
      while (effects.some((e) => e.type === 'tick')) {
        effects.splice(0);
        send({ type: 'tick' });
      }
    },
  };
  return app;
}

describe('reduceApp', () => {
  it('steps to the end and back and the seed grads match the reference values', () => {
    const app = seedApp();
    const { press, grad } = app;
    press('G');
    expect(close(grad('x'), SEED_GRADS.x)).toBe(true);
    expect(close(grad('y'), SEED_GRADS.y)).toBe(true);
    press('N', 'N', 'N');
    expect(app.session.position).toBe(app.session.timeline.total - 3);
    // B2: before any contribution to x or y.
    expect(grad('x')).toBe(0);
    press('n', 'n', 'n');
    expect(close(grad('x'), SEED_GRADS.x)).toBe(true);
  });

  it('handles every character of fast typing and selects the step node', () => {
    const app = seedApp();
    const { press } = app;
    for (const key of 'nnnn') press(key);
    expect(app.session.position).toBe(4);
    const { timeline } = app.session;
    expect(app.view.selected).toBe(timeline.nodeOf(4));
  });

  it('goes to a step typed at the : prompt, and keeps the prompt open on a bad one', () => {
    const app = seedApp();
    const { press } = app;
    press(':', 'B', '3', 'enter');
    expect(app.view.prompt).toBeUndefined();
    const { timeline } = app.session;
    expect(app.session.position).toBe(timeline.zeroPosition + 3);
    press(':', 'Q', 'enter');
    expect(app.view.prompt?.kind).toBe('goto');
    expect(app.view.prompt?.note).not.toBe('');
    press('esc');
    expect(app.view.prompt).toBeUndefined();
  });

  it('searches as the user types and cycles matches with ctrl-n / ctrl-p', () => {
    const app = seedApp();
    const { press } = app;
    const { graph } = app.session.timeline;
    press('/', 'x', '_');
    expect(app.view.selected).toBe(graph.idOf('x_2'));
    expect(app.view.prompt?.note).toBe('2 matches');
    press('ctrl-n');
    expect(app.view.selected).toBe(graph.idOf('x_2_y'));
    press('ctrl-n');
    expect(app.view.selected).toBe(graph.idOf('x_2'));
    press('ctrl-p');
    expect(app.view.selected).toBe(graph.idOf('x_2_y'));
    press('enter');
    expect(app.view.search).toBe('x_');
  });

  it('toggles a breakpoint on the selected node and continue stops at it', () => {
    const app = seedApp();
    const { press } = app;
    const { timeline } = app.session;
    const xy = timeline.graph.idOf('xy') ?? -1;
    press('/', 'x', 'y', 'enter', 'b');
    expect(app.session.breakpoints.map((b) => b.spec)).toEqual(['xy']);
    press('c');
    expect(app.session.position).toBe(timeline.forwardPosition(xy));
    press('c');
    expect(app.session.position).toBe(timeline.backwardPosition(xy));
  });

  it('adds a condition from the breakpoint list and removes it again', () => {
    const app = seedApp();
    const { press } = app;
    press('B', 'a', ...'x: grad > 1', 'enter');
    expect(app.session.breakpoints.map((b) => b.spec)).toHaveLength(1);
    press('d');
    expect(app.session.breakpoints).toHaveLength(0);
    press('esc');
    expect(app.view.overlay).toBe('none');
  });

  it('autoplay stops at a walkthrough pause (B0 in the seed)', () => {
    const app = seedApp();
    const { press } = app;
    press('space');
    app.play();
    const { timeline } = app.session;
    expect(app.session.position).toBe(timeline.zeroPosition);
    expect(app.view.message).toContain('paused');
  });

  it('autoplay stops at a breakpoint hit before the walkthrough pause', () => {
    const app = seedApp(['tanh_xy']);
    const { press } = app;
    press('space');
    app.play();
    const { timeline } = app.session;
    expect(app.session.position).toBe(
      timeline.forwardPosition(timeline.graph.idOf('tanh_xy') ?? -1),
    );
    expect(app.view.message).toContain('breakpoint');
  });

  it('scrolls the focused inspector with j / k as far as its last line, and selects again after tab', () => {
    // At 80×24 x's inspector (at the end) does not fit its pane: the reducer knows how far it scrolls.
    const app = seedApp([], { columns: 80, rows: 24 });
    const { press } = app;
    press('G');
    const selected = app.view.selected;
    const max = app.state.scrollMax.inspector;
    expect(max).toBeGreaterThan(1);
    press('tab', 'tab', ...Array.from({ length: max + 3 }, () => 'j'));
    expect(app.view.focus).toBe('inspector');
    expect(app.view.scroll.inspector).toBe(max);
    expect(app.view.selected).toBe(selected);
    press('k');
    expect(app.view.scroll.inspector).toBe(max - 1);
    // Normal keys still work while the inspector is focused; a step back selects B4's receiver.
    press('N');
    const stepNode = app.view.selected;
    expect(stepNode).not.toBe(selected);
    expect(app.view.scroll.inspector).toBe(0); // another node: back to the top
    press('tab', 'k');
    expect(app.view.selected).toBe(stepNode - 1);
  });

  it('scrolls the focused step panel with the same keys, back to its top after each step', () => {
    const app = seedApp([], { columns: 80, rows: 24 });
    const { press } = app;
    press('G', 'tab');
    const max = app.state.scrollMax.steps;
    expect(max).toBeGreaterThan(1);
    press(...Array.from({ length: max + 2 }, () => 'j'), 'k');
    expect(app.view.focus).toBe('steps');
    expect(app.view.scroll.steps).toBe(max - 1); // stopped at the last line, then one back
    press('N');
    expect(app.view.scroll.steps).toBe(0); // the step's text starts at the top
    press('j', 'g');
    expect(app.view.scroll.steps).toBe(0); // also when stepping back to start
  });

  it('closes the goto prompt on an empty enter, like esc', () => {
    const app = seedApp();
    const { press } = app;
    press(':', 'enter');
    expect(app.view.prompt).toBeUndefined();
    expect(app.session.position).toBe(0);
  });

  it('quits from every mode', () => {
    const { press, quits } = seedApp();
    press('q', '?', 'q', '/', 'ctrl-c');
    expect(quits()).toBe(3);
  });

  it('reports a --break spec that does not parse instead of failing', () => {
    const app = seedApp(['nosuchnode']);
    expect(app.view.message).toContain('nosuchnode');
    expect(app.session.breakpoints).toHaveLength(0);
  });

  it('asks for a reload, then reports a failure with file:line:col, the message and its hint, and keeps the session', () => {
    const file = 'scenarios/neuron.yaml';
    const text = readFileSync(file, 'utf8').replace('\n  o = tanh(n)\n', '\n  o = tahn(n)\n');
    const app = seedApp([], { scenario: builtin('neuron'), reloadable: true });
    app.press('n', 'r');
    expect(app.effects).toEqual([{ type: 'reload' }]);
    app.send({ type: 'reloaded', result: loadScenario({ name: file, text }) });
    // `o = tanh(n)` is line 21 of the neuron; the function name starts at its 7th column.
    expect(app.view.message).toBe(
      "reload failed: scenarios/neuron.yaml:21:7: Unknown function 'tahn'. Did you mean 'tanh'?",
    );
    expect(app.session.position).toBe(1);
  });

  it('reports a reload of a file that is gone by its name alone, with no line or column', () => {
    const app = seedApp([], { scenario: builtin('neuron'), reloadable: true });
    app.press('n', 'r');
    const gone = fileDiagnostic('scenarios/neuron.yaml', 'no such file');
    app.send({ type: 'reloaded', result: { ok: false, diagnostics: [gone] } });
    expect(app.view.message).toBe('reload failed: scenarios/neuron.yaml: no such file');
    expect(app.session.position).toBe(1);
  });
});

describe('[ and ]', () => {
  it('jump along the steps that write the selected node, keeping it selected', () => {
    const app = seedApp();
    const { graph } = app.session.timeline;
    const x = graph.idOf('x')!;
    // j / k move through ids; x is the first node made.
    while (app.view.selected > x) app.press('k');
    expect(app.view.selected).toBe(x);
    // x is a leaf: only the backward steps of x * x and x * y write it (its grad), in that order
    // of the backward pass; x * x hands it both terms in one step.
    const ran: string[] = [];
    for (const _ of [1, 2]) {
      app.press(']');
      const step = app.session.timeline.nodeOf(app.session.position);
      ran.push(graph.inputsOf(step).join(','));
      expect(app.view.selected).toBe(x);
    }
    expect(ran.sort()).toEqual([`${x},${x}`, `${x},${graph.idOf('y')}`].sort());
    const atLast = app.session.position;
    app.press(']');
    expect(app.session.position).toBe(atLast);
    expect(app.view.message).toBe('no later step writes x');
    app.press('[');
    expect(app.session.position).toBeLessThan(atLast);
    expect(app.view.selected).toBe(x);
  });
});

describe('a breakpoint hit', () => {
  it('selects the node that made it fire: x2 for the bug hunt`s mismatch, not the first receiver', () => {
    let state = initialApp({ scenario: builtin('bug-hunt'), breakpoints: ['mismatch'] });
    state = reduceApp(state, { type: 'key', key: 'c' }).state;
    const { graph } = state.session.timeline;
    // At B4, g = scaled(a, x2) hands a and x2 their terms; the wrong one (d/db) is x2's.
    expect(state.session.last?.hit?.node).toBe(graph.idOf('x2'));
    expect(state.view.selected).toBe(graph.idOf('x2'));
  });
});

describe('e: a built model’s neurons as one box each, or opened', () => {
  it('starts collapsed on a model, toggles with e and keeps the step’s node in view', () => {
    let state = initialApp({ scenario: builtin('mlp-lecture'), columns: 120, rows: 40 });
    const press = (key: string) => {
      state = reduceApp(state, { type: 'key', key }).state;
    };
    expect(state.view.neuronsCollapsed).toBe(true);
    // Go to B40 and pan away: the toggle brings the selection back into view.
    for (const key of [':', 'B', '4', '0', 'enter', 'L', 'L', 'L']) press(key);
    expect(state.view.panned).toBe(true);
    const node = state.view.selected;
    press('e');
    expect(state.view.neuronsCollapsed).toBe(false);
    expect(state.view.message).toBe('neurons opened into their nodes (e makes each one box)');
    expect(state.view.selected).toBe(node);
    expect(state.view.panned).toBe(false);
    const opened = state.layouts.get('boxes', false).rectOf(node);
    const { x, y } = state.view.viewport;
    expect(opened.x >= x && opened.x + opened.width <= x + 118).toBe(true);
    expect(opened.y >= y).toBe(true);
    press('e');
    expect(state.view.neuronsCollapsed).toBe(true);
    expect(state.view.message).toBe('each neuron is one box (e opens them)');
  });

  it('selects box by box with j and k while neurons are collapsed, node by node when opened', () => {
    let state = initialApp({ scenario: builtin('mlp-lecture') });
    const press = (key: string) => {
      state = reduceApp(state, { type: 'key', key }).state;
    };
    const { graph } = scenarioOf(state.session);
    const id = (name: string) => graph.idOf(name);
    // At start F1's node, the first product of neuron 1 on sample 1, is selected.
    expect(state.view.selected).toBe(id('wx1_1_1_s1'));
    press('j');
    expect(state.view.selected).toBe(id('h1_2_s1'));
    press('k');
    expect(state.view.selected).toBe(id('h1_1_s1'));
    press('k');
    // The box before neuron 1 of sample 1: the last input built before it, sample 4's target.
    expect(state.view.selected).toBe(id('y4'));
    press('e');
    press('j');
    expect(state.view.selected).toBe(id('wx1_1_1_s1'));
  });

  it('starts opened on a graph program, where e only says there are no neurons', () => {
    let state = initialApp({ scenario: builtin('seed') });
    expect(state.view.neuronsCollapsed).toBe(false);
    const before = state.view;
    state = reduceApp(state, { type: 'key', key: 'e' }).state;
    expect(state.view.neuronsCollapsed).toBe(false);
    expect(state.view.message).toContain('no neurons here');
    expect({ ...state.view, message: undefined }).toEqual({ ...before, message: undefined });
  });
});

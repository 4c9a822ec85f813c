/**
 * No spoilers: until the step that settles a predicted value has run, no screen shows it. Every
 * screen from start up to that step is drawn (the asking one included), with the inspector on
 * every node, in every graph view and with the breakpoint list open, and none may hold the value's
 * digits, as shown (--precision 5) or in full. The values are worked out in the test with Math,
 * not by the engine.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { formatNumber, scenarioOf, shapeOf } from '../../src/session/index.js';
import type { AppState } from '../../src/ui/app-state.js';
import { inspectorLines } from '../../src/ui/panes/inspector.js';
import { stepPanelLines } from '../../src/ui/panes/step-panel.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';
import { screenLines } from '../../src/ui/screen.js';
import { reduceView } from '../../src/ui/view-state.js';

// e = tanh(a·b)·a: a is used twice, so its grad comes in two terms (B1, then B3).
const A = 1.7;
const B = -0.45;
const D = Math.tanh(A * B); // d.data, settled at F2
const A_GRAD = D + A * (1 - D * D) * B; // d(e)/da = d + a·(1 - d²)·b, settled at B3

// One iteration of training on L = (w·x)²: w.grad = 2·(w·x)·x.
const W = 0.37;
const X = 1.9;
const W_GRAD = 2 * (W * X) * X;

/** The user's own values are right: the inspector would show them, and gradstep's, in full. */
const TWICE = `title: a used twice
graph: |
  a = ${A}
  b = ${B}
  c = a * b
  d = tanh(c)
  e = d * a
walkthrough:
  - predict: { node: d, data }
  - predict: { node: a, grad }
observed:
  nodes:
    a: { data: ${A}, grad: ${A_GRAD} }
    d: { data: ${D} }
`;

const TRAINED = `title: trained
graph: |
  w = ${W}
  x = ${X}
  p = w * x
  L = p * p
train: { params: [w], lr: 0.01, steps: 3 }
walkthrough:
  - predict: { node: w, grad }
`;

/**
 * One built tanh neuron: its box (collapsed, the default) shows h1_1_s1's data; its
 * pre-activation z1_1_s1 is inside the box, shown only in the step close-up.
 */
const NEURON = `title: one neuron
model: { neuron: 2, activation: tanh, seed: 7 }
data: { x: [[0.6, -1.3]], y: [0.4] }
loss: sum_squared
walkthrough:
  - predict: { node: h1_1_s1, data }
  - predict: { node: z1_1_s1, grad }
`;

interface Seen {
  readonly position: number;
  readonly text: string;
}

/** Every screen and whole pane from start to end, answering each question with Esc. */
function everyScreen(text: string): { seen: Seen[]; state: AppState } {
  const loaded = loadScenario({ name: 't.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  let state = initialApp({ scenario: loaded.scenario, ask: true });
  const press = (key: string) => {
    state = reduceApp(state, { type: 'key', key }).state;
  };
  const seen: Seen[] = [];
  const record = () => {
    const { position } = state.session;
    for (let node = 0; node < shapeOf(state.session).nodes; node++) {
      let view = reduceView(state.view, { type: 'select', node });
      // Each view with a model's neurons as one box each and opened (no effect on other graphs).
      for (let mode = 0; mode < 6; mode++) {
        const model = { ...state, view, color: false };
        const screen = screenLines(model, { layouts: state.layouts }).join('\n');
        // The panes in full, not only the lines that fit on screen.
        const panes = [...inspectorLines(model, 200), ...stepPanelLines(model, 200)].join('\n');
        seen.push({ position, text: `${screen}\n${panes}` });
        view = reduceView(view, { type: mode === 2 ? 'toggleNeurons' : 'cycleGraphMode' });
      }
    }
    const list = reduceView(state.view, { type: 'toggleOverlay', overlay: 'breakpoints' });
    const model = { ...state, view: list, color: false };
    seen.push({ position, text: screenLines(model, { layouts: state.layouts }).join('\n') });
  };
  const { total } = shapeOf(state.session);
  for (let guard = 0; guard < 4 * total && state.session.position < total; guard++) {
    record();
    press('n');
    if (state.view.prompt?.kind === 'predict') {
      record();
      press('esc');
    }
  }
  record();
  return { seen, state };
}

/** The value's digits as a screen would write them: at the default precision and in full. */
function digitsOf(value: number): string[] {
  return [formatNumber(Math.abs(value), 5), String(Math.abs(value))];
}

function expectHiddenUntil(seen: readonly Seen[], settles: number, value: number) {
  const before = seen.filter((s) => s.position < settles);
  const after = seen.filter((s) => s.position >= settles);
  expect(before.length).toBeGreaterThan(0);
  for (const digits of digitsOf(value)) {
    const spoiled = before.find((s) => s.text.includes(digits));
    expect(spoiled?.text, `${digits} shown before its step`).toBeUndefined();
  }
  // The check can fail: once the step has run, the value is on screen.
  expect(after.some((s) => s.text.includes(digits(value)))).toBe(true);
}

const digits = (value: number) => formatNumber(Math.abs(value), 5);

describe('a predicted value is on no screen before the step that settles it', () => {
  it("holds for a forward value and a grad received twice, with the user's own values given", () => {
    const { seen, state } = everyScreen(TWICE);
    const [d, a] = state.session.predictions;
    expect([d.field, d.position]).toEqual(['data', 2]);
    expect(a.field).toBe('grad');
    expect(state.session.answers.every((x) => x?.answer === null)).toBe(true);
    expectHiddenUntil(seen, d.position, D);
    expectHiddenUntil(seen, a.position, A_GRAD);
  });

  it("holds for a built neuron's output, which its collapsed box shows", () => {
    const { seen, state } = everyScreen(NEURON);
    // The weights are the builder's inputs; the neuron's arithmetic is redone here.
    const { graph } = scenarioOf(state.session);
    const input = (name: string) => graph.data[graph.idOf(name) ?? -1];
    const h = Math.tanh(input('w1_1_1') * 0.6 + input('w1_1_2') * -1.3 + input('b1_1'));
    const [data, grad] = state.session.predictions;
    expect([data.field, grad.field]).toEqual(['data', 'grad']);
    expect(state.view.neuronsCollapsed).toBe(true);
    expectHiddenUntil(seen, data.position, h);
    // loss = (h − y)², h = tanh(z): dloss/dz = 2(h − y)(1 − h²).
    expectHiddenUntil(seen, grad.position, 2 * (h - 0.4) * (1 - h * h));
  });

  it("holds for a trained parameter's grad, which its history would show", () => {
    const { seen, state } = everyScreen(TRAINED);
    const [w] = state.session.predictions;
    expect(w.field).toBe('grad');
    expectHiddenUntil(seen, w.position, W_GRAD);
  });
});

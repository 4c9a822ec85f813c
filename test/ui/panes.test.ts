/** Pane texts at an app state reached through the app reducer, as a person would get there. */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { createSession, reduce, shapeOf } from '../../src/session/index.js';
import type { AppState } from '../../src/ui/app-state.js';
import { headerLine } from '../../src/ui/panes/header.js';
import { inspectorLines } from '../../src/ui/panes/inspector.js';
import { stepPanelLines } from '../../src/ui/panes/step-panel.js';
import { timelineLine } from '../../src/ui/panes/timeline-bar.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';
import { type ScreenModel, scenarioFacts } from '../../src/ui/screen-model.js';
import { initialViewState } from '../../src/ui/view-state.js';
import { appAfter } from './fixtures.js';

const neuron = (...keys: string[]) => appAfter('neuron', keys);

const modelOf = (state: AppState, columns = 120, rows = 40): ScreenModel => ({
  ...state,
  columns,
  rows,
  color: false,
});

const typed = (text: string) => [...text];

describe("expects: the teacher's checks, not the learner's narration", () => {
  it("leave the step panel to the narration and show in the node's inspector", () => {
    const c = neuron('G');
    const panel = stepPanelLines(modelOf(c), 58).join('\n');
    expect(panel).not.toMatch(/expect/);
    // The neuron's walkthrough expects w1.grad = 1 at end, B5 (reference values §4: x1 · 0.5 = 1).
    const w1 = c.session.timeline.graph.idOf('w1') ?? -1;
    const inspector = inspectorLines(modelOf({ ...c, view: { ...c.view, selected: w1 } }), 58);
    expect(inspector).toContain('expect  grad = 1 at B5 ✓');
  });

  it('a failed one is counted in the header and shown, with the value found, in the inspector', () => {
    const text =
      'title: t\ngraph: |\n  a = 3.0\n  b = a * a\nwalkthrough:\n  - at: end\n    expect: {node: a, grad: 5}\n';
    const loaded = loadScenario({ name: 't.yaml', text });
    if (!loaded.ok) throw new Error('not loaded');
    const c = reduceApp(initialApp({ scenario: loaded.scenario }), { type: 'key', key: 'G' }).state;
    const model = modelOf(c);
    expect(headerLine(model, 't.yaml')).toContain('✗ 1 expect failed');
    // d(a·a)/da = 2a = 6, not 5.
    const a = { ...model, view: { ...c.view, selected: 0 } };
    expect(inspectorLines(a, 58)).toContain('expect  grad = 5 at B1 ✗ got 6');
  });
});

describe('breakpoints on an input', () => {
  // x1 has no step; x1w1 = x1 * w1 hands it a grad at x1w1's backward step, B5 in the neuron.
  const onX1 = () => neuron('/', ...typed('x1'), 'enter', 'b');

  it('names the step that ran and why it fired', () => {
    const state = neuron('/', ...typed('x1'), 'enter', 'b', 'c');
    expect(state.session.position).toBe(shapeOf(state.session).total);
    const lines = stepPanelLines(modelOf(state), 58);
    expect(lines[0]).toBe('B5 backward · x1w1');
    expect(lines).toContain('● breakpoint x1 hit at B5: x1.grad changed');
  });

  it('names only the step when the node of the step is the one it is on', () => {
    const state = neuron('/', ...typed('x1w1'), 'enter', 'b', 'c');
    expect(stepPanelLines(modelOf(state), 58)).toContain('● breakpoint x1w1 hit at F1');
  });

  it('is marked on the timeline at the steps where it can fire', () => {
    expect(timelineLine(modelOf(onX1()))).toMatch(
      /^\[start\] F1 F2 F3 F4 F5 │ B0 B1 B2 B3 B4 ●‖B5 *$/,
    );
  });
});

describe('inspector, grad check', () => {
  /** a feeds c = a * 3 (3 is a constant) and out = tanh(c); the model at the end, `node` selected. */
  function atEnd(node: string | ((g: Graph) => number), gradcheck?: 'none') {
    const text = 'title: t\ngraph: |\n  a = 0.5\n  c = a * 3\n  out = tanh(c)\noutput: out\n';
    const loaded = loadScenario({ name: 't.yaml', text });
    if (!loaded.ok) throw new Error(loaded.diagnostics[0].message);
    const { scenario } = loaded;
    const session = reduce(createSession(scenario, { gradcheck }), { type: 'last' });
    const g = scenario.graph;
    const selected = typeof node === 'string' ? (g.idOf(node) ?? -1) : node(g);
    const model = { ...modelOf(neuron()), session, facts: scenarioFacts(session) };
    const lines = inspectorLines({ ...model, view: initialViewState(selected) }, 58);
    return lines.slice(lines.findIndex((line) => line.startsWith('check'))).join('\n');
  }

  it('says why a node has no verdict: the output, a constant, a node outside the sample', () => {
    expect(atEnd('out')).toBe('check   – output: grad 1 by definition');
    const constant = (g: Graph) => g.in1[g.idOf('c') ?? -1];
    expect(atEnd(constant)).toBe('check   – constant: not checked');
    expect(atEnd('a', 'none')).toBe('check   – not in the sample  (budget: 0 of 2 checked)');
  });

  it('gives the verdict of a checked node', () => {
    expect(atEnd('a')).toMatch(/^check {3}✓ pass {2}numeric /);
  });
});

describe('header', () => {
  it('keeps title, file, status in one order when autoplay makes the status longer', () => {
    const title = 'A 2-input tanh neuron, o = tanh(x1·w1 + x2·w2 + b)';
    const file = 'scenarios/neuron.yaml';
    const still = headerLine(modelOf(neuron()), file).trimEnd();
    expect(still).toBe(`gradstep │ ${title} │ ${file} │ ready start │ walkthrough 1/11`);
    const playing = headerLine(modelOf(neuron('space')), file).trimEnd();
    expect(playing).toBe(
      'gradstep │ A 2-input tanh neuron, o = tanh(x1·w1 … │ neuron.yaml │ ready start │ walkthrough 1/11 │ ▶ playing 500ms/step',
    );
    // At 80 columns the file name gives way so the status shows whole.
    expect(headerLine(modelOf(neuron('space'), 80), file).trimEnd()).toMatch(
      /^gradstep │ A 2-input ta… │ ready start │ walkthrough 1\/11 │ ▶ playing 500ms\/step$/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { Controller } from '../../src/ui/controller.js';
import { builtin, close, SEED_GRADS } from './fixtures.js';

function seedController(breakpoints: string[] = []) {
  let quits = 0;
  const controller = new Controller({
    scenario: builtin('seed'),
    breakpoints,
    onQuit: () => quits++,
  });
  const press = (...keys: string[]) => {
    for (const key of keys) controller.press(key);
  };
  const grad = (name: string) => {
    const { graph } = controller.session.timeline;
    return graph.grad[graph.idOf(name) ?? -1];
  };
  return { controller, press, grad, quits: () => quits };
}

describe('Controller', () => {
  it('steps to the end and back and the seed grads match the reference values', () => {
    const { controller, press, grad } = seedController();
    press('G');
    expect(close(grad('x'), SEED_GRADS.x)).toBe(true);
    expect(close(grad('y'), SEED_GRADS.y)).toBe(true);
    press('N', 'N', 'N');
    expect(controller.session.position).toBe(controller.session.timeline.total - 3);
    // B2: before any contribution to x or y.
    expect(grad('x')).toBe(0);
    press('n', 'n', 'n');
    expect(close(grad('x'), SEED_GRADS.x)).toBe(true);
  });

  it('handles every character of fast typing and selects the step node', () => {
    const { controller, press } = seedController();
    for (const key of 'nnnn') press(key);
    expect(controller.session.position).toBe(4);
    const { timeline } = controller.session;
    expect(controller.view.selected).toBe(timeline.nodeOf(4));
  });

  it('goes to a step typed at the : prompt, and keeps the prompt open on a bad one', () => {
    const { controller, press } = seedController();
    press(':', 'B', '3', 'enter');
    expect(controller.view.prompt).toBeUndefined();
    const { timeline } = controller.session;
    expect(controller.session.position).toBe(timeline.zeroPosition + 3);
    press(':', 'Q', 'enter');
    expect(controller.view.prompt?.kind).toBe('goto');
    expect(controller.promptNote).not.toBe('');
    press('esc');
    expect(controller.view.prompt).toBeUndefined();
  });

  it('searches as the user types and cycles matches with ctrl-n / ctrl-p', () => {
    const { controller, press } = seedController();
    const { graph } = controller.session.timeline;
    press('/', 'x', '_');
    expect(controller.view.selected).toBe(graph.idOf('x_2'));
    expect(controller.promptNote).toBe('2 matches');
    press('ctrl-n');
    expect(controller.view.selected).toBe(graph.idOf('x_2_y'));
    press('ctrl-n');
    expect(controller.view.selected).toBe(graph.idOf('x_2'));
    press('ctrl-p');
    expect(controller.view.selected).toBe(graph.idOf('x_2_y'));
    press('enter');
    expect(controller.view.search).toBe('x_');
  });

  it('toggles a breakpoint on the selected node and continue stops at it', () => {
    const { controller, press } = seedController();
    const { timeline } = controller.session;
    const xy = timeline.graph.idOf('xy') ?? -1;
    press('/', 'x', 'y', 'enter', 'b');
    expect(controller.session.breakpoints.map((b) => b.spec)).toEqual(['xy']);
    press('c');
    expect(controller.session.position).toBe(timeline.forwardPosition(xy));
    press('c');
    expect(controller.session.position).toBe(timeline.backwardPosition(xy));
  });

  it('adds a condition from the breakpoint list and removes it again', () => {
    const { controller, press } = seedController();
    press('B', 'a', ...'x: grad > 1', 'enter');
    expect(controller.session.breakpoints.map((b) => b.spec)).toHaveLength(1);
    press('d');
    expect(controller.session.breakpoints).toHaveLength(0);
    press('esc');
    expect(controller.view.overlay).toBe('none');
  });

  it('autoplay stops at a walkthrough pause (B0 in the seed)', () => {
    const { controller, press } = seedController();
    press('space');
    while (controller.view.playing) controller.tick();
    const { timeline } = controller.session;
    expect(controller.session.position).toBe(timeline.zeroPosition);
    expect(controller.view.message).toContain('paused');
  });

  it('autoplay stops at a breakpoint hit before the walkthrough pause', () => {
    const { controller, press } = seedController(['tanh_xy']);
    press('space');
    while (controller.view.playing) controller.tick();
    const { timeline } = controller.session;
    expect(controller.session.position).toBe(
      timeline.forwardPosition(timeline.graph.idOf('tanh_xy') ?? -1),
    );
    expect(controller.view.message).toContain('breakpoint');
  });

  it('scrolls the focused inspector with j / k as far as its last line, and selects again after tab', () => {
    const { controller, press } = seedController();
    const selected = controller.view.selected;
    controller.scrollMax.inspector = 2; // what the screen reports at a small size
    press('tab', 'tab', 'j', 'down', 'j');
    expect(controller.view.focus).toBe('inspector');
    expect(controller.view.scroll.inspector).toBe(2);
    expect(controller.view.selected).toBe(selected);
    press('k');
    expect(controller.view.scroll.inspector).toBe(1);
    // Normal keys still work while the inspector is focused. At start the selection is already
    // on F1's node, so F2 is the first step that moves it.
    press('n', 'n');
    expect(controller.session.position).toBe(2);
    const stepNode = controller.session.timeline.nodeOf(2);
    expect(stepNode).not.toBe(selected);
    expect(controller.view.selected).toBe(stepNode);
    expect(controller.view.scroll.inspector).toBe(0); // another node: back to the top
    press('tab', 'k');
    expect(controller.view.selected).toBe(stepNode - 1);
  });

  it('scrolls the focused step panel with the same keys, back to its top after each step', () => {
    const { controller, press } = seedController();
    controller.scrollMax.steps = 3;
    controller.scrollMax.inspector = 3;
    press('tab', 'j', 'j');
    expect(controller.view.focus).toBe('steps');
    expect(controller.view.scroll).toEqual({ steps: 2, inspector: 0 });
    press('j', 'j', 'k');
    expect(controller.view.scroll.steps).toBe(2); // stops at the last line, then one back
    press('n', 'j');
    expect(controller.view.scroll.steps).toBe(1); // the step's text starts at the top
    press('N');
    expect(controller.view.scroll.steps).toBe(0); // also when stepping back to start
  });

  it('closes the goto prompt on an empty enter, like esc', () => {
    const { controller, press } = seedController();
    press(':', 'enter');
    expect(controller.view.prompt).toBeUndefined();
    expect(controller.promptNote).toBe('');
    expect(controller.session.position).toBe(0);
  });

  it('quits from every mode', () => {
    const { press, quits } = seedController();
    press('q', '?', 'q', '/', 'ctrl-c');
    expect(quits()).toBe(3);
  });

  it('reports a --break spec that does not parse instead of failing', () => {
    const { controller } = seedController(['nosuchnode']);
    expect(controller.view.message).toContain('nosuchnode');
    expect(controller.session.breakpoints).toHaveLength(0);
  });

  it('reports a failed reload with file:line:col, the message and its hint, and keeps the session', async () => {
    const file = 'scenarios/neuron.yaml';
    const text = readFileSync(file, 'utf8').replace('\n  o = tanh(n)\n', '\n  o = tahn(n)\n');
    const controller = new Controller({
      scenario: builtin('neuron'),
      reload: async () => loadScenario({ name: file, text }),
      onQuit: () => {},
    });
    controller.press('n');
    await controller.reload();
    // `o = tanh(n)` is line 20 of the neuron; the function name starts at its 7th column.
    expect(controller.view.message).toBe(
      "reload failed: scenarios/neuron.yaml:20:7: Unknown function 'tahn'. Did you mean 'tanh'?",
    );
    expect(controller.session.position).toBe(1);
  });
});

/**
 * Predict-then-reveal in the app reducer: a step onto a settling step opens the question, Enter
 * with a number answers, a non-number is refused with the prompt kept open, Esc skips; the step
 * panel words the verdict and the header keeps the score. Values are worked out by hand from
 * scenarios/neuron-quiz.yaml: n = 2·(−3) + 0·1 + 6.8813735870195432 = 0.8813735870195432,
 * o = tanh(n) = 1/√2 = 0.70711, n.grad = 1 − o² = 0.5.
 */
import { describe, expect, it } from 'vitest';
import { stepName } from '../../src/session/index.js';
import type { AppInput, AppState, Effect } from '../../src/ui/app-state.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';
import { screenLines } from '../../src/ui/screen.js';
import { builtin } from './fixtures.js';

function quizApp(options: { ask?: boolean; quiz?: 'forward' | 'backward' } = {}) {
  let state = initialApp({ scenario: builtin('neuron-quiz'), ask: true, ...options });
  const effects: Effect[] = [];
  const send = (input: AppInput) => {
    const result = reduceApp(state, input);
    state = result.state;
    effects.push(...result.effects);
  };
  return {
    get state(): AppState {
      return state;
    },
    effects,
    send,
    press: (...keys: string[]) => {
      for (const key of keys) send({ type: 'key', key });
    },
    /** Types text into the prompt, one key a character. */
    type: (text: string) => {
      for (const ch of text) send({ type: 'key', key: ch });
    },
    screen: () => screenLines({ ...state, color: false }, { layouts: state.layouts }).join('\n'),
    step: () => stepName(state.session, state.session.position),
    id: (name: string) => state.session.timeline.graph.idOf(name) ?? -1,
  };
}

describe('predictions in the TUI', () => {
  it('asks before the settling step, refuses a non-number, checks the answer and keeps the score', () => {
    const app = quizApp();
    app.press('n', 'n', 'n');
    expect(app.step()).toBe('F3');
    expect(app.state.view.prompt).toBeUndefined();
    // n runs F4, which computes n: it stops first and asks.
    app.press('n');
    expect(app.step()).toBe('F3');
    expect(app.state.view.prompt).toMatchObject({ kind: 'predict', label: 'Predict n.data: ' });
    expect(app.state.view.selected).toBe(app.id('n'));
    let screen = app.screen();
    expect(screen).toContain('? Predict n.data: its value once F4 has run');
    expect(screen).toContain('hint: n = x1·w1 + x2·w2 + b');
    expect(screen).toContain('Predict n.data: ▏');
    expect(screen).toContain('⏎ answer  esc skip');
    expect(screen).toContain('predictions 0/0 right (7 in all)');
    // A step key is typed, not run, while the question waits.
    app.type('n');
    app.press('enter');
    expect(app.step()).toBe('F3');
    expect(app.state.view.prompt).toMatchObject({
      kind: 'predict',
      note: 'a number, or esc to skip',
    });
    expect(app.screen()).toContain('a number, or esc to skip');
    app.press('backspace');
    app.type('0.88');
    app.press('enter');
    expect(app.step()).toBe('F4');
    expect(app.state.view.prompt).toBeUndefined();
    screen = app.screen();
    expect(screen).toContain('✓ right: you predicted n.data = 0.88; it is 0.88137');
    expect(screen).toContain('n = x1w1x2w2 + b = -6 + 6.88137 = 0.88137');
    expect(screen).toContain('predictions 1/1 right (7 in all)');

    // o = tanh(n) = 0.70711; 0.5 is off by more than 1% of it (±0.0071).
    app.press('n');
    expect(app.state.view.prompt?.label).toBe('Predict o.data: ');
    app.type('0.5');
    app.press('enter');
    expect(app.step()).toBe('F5');
    screen = app.screen();
    expect(screen).toContain('✗ not quite: you predicted o.data = 0.5; it is 0.70711');
    expect(screen).toContain('(right within ±0.0071)');
    expect(screen).toContain('predictions 1/2 right (7 in all)');

    // B0 asks nothing; B1 settles n.grad = 0.5: Esc skips it, and the step runs.
    app.press('n');
    expect(app.step()).toBe('B0');
    expect(app.state.view.prompt).toBeUndefined();
    app.press('n');
    expect(app.state.view.prompt?.label).toBe('Predict n.grad: ');
    app.press('esc');
    expect(app.step()).toBe('B1');
    expect(app.state.view.prompt).toBeUndefined();
    screen = app.screen();
    expect(screen).toContain('skipped: n.grad is 0.5');
    expect(screen).toContain('predictions 1/3 right (7 in all)');
  });

  it('stops a jump and autoplay at the first question, and asks nothing on the way back', () => {
    const app = quizApp();
    app.press('G');
    expect(app.step()).toBe('F3');
    expect(app.state.view.prompt?.kind).toBe('predict');
    app.press('esc');
    expect(app.step()).toBe('F4');
    app.press('N', 'N');
    expect(app.step()).toBe('F2');
    // Answered questions are not asked again.
    app.press('n', 'n');
    expect(app.step()).toBe('F4');
    expect(app.state.view.prompt).toBeUndefined();
    app.press('space');
    expect(app.state.view.playing).toBe(true);
    while (app.effects.some((e) => e.type === 'tick')) {
      app.effects.splice(0);
      app.send({ type: 'tick' });
    }
    expect(app.step()).toBe('F4');
    expect(app.state.view.playing).toBe(false);
    expect(app.state.view.prompt?.label).toBe('Predict o.data: ');
  });

  it('--quiz forward asks for every forward value; without asking nothing stops', () => {
    const quiz = quizApp({ quiz: 'forward' });
    quiz.press('n');
    expect(quiz.state.view.prompt?.label).toBe('Predict x1w1.data: ');
    const plain = quizApp({ ask: false });
    plain.press('G');
    expect(plain.state.view.prompt).toBeUndefined();
    expect(plain.screen()).not.toContain('predictions');
  });

  it('keeps the score whole in an 80-column header: its short form, and the file name gives way', () => {
    const app = quizApp();
    app.send({ type: 'resize', columns: 80, rows: 24 });
    app.press('n', 'n', 'n', 'n');
    const header = app.screen().split('\n')[0];
    expect(header).toMatch(/│ forward F3\/5 │ walkthrough 1\/9 │ predictions 0\/0\s*$/);
  });

  it('keeps the answers across a reload: the step is kept and nothing is asked again', () => {
    const app = quizApp();
    app.press('n', 'n', 'n', 'n');
    app.type('0.88');
    app.press('enter');
    expect(app.step()).toBe('F4');
    app.send({
      type: 'reloaded',
      result: { ok: true, scenario: builtin('neuron-quiz'), diagnostics: [] },
    });
    expect(app.step()).toBe('F4');
    expect(app.state.view.prompt).toBeUndefined();
    expect(app.screen()).toContain('predictions 1/1 right (7 in all)');
  });
});

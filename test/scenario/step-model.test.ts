/** One step model: numbering, names and their parser, shared by scenario files and sessions. */
import { describe, expect, it } from 'vitest';
import { parseStepName, positionOf, StepModel, stepName } from '../../src/scenario/index.js';
import { createSession, resolveRef, shapeOf } from '../../src/session/index.js';
import { load, seed } from '../session/fixtures.js';

/** The seed: x*x, *y, x*y, tanh, + → F1…F5 at 1…5, B0 at 6, B1…B5 at 7…11 (= end). */
const SEED_END = 11;

describe('StepModel', () => {
  it('numbers the seed by hand: start 0, F5 5, B0 6, end 11', () => {
    const s = seed();
    const model = new StepModel(s.graph, s.output);
    expect(positionOf(model, { kind: 'end' })).toBe(SEED_END);
    expect(positionOf(model, { kind: 'backward', index: 0 })).toBe(6);
    expect(stepName(model, 5)).toBe('F5');
    expect(stepName(model, SEED_END)).toBe('B5');
  });

  it('scenario files and sessions number end the same', () => {
    const s = seed([
      { at: { kind: 'end' }, atText: 'end', pause: false, span: { start: 0, end: 0 } },
    ]);
    const session = createSession(s);
    expect(shapeOf(session).total).toBe(SEED_END);
    expect(resolveRef(session, { kind: 'end' })).toBe(SEED_END);
  });

  it.each([
    ['correct', 'correct'],
    ['double-backward', 'double-backward'],
    ['no-topo', 'no-topo'],
  ] as const)('every name reads back as its position (%s)', (_, mode) => {
    const s = seed();
    const model = new StepModel(s.graph, s.output, { mode });
    for (let p = 0; p <= model.total; p++) {
      const name = stepName(model, p);
      expect(parseStepName(model, name), name).toEqual({ position: p });
    }
  });

  it('names and reads back training steps: U1, I2, I3.B2 (2 parameters, 3 iterations)', () => {
    const s = load(
      'title: t\ngraph: |\n  w = 0.5\n  b = 0.1\n  loss = (w * 2 + b) ** 2\ntrain: { params: [w, b], lr: 0.1, steps: 3 }\n',
    );
    const model = new StepModel(s.graph, s.output, {
      params: Int32Array.from(s.training!.params),
      iterations: 3,
    });
    // Forward: w*2, +b, **2 (3); B0…B3; U1, U2: 3 + 1 + 3 + 2 = 9 positions per iteration.
    expect(model.iterationLength).toBe(9);
    expect(stepName(model, 8)).toBe('U1');
    expect(stepName(model, 18)).toBe('I2');
    expect(stepName(model, 18 + 6)).toBe('I3.B2');
    for (let p = 0; p <= model.total; p++) {
      expect(parseStepName(model, stepName(model, p))).toEqual({ position: p });
    }
  });

  it('one message for a step that is not there, in files and in sessions', () => {
    const s = seed();
    const model = new StepModel(s.graph, s.output);
    expect(parseStepName(model, 'B6')).toEqual({
      message: 'There is no step B6.',
      hint: 'Steps go from B0 to B5.',
    });
    expect(parseStepName(model, 'U1')).toMatchObject({ hint: 'This walk has no U steps.' });
    expect(parseStepName(model, 'x')).toBeUndefined();
  });
});

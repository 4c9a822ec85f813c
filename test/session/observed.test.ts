/**
 * The user's own values in a session: marks at the cursor, the `mismatch` breakpoint and the
 * first-mismatch sentences. Correct values are worked out by hand: tanh(0.5) = 0.46211715726,
 * 1 - tanh²(0.5) = 0.78644773296, so with L = n * 3, x.grad = 2.3593431989.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import {
  createSession,
  DIFFERS_DATA,
  DIFFERS_GRAD,
  observedMismatch,
  observedReportOf,
  parseBreakpoint,
  reduce,
  stepName,
} from '../../src/session/index.js';

function scenario(observed: string): Scenario {
  const text = `title: t\ngraph: |\n  x = 0.5\n  n = tanh(x)\n  L = n * 3\nobserved:\n  nodes:\n${observed}`;
  const loaded = loadScenario({ name: 't.yaml', text });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return loaded.scenario;
}

/** The user's tanh backward forgot the square: (1 - n) · 3 on x. */
const WRONG_TANH = scenario(
  '    x: {data: 0.5, grad: 1.6136485282}\n    n: {data: 0.46211715726000974, grad: 3}\n    L: {grad: 1}\n',
);

describe('observed values in a session', () => {
  it('compares every given value within tol and names the first grad that parts', () => {
    const session = createSession(WRONG_TANH);
    const report = observedReportOf(session)!;
    expect(report.compared).toBe(5);
    expect(report.count).toBe(1);
    expect(report.differs[0]).toBe(DIFFERS_GRAD);
    expect(report.correctGrad[0]).toBeCloseTo(2.3593431989, 9);
    expect(report.firstData).toBeUndefined();
    expect(report.firstGrad?.text).toBe(
      'n = tanh(x): your grad on x is 1.6136; (1 - n²) · n.grad = 0.78645 × 3 = 2.3593',
    );
  });

  it('marks a grad only once it is final at the cursor, and data once computed', () => {
    let session = createSession(WRONG_TANH);
    const at = (step: string) => {
      while (stepName(session, session.position) !== step)
        session = reduce(session, { type: 'next' });
      return observedMismatch(session, 0);
    };
    expect(at('start')).toBe(0);
    expect(at('B1')).toBe(0);
    expect(at('B2')).toBe(DIFFERS_GRAD);
    const badData = createSession(scenario('    n: {data: 0.4}\n'));
    expect(observedMismatch(badData, 1)).toBe(0);
    expect(observedMismatch(reduce(badData, { type: 'next' }), 1)).toBe(DIFFERS_DATA);
  });

  it("the 'mismatch' breakpoint: c stops where a value parts from yours", () => {
    // n's grad should be 3; it is final after B1 (L's step), one step before the end.
    const wrongN = scenario('    n: {grad: 2}\n');
    const parsed = parseBreakpoint('mismatch', wrongN);
    if (!('breakpoint' in parsed)) throw new Error('mismatch did not parse');
    let session = createSession(wrongN, { breakpoints: [parsed.breakpoint] });
    session = reduce(session, { type: 'continue' });
    expect(stepName(session, session.position)).toBe('B1');
    expect(session.last?.hit).toEqual({ breakpoint: 0, node: 1 });
    session = reduce(session, { type: 'continue' });
    expect(session.position).toBe(session.timeline.total);
    expect(session.last?.hit).toBeUndefined();
  });
});

/**
 * A wrong backward planted in each op of the test Value (value.py's BUGS): `gradstep check` exits 1
 * and names the node whose grad first parts from gradstep's, in backward order, with the rule
 * expected there. The expected numbers are worked out by hand in each case.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { exportPython } from './run.js';

interface Case {
  readonly bug: string;
  readonly graph: string;
  /** The start of the line `check` prints, after 'first grad: '. */
  readonly first: RegExp;
}

const CASES: readonly Case[] = [
  {
    // L = s * x with s = x + y: x.grad should be s + x = -1 + 2 = 1; '=' in s's backward
    // overwrites L's contribution with s.grad = x = 2.
    bug: '+',
    graph:
      "x = Value(2.0, label='x'); y = Value(-3.0, label='y')\ns = x + y; s.label = 's'\nL = s * x",
    first:
      /^out = (s \* x|x \* s) and s = (x \+ y|y \+ x): your grad on x is 2; s · out\.grad \+ 1 · s\.grad = -1 × 1 \+ 1 × 2 = 1$/,
  },
  {
    // p = x * y: x.grad should be y · p.grad = -3; the bug uses x's own data, 2.
    bug: '*',
    graph:
      "x = Value(2.0, label='x'); y = Value(-3.0, label='y')\np = x * y; p.label = 'p'\nL = p + 4.0",
    first: /^p = (x \* y|y \* x): your grad on x is 2; (y|\(-3\)) · p\.grad = -3 × 1 = -3$/,
  },
  {
    // q = x ** 3 at 1.5, q.grad = 2: 3 · 1.5² · 2 = 13.5; the bug's power k gives 20.25.
    bug: '**',
    graph: "x = Value(1.5, label='x')\nq = x ** 3; q.label = 'q'\nL = q * 2.0",
    first: /^q = x \*\* 3: your grad on x is 20\.25; 3·x\*\*\(3-1\) · q\.grad = 6\.75 × 2 = 13\.5$/,
  },
  {
    // relu of h = -3 passes nothing back; the bug passes r.grad = 1.
    bug: 'ReLU',
    graph:
      "x = Value(-1.5, label='x')\nh = x * 2.0; h.label = 'h'\nr = h.relu(); r.label = 'r'\nL = r + x",
    first: /^r = relu\(h\): your grad on h is 1; \[h > 0\] · r\.grad = 0 × 1 = 0$/,
  },
  {
    // n = tanh(0.5) = 0.46212, n.grad = 3: (1 - n²) · 3 = 2.3593; the bug's (1 - n) · 3 = 1.6136.
    bug: 'tanh',
    graph: "x = Value(0.5, label='x')\nn = x.tanh(); n.label = 'n'\nL = n * 3.0",
    first:
      /^n = tanh\(x\): your grad on x is 1\.6136; \(1 - n²\) · n\.grad = 0\.78645 × 3 = 2\.3593$/,
  },
  {
    // e = exp(0.7) = 2.0138, e.grad = 2: 4.0275; the bug uses x = 0.7: 1.4.
    bug: 'exp',
    graph: "x = Value(0.7, label='x')\ne = x.exp(); e.label = 'e'\nL = e * 2.0",
    first: /^e = exp\(x\): your grad on x is 1\.4; e · e\.grad = 2\.0138 × 2 = 4\.0275$/,
  },
  {
    // s = sigmoid(0.3) = 0.57444: s(1 - s) · 2 = 0.48892; the bug drops (1 - s): 1.1489.
    bug: 'sigmoid',
    graph: "x = Value(0.3, label='x')\ns = x.sigmoid(); s.label = 's'\nL = s * 2.0",
    first:
      /^s = sigmoid\(x\): your grad on x is 1\.1489; s·\(1 - s\) · s\.grad = 0\.24446 × 2 = 0\.48892$/,
  },
  {
    // g = log(2.5): 1/2.5 · 2 = 0.8; the bug multiplies by x: 5.
    bug: 'log',
    graph: "x = Value(2.5, label='x')\ng = x.log(); g.label = 'g'\nL = g * 2.0",
    first: /^g = log\(x\): your grad on x is 5; 1\/x · g\.grad = 0\.4 × 2 = 0\.8$/,
  },
  {
    // d = a - b, d.grad = 3: b.grad should be -3; the bug's sign gives 3.
    bug: '-',
    graph:
      "a = LectureValue(5.0, label='a'); b = LectureValue(2.0, label='b')\nd = a - b; d.label = 'd'\nL = d * 3.0",
    first: /^d = a - b: your grad on b is 3; -1 · d\.grad = -1 × 3 = -3$/,
  },
  {
    // q = a / b, q.grad = 2: b.grad should be -a/b² · 2 = -0.375; the bug's sign gives 0.375.
    bug: '/',
    graph:
      "a = LectureValue(3.0, label='a'); b = LectureValue(4.0, label='b')\nq = a / b; q.label = 'q'\nL = q * 2.0",
    first: /^q = a \/ b: your grad on b is 0\.375; -a\/b² · q\.grad = -0\.1875 × 2 = -0\.375$/,
  },
];

describe('gradstep check on a wrong backward in each op', () => {
  for (const c of CASES) {
    it(`'${c.bug}': exit 1, names the node and the rule expected there`, async () => {
      const { file } = exportPython(`value.BUGS.add(${JSON.stringify(c.bug)})\n${c.graph}`);
      const { code, stdout } = await cli(['check', file]);
      expect(code).toBe(1);
      const line = /first grad: (.*)$/m.exec(stdout)?.[1] ?? stdout;
      expect(line).toMatch(c.first);
      expect(stdout).not.toContain('first data');
      expect(stdout.trimEnd().endsWith('FAILED')).toBe(true);
    });
  }

  it('--json: the first mismatch with both values and every node that differs', async () => {
    const { file } = exportPython(`value.BUGS.add('tanh')\n${CASES[4].graph}`);
    const { code, stdout } = await cli(['check', file, '--json']);
    expect(code).toBe(1);
    const { ok, observed } = JSON.parse(stdout);
    expect(ok).toBe(false);
    const correct = (1 - Math.tanh(0.5) ** 2) * 3;
    expect(observed.firstData).toBeNull();
    expect(observed.firstGrad).toMatchObject({ name: 'x' });
    expect(observed.firstGrad.correct).toBeCloseTo(correct, 14);
    expect(observed.firstGrad.yours).toBeCloseTo((1 - Math.tanh(0.5)) * 3, 14);
    expect(observed.firstGrad.message).toMatch(/^n = tanh\(x\): your grad on x is/);
    expect(observed.differs).toEqual([
      {
        id: expect.any(Number),
        name: 'x',
        field: 'grad',
        yours: observed.firstGrad.yours,
        correct: observed.firstGrad.correct,
      },
    ]);
  });

  it('a forward that disagrees: the first data in forward order, with the computation', async () => {
    const { file } = exportPython(
      "x = Value(0.5, label='x')\nn = x.tanh(); n.label = 'n'\nn.data = 0.4\nL = n * 3.0",
    );
    const { code, stdout } = await cli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^ {4}first data: your data on n is 0\.4; n = tanh\(x\) = tanh\(0\.5\) = 0\.46212$/m,
    );
  });

  it('no backward at all: the output grad 0 is named first', async () => {
    const { file } = exportPython("x = Value(0.5, label='x')\nL = x * 3.0", { backward: false });
    const { code, stdout } = await cli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /first grad: out is the output: your grad on out is 0; backward starts with out\.grad = 1$/m,
    );
  });
});

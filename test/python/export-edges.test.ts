/** gradstep_export.py at its edges: deep graphs, unknown ops, awkward labels, ambiguous order. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO } from '../cli/helpers.js';
import { exportPython } from './run.js';

describe('gradstep_export.py at its edges', () => {
  it('a 5,001-value chain: no recursion limit in the export, and check agrees (exit 0)', async () => {
    const { file, yaml } = exportPython(`
sys.setrecursionlimit(200)
L = Value(0.1, label='x')
for i in range(1000):
    L = (L * 0.999).tanh() + 0.001
`);
    expect(yaml.match(/^ {2}\w+ = /gm)?.length).toBe(1 + 1000 * 5);
    const { code, stdout } = await cli(['check', file]);
    expect(stdout).toMatch(/your values: all agree with gradstep's \(10002 compared/);
    expect(code).toBe(0);
  });

  it('an unknown op becomes an input holding its data, flagged in Python and by check', async () => {
    const { file, yaml, warnings } = exportPython(`
import math
x = Value(0.5, label='x')
h = x * 2.0; h.label = 'h'
sp = Value(math.log1p(math.exp(h.data)), (h,), 'softplus'); sp.label = 'sp'
def back():
    h.grad += sp.grad / (1 + math.exp(-h.data))
sp._backward = back
p = Value(h.data ** x.data, (h, x), '**' + repr(x)); p.label = 'p'
L = sp * 3.0 + p
`);
    expect(warnings).toMatch(
      /^sp: unknown op "softplus" with 1 operand\(s\): exported as an input/m,
    );
    expect(warnings).toMatch(/^p: unknown op "\*\*<value\.Value object at \w+>" with 2 operand/m);
    expect(yaml).toMatch(/^ {2}sp = 1\.31326\d+ {3}# unknown op "softplus" with 1 operand\(s\)$/m);
    expect(yaml).toMatch(/^ {4}sp: \{data: 1\.31326\d+, grad: 3\.0, op: "softplus"\}$/m);
    const { code, stderr, stdout } = await cli(['check', file]);
    expect(stderr).toMatch(
      /:\d+:\d+: warning: 'sp' stands in for the op 'softplus', which gradstep does not know\./,
    );
    expect(stdout).toMatch(/your values: all agree/);
    expect(code).toBe(0);
  });

  it('labels: duplicates get _2, invalid ones v<N> with the label in a comment, YAML words quoted', async () => {
    // TupleValue keeps operand order, so the topological order (and each v<N>) is fixed.
    const { file, yaml } = exportPython(`
a = TupleValue(1.0, label='h'); b = TupleValue(2.0, label='h')
c = a * b; c.label = 'x1*w1'
d = c.tanh(); d.label = 'true'
e = d + TupleValue(3.0, label='v6'); e.label = 'tanh'
L = e * 0.5
`);
    const graph = yaml.slice(yaml.indexOf('graph: |\n') + 9, yaml.indexOf('output:'));
    expect(graph).toBe(
      [
        '  h = 1',
        '  h_2 = 2   # label "h"',
        '  v2 = h * h_2   # label "x1*w1"',
        '  true = tanh(v2)',
        '  v6 = 3',
        '  tanh = true + v6',
        '  v6_2 = 0.5',
        '  out = tanh * v6_2',
        '',
      ].join('\n'),
    );
    expect(yaml).toMatch(/^ {4}"true": \{data: 0\.9640275800758169, grad: 0\.5\}$/m);
    const { code, stdout } = await cli(['check', file]);
    expect(stdout).toMatch(/your values: all agree/);
    expect(code).toBe(0);
  });

  it("warns when a '-' cannot be ordered from the data (both operands equal)", () => {
    const { yaml, warnings } = exportPython(`
a = LectureValue(2.0, label='a'); b = LectureValue(2.0, label='b')
L = a - b
`);
    expect(warnings).toMatch(/^out: operand order unknown: both orders give 0$/m);
    expect(yaml).toMatch(/^ {2}out = [ab] - [ab] {3}# operand order unknown/m);
  });
});

describe('gradstep python-helper', () => {
  it('prints the exporter shipped in the package, byte for byte', async () => {
    const { code, stdout } = await cli('python-helper');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(REPO, 'python/gradstep_export.py'), 'utf8'));
  });

  it('is in the npm package', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: REPO,
        encoding: 'utf8',
      }),
    ) as { files: { path: string }[] }[];
    expect(packed[0].files.map((f) => f.path)).toContain('python/gradstep_export.py');
  });
});

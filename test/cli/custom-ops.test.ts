/** `check` on a scenario whose own op has a wrong derivative: named with both numbers, exit 1. */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const OPS = `title: mymul
ops:
  mymul:
    args: [a, b]
    forward: a * b
    grad: { a: b, b: b }
graph: |
  x = 2.0
  y = 3.0
  p = mymul(x, y)
  out = tanh(p)
`;

describe('check with an op of your own', () => {
  it('names the op, its definition, the argument, the node and both numbers; exit 1', async () => {
    const { code, stdout } = await cli('check ops.yaml', { files: { 'ops.yaml': OPS } });
    expect(code).toBe(1);
    expect(stdout).toContain('written derivatives: 1 of 2 checks FAILED');
    // d(a·b)/db at a = 2, b = 3 is a = 2; the written b gives 3.
    expect(stdout).toMatch(
      /ops\.yaml:3:3: op mymul, d\/db is wrong at p \(line 10\): analytic 3, numeric (1\.9999999\d*|2\.0000000\d*)/,
    );
  });

  it('--json lists every check with its op, argument, node and the definition line', async () => {
    const { stdout } = await cli('check --json ops.yaml', { files: { 'ops.yaml': OPS } });
    const line = JSON.parse(stdout) as {
      derivatives: { op: string; arg: string; status: string; line: number }[];
    };
    expect(line.derivatives.map((d) => [d.op, d.arg, d.status, d.line])).toEqual([
      ['mymul', 'a', 'pass', 3],
      ['mymul', 'b', 'fail', 3],
    ]);
  });
});

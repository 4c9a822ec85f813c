/** `--mode` and `mode:` on check, replay and export; values derived by hand in the comments. */
import { describe, expect, it } from 'vitest';
import { SEED } from './fixtures.js';
import { cli } from './helpers.js';

const DOUBLING = `title: doubling
graph: |
  a = 1.0
  b = a + a
  c = b + b
`;

const files = {
  'seed.yaml': SEED,
  'doubling.yaml': DOUBLING,
  'notopo.yaml': `${DOUBLING}mode: no-topo\n`,
  'paths.yaml': `title: paths\ngraph: |\n  a = 1.0\n${Array.from({ length: 25 }, (_, i) => `  v${i + 1} = ${i === 0 ? 'a' : `v${i}`} * ${i === 0 ? 'a' : `v${i}`}`).join('\n')}\nmode: no-topo\n`,
};

interface JsonLine {
  ok: boolean;
  mode: string;
  mismatches: number[];
  nodes: { name: string | null; grad: number; correctGrad?: number }[];
}

describe('check --mode', () => {
  it('overwrite on the seed: x.grad 6 beside the correct 12.0000737, listed; exit 1', async () => {
    const { code, stdout } = await cli('check --mode overwrite seed.yaml', { files });
    expect(code).toBe(1);
    expect(stdout).toMatch(/input\s+x\s+data 2\s+grad 6\n/);
    expect(stdout).toContain('mode overwrite: 2 grads differ from the correct run');
    expect(stdout).toMatch(/ {4}x at line \d+: grad 6, correct 12\.00007372964221\d\n/);
    // y lost its 2 × 2.4577e-5 from xy when x_2_y's step assigned 4.
    expect(stdout).toMatch(/ {4}y at line \d+: grad 4, correct 4\.00004915309481\n/);
  });

  it("--json gives each node its grad in this mode and the correct run's", async () => {
    const { code, stdout } = await cli('check --json --mode no-topo doubling.yaml', { files });
    expect(code).toBe(1);
    const line = JSON.parse(stdout) as JsonLine;
    expect(line.mode).toBe('no-topo');
    expect(line.mismatches).toEqual([0]);
    const a = line.nodes.find((n) => n.name === 'a')!;
    expect([a.grad, a.correctGrad]).toEqual([8, 4]);
    const b = line.nodes.find((n) => n.name === 'b')!;
    expect([b.grad, b.correctGrad]).toEqual([2, 2]);
  });

  it('the correct mode finds nothing and keeps the JSON without correctGrad', async () => {
    const { code, stdout } = await cli('check --json --mode correct notopo.yaml', { files });
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as JsonLine;
    expect(line.mode).toBe('correct');
    expect(line.nodes.every((n) => n.correctGrad === undefined)).toBe(true);
  });

  it("a scenario's mode: is the default", async () => {
    const { code, stdout } = await cli('check notopo.yaml', { files });
    expect(code).toBe(1);
    expect(stdout).toContain('mode no-topo: 1 grad differs from the correct run');
  });

  it('refuses no-topo on a graph with 2^25 paths, at the mode: line, exit 2', async () => {
    const { code, stderr } = await cli('check paths.yaml', { files });
    expect(code).toBe(2);
    expect(stderr).toMatch(/paths\.yaml:29:7: error: no-topo would run 6\.71e\+7 steps/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an unknown mode is a usage error listing the modes', async () => {
    const { code, stderr } = await cli('check --mode backwards seed.yaml', { files });
    expect(code).toBe(2);
    expect(stderr).toContain(
      "--mode expects one of correct, overwrite, no-topo, double-backward, got 'backwards'",
    );
  });
});

describe('replay and export --mode', () => {
  it("replay names double-backward's second pass and narrates the reseed", async () => {
    const { stdout } = await cli(
      ['replay', '--mode', 'double-backward', '--to', "B'0", 'seed.yaml'],
      {
        files,
      },
    );
    expect(stdout).toContain("B'0");
    expect(stdout).toContain('z.grad = 1 again');
    expect(stdout).toContain('no grad was zeroed');
  });

  it('export draws a differing grad beside the correct one and exits as check', async () => {
    const { code, stdout } = await cli('export --format dot --mode no-topo doubling.yaml', {
      files,
    });
    expect(code).toBe(1);
    expect(stdout).toContain('8 ≠ correct 4');
  });
});

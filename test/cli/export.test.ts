import { describe, expect, it } from 'vitest';
import { FAILED_EXPECT, NON_FINITE, GOLDEN_SEED as seed } from './fixtures.js';
import { cli } from './helpers.js';

describe('gradstep export', () => {
  it('draws dot records label | data | grad with an op node between inputs and result', async () => {
    const { code, stdout } = await cli(['export', seed, '--format', 'dot']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^digraph gradstep \{\n {2}rankdir=LR;\n/);
    expect(stdout).toContain('  n0 [label="{ x | data 2 | grad 12.000 }"];');
    expect(stdout).toContain('  n2_op [label="*", shape=ellipse];');
    // x * x: two edges from x into the op
    expect(stdout.match(/ {2}n0 -> n2_op;/g)).toHaveLength(2);
    expect(stdout).toContain('  n2_op -> n2;');
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('--at shows unknown values as ? before they are computed', async () => {
    const { stdout } = await cli(['export', seed, '--at', 'F1', '--format', 'mermaid']);
    expect(stdout).toMatch(/^flowchart LR\n/);
    expect(stdout).toContain('  n2["x_2<br/>data 4<br/>grad ?"]');
    expect(stdout).toContain('  n3["x_2_y<br/>data ?<br/>grad ?"]');
  });

  it('json is the compiled graph in the check --json node shape, null for unknowns', async () => {
    const { stdout } = await cli(['export', seed, '--format', 'json', '--at', 'start']);
    const graph = JSON.parse(stdout);
    expect(Object.keys(graph)).toEqual(['file', 'title', 'output', 'nodes']);
    expect(graph.output).toEqual({ id: 6, name: 'z', data: null, grad: null });
    expect(graph.nodes[2]).toEqual({
      id: 2,
      name: 'x_2',
      label: 'x_2',
      op: 'mul',
      exponent: null,
      inputs: [0, 0],
      data: null,
      grad: null,
      line: 6,
    });
  });

  it('exits as check does: 0 and nothing on stderr for a scenario that passes', async () => {
    const { code, stderr } = await cli(['export', seed]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each([
    ['nan.yaml', NON_FINITE, 'a non-finite value (first y.data = NaN)'],
    ['wrong.yaml', FAILED_EXPECT, '1 walkthrough expect failed'],
  ])('prints the export of %s and exits 1 with why its check fails', async (file, text, why) => {
    const { code, stdout, stderr } = await cli(['export', file], { files: { [file]: text } });
    expect(stdout).toMatch(/^digraph gradstep \{\n[\s\S]*\}\n$/);
    expect(stderr).toBe(`${file}: check failed: ${why} (details: gradstep check ${file})\n`);
    expect(code).toBe(1);
  });

  it('takes --gradcheck as check does; without the grad check the other checks still count', async () => {
    const files = { 'nan.yaml': NON_FINITE };
    expect((await cli(['export', 'nan.yaml', '--gradcheck', 'none'], { files })).code).toBe(1);
    expect((await cli(['export', seed, '--gradcheck', 'none'])).code).toBe(0);
  });

  it('rejects a step that does not exist, exit 2', async () => {
    const { code, stderr } = await cli(['export', seed, '--at', 'B42']);
    expect(stderr).toMatch(/^gradstep: error: --at B42: There is no step B42/);
    expect(code).toBe(2);
  });

  describe('ops that keep their meaning', () => {
    // c ** 3 and a negation next to a subtraction: the drawings must tell them apart.
    const files = {
      'ops.yaml':
        'title: ops\ngraph: |\n  c = 2.0\n  p = c ** 3\n  q = -p\n  r = q - c\noutput: r\n',
    };

    it('draws `**3` and `neg` in dot and mermaid, and `-` only for subtraction', async () => {
      const dot = (await cli(['export', 'ops.yaml', '--format', 'dot'], { files })).stdout;
      expect(dot).toContain('  n1_op [label="**3", shape=ellipse];');
      expect(dot).toContain('  n2_op [label="neg", shape=ellipse];');
      expect(dot).toContain('  n3_op [label="-", shape=ellipse];');
      const mermaid = (await cli(['export', 'ops.yaml', '--format', 'mermaid'], { files })).stdout;
      expect(mermaid).toContain('  n1_op(("**3"))');
      expect(mermaid).toContain('  n2_op(("neg"))');
      expect(mermaid).toContain('  n3_op(("-"))');
    });

    it('carries the exponent in json, the same in check --json and export', async () => {
      const exported = JSON.parse(
        (await cli(['export', 'ops.yaml', '--format', 'json'], { files })).stdout,
      );
      const checked = JSON.parse((await cli(['check', '--json', 'ops.yaml'], { files })).stdout);
      for (const json of [exported, checked]) {
        expect(json.nodes[1]).toMatchObject({ op: 'pow', exponent: 3, inputs: [0] });
        expect(json.nodes[2]).toMatchObject({ op: 'neg', exponent: null });
        // r = -(2³) - 2 = -10; dr/dr = 1
        expect(json.output).toEqual({ id: 3, name: 'r', data: -10, grad: 1 });
      }
      expect(exported.file).toBe('ops.yaml');
    });
  });
});

describe('export --format mermaid past what Mermaid draws by default', () => {
  it('says on stderr how many edges there are and how to raise maxEdges; the drawing is written', async () => {
    const { code, stdout, stderr } = await cli('export mlp-2-4-4-1 --format mermaid');
    expect(code).toBe(0);
    const edges = stdout.split('\n').filter((line) => line.includes('-->')).length;
    expect(edges).toBeGreaterThan(500);
    expect(stderr).toContain(`this drawing has ${edges} edges; Mermaid draws at most 500`);
    expect(stderr).toContain(`mermaid.initialize({ maxEdges: ${edges} })`);
  });

  it('says nothing for a graph within the limits', async () => {
    const { code, stderr } = await cli('export seed --format mermaid');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

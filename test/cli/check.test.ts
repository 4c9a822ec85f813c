import { describe, expect, it } from 'vitest';
import {
  ALL_KINKS,
  EXPECTS_ALONG_THE_WAY,
  EXPECTS_TOO_EARLY,
  FAILED_EXPECT,
  NON_FINITE,
  SEED,
  SEED_REFERENCE,
  UNKNOWN_FUNCTION,
} from './fixtures.js';
import { cli, near } from './helpers.js';

const files = {
  'seed.yaml': SEED,
  'nan.yaml': NON_FINITE,
  'wrong.yaml': FAILED_EXPECT,
  'along.yaml': EXPECTS_ALONG_THE_WAY,
  'early.yaml': EXPECTS_TOO_EARLY,
  'typo.yaml': UNKNOWN_FUNCTION,
  'kinks.yaml': ALL_KINKS,
  'binary.yaml': new Uint8Array([0x74, 0x69, 0x00, 0xff]),
  'adir/': '',
};

describe('gradstep check (human summary)', () => {
  it('prints the output, each input with its grad, and the grad-check verdict; exit 0', async () => {
    const { code, stdout, stderr } = await cli('check seed.yaml', { files });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^seed\.yaml: z = x·x·y \+ tanh\(x·y\)\n/);
    expect(stdout).toMatch(/output\s+z\s+data 12\.999987711650796\s+grad 1\n/);
    // x.grad is 12.0000737296422159981…; summing 3·sech²(6) + 6 + 6 in doubles may round to …217.
    expect(stdout).toMatch(/input\s+x\s+data 2\s+grad 12\.00007372964221[67]\n/);
    expect(stdout).toMatch(/input\s+y\s+data 3\s+grad 4\.00004915309481\n/);
    expect(stdout).toMatch(/grad check passed: checked 6 of 6 nodes, max relative error /);
    expect(stdout).toMatch(
      /expect at end \(B5\): x\.grad = 12\.00007372964221[67], expected 12\.000073729642216: ok/,
    );
    expect(stdout.trimEnd().endsWith('ok')).toBe(true);
  });

  it('calls a grad check where every examined node was skipped inconclusive, not passed', async () => {
    const { code, stdout } = await cli('check kinks.yaml', { files });
    expect(stdout).toContain(
      '  grad check inconclusive: all 3 examined nodes skipped\n' +
        '    skipped x at line 3: crosses a kink\n' +
        '    skipped y at line 4: crosses a kink\n' +
        '    skipped a at line 5: crosses a kink\n',
    );
    expect(stdout).not.toMatch(/passed|checked \d|max relative error/);
    expect(code).toBe(0); // nothing failed
  });

  it('says why each skipped node was skipped', async () => {
    // At x = 3, d z/d xy = 1 - tanh(9)² ≈ 6e-8: too small for a central difference to resolve.
    const seed = await cli('check seed.yaml --set x=3', { files });
    expect(seed.stdout).toMatch(/grad check passed: checked 5 of 6 nodes, 1 skipped, max relative/);
    expect(seed.stdout).toContain(
      '    skipped xy at line 7: the finite difference cannot resolve this grad\n',
    );
    const nan = await cli('check nan.yaml', { files });
    expect(nan.stdout).toContain('    skipped x at line 3: non-finite value\n');
    expect(nan.stdout).not.toContain('kink');
  });

  it('says what there is to grad-check when the output is an input, or depends on none', async () => {
    const files = {
      'input.yaml': 'title: t\ngraph: |\n  x = 2\n  y = x * 3\noutput: x\n',
      'constant.yaml': 'title: t\ngraph: |\n  c = 2 * 3\n',
    };
    const input = await cli('check input.yaml', { files });
    expect(input.stdout).toContain(
      '  grad check: nothing to check (the output is the input x itself: its grad is 1)\n',
    );
    const constant = await cli('check constant.yaml', { files });
    expect(constant.stdout).toContain(
      '  grad check: nothing to check (the output depends on no input)\n',
    );
  });

  it('rounds shown numbers to --precision significant digits', async () => {
    const { stdout } = await cli('check seed.yaml --precision 3', { files });
    expect(stdout).toMatch(/input\s+x\s+data 2\s+grad 12\.0\n/);
  });

  it('colors only on a terminal, and never with --no-color or NO_COLOR', async () => {
    const esc = '\u001b[';
    expect((await cli('check seed.yaml', { files, tty: true })).stdout).toContain(esc);
    expect((await cli('check seed.yaml --no-color', { files, tty: true })).stdout).not.toContain(
      esc,
    );
    const noColor = await cli('check seed.yaml', { files, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(esc);
    expect((await cli('check seed.yaml', { files })).stdout).not.toContain(esc);
  });

  it('reports the first non-finite node and exits 1', async () => {
    const { code, stdout } = await cli('check nan.yaml', { files });
    expect(code).toBe(1);
    expect(stdout).toMatch(/non-finite: first at y at line 4: data = NaN/);
    expect(stdout.trimEnd().endsWith('FAILED')).toBe(true);
  });

  it('checks a wrong expect at end: exit 1 with the step and both values', async () => {
    const { code, stdout } = await cli('check wrong.yaml', { files });
    expect(code).toBe(1);
    expect(stdout).toMatch(/expect at end \(B1\): a\.grad = 6, expected 5: FAILED/);
  });

  it('checks every expect at its own step, start included, not against the final values', async () => {
    const { code, stdout } = await cli('check along.yaml', { files });
    expect(stdout).toContain(
      '  expect at start: a.data = 3, expected 3: ok\n' +
        '  expect at B1: a.grad = 1, expected 1: ok\n' +
        '  expect at end (B2): a.grad = 7, expected 7: ok\n',
    );
    expect(code).toBe(0);
  });

  it('fails an expect that holds only at a later step, exit 1', async () => {
    const { code, stdout } = await cli('check early.yaml', { files });
    expect(stdout).toContain(
      '  expect at F2: c.data = 12, expected 12: ok\n' +
        '  expect at backward:c (B1): a.grad = 1, expected 7: FAILED\n',
    );
    expect(stdout.trimEnd().endsWith('FAILED')).toBe(true);
    expect(code).toBe(1);
  });

  it('applies --set NAME=VALUE before running (z = x²y + tanh(xy) at x = 3)', async () => {
    const { code, stdout } = await cli('check seed.yaml --set x=3 --gradcheck none', { files });
    const x = 3;
    const y = 3;
    const dzdx = 2 * x * y + y * (1 - Math.tanh(x * y) ** 2);
    const shown = Number(/input\s+x\s+data 3\s+grad (\S+)/.exec(stdout)?.[1]);
    expect(near(shown, dzdx)).toBe(true);
    expect(stdout).toMatch(/grad check: not run \(0 of 6 nodes checked\)/);
    expect(code).toBe(1); // the seed's expect on x.grad no longer holds
  });

  it.each([
    ['missing.yaml', 'missing.yaml: error: no such file'],
    ['adir', 'adir: error: is a directory, not a scenario file'],
    ['binary.yaml', 'binary.yaml: error: is not a text file'],
  ])('rejects %s with a diagnostic-style error, exit 2', async (file, message) => {
    const { code, stdout, stderr } = await cli(`check ${file}`, { files });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('prints scenario diagnostics with file, line and column, exit 2', async () => {
    const { code, stderr } = await cli('check typo.yaml', { files });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^typo\.yaml:4:7: error: /);
    expect(stderr).toContain("'tanh'");
  });

  it('exits with the worst code of several files', async () => {
    expect((await cli('check seed.yaml seed.yaml', { files })).code).toBe(0);
    expect((await cli('check seed.yaml nan.yaml', { files })).code).toBe(1);
    expect((await cli('check missing.yaml nan.yaml seed.yaml', { files })).code).toBe(2);
  });
});

describe('gradstep check --json', () => {
  const parse = (stdout: string) =>
    stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));

  it('prints one object per file in the documented shape', async () => {
    const { code, stdout } = await cli('check --json seed.yaml missing.yaml', { files });
    expect(code).toBe(2);
    const [seed, missing] = parse(stdout);
    expect(Object.keys(seed)).toEqual([
      'file',
      'ok',
      'mode',
      'mismatches',
      'derivatives',
      'output',
      'nodes',
      'gradcheck',
      'observed',
      'diagnostics',
    ]);
    expect(seed.observed).toBeNull();
    expect(seed.file).toBe('seed.yaml');
    expect(seed.ok).toBe(true);
    expect(Object.keys(seed.output)).toEqual(['id', 'name', 'data', 'grad']);
    expect(seed.output.name).toBe('z');
    expect(Object.keys(seed.nodes[0])).toEqual([
      'id',
      'name',
      'label',
      'op',
      'exponent',
      'inputs',
      'data',
      'grad',
      'line',
    ]);
    expect(Object.keys(seed.gradcheck)).toEqual([
      'checked',
      'total',
      'maxRelError',
      'failed',
      'skipped',
    ]);
    expect(seed.gradcheck).toMatchObject({ checked: 6, total: 6, failed: [], skipped: [] });
    expect(seed.diagnostics).toEqual([]);
    expect(missing).toEqual({
      file: 'missing.yaml',
      ok: false,
      mode: null,
      mismatches: [],
      derivatives: [],
      output: null,
      nodes: [],
      gradcheck: null,
      observed: null,
      diagnostics: [
        {
          file: 'missing.yaml',
          line: null,
          col: null,
          endLine: null,
          endCol: null,
          severity: 'error',
          message: 'no such file',
          hint: null,
        },
      ],
    });
  });

  it('gives every node of the seed the reference data and grad', async () => {
    const [seed] = parse((await cli('check --json seed.yaml', { files })).stdout);
    for (const [name, data, grad] of SEED_REFERENCE) {
      const node = seed.nodes.find((n: { name: string }) => n.name === name);
      expect(near(node.data, data), `${name}.data`).toBe(true);
      expect(near(node.grad, grad), `${name}.grad`).toBe(true);
    }
    const xy = seed.nodes.find((n: { name: string }) => n.name === 'xy');
    const ids = (...names: string[]) =>
      names.map((name) => seed.nodes.find((n: { name: string }) => n.name === name).id);
    expect(xy).toMatchObject({ op: 'mul', label: 'xy', line: 7, inputs: ids('x', 'y') });
    const x2 = seed.nodes.find((n: { name: string }) => n.name === 'x_2');
    expect(x2.inputs).toEqual(ids('x', 'x'));
  });

  it('counts only compared nodes as checked: none, and maxRelError null, when all were skipped', async () => {
    const [result] = parse((await cli('check --json kinks.yaml', { files })).stdout);
    expect(result.gradcheck).toEqual({
      checked: 0,
      total: 3,
      maxRelError: null,
      failed: [],
      skipped: [0, 1, 2],
    });
  });

  it('writes non-finite numbers as strings and null for unknowns', async () => {
    const { code, stdout } = await cli('check --json nan.yaml', { files });
    expect(code).toBe(1);
    const [result] = parse(stdout);
    expect(result.ok).toBe(false);
    const y = result.nodes.find((n: { name: string }) => n.name === 'y');
    expect(y.data).toBe('NaN');
    expect(result.output.data).toBe('NaN');
  });

  it('carries scenario diagnostics with positions', async () => {
    const [result] = parse((await cli('check --json typo.yaml', { files })).stdout);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      file: 'typo.yaml',
      line: 4,
      col: 7,
      severity: 'error',
    });
  });
});

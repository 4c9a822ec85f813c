/**
 * Behaviour at scale, not speed: long chain scenarios go through the real command code (`check`,
 * `replay --to end`) in-process, read from generated files. No timing assertions.
 *
 * `check` runs at 1e6 nodes (about 10 s here). `replay --to end` at 1e6 nodes prints 2e6 step
 * blocks, 189 MB of text, and took 63 s on this machine (2 cores, loaded), so it runs at 5e5
 * nodes: the same code paths, half the output.
 */
import { describe, expect, it } from 'vitest';
import { chainScenarioText } from '../../scripts/chain-scenario.js';
import { cli } from '../cli/helpers.js';

/**
 * v1 = x + x, v_k = v_(k-1) + x at x = 0.5: v_k = (k + 1) / 2, and x receives two contributions
 * at B_n and one at every other backward step, n + 1 in all. Expectations in the middle and at
 * the end make `check` verify values along the run, not only the last ones.
 */
function chainFile(n: number) {
  const half = n / 2;
  const text = `${chainScenarioText(n)}walkthrough:
  - at: F${half}
    expect: { node: v${half}, data: ${(half + 1) / 2} }
  - at: B${half}
    expect: { node: x, grad: ${half} }
  - at: end
    expect: { node: x, grad: ${n + 1} }
`;
  return { files: { 'chain.yaml': text } };
}

describe('long chains through the CLI', () => {
  it('check passes a 1e6-node chain with its closed-form values', {
    timeout: 120_000,
  }, async () => {
    const n = 1_000_000;
    const { code, stdout, stderr } = await cli(['check', 'chain.yaml'], chainFile(n));
    expect(stderr).toBe('');
    // 0: the walkthrough's expectations held too (a failed one makes check exit 1).
    expect(code).toBe(0);
    // The table may print big numbers in exponent form (1.000001e6): compare them as numbers.
    const output = /output\s+(\S+)\s+data (\S+)\s+grad (\S+)\n/.exec(stdout);
    expect(output?.slice(1).map((v, i) => (i === 0 ? v : Number(v)))).toEqual([
      `v${n}`,
      (n + 1) / 2,
      1,
    ]);
    const input = /input\s+x\s+data (\S+)\s+grad (\S+)\n/.exec(stdout);
    expect(input?.slice(1).map(Number)).toEqual([0.5, n + 1]);
  });

  it('replay --to end runs every step of a 5e5-node chain in order', {
    timeout: 120_000,
  }, async () => {
    const n = 500_000;
    const { code, stdout, stderr } = await cli(
      ['replay', 'chain.yaml', '--to', 'end', '--precision', '17'],
      chainFile(n),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Step headings are lines of their own: F1..Fn, then B0..Bn.
    const headings = stdout.match(/^[FB]\d+$/gm) ?? [];
    expect(headings.length).toBe(2 * n + 1);
    expect(headings[0]).toBe('F1');
    expect(headings[n - 1]).toBe(`F${n}`);
    expect(headings[n]).toBe('B0');
    expect(headings.at(-1)).toBe(`B${n}`);
    // B_n runs v1 = x + x: x receives both contributions, n - 1 -> n -> n + 1.
    const last = stdout.slice(stdout.lastIndexOf(`\nB${n}\n`));
    expect(last).toContain(`(${n - 1} → ${n})`);
    expect(last).toContain(`(${n} → ${n + 1})`);
  });
});

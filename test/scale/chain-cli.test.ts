/**
 * Behaviour at scale, not speed: long chain scenarios go through the real command code (`check`,
 * `replay --to end`) in-process, read from generated files. No timing assertions.
 *
 * `check` runs at 1e6 nodes (a few seconds); `replay --to end` at 2e5 nodes prints 4e5 step blocks
 * (about 40 MB of text), read as it streams. Larger runs (replay of 1e6 and 1e7 nodes) are timed in
 * `npm run bench` (suite S), which keeps `npm test` within minutes.
 */
import { describe, expect, it } from 'vitest';
import { chainScenarioText } from '../../scripts/chain-scenario.js';
import { run } from '../../src/cli/index.js';
import { cli, context, fakeIo } from '../cli/helpers.js';

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

  it('replay --to end runs every step of a 2e5-node chain in order', {
    timeout: 600_000,
  }, async () => {
    const n = 200_000;
    // 4e5 step blocks are ~40 MB of text: read them as they are printed and keep only the
    // headings' count and order and the last block, not the whole transcript.
    const io = fakeIo(chainFile(n));
    const headings = { count: 0, first: '', atN: '', atNext: '', last: '' };
    let partial = '';
    let lastBlock = '';
    io.stdout = (text) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/^[FB]\d+$/.test(line)) {
          headings.count++;
          if (headings.count === 1) headings.first = line;
          if (headings.count === n) headings.atN = line;
          if (headings.count === n + 1) headings.atNext = line;
          headings.last = line;
          lastBlock = '';
        }
        lastBlock += `${line}\n`;
      }
    };
    const code = await run(
      ['replay', 'chain.yaml', '--to', 'end', '--precision', '17'],
      context(io),
    );
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    // Step headings are lines of their own: F1..Fn, then B0..Bn.
    expect(headings).toEqual({
      count: 2 * n + 1,
      first: 'F1',
      atN: `F${n}`,
      atNext: 'B0',
      last: `B${n}`,
    });
    // B_n runs v1 = x + x: x receives both contributions, n - 1 -> n -> n + 1 (large values may
    // print in exponent form: compare them as numbers).
    const changes = [...lastBlock.matchAll(/\((\S+) → (\S+)\)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(changes).toEqual([
      [n - 1, n],
      [n, n + 1],
    ]);
  });
});

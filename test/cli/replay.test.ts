import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN, GOLDEN_SEED, NEURON_REFERENCE, SEED_REFERENCE } from './fixtures.js';
import { cli, expectGolden, near, REPO } from './helpers.js';

/** The built-in seed: its walkthrough has an expect at F5, B1, B2, B3, B4 and two at the end. */
const GOLDEN_SEED_EXPECTS = 'scenarios/seed.yaml';

const FORMATS = { text: 'txt', markdown: 'md', json: 'jsonl' } as const;

describe('gradstep replay: golden transcripts', () => {
  for (const scenario of ['seed', 'neuron']) {
    for (const [format, ext] of Object.entries(FORMATS)) {
      it(`${scenario} as ${format}`, async () => {
        const line = `replay ${GOLDEN}/${scenario}.yaml --format ${format}`;
        const first = await cli(line);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expectGolden(first.stdout, `${scenario}.${ext}`);
        expect((await cli(line)).stdout).toBe(first.stdout); // deterministic
      });
    }
  }
});

const REFERENCE = { seed: SEED_REFERENCE, neuron: NEURON_REFERENCE };

describe('the JSON goldens end with the reference values', () => {
  for (const [scenario, reference] of Object.entries(REFERENCE)) {
    it(scenario, () => {
      const lines = readFileSync(`${REPO}${GOLDEN}/${scenario}.jsonl`, 'utf8')
        .trimEnd()
        .split('\n');
      const final = JSON.parse(lines.at(-1) ?? '');
      expect(final.type).toBe('final');
      for (const [name, data, grad] of reference) {
        const node = final.nodes.find((n: { name: string }) => n.name === name);
        expect(near(node.data, data), `${name}.data ${node.data}`).toBe(true);
        expect(near(node.grad, grad), `${name}.grad ${node.grad}`).toBe(true);
      }
    });
  }
});

describe('gradstep replay options', () => {
  const seed = GOLDEN_SEED;
  const headings = (stdout: string) =>
    stdout.split('\n').filter((l) => /^(start|end|[FB]\d+)( → |$)/.test(l));

  it('--keys prints one block per key that moved the cursor, jumps headed FROM → TO', async () => {
    const { code, stdout } = await cli(['replay', seed, '--keys', 'n n N j ? esc G :B3 n']);
    expect(code).toBe(0);
    expect(headings(stdout)).toEqual(['F1', 'F2', 'F2 → F1', 'F1 → B5', 'B5 → B3', 'B4']);
  });

  // Until issue 8 the transcript ignored modes: `? G :B3 n` stepped to B4 behind the help overlay,
  // where the TUI (and --frames) stays put. Keys now mean what they mean in the TUI.
  it('--keys in the help overlay turn pages and step nowhere, as in the TUI', async () => {
    const { code, stdout } = await cli(['replay', seed, '--keys', 'n n N j ? G :B3 n']);
    expect(code).toBe(0);
    expect(headings(stdout)).toEqual(['F1', 'F2', 'F2 → F1']);
  });

  // Issue 14: going back B5 → B3 listed B4's `expect y.grad = 4.00004915309481: ok` although
  // y.grad at B3 is 4.9153e-5 (3 × 2.45765e-5 · … by hand: x · xy.grad = 2 × 2.4577e-5).
  it('--keys: a block lists the expects of its own step, the same on every path', async () => {
    const blockAt = async (keys: string) => {
      const { stdout } = await cli(['replay', GOLDEN_SEED_EXPECTS, '--keys', keys]);
      const blocks = stdout.split('\n\n');
      return (
        blocks
          .at(-1)
          ?.split('\n')
          .filter((l) => l.includes('expect')) ?? []
      );
    };
    const back = await blockAt('G :B3');
    expect(back).toEqual(['  expect x.grad = 7.372964221585843e-5: ok']);
    expect(await blockAt(':B3')).toEqual(back);
    expect(await blockAt('n n n n n n n n n')).toEqual(back);
  });

  it('--keys stops at q', async () => {
    const { stdout } = await cli(['replay', seed, '--keys', 'n q n']);
    expect(headings(stdout)).toEqual(['F1']);
  });

  it('--to runs single steps from start', async () => {
    const { stdout } = await cli(['replay', seed, '--to', 'F3']);
    expect(headings(stdout)).toEqual(['start', 'F1', 'F2', 'F3']);
  });

  it('an unknown key token exits 2 naming the token and its position, before any output', async () => {
    const { code, stdout, stderr } = await cli(['replay', seed, '--keys', 'n n zz n']);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^gradstep: error: unknown key 'zz' at position 3 of --keys\n/);
    expect(code).toBe(2);
  });

  it('a goto to a step that does not exist exits 2', async () => {
    const { code, stdout, stderr } = await cli(['replay', seed, '--keys', 'n :B9']);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/There is no step B9/);
    expect(code).toBe(2);
  });

  it('--keys and --to together are a usage error', async () => {
    const { code, stderr } = await cli(['replay', seed, '--keys', 'n', '--to', 'F2']);
    expect(stderr).toBe('gradstep: error: --keys and --to cannot be combined\n');
    expect(code).toBe(2);
  });

  it('a failed expect is reported with its step and both values; exit 1', async () => {
    const { code, stdout, stderr } = await cli(['replay', seed, '--set', 'x=1']);
    expect(stdout).toMatch(/expect x\.grad = 12\.000073729642216: FAILED, found /);
    expect(stderr).toMatch(
      /^test\/cli\/golden\/seed\.yaml: B5: expect x\.grad = 12\.000073729642216: FAILED, found \S+\n$/,
    );
    expect(code).toBe(1);
  });

  it('continue stops at a --break breakpoint', async () => {
    const { code, stdout } = await cli(['replay', seed, '--break', 'backward:xy', '--keys', 'c']);
    expect(code).toBe(0);
    expect(headings(stdout)).toEqual(['start → B3']);
  });

  it('a bad --break spec is a diagnostic, exit 2', async () => {
    const { code, stderr } = await cli(['replay', seed, '--break', 'nosuch']);
    expect(stderr).toMatch(/nosuch/);
    expect(code).toBe(2);
  });

  it('a bad scenario file is reported as check reports it, exit 2', async () => {
    const { code, stderr } = await cli('replay missing.yaml');
    expect(stderr).toBe('missing.yaml: error: no such file\n');
    expect(code).toBe(2);
  });
});

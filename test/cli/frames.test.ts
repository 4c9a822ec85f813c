import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { GOLDEN_SEED as seed } from './fixtures.js';
import { cli, expectGolden } from './helpers.js';

/** The frames of `replay --frames` output: the title of each rule, and the lines under it. */
function frames(stdout: string): { title: string; rule: string; lines: string[] }[] {
  const parts = stdout.split(/^(── .* ─+)\n/m).slice(1);
  const out = [];
  for (let i = 0; i < parts.length; i += 2) {
    const rule = parts[i];
    const title = /^── (.*) ─+$/.exec(rule)?.[1] ?? '';
    out.push({ title, rule, lines: parts[i + 1].replace(/\n$/, '').split('\n') });
  }
  return out;
}

describe('gradstep replay --frames', () => {
  it('prints the seed screen after every step at 80×24 (golden, read line by line)', async () => {
    const line = ['replay', seed, '--frames', '--columns', '80', '--rows', '24'];
    const first = await cli(line);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expectGolden(first.stdout, 'seed.frames.txt');
    expect((await cli(line)).stdout).toBe(first.stdout); // deterministic
  });

  it('names each frame by its step, one per step from start to the end', async () => {
    const { stdout } = await cli(['replay', seed, '--frames', '--columns', '80', '--rows', '24']);
    expect(frames(stdout).map((f) => f.title)).toEqual(
      'start F1 F2 F3 F4 F5 B0 B1 B2 B3 B4 B5'.split(' '),
    );
  });

  it('is plain text even on a color terminal: no escape codes, rows-1 lines of at most N columns', async () => {
    const { stdout } = await cli(['replay', seed, '--frames', '--to', 'B3'], { tty: true });
    for (const code of ['\u001b', '\u009b']) expect(stdout).not.toContain(code);
    const shown = frames(stdout);
    expect(shown.map((f) => f.title)).toEqual('start F1 F2 F3 F4 F5 B0 B1 B2 B3'.split(' '));
    for (const { rule, lines } of shown) {
      expect(stringWidth(rule)).toBe(120); // the default size is 120×40, the TUI's design size
      expect(lines).toHaveLength(39);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(120);
    }
  });

  it('with --keys, one frame per key up to q, named by the key and the step it shows', async () => {
    const keys = 'n ? n esc N :B3 q n'; // n in help turns a page: still F1
    const { code, stdout } = await cli(['replay', seed, '--frames', '--keys', keys]);
    expect(code).toBe(0);
    const shown = frames(stdout);
    expect(shown.map((f) => f.title)).toEqual([
      'start',
      'key 1: n → F1',
      'key 2: ? → F1',
      'key 3: n → F1',
      'key 4: esc → F1',
      'key 5: N → start',
      'key 6: :B3 → B3',
    ]);
    expect(shown[6].lines[0]).toMatch(/backward B3\/5/);
  });

  it("asks a walkthrough's questions on frames of their own, the value hidden until its step", async () => {
    // scenarios/neuron-quiz.yaml: n = 2·(−3) + 0·1 + 6.8813735870195432, asked before F4; its
    // questions settle n.data at F4, o.data at F5, n.grad at B1, b.grad at B2, w2.grad at B4,
    // x1.grad and w1.grad at B5.
    const n = 2 * -3 + 0 * 1 + 6.8813735870195432;
    const { code, stdout } = await cli([
      'replay',
      'neuron-quiz',
      '--frames',
      '--answers',
      'n.data=0.88',
    ]);
    expect(code).toBe(0);
    const shown = frames(stdout);
    expect(shown.map((f) => f.title)).toEqual([
      ...'start F1 F2 F3'.split(' '),
      'F3 · predict n.data',
      'F4',
      'F4 · predict o.data',
      'F5',
      'B0',
      'B0 · predict n.grad',
      'B1',
      'B1 · predict b.grad',
      'B2',
      'B3',
      'B3 · predict w2.grad',
      'B4',
      'B4 · predict x1.grad',
      'B4 · predict w1.grad',
      'B5',
    ]);
    const asking = shown[4].lines.join('\n');
    expect(asking).toContain('Predict n.data: its value once F4 has run');
    expect(asking).not.toContain(n.toPrecision(5));
    expect(shown[5].lines.join('\n')).toContain(
      `✓ right: you predicted n.data = 0.88; it is ${n.toPrecision(5)}`,
    );
    expect(shown[7].lines.join('\n')).toContain(
      `skipped: o.data is ${Math.tanh(n).toPrecision(5)}`,
    );
  });

  it.each([
    [['--frames', '--format', 'json'], '--frames replaces --format: give one of them'],
    [['--columns', '80'], '--columns and --rows size the screens of --frames'],
    [['--frames', '--rows', '0'], "--rows expects a whole number of characters, got '0'"],
    [['--frames', '--columns', '79'], '--frames needs a screen of at least 80×24, got 79×40'],
    [['--frames', '--keys', 'n zz'], "unknown key 'zz' at position 2 of --keys"],
  ])('rejects %j before printing anything, exit 2', async (options, message) => {
    const { code, stdout, stderr } = await cli(['replay', seed, ...options]);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(`gradstep: error: ${message}`);
    expect(code).toBe(2);
  });

  it('reports a failed expect with its step and both values, exit 1', async () => {
    const { code, stdout, stderr } = await cli(['replay', seed, '--frames', '--set', 'x=1']);
    expect(frames(stdout)).toHaveLength(12);
    expect(stderr).toMatch(/: B5: expect x\.grad = 12\.000073729642216: FAILED, found \S+\n$/);
    expect(code).toBe(1);
  });
});

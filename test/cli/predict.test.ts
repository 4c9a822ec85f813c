import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

/**
 * The neuron of reference §4 with --quiz: o = tanh(n) = 1/√2, so n.grad = 1 - o² = 0.5, x1.grad =
 * w1 · 0.5 = -1.5, w1.grad = x1 · 0.5 = 1 (all worked out by hand from the reference inputs).
 */
describe('replay --quiz --answers', () => {
  it('shows each question with the answer, the verdict and the value, and the score', async () => {
    const r = await cli([
      'replay',
      'neuron',
      '--quiz',
      '--answers',
      'x1.grad=-1.5, w1.grad=2,n.grad=0.5',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // The question comes before the narration of the step that settles it.
    const b5 = lines.indexOf('B5');
    expect(lines.slice(b5 + 1, b5 + 4)).toEqual([
      '  predict x1.grad: -1.5 ✓ (it is -1.5000)',
      '  predict w1.grad: 2 ✗ (it is 1.0000)',
      '  x1.grad += w1 · x1w1.grad = -3 × 0.50000 = -1.5000   (0 → -1.5000)',
    ]);
    expect(r.stdout).toContain('  predict n.grad: 0.5 ✓ (it is 0.50000)');
    expect(r.stdout).toContain('  predict b.grad: skipped (it is 0.50000)');
    // 9 grads settle in backward: n, x1w1x2w2, b, x1w1, x2w2, x2, w2, x1, w1.
    expect(lines.at(-2)).toBe('predictions 2/9 right (6 skipped)');
  });

  it('reads answers from a file and carries them in JSON', async () => {
    const files = { 'answers.txt': '# my answers\nx1.grad = -1.49\n\nw1.grad=1\n' };
    const r = await cli('replay neuron --quiz --answers answers.txt --format json', { files });
    expect(r.stderr).toBe('');
    const json = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const b5 = json.find((j) => j.step === 'B5');
    expect(b5.predictions).toEqual([
      // -1.49 is within 1% of -1.5.
      {
        node: 'x1',
        field: 'grad',
        answer: -1.49,
        actual: expect.closeTo(-1.5, 9),
        ok: true,
        skipped: false,
      },
      {
        node: 'w1',
        field: 'grad',
        answer: 1,
        actual: expect.closeTo(1, 9),
        ok: true,
        skipped: false,
      },
    ]);
    expect(json.at(-1).predictions).toEqual({ right: 2, asked: 9, skipped: 7, total: 9 });
  });

  it('asks forward values with --quiz forward', async () => {
    const r = await cli([
      'replay',
      'seed',
      '--quiz',
      'forward',
      '--answers',
      'x_2.data=4,xy.data=5',
    ]);
    expect(r.stdout).toContain('F1\n  predict x_2.data: 4 ✓ (it is 4)\n  x_2 = x * x = 2 × 2 = 4');
    expect(r.stdout).toContain('  predict xy.data: 5 ✗ (it is 6)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('predictions 1/5 right (3 skipped)');
  });

  it('points at a bad answer with file:line:col and a caret, and exits 2', async () => {
    const files = { 'a.txt': 'x1.grad=-1.5\nw1.grad=one\n' };
    const bad = await cli('replay neuron --quiz --answers a.txt', { files });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("a.txt:2:9: error: Expected a number, found 'one'.");
    expect(bad.stderr).toContain('2 | w1.grad=one\n   |         ^~~');
    const unasked = await cli(['replay', 'neuron', '--answers', 'x1.grad=1']);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('No prediction asks for x1.grad.');
    expect(unasked.stderr).toContain('add --quiz');
  });

  it('refuses a --quiz it does not know', async () => {
    const r = await cli(['replay', 'neuron', '--quiz', 'sideways']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--quiz takes 'forward', 'backward' or nothing, got 'sideways'");
  });
});

describe('the Markdown handout', () => {
  it('asks before the settling step with a blank and a break, and keeps the key for the end', async () => {
    const r = await cli([
      'replay',
      'neuron',
      '--quiz',
      '--format',
      'markdown',
      '--answers',
      'x1.grad=-1.5',
    ]);
    const md = r.stdout;
    expect(md.indexOf('```mermaid')).toBeLessThan(md.indexOf('## Graph'));
    const question = md.indexOf('**Predict `x1.grad`** before B5 runs: \\_');
    const step = md.indexOf('### B5');
    expect(question).toBeGreaterThan(0);
    expect(md.slice(question, step)).toContain('---');
    // The answer is not between the question and its step.
    expect(md.slice(question, step)).not.toContain('-1.5');
    expect(md).toContain('## Answer key');
    expect(md).toContain('8. `x1.grad` = -1.5000 (at B5): answered -1.5 ✓');
    expect(md).toContain('9. `w1.grad` = 1.0000 (at B5): skipped');
    expect(md).toContain('- expect x1.grad');
  });

  it('leaves out expects, the key and the final values for students', async () => {
    const r = await cli('replay neuron --quiz --format markdown --for students');
    expect(r.stdout).toContain('**Predict `x1.grad`**');
    expect(r.stdout).not.toContain('expect ');
    expect(r.stdout).not.toContain('Answer key');
    expect(r.stdout).not.toContain('## Values at');
    const plain = await cli('replay neuron --for students');
    expect(plain.code).toBe(2);
  });

  it('marks a walkthrough pause as a break for discussion', async () => {
    const r = await cli('replay seed --format markdown');
    const b0 = r.stdout.indexOf('### B0');
    expect(r.stdout.slice(b0, r.stdout.indexOf('### B1'))).toContain('**⏸ Pause for discussion.**');
  });
});

describe('a scenario with predictions, in commands that take no answers', () => {
  // z = x · y at x = 2, y = 3: x.grad = y = 3 and y.grad = x = 2, by hand.
  const files = {
    'pred.yaml':
      'title: t\ngraph: |\n  x = 2.0\n  y = 3.0\n  z = x * y\nwalkthrough:\n  - predict: { node: x, grad }\n',
  };

  it('check runs every step and reports the final grads, not the values before the question', async () => {
    const r = await cli('check pred.yaml --json', { files });
    expect(r.code).toBe(0);
    const { nodes } = JSON.parse(r.stdout);
    expect(nodes.find((n: { name: string }) => n.name === 'x').grad).toBe(3);
    expect(nodes.find((n: { name: string }) => n.name === 'y').grad).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { LECTURE, micrograd, scenarioText } from '../scenario/model/python-reference.js';
import { cli } from './helpers.js';

const SMALL = { ...LECTURE, mlp: [3, 3, 1], steps: 6 };
const files = {
  'lecture.yaml': scenarioText(LECTURE).replace('steps: 20 }', 'steps: 20, expect: falls }'),
  'small.yaml': scenarioText(SMALL),
  // A negative rate climbs the loss: expect falls must fail.
  'climbs.yaml': scenarioText({ ...SMALL, lr: -0.05 }).replace(
    'steps: 6 }',
    'steps: 6, expect: falls }',
  ),
  'wobbles.yaml': scenarioText({ ...SMALL, lr: 0.3 }).replace(
    'steps: 6 }',
    'steps: 6, expect: decreases }',
  ),
};

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 + 1e-12 * Math.abs(b);

describe('check and replay of a training run', () => {
  it('check --json: a loss per iteration, as micrograd in python3 computes them; exit 0', async () => {
    const { code, stdout } = await cli('check --json --gradcheck none lecture.yaml', { files });
    const json = JSON.parse(stdout) as { ok: boolean; loss: number[]; lossExpect: unknown };
    const reference = micrograd(LECTURE).iterations.map((it) => it.loss);
    expect(json.loss).toHaveLength(20);
    json.loss.forEach((loss, i) => void expect(near(loss, reference[i]), `I${i + 1}`).toBe(true));
    expect(json.lossExpect).toEqual({ expect: 'falls', ok: true });
    expect(json.ok).toBe(true);
    expect(code).toBe(0);
  });

  it('check fails (exit 1) when the loss must fall and does not', async () => {
    const climbs = await cli('check --gradcheck none climbs.yaml', { files });
    expect(climbs.stdout).toMatch(/loss I1 \S+ → I6 \S+ \(6 iterations; expect falls: FAILED\)/);
    expect(climbs.code).toBe(1);
    const wobbles = await cli('check --json --gradcheck none wobbles.yaml', { files });
    const json = JSON.parse(wobbles.stdout) as { loss: number[]; lossExpect: { ok: boolean } };
    // With this rate micrograd's loss falls overall but rises from iteration 3 to 4.
    const reference = micrograd({ ...SMALL, lr: 0.3 }).iterations.map((it) => it.loss);
    expect(reference[3]).toBeGreaterThan(reference[2]);
    json.loss.forEach((loss, i) => void expect(near(loss, reference[i])).toBe(true));
    expect(json.lossExpect.ok).toBe(false);
    expect(wobbles.code).toBe(1);
  });

  it('replay: iteration 1 step by step, then one line per iteration', async () => {
    const { code, stdout } = await cli('replay small.yaml', { files });
    expect(code).toBe(0);
    const reference = micrograd(SMALL).iterations;
    const lines = stdout.split('\n').filter((l) => l.startsWith('  iteration '));
    expect(lines.map((l) => l.replace(/; loss = .*/, ''))).toEqual(
      [2, 3, 4, 5, 6].map((i) => `  iteration ${i}: forward, zero grads, backward, 16 updates`),
    );
    expect(stdout).toMatch(/\nU16\n {2}b2_1\.data -= lr · b2_1\.grad = 0\.05 × /);
    const json = await cli('replay --format json small.yaml', { files });
    const objects = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { phase: string; loss: number; params: Record<string, number> })
      .filter((o) => o.phase === 'iteration');
    expect(objects).toHaveLength(5);
    objects.forEach((o, i) => {
      expect(near(o.loss, reference[i + 1].loss)).toBe(true);
      // Every parameter after that iteration's updates.
      expect(Object.keys(o.params)).toHaveLength(16);
      expect(near(o.params.w1_1_1, reference[i + 1].params[0])).toBe(true);
    });
  });
});

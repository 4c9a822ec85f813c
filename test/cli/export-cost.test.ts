/**
 * export narrates every step of its page after `check`'s analysis has run to the end: the
 * analysis must keep what moving back needs, or each step's narration replays the backward pass
 * up to that step (a 10k-node MLP's page took 8 s instead of 2.8). Counted through the engine's
 * backward step, which the session imports from the engine's index.
 */
import { describe, expect, it, vi } from 'vitest';
import { chainScenarioText } from '../../scripts/chain-scenario.js';
import * as engine from '../../src/engine/index.js';
import { cli } from './helpers.js';

vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/index.js')>();
  return { ...real, backwardStep: vi.fn(real.backwardStep) };
});

const LENGTH = 300;

async function backwardStepsFor(args: string[]): Promise<number> {
  vi.mocked(engine.backwardStep).mockClear();
  const { code } = await cli([...args, 'chain.yaml'], {
    files: { 'chain.yaml': chainScenarioText(LENGTH) },
  });
  expect(code).toBe(0);
  return vi.mocked(engine.backwardStep).mock.calls.length;
}

describe('export --format html on a 300-node chain', () => {
  it('runs each backward step a few times, not once for every later step', async () => {
    const steps = await backwardStepsFor(['export', '--format', 'html', '--gradcheck', 'none']);
    // About LENGTH steps to the end for the analysis, then each once more as the page is built.
    expect(steps).toBeGreaterThanOrEqual(LENGTH);
    expect(steps).toBeLessThan(4 * LENGTH);
  });

  it('while check walks each backward step once, keeping no records', async () => {
    const steps = await backwardStepsFor(['check', '--gradcheck', 'none']);
    expect(steps).toBeGreaterThanOrEqual(LENGTH);
    expect(steps).toBeLessThan(2 * LENGTH);
  });
});

/**
 * Progress on a terminal's stderr: what is being done and how far, one line drawn over itself and
 * cleared before the result; nothing in a pipe or in CI. GRADSTEP_PROGRESS_AFTER_MS=0 shows it on
 * a small graph (it waits half a second otherwise).
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const NOW = { GRADSTEP_PROGRESS_AFTER_MS: '0' };
// 40 op nodes in a chain, all grad-checked: a count to watch go by.
const CHAIN = ['title: chain', 'graph: |', '  x = 0.5']
  .concat(Array.from({ length: 40 }, (_, i) => `  v${i + 1} = ${i === 0 ? 'x' : `v${i}`} * 1.01`))
  .join('\n');

describe('progress of check', () => {
  it('on a terminal: each phase, then a bar and a count of the nodes checked, then cleared', async () => {
    const { code, status, stderr } = await cli('check chain.yaml --gradcheck all', {
      files: { 'chain.yaml': CHAIN },
      tty: true,
      env: NOW,
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(status[0]).toBe('gradstep: loading chain.yaml (0.0 MB)…');
    expect(status).toContain('gradstep: stepping forward and backward…');
    expect(status).toContain('gradstep: checking grads against finite differences…');
    // The graph has 41 nodes; the output itself is not checked: 40 to probe.
    const counts = status.filter((s) => s.includes(' of 40'));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts[0]).toMatch(
      /^gradstep: checking grads against finite differences [█░]{20} 0% \(0 of 40\)$/,
    );
    expect(status.at(-1)).toBe('');
  });

  it.each([
    ['a pipe', { tty: false, env: NOW }],
    ['CI', { tty: true, env: { ...NOW, CI: 'true' } }],
  ])('in %s: nothing', async (_where, options) => {
    const { status, stderr } = await cli('check chain.yaml --gradcheck all', {
      files: { 'chain.yaml': CHAIN },
      ...options,
    });
    expect(status).toEqual([]);
    expect(stderr).toBe('');
  });

  it('on a terminal, a quick check shows nothing at all (under half a second)', async () => {
    const { status } = await cli('check seed', { tty: true });
    expect(status).toEqual([]);
  });
});

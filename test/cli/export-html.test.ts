import { describe, expect, it } from 'vitest';
import { mlpScenarioText } from '../../scripts/mlp-scenario.js';
import { SEED, SEED_REFERENCE } from './fixtures.js';
import { cli } from './helpers.js';

/** The JSON the page carries, read back as the page reads it. */
function dataOf(html: string) {
  const json = /<script type="application\/json" id="gradstep-data">([\s\S]*?)<\/script>/.exec(
    html,
  );
  if (json === null) throw new Error('no data in the page');
  return JSON.parse(json[1]);
}

async function page(args: string[], files: Record<string, string> = {}) {
  const { code, stdout, stderr } = await cli(['export', ...args, '--format', 'html'], { files });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

describe('gradstep export --format html', () => {
  it('is one file that loads nothing: no src, href, url() or address of any kind', async () => {
    const html = await page(['seed.yaml'], { 'seed.yaml': SEED });
    expect(html).toMatch(/^<!doctype html>\n/);
    expect(html).not.toMatch(
      /\bsrc=|\bhref=|url\(|@import|@font-face|https?:|fetch\(|XMLHttpRequest|import\(/i,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('carries every step; replaying its recorded grads gives the reference values', async () => {
    const data = dataOf(await page(['seed.yaml'], { 'seed.yaml': SEED }));
    expect(data.total).toBe(11);
    expect(data.steps).toHaveLength(12);
    expect(data.start).toBe(0);
    const grads: string[] = data.nodes.label.map(() => '0');
    grads[data.output] = '1';
    for (const [, , changes] of data.steps) {
      for (let i = 0; i < changes.length; i += 5) grads[changes[i]] = changes[i + 4];
    }
    for (const [name, value, grad] of SEED_REFERENCE) {
      const id = data.nodes.label.indexOf(name);
      expect([name, Number(data.nodes.dataFull[id])]).toEqual([name, value]);
      // The reference grads are micrograd's, whose tanh slope 1 − out² keeps ~12 digits at tanh(6).
      const error = Math.abs(Number(grads[id]) - grad) / Math.abs(grad);
      expect(error, `${name}.grad ${grads[id]} vs ${grad}`).toBeLessThan(1e-11);
    }
  });

  it('starts at --at and says which step it cannot find', async () => {
    expect(dataOf(await page(['scenarios/seed.yaml', '--at', 'B3'])).start).toBe(9);
    const { code, stderr } = await cli([
      'export',
      'scenarios/seed.yaml',
      '--format',
      'html',
      '--at',
      'B9',
    ]);
    expect(stderr).toContain('--at B9: There is no step B9.');
    expect(code).not.toBe(0);
  });

  it('keeps text from the scenario inside its script element', async () => {
    const text = SEED.replace(/^title: .*$/m, 'title: "</script><script>alert(1)</script>"');
    const html = await page(['evil.yaml'], { 'evil.yaml': text });
    expect(html).not.toContain('<script>alert');
    expect(dataOf(html).title).toBe('</script><script>alert(1)</script>');
  });

  it('grows in proportion to the graph: bytes per node alike at 3,000 and 6,000 nodes', async () => {
    const sizes = [];
    for (const samples of [4, 8]) {
      const text = mlpScenarioText({ layers: [4, 16, 16, 1], samples, seed: 1 });
      const html = await page(['mlp.yaml'], { 'mlp.yaml': text });
      sizes.push(html.length / dataOf(html).nodes.label.length);
    }
    expect(sizes[1] / sizes[0]).toBeGreaterThan(0.8);
    expect(sizes[1] / sizes[0]).toBeLessThan(1.25);
    // About 1 kB a node, most of it the narration and ledger lines the page shows.
    expect(sizes[1]).toBeLessThan(1500);
  }, 120_000);
});

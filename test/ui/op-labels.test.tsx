import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { renderFrames } from '../../src/ui/index.js';

const TEXT = 'title: ops\ngraph: |\n  c = 2.0\n  p = c ** 3\n  q = -p\n  r = q - c\noutput: r\n';

describe('op names in the graph boxes', () => {
  it('show the exponent of **, and neg apart from subtraction', async () => {
    const loaded = loadScenario({ name: 'ops.yaml', text: TEXT });
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message);
    const [start] = await renderFrames({ scenario: loaded.scenario, columns: 120, rows: 40 });
    expect(start.text).toMatch(/[╭╔┏]p \*\*3[─═━]/);
    expect(start.text).toMatch(/[╭╔┏]q neg[─═━]/);
    expect(start.text).toMatch(/[╭╔┏]r -[─═━]/);
  });
});

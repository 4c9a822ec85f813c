/**
 * A trained parameter's history in the inspector gives nothing away: mid-backward, the iteration's
 * grad reads ? until the parameter has received every contribution, then its total.
 * L = w·x1 + w·x2 with x1 = 2, x2 = 3: w.grad = x1 + x2 = 5, summed from two terms (2, then 3
 * or 3, then 2).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { shapeOf } from '../../src/session/index.js';
import { inspectorLines } from '../../src/ui/panes/inspector.js';
import { initialApp, reduceApp } from '../../src/ui/reduce-app.js';
import { reduceView } from '../../src/ui/view-state.js';

const TEXT = `title: history
graph: |
  x1 = 2.0
  x2 = 3.0
  w = 0.5
  a = w * x1
  b = w * x2
  L = a + b
output: L
train: { params: [w], lr: 0.1, steps: 2 }
`;
const W = 2;

describe("a parameter's history in the inspector", () => {
  it("shows this iteration's grad only once it is final", () => {
    const loaded = loadScenario({ name: 'h.yaml', text: TEXT });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    let state = initialApp({ scenario: loaded.scenario });
    const rows: string[] = [];
    const { total } = shapeOf(state.session);
    while (state.session.position < total) {
      state = reduceApp(state, { type: 'key', key: 'n' }).state;
      const view = reduceView(state.view, { type: 'select', node: W });
      const lines = inspectorLines({ ...state, view, color: false }, 200);
      const ledger = lines.find((line) => line.startsWith('ledger')) ?? '';
      const i1 = lines.find((line) => line.startsWith('  I1')) ?? '';
      rows.push(`${ledger.includes('final') ? 'final' : 'open'}|${i1.replace(/\s+/g, ' ')}`);
    }
    const open = rows.filter((row) => row.startsWith('open|'));
    const final = rows.filter((row) => row.startsWith('final|'));
    // Mid-backward w has received one of its two terms: the history must not show their sum.
    expect(open.some((row) => / 0\.5 grad \?$/.test(row))).toBe(true);
    for (const row of open) expect(row).not.toMatch(/grad 5$/);
    expect(final.length).toBeGreaterThan(0);
    for (const row of final) expect(row).toMatch(/^final\| I1 0\.5 grad 5$/);
  });
});

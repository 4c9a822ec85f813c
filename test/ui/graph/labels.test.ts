import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/index.js';
import { layoutGraph } from '../../../src/ui/graph/index.js';
import { fitLabels, middleCut } from '../../../src/ui/graph/labels.js';

describe('graph labels', () => {
  it('shortens from the middle, keeping what tells neighbours apart', () => {
    expect(middleCut('sum2_3_2_s4', 8)).toBe('sum2…_s4');
    expect(middleCut('wx2_3_1_s4', 10)).toBe('wx2_3_1_s4');
    expect(middleCut('abcdef', 1)).toBe('a');
  });

  it('gives two nodes the same text never: equal labels and equal cuts show #ID', () => {
    const raw = [
      'x * y',
      'x * y',
      'loss_of_sample_1_total',
      'loss_of_sample_2_total',
      'short',
      'a_long_name_one',
    ];
    const fitted = fitLabels(raw, () => 12);
    // Cut from the middle the two losses read 'loss_o…total' both: they show their ids.
    expect(fitted).toEqual([
      'x * y #0',
      'x * y #1',
      'loss_of_s…#2',
      'loss_of_s…#3',
      'short',
      'a_long…e_one',
    ]);
    for (const label of fitted) expect([...label].length).toBeLessThanOrEqual(12);
  });

  it('every node of the 320-node MLP has its own label in both box modes', () => {
    const text = `title: t\nmodel: { mlp: [3, 4, 4, 1] }\ndata: { x: [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]], y: [1, 1, 1, 1] }\n`;
    const result = loadScenario({ name: 't', text });
    if (!result.ok) throw new Error('not loaded');
    const { graph, output } = result.scenario;
    for (const mode of ['boxes', 'compact'] as const) {
      const layout = layoutGraph(graph, output, (id) => result.scenario.labelOf(id), { mode });
      expect(new Set(layout.labels).size).toBe(graph.size);
    }
    // An unnamed graph: `#ID` where the expression text repeats.
    const repeated = loadScenario({
      name: 't',
      text: 'title: t\ngraph: |\n  x = 1.0\n  y = 2.0\n  a = x * y + 1\n  b = x * y + 2\n  c = a + b\n',
    });
    if (!repeated.ok) throw new Error('not loaded');
    const s = repeated.scenario;
    const labels = layoutGraph(s.graph, s.output, (id) => s.labelOf(id)).labels;
    expect(new Set(labels).size).toBe(s.graph.size);
    expect(labels.filter((l) => l.startsWith('x * y'))).toEqual(['x * y #2', 'x * y #5']);
  });
});

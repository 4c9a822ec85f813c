/**
 * gradstep_export.py on graphs built by a micrograd-compatible Value written for these tests
 * (value.py, in five variants), checked by `gradstep check`: the values Python computed must be
 * gradstep's, and the exported graph must have micrograd's shape.
 */

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../cli/helpers.js';
import { exportPython } from './run.js';

/** Every op, in the variant's own way of building `-`, `/` and negation. */
const ALL_OPS = (cls: string) => `
x = ${cls}(0.5, label='x'); y = ${cls}(-1.25, label='y'); w = ${cls}(2.0, label='w')
a = x - y; a.label = 'a'
b = x / w; b.label = 'b'
c = (x * y + b ** 2).tanh(); c.label = 'c'
d = (a * 3).relu() + (y * 2).relu() + (-x).exp(); d.label = 'd'
e = (w * w).log() + (a + a).sigmoid() + (x - x) + (2 - x) + (x - 2) + 3 / w; e.label = 'e'
L = c * d + e * w + w ** -1; L.label = 'L'
`;

interface CheckJson {
  readonly ok: boolean;
  readonly nodes: readonly { name: string | null; data: number; grad: number }[];
  readonly observed: { compared: number; differs: unknown[] } | null;
}

async function checkJson(file: string): Promise<{ code: number; json: CheckJson }> {
  const { code, stdout } = await cli(['check', file, '--json']);
  return { code, json: JSON.parse(stdout) as CheckJson };
}

/** Python's values, as the export wrote them, by node name. */
function observedOf(yaml: string): Record<string, { data: number; grad: number }> {
  return (parse(yaml) as { observed: { nodes: Record<string, { data: number; grad: number }> } })
    .observed.nodes;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('gradstep_export.py: a correct backward', () => {
  for (const cls of ['Value', 'LectureValue', 'ReversedValue', 'TupleValue', 'PlainValue']) {
    it(`${cls}: exported, checked, exit 0, every data and grad equal to Python's`, async () => {
      const { file, yaml, warnings } = exportPython(ALL_OPS(cls));
      expect(warnings).toBe('');
      const { code, json } = await checkJson(file);
      expect(code).toBe(0);
      const observed = observedOf(yaml);
      const names = Object.keys(observed);
      expect(json.observed).toMatchObject({ compared: 2 * names.length, differs: [] });
      expect(json.nodes.length).toBe(names.length);
      for (const node of json.nodes) {
        const mine = observed[node.name ?? ''];
        expect(close(node.data, mine.data) && close(node.grad, mine.grad), node.name ?? '').toBe(
          true,
        );
      }
    });
  }

  it('keeps micrograd shape: a - b is a + b * -1 and a / b is a * b ** -1 where Value builds so', () => {
    const { yaml } = exportPython(ALL_OPS('Value'));
    expect(yaml).toMatch(/^ {2}v\d+ = -1$/m);
    expect(yaml).toMatch(/^ {2}(v\d+ = (y \* v\d+|v\d+ \* y))$/m);
    expect(yaml).toMatch(/^ {2}v\d+ = w \*\* -1$/m);
    expect(yaml).toMatch(/^ {2}v\d+ = x \* x\b|^ {2}v\d+ = relu\(v\d+\)$/m);
    expect(yaml).not.toMatch(/ [-/] /);
  });

  it("recovers the operand order of the lecture's own '-' and '/' from the data, either set order", () => {
    for (const cls of ['LectureValue', 'ReversedValue']) {
      const { yaml } = exportPython(ALL_OPS(cls));
      expect(yaml).toMatch(/^ {2}a = x - y$/m);
      expect(yaml).toMatch(/^ {2}b = x \/ w$/m);
      expect(yaml).toMatch(/^ {2}v\d+ = x - x$/m);
      expect(yaml).toMatch(/^ {2}v\d+ = x - v\d+$/m);
    }
  });

  it('writes x * x once-listed in a set as x * x, and unlabelled values as v<N>', () => {
    const { yaml } = exportPython(`
x = PlainValue(3.0)
L = x * x + x
`);
    expect(yaml).toMatch(/^ {2}v0 = 3$/m);
    expect(yaml).toMatch(/^ {2}v1 = v0 \* v0$/m);
    expect(yaml).toMatch(/^ {2}out = (v1 \+ v0|v0 \+ v1)$/m);
    expect(yaml).toMatch(/^output: out$/m);
  });
});

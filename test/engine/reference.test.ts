import { describe, expect, it } from 'vitest';
import { backward, forward, gradCheck } from '../../src/engine/index.js';
import { closeTo, REFERENCE_CASES } from './reference-graphs.js';

describe.each(REFERENCE_CASES.map((make) => [make().title, make] as const))(
  '%s',
  (_title, make) => {
    it('matches the reference data and grads of every named node', () => {
      const { graph: g, output, expected } = make();
      forward(g);
      backward(g, output);
      const mismatches: string[] = [];
      for (const [name, [data, grad]] of Object.entries(expected)) {
        const id = g.idOf(name);
        expect(id, name).toBeDefined();
        if (!closeTo(g.data[id!], data)) mismatches.push(`${name}.data ${g.data[id!]} != ${data}`);
        if (!closeTo(g.grad[id!], grad)) mismatches.push(`${name}.grad ${g.grad[id!]} != ${grad}`);
      }
      expect(mismatches).toEqual([]);
    });

    it('passes a full grad check (kink crossings skipped, never failed)', () => {
      const { graph: g, output } = make();
      forward(g);
      backward(g, output);
      const report = gradCheck(g, output, 'all');
      expect(report.failed).toEqual([]);
      expect(report.checked).toBe(report.total);
      expect(report.total).toBeGreaterThan(0);
      expect(report.maxRelError).toBeLessThan(1e-5);
    });
  },
);

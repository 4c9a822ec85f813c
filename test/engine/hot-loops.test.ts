/**
 * forward and backward inline the op table's formulas in a switch for speed; this pins that every
 * op computes, bit for bit, what its table entry says, on ordinary and awkward values alike.
 */
import { describe, expect, it } from 'vitest';
import { backward, forward, Graph, OPS, OpCode } from '../../src/engine/index.js';

const VALUES = [0.7, -1.3, 0, -0, 2.5, 1e-300, -40, 1e308, Number.NaN, Infinity, -Infinity];
const EXPONENTS = [3, 2, 0.5, -1, -2.5, 0];
const UPSTREAM = 1.7;

describe.each(OPS.filter((op) => op.arity > 0).map((op) => [op.name, op] as const))(
  '%s',
  (_n, op) => {
    it('forward and backward agree with the op table exactly', () => {
      const exponents = op.code === OpCode.pow ? EXPONENTS : [0];
      for (const a of VALUES) {
        for (const b of op.arity === 2 ? VALUES : [0]) {
          for (const k of exponents) {
            const g = new Graph();
            const ia = g.addInput(a);
            const ib = g.addInput(b);
            const node = op.arity === 2 ? g.addOp(op.code, ia, ib) : g.addOp(op.code, ia, -1, k);
            // A consumer so the node's upstream grad is not 1: grad(node) = UPSTREAM.
            const out = g.addOp(OpCode.mul, node, g.addConstant(UPSTREAM));
            forward(g);
            backward(g, out);
            const where = `${op.name}(${a}, ${b}, k=${k})`;
            const data = op.forward(a, b, k);
            expect(Object.is(g.data[node], data), `${where} data ${g.data[node]} vs ${data}`).toBe(
              true,
            );
            const inputs = op.arity === 2 ? [ia, ib] : [ia];
            for (const [slot, id] of inputs.entries()) {
              // Accumulated into a grad that starts at +0, as backward does.
              const grad = 0 + op.local[slot](a, b, data, k) * UPSTREAM;
              expect(
                Object.is(g.grad[id], grad) || (Number.isNaN(grad) && Number.isNaN(g.grad[id])),
                `${where} grad ${slot}: ${g.grad[id]} vs ${grad}`,
              ).toBe(true);
            }
          }
        }
      }
    });
  },
);

import type { Graph } from './graph.js';
import { OpCode } from './ops.js';

/**
 * An op as drawings and exports name it: `**3` with its exponent, `neg` for negation (so it is
 * not read as subtraction's `-`), else the op's symbol; '' for inputs and constants.
 */
export function opLabel(graph: Graph, id: number): string {
  const code = graph.opOf(id);
  if (code === OpCode.pow) return `**${graph.param[id]}`;
  if (code === OpCode.neg) return 'neg';
  const spec = graph.spec(id);
  return spec.syntax === 'leaf' ? '' : spec.symbol;
}

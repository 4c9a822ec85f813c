/**
 * The `train` field: which inputs gradient descent updates, at what rate, for how many iterations,
 * and what the loss is expected to do. Parameter names are checked against the built graph.
 */
import type { Document } from 'yaml';
import { OpCode } from '../../engine/index.js';
import { valueSpan } from '../document.js';
import type { CompiledGraph } from '../graph-block.js';
import { namedNodes } from '../names.js';
import type { Report } from '../report.js';
import { suggest } from '../suggest.js';
import type { Training } from '../types.js';
import { trainSchema } from './schema.js';

/** Iterations × parameters kept for the whole run (values and grads per iteration). */
export const MAX_TRAINING_VALUES = 10_000_000;

/** Undefined when there is no `train` field or it has faults (reported). */
export function resolveTraining(
  doc: Document.Parsed,
  data: unknown,
  compiled: CompiledGraph,
  defaults: readonly number[] | undefined,
  report: Report,
): Training | undefined {
  const raw =
    typeof data === 'object' && data !== null ? (data as { train?: unknown }).train : undefined;
  const parsed = trainSchema.safeParse(raw);
  if (raw === undefined || !parsed.success) return undefined;
  const { graph } = compiled;
  const inputs = [...namedNodes(graph)].filter(([, id]) => graph.opOf(id) === OpCode.input);
  let params = defaults ?? inputs.map(([, id]) => id);
  let ok = true;
  if (parsed.data.params !== undefined) {
    params = parsed.data.params.map((name, k) => {
      const id = compiled.idOf(name);
      if (id !== undefined && graph.opOf(id) === OpCode.input) return id;
      ok = false;
      const close = suggest(
        name,
        inputs.map(([n]) => n),
      );
      report.error(
        valueSpan(doc, ['train', 'params', k]),
        id === undefined
          ? `Unknown parameter '${name}'.`
          : `'${name}' cannot be trained: it is computed by the graph, not an input.`,
        close === undefined
          ? 'Parameters are inputs of the graph (name = number).'
          : `Did you mean '${close}'?`,
      );
      return -1;
    });
  }
  if (ok && params.length === 0) {
    ok = false;
    report.error(valueSpan(doc, ['train']), 'There is nothing to train: the graph has no inputs.');
  }
  if (ok && params.length * (parsed.data.steps + 1) * 2 > MAX_TRAINING_VALUES) {
    ok = false;
    report.error(
      valueSpan(doc, ['train', 'steps']),
      `${parsed.data.steps} iterations of ${params.length} parameters keep too many values (the limit is ${MAX_TRAINING_VALUES / 2} parameter values).`,
      'Train fewer steps or fewer parameters.',
    );
  }
  if (!ok) return undefined;
  return { params, lr: parsed.data.lr, steps: parsed.data.steps, expect: parsed.data.expect };
}

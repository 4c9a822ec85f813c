/**
 * The `observed:` block: the data and grads the user's own code computed (gradstep_export.py
 * writes them), resolved to node ids. Unknown names are errors at their key; a node that stands in
 * for an op the exporter did not know is a warning, since nothing below it can be checked.
 */
import type { Document } from 'yaml';
import { keySpan, valueSpan } from './document.js';
import type { CompiledGraph } from './graph-block.js';
import type { Report } from './report.js';
import type { ScenarioFile } from './schema.js';
import type { Observed } from './types.js';
import { resolveNode } from './walkthrough.js';

type ObservedFields = NonNullable<ScenarioFile['observed']>;
type ObservedValue = NonNullable<ObservedFields['nodes'][string]['data']>;

const NON_FINITE: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
};

/** Bits of `Observed.given`. */
export const GIVEN_DATA = 1;
export const GIVEN_GRAD = 2;

export function resolveObserved(
  doc: Document.Parsed,
  compiled: CompiledGraph,
  fields: ObservedFields,
  report: Report,
): Observed | undefined {
  const { graph } = compiled;
  const observed = {
    tol: fields.tol,
    data: new Float64Array(graph.size),
    grad: new Float64Array(graph.size),
    given: new Uint8Array(graph.size),
    unknownOps: new Map<number, string>(),
  };
  for (const [name, node] of Object.entries(fields.nodes)) {
    const path = ['observed', 'nodes', name];
    const ref = resolveNode(name, graph, compiled.idOf);
    if (!ref.ok) {
      report.error(keySpan(doc, path), ref.message, ref.hint);
      continue;
    }
    const id = ref.value;
    if (node.data !== undefined) {
      observed.data[id] = numberOf(node.data);
      observed.given[id] |= GIVEN_DATA;
    }
    if (node.grad !== undefined) {
      observed.grad[id] = numberOf(node.grad);
      observed.given[id] |= GIVEN_GRAD;
    }
    if (node.op !== undefined) {
      observed.unknownOps.set(id, node.op);
      report.error(
        valueSpan(doc, [...path, 'op']),
        `'${name}' stands in for the op '${node.op}', which gradstep does not know.`,
        'It is an input holding your data: its own grad is checked, nothing below it is.',
        'warning',
      );
    }
  }
  return report.hasErrors ? undefined : observed;
}

function numberOf(value: ObservedValue): number {
  return typeof value === 'number' ? value : NON_FINITE[value];
}

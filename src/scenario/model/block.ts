/**
 * The `model`, `data` and `loss` fields of a scenario file: checked against each other (with
 * positions), then built into a graph that the rest of loading treats like a compiled `graph`.
 */
import type { Document } from 'yaml';
import { valueSpan } from '../document.js';
import type { CompiledGraph } from '../graph-block.js';
import type { Report } from '../report.js';
import { type BuiltModel, buildMlp, nodesPerSample } from './build.js';
import { dataSchema, lossSchema, modelSchema } from './schema.js';

/** More nodes than this is a typo (mlp: [1000, 1000, 1]) rather than a lesson. */
export const MAX_MODEL_NODES = 2_000_000;

export interface ModelBlock {
  readonly compiled: CompiledGraph;
  readonly model: BuiltModel;
}

/** Whether the file describes its graph with a model rather than a `graph` program. */
export function hasModel(data: unknown): boolean {
  return fieldOf(data, 'model') !== undefined;
}

/** Undefined when a field is missing or invalid (the schema reports those) or the sizes clash. */
export function buildModelBlock(
  doc: Document.Parsed,
  data: unknown,
  report: Report,
  set: ReadonlyMap<string, number> | undefined,
): ModelBlock | undefined {
  if (fieldOf(data, 'graph') !== undefined) {
    report.error(
      valueSpan(doc, ['model']),
      'A scenario has a graph or a model, not both.',
      'Remove the graph: the model builds it.',
    );
    return undefined;
  }
  const model = modelSchema.safeParse(fieldOf(data, 'model'));
  const samples = dataSchema.safeParse(fieldOf(data, 'data'));
  const loss = lossSchema.default('sum_squared').safeParse(fieldOf(data, 'loss'));
  if (fieldOf(data, 'data') === undefined) {
    report.error(valueSpan(doc, ['model']), "A model needs 'data': {x: [[...], ...], y: [...]}.");
    return undefined;
  }
  if (!model.success || !samples.success || !loss.success) return undefined;
  if (!fits(doc, model.data.mlp, samples.data, report)) return undefined;
  const built = buildMlp(model.data, samples.data, loss.data, set);
  const g = built.graph;
  const start = new Int32Array(g.size);
  const end = new Int32Array(g.size);
  // Built nodes have no text of their own: an empty span at the model gives their line.
  const at = valueSpan(doc, ['model']).start;
  const modelSpan = { start: at, end: at };
  for (let id = 0; id < g.size; id++) {
    const span = spanOfName(doc, g.nameOf(id)) ?? modelSpan;
    start[id] = span.start;
    end[id] = span.end;
  }
  const compiled: CompiledGraph = {
    graph: g,
    clean: true,
    idOf: (name) => g.idOf(name),
    isDefined: (name) => g.idOf(name) !== undefined,
    lastName: 'loss',
    spans: { start, end },
  };
  return { compiled, model: built };
}

/** Rows as wide as the input layer, one target per row, one output neuron, a sane size. */
function fits(
  doc: Document.Parsed,
  mlp: readonly number[],
  data: { x: number[][]; y: number[] },
  report: Report,
): boolean {
  let ok = true;
  const fail = (path: (string | number)[], message: string, hint?: string) => {
    ok = false;
    report.error(valueSpan(doc, path), message, hint);
  };
  const last = mlp.length - 1;
  if (mlp[last] !== 1) {
    fail(
      ['model', 'mlp', last],
      `The last layer must have one neuron, found ${mlp[last]}.`,
      'The loss compares one score per sample with its target y.',
    );
  }
  data.x.forEach((row, s) => {
    if (row.length !== mlp[0]) {
      fail(
        ['data', 'x', s],
        `Sample ${s + 1} has ${row.length} input${row.length === 1 ? '' : 's'}; the model takes ${mlp[0]} (mlp[0]).`,
      );
    }
  });
  if (data.y.length !== data.x.length) {
    fail(
      ['data', 'y'],
      `'y' has ${data.y.length} target${data.y.length === 1 ? '' : 's'}; 'x' has ${data.x.length} sample${data.x.length === 1 ? '' : 's'}.`,
      'Give one target per row of x.',
    );
  }
  const nodes = nodesPerSample(mlp) * data.x.length;
  if (nodes > MAX_MODEL_NODES) {
    fail(
      ['model', 'mlp'],
      `This model would have about ${nodes} nodes; the limit is ${MAX_MODEL_NODES}.`,
      'Use fewer or smaller layers, or fewer samples.',
    );
  }
  return ok;
}

/** Where a data input's value is written: `x2_3` at data.x[1][2], `y2` at data.y[1]. */
function spanOfName(doc: Document.Parsed, name: string | undefined) {
  const x = /^x(\d+)_(\d+)$/.exec(name ?? '');
  if (x !== null) return valueSpan(doc, ['data', 'x', Number(x[1]) - 1, Number(x[2]) - 1]);
  const y = /^y(\d+)$/.exec(name ?? '');
  return y === null ? undefined : valueSpan(doc, ['data', 'y', Number(y[1]) - 1]);
}

function fieldOf(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The `model`, `data` and `loss` fields of a scenario file: checked against each other (with
 * positions), then built into a graph that the rest of loading treats like a compiled `graph`.
 */
import type { Document } from 'yaml';
import { valueSpan } from '../document.js';
import type { CompiledGraph } from '../graph-block.js';
import type { Report } from '../report.js';
import {
  type Architecture,
  architectureOf,
  type BuiltModel,
  buildMlp,
  nodesPerSample,
  targetsOf,
} from './build.js';
import { type DataSpec, dataSchema, lossSchema, type ModelSpec, modelSchema } from './schema.js';

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
  const architecture = oneArchitecture(doc, model.data, report);
  if (architecture === undefined || !fits(doc, architecture, samples.data, report))
    return undefined;
  const built = buildMlp(architecture, model.data, samples.data, loss.data, set);
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

const FORMS = ['mlp', 'layer', 'neuron'] as const;

/** The layers of exactly one of `mlp`, `layer` and `neuron`. */
function oneArchitecture(
  doc: Document.Parsed,
  model: ModelSpec,
  report: Report,
): Architecture | undefined {
  const given = FORMS.filter((form) => model[form] !== undefined);
  if (given.length !== 1) {
    const found = given.length === 0 ? 'none' : given.join(' and ');
    // The caret goes under the form written last: the one that made it two.
    const spans = given.map((form) => valueSpan(doc, ['model', form]));
    const last = spans.reduce((a, b) => (b.start > a.start ? b : a), valueSpan(doc, ['model']));
    report.error(
      last,
      `A model is one of mlp, layer or neuron; found ${found}.`,
      'For example: model: {mlp: [3, 4, 4, 1]}, {layer: [3, 2]} or {neuron: 3}.',
    );
    return undefined;
  }
  return architectureOf(model);
}

/** Rows as wide as the input layer, one target per output on each row, a sane size. */
function fits(
  doc: Document.Parsed,
  { sizes }: Architecture,
  data: DataSpec,
  report: Report,
): boolean {
  let ok = true;
  const fail = (path: (string | number)[], message: string, hint?: string) => {
    ok = false;
    report.error(valueSpan(doc, path), message, hint);
  };
  const outputs = sizes[sizes.length - 1];
  data.x.forEach((row, s) => {
    if (row.length !== sizes[0]) {
      fail(
        ['data', 'x', s],
        `Sample ${s + 1} has ${plural(row.length, 'input')}; the model takes ${sizes[0]}.`,
      );
    }
  });
  data.y.forEach((y, s) => {
    const targets = targetsOf(y).length;
    if (targets !== outputs) {
      fail(
        ['data', 'y', s],
        `Sample ${s + 1} has ${plural(targets, 'target')}; the model has ${plural(outputs, 'output')}.`,
        outputs === 1
          ? 'Give one number per sample.'
          : `Give a row of ${outputs} numbers per sample.`,
      );
    }
  });
  if (data.y.length !== data.x.length) {
    fail(
      ['data', 'y'],
      `'y' has ${plural(data.y.length, 'target')}; 'x' has ${plural(data.x.length, 'sample')}.`,
      'Give one target (or row of targets) per row of x.',
    );
  }
  const nodes = nodesPerSample(sizes) * data.x.length;
  if (nodes > MAX_MODEL_NODES) {
    fail(
      ['model'],
      `This model would have about ${nodes} nodes; the limit is ${MAX_MODEL_NODES}.`,
      'Use fewer or smaller layers, or fewer samples.',
    );
  }
  return ok;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Where a data input's value is written: `x2_3` at data.x[1][2], `y2` at data.y[1], `y2_1` at data.y[1][0]. */
function spanOfName(doc: Document.Parsed, name: string | undefined) {
  const x = /^x(\d+)_(\d+)$/.exec(name ?? '');
  if (x !== null) return valueSpan(doc, ['data', 'x', Number(x[1]) - 1, Number(x[2]) - 1]);
  const y = /^y(\d+)(?:_(\d+))?$/.exec(name ?? '');
  if (y === null) return undefined;
  const row = ['data', 'y', Number(y[1]) - 1];
  return valueSpan(doc, y[2] === undefined ? row : [...row, Number(y[2]) - 1]);
}

function fieldOf(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/**
 * A scenario file, from its text to a validated, compiled Scenario, or to every diagnostic found:
 * YAML syntax, the file's fields (zod), the graph program (parser and compiler, positions mapped
 * from the graph block back to the file), then the output and the walkthrough against the graph.
 */

import type { Document } from 'yaml';
import { type BackwardMode, modeProblem } from '../engine/index.js';
import { type CompiledOps, compileOps } from './custom-ops.js';
import { keySpan, parseYaml, valueSpan } from './document.js';
import { BLOCK_STAND_IN, fastCompiledGraph, findGraphBlock, lineStarting } from './fast-load.js';
import { type CompiledGraph, compileGraph } from './graph-block.js';
import { issueDiagnostics } from './issues.js';
import { buildModelBlock, hasModel, type ModelBlock } from './model/block.js';
import { resolveTraining } from './model/train.js';
import { resolveObserved } from './observed.js';
import {
  checkWalkthroughNames,
  type NumberedItem,
  resolveOutput,
  resolveWalkthrough,
  validItems,
} from './references.js';
import { type LoadResult, Report } from './report.js';
import { makeScenario } from './scenario.js';
import { scenarioFileSchema } from './schema.js';
import { checkOverrides } from './set.js';
import { yamlTooLarge } from './size-limit.js';
import { lineColumn } from './source.js';
import type { Observed, Source, Training, WalkthroughItem } from './types.js';
import { StepSpace } from './walkthrough.js';

export type { LoadResult };

export interface LoadOptions {
  /** Input values that replace the file's (`--set NAME=VALUE`). */
  readonly set?: ReadonlyMap<string, number>;
  /** `false` reads every file through the full path (tests compare the two). */
  readonly fastPath?: boolean;
  /** The backward algorithm, replacing the file's `mode:` (`--mode`). */
  readonly mode?: BackwardMode;
}

const SHAPE_HINT =
  'A scenario needs at least a title and a graph, as in:\n  title: z = x * y\n  graph: |\n    x = 2.0\n    y = 3.0\n    z = x * y';

export function loadScenario(source: Source, options: LoadOptions = {}): LoadResult {
  const report = new Report(source);
  if (yamlTooLarge(source.text, report)) return report.result();
  const fast = options.fastPath === false ? undefined : loadFast(source, options);
  return fast ?? loadDocument(source, options);
}

/** Files shorter than this are read by the full path alone: the fast path pays off on big graphs. */
const FAST_PATH_MIN = 20_000;

/** A graph compiled by the fast path from `source`, whose block the parsed text replaced at `at`. */
interface Precompiled {
  readonly compiled: CompiledGraph;
  readonly source: Source;
  readonly shift: number;
  readonly at: number;
}

/**
 * A file whose graph block the fast path reads, and whose other fields (parsed as YAML with a
 * stand-in for the block) raise no diagnostic at all; anything else goes through the full path,
 * so every message comes from one place.
 */
function loadFast(source: Source, options: LoadOptions): LoadResult | undefined {
  const { text } = source;
  // The fast reader knows the built-in functions only.
  if (text.length < FAST_PATH_MIN || lineStarting(text, 'ops:') >= 0) return undefined;
  const block = findGraphBlock(text);
  if (block === undefined || !isText(source, new Report(source))) return undefined;
  const compiled = fastCompiledGraph(text, block, options.set);
  if (compiled === undefined) return undefined;
  const rest = text.slice(0, block.from) + BLOCK_STAND_IN + text.slice(block.to);
  const shift = block.to - block.from - BLOCK_STAND_IN.length;
  const precompiled = { compiled, source, shift, at: block.from };
  const result = loadDocument({ name: source.name, text: rest }, options, precompiled);
  return result.ok && result.diagnostics.length === 0 ? result : undefined;
}

function loadDocument(source: Source, options: LoadOptions, fast?: Precompiled): LoadResult {
  const report = new Report(source);
  const parsed = parseDocument(source, report);
  if (parsed === undefined) return report.result();
  const { doc, data } = parsed;
  const file = scenarioFileSchema.safeParse(data);
  if (!file.success) report.add(issueDiagnostics(file.error.issues, doc, data, source));

  // Every part is checked as far as what it depends on allows, so one fault hides no other.
  const model = hasModel(data) ? buildModelBlock(doc, data, report, options.set) : undefined;
  const ops = hasModel(data)
    ? undefined
    : compileOps(doc, report, (data as { ops?: unknown } | null)?.ops);
  const compiled = hasModel(data)
    ? model?.compiled
    : programOf(doc, source, data, report, options, fast?.compiled, ops);
  if (compiled === undefined) return report.result();
  const output = resolveOutput(doc, compiled, data, report);
  const items = validItems(file, data);
  let steps: Steps = { walkthrough: [] };
  if (compiled.clean && output !== undefined) {
    const context = { doc, data, file, compiled, model, report, options };
    steps = resolveSteps(context, output, items);
  } else {
    checkWalkthroughNames(doc, compiled, items, report);
  }
  if (report.hasErrors || !file.success || output === undefined) return report.result();
  const walkthrough =
    fast === undefined ? steps.walkthrough : steps.walkthrough.map((item) => shifted(item, fast));
  const scenario = makeScenario({
    source: fast?.source ?? source,
    title: file.data.title,
    description: file.data.description,
    graph: compiled.graph,
    output,
    walkthrough,
    training: steps.training,
    neurons: model?.model.neurons,
    observed: steps.observed,
    spans: compiled.spans,
    mode: options.mode ?? file.data.mode,
    customOps: customOpsOf(ops, compiled),
  });
  return { ok: true, scenario, diagnostics: report.sorted() };
}

/** The file as a YAML document and as plain data, or undefined once the report says why not. */
function parseDocument(
  source: Source,
  report: Report,
): { doc: Document.Parsed; data: unknown } | undefined {
  if (!isText(source, report) || isEmpty(source, report)) return undefined;
  const { doc, diagnostics } = parseYaml(source);
  report.add(diagnostics);
  if (report.hasErrors) return undefined;
  if (doc.contents === null) {
    report.error({ start: 0, end: 0 }, 'The file has no content, only comments.', SHAPE_HINT);
    return undefined;
  }
  try {
    return { doc, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    report.error({ start: 0, end: 0 }, `YAML: ${(error as Error).message}`);
    return undefined;
  }
}

/** What a clean graph with an output lets the loader check and resolve. */
interface Checked {
  readonly doc: Document.Parsed;
  readonly data: unknown;
  readonly file: ReturnType<typeof scenarioFileSchema.safeParse>;
  readonly compiled: CompiledGraph;
  readonly model: ModelBlock | undefined;
  readonly report: Report;
  readonly options: LoadOptions;
}

/** The parts of a scenario that name steps of the graph, or are steps of it. */
interface Steps {
  readonly walkthrough: WalkthroughItem[];
  readonly training?: Training;
  readonly observed?: Observed;
}

function resolveSteps(context: Checked, output: number, items: readonly NumberedItem[]): Steps {
  const { doc, data, file, compiled, model, report, options } = context;
  report.add(checkOverrides(compiled.graph, compiled.idOf, options.set));
  const mode = options.mode ?? (file.success ? file.data.mode : undefined);
  const problem = mode === undefined ? undefined : modeProblem(compiled.graph, output, mode);
  if (problem !== undefined)
    report.error(valueSpan(doc, ['mode']), problem, 'Use another mode, or a smaller graph.');
  const training = resolveTraining(doc, data, compiled, model?.model.params, report);
  const space = new StepSpace(compiled.graph, output, compiled.idOf, {
    mode: problem === undefined ? mode : undefined,
    params: training && Int32Array.from(training.params),
    iterations: training?.steps,
  });
  const walkthrough = resolveWalkthrough(doc, space, items, report);
  const fields = file.success ? file.data.observed : undefined;
  const observed =
    fields === undefined ? undefined : resolveObserved(doc, compiled, fields, report);
  return { walkthrough, training, observed };
}

/** Each custom op with the op code the compiled graph gave it. */
function customOpsOf(ops: CompiledOps | undefined, compiled: CompiledGraph) {
  return [...(ops?.defs.values() ?? [])].map((def) => ({
    name: def.name,
    args: def.args,
    span: def.span,
    code: compiled.graph.ops.findIndex((op) => op.written !== undefined && op.name === def.name),
  }));
}

/**
 * The `graph` program (`precompiled` when the fast path read it); a file without one (and without
 * a model) is told what it lacks.
 */
function programOf(
  doc: Document.Parsed,
  source: Source,
  data: unknown,
  report: Report,
  options: LoadOptions,
  precompiled: CompiledGraph | undefined,
  ops: CompiledOps | undefined,
): CompiledGraph | undefined {
  // Anything but a mapping is the schema's to report.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const fields = data as Record<string, unknown>;
  for (const key of ['data', 'loss'] as const) {
    if (fields[key] !== undefined)
      report.error(
        keySpan(doc, [key]),
        `'${key}' belongs to a model, and there is none.`,
        MODEL_HINT,
      );
  }
  if (fields.graph === undefined) {
    report.error(valueSpan(doc, []), "Missing required field 'graph' (or 'model').", SHAPE_HINT);
    return undefined;
  }
  return precompiled ?? compileGraph(doc, source, report, options.set, ops);
}

/** A walkthrough item's span in the whole file, from the one in the text without the graph block. */
function shifted(item: WalkthroughItem, fast: Precompiled): WalkthroughItem {
  const move = (offset: number) => (offset > fast.at ? offset + fast.shift : offset);
  return { ...item, span: { start: move(item.span.start), end: move(item.span.end) } };
}

const MODEL_HINT = 'For example: model: {mlp: [3, 4, 4, 1], activation: tanh}';

/** NUL bytes or U+FFFD (what undecodable bytes become) mean the file is not UTF-8 text. */
function isText(source: Source, report: Report): boolean {
  // indexOf scans natively; a regular expression over a big text runs interpreted on first use.
  const nul = source.text.indexOf('\0');
  const bad = source.text.indexOf('\uFFFD');
  if (nul === -1 && bad === -1) return true;
  const at = nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad);
  const { line, col } = lineColumn(source, at);
  const what = source.text[at] === '\0' ? 'a NUL byte' : 'bytes that are not UTF-8';
  // The excerpt of a binary file is noise: the diagnostic points into an empty text instead.
  report.add([
    {
      severity: 'error',
      source: { name: source.name, text: '' },
      start: 0,
      end: 0,
      message: `This is not a text file: it contains ${what} at line ${line}, column ${col}.`,
      hint: 'A scenario is a YAML or JSON text file in UTF-8.',
    },
  ]);
  return false;
}

function isEmpty(source: Source, report: Report): boolean {
  if (source.text.trim() !== '') return false;
  report.error({ start: 0, end: 0 }, 'The file is empty.', SHAPE_HINT);
  return true;
}

/**
 * A scenario file, from its text to a validated, compiled Scenario, or to every diagnostic found:
 * YAML syntax, the file's fields (zod), the graph program (parser and compiler, positions mapped
 * from the graph block back to the file), then the output and the walkthrough against the graph.
 */
import type { Document } from 'yaml';
import type { Graph } from '../engine/index.js';
import type { LocalDiagnostic } from './ast.js';
import { type OffsetMap, scalarOffsetMap } from './block.js';
import { compileProgram } from './compile.js';
import { isFoldedBlock, parseYaml, scalarTextAt, valueSpan } from './document.js';
import { sortDiagnostics } from './format.js';
import { issueDiagnostics } from './issues.js';
import { readStatements } from './parser.js';
import { makeScenario } from './scenario.js';
import { type ScenarioFile, scenarioFileSchema } from './schema.js';
import { checkOverrides } from './set.js';
import { lineColumn } from './source.js';
import { Symbols } from './symbols.js';
import type { Diagnostic, Scenario, Source, Span, WalkthroughItem } from './types.js';
import { resolveItem, resolveNode, StepSpace } from './walkthrough.js';

export interface LoadOptions {
  /** Input values that replace the file's (`--set NAME=VALUE`). */
  readonly set?: ReadonlyMap<string, number>;
}

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

const SHAPE_HINT =
  'A scenario needs at least a title and a graph, as in:\n  title: z = x * y\n  graph: |\n    x = 2.0\n    y = 3.0\n    z = x * y';

export function loadScenario(source: Source, options: LoadOptions = {}): LoadResult {
  const report = new Report(source);
  if (!isText(source, report) || isEmpty(source, report)) return report.result();
  const { doc, diagnostics } = parseYaml(source);
  report.add(diagnostics);
  if (report.hasErrors) return report.result();
  if (doc.contents === null) {
    report.error({ start: 0, end: 0 }, 'The file has no content, only comments.', SHAPE_HINT);
    return report.result();
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report.error({ start: 0, end: 0 }, `YAML: ${(error as Error).message}`);
    return report.result();
  }
  const file = scenarioFileSchema.safeParse(data);
  if (!file.success) report.add(issueDiagnostics(file.error.issues, doc, data, source));

  const compiled = compileGraph(doc, source, report, options.set);
  if (compiled === undefined) return report.result();
  const output = resolveOutput(doc, compiled, data, report);
  if (output === undefined) return report.result();
  report.add(checkOverrides(compiled.graph, compiled.idOf, options.set));
  const walkthrough = file.success
    ? resolveWalkthrough(
        doc,
        new StepSpace(compiled.graph, output, compiled.idOf),
        file.data,
        report,
      )
    : [];
  if (report.hasErrors || !file.success) return report.result();
  const scenario = makeScenario({
    source,
    title: file.data.title,
    description: file.data.description,
    graph: compiled.graph,
    output,
    walkthrough,
    spans: compiled.spans,
  });
  return { ok: true, scenario, diagnostics: report.sorted() };
}

/** Collects diagnostics for one source. */
class Report {
  private readonly list: Diagnostic[] = [];
  hasErrors = false;

  constructor(readonly source: Source) {}

  add(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      this.list.push(d);
      if (d.severity === 'error') this.hasErrors = true;
    }
  }

  error(
    span: Span,
    message: string,
    hint?: string,
    severity: Diagnostic['severity'] = 'error',
  ): void {
    this.add([{ severity, source: this.source, ...span, message, hint }]);
  }

  sorted(): Diagnostic[] {
    return sortDiagnostics(this.list);
  }

  result(): LoadResult {
    return { ok: false, diagnostics: this.sorted() };
  }
}

/** NUL bytes or U+FFFD (what undecodable bytes become) mean the file is not UTF-8 text. */
function isText(source: Source, report: Report): boolean {
  const at = source.text.search(/[\0\uFFFD]/);
  if (at === -1) return true;
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

interface Compiled {
  readonly graph: Graph;
  /** Names looked up through the compiler's table (the graph's own index is built on demand). */
  readonly idOf: (name: string) => number | undefined;
  readonly lastName?: string;
  /** File offsets of each node's text. */
  readonly spans: { readonly start: Int32Array; readonly end: Int32Array };
}

/** Parses and compiles the graph block, with every position moved from the block to the file. */
function compileGraph(
  doc: Document.Parsed,
  source: Source,
  report: Report,
  set: ReadonlyMap<string, number> | undefined,
): Compiled | undefined {
  const scalar = scalarTextAt(doc, ['graph']);
  if (scalar === undefined) return undefined;
  const map = scalarOffsetMap(source.text, scalar);
  const local = (ds: readonly LocalDiagnostic[]) =>
    report.add(ds.map((d) => toFileDiagnostic(d, map, source)));
  if (isFoldedBlock(doc, ['graph'])) {
    report.error(
      valueSpan(doc, ['graph']),
      "The graph is a folded block ('>'): YAML joins its lines into one.",
      "Write 'graph: |' to keep one statement a line.",
      'warning',
    );
  }
  // Each statement is compiled as soon as it is parsed; parse errors, if any, are the report.
  const syntax: LocalDiagnostic[] = [];
  const symbols = new Symbols();
  const compiled = compileProgram(readStatements(scalar.value, syntax, symbols), symbols, { set });
  local(syntax);
  if (syntax.length > 0) return undefined;
  if (compiled.lastName === undefined) {
    report.error(
      valueSpan(doc, ['graph']),
      'The graph has no statements.',
      'Write one statement a line, such as: x = 2.0',
    );
    return undefined;
  }
  local(compiled.diagnostics);
  if (compiled.diagnostics.length > 0) return undefined;
  const { start, end } = compiled.spans;
  const spans = { start: new Int32Array(start.length), end: new Int32Array(end.length) };
  for (let id = 0; id < start.length; id++) {
    spans.start[id] = map.toFile(start[id]);
    spans.end[id] = map.toFile(end[id]);
  }
  return { graph: compiled.graph, idOf: compiled.idOf, lastName: compiled.lastName, spans };
}

function toFileDiagnostic(d: LocalDiagnostic, map: OffsetMap, source: Source): Diagnostic {
  return {
    severity: 'error',
    source,
    start: map.toFile(d.start),
    end: map.toFile(d.end),
    message: d.message,
    hint: d.hint,
    related: d.related?.map((r) => ({
      start: map.toFile(r.start),
      end: map.toFile(r.end),
      message: r.message,
    })),
  };
}

/** The `output` field, or the last assigned name. */
function resolveOutput(
  doc: Document.Parsed,
  compiled: Compiled,
  data: unknown,
  report: Report,
): number | undefined {
  const written =
    typeof data === 'object' && data !== null ? (data as { output?: unknown }).output : undefined;
  const ref = typeof written === 'string' ? written : compiled.lastName;
  if (ref === undefined) return undefined;
  const node = resolveNode(ref, compiled.graph, compiled.idOf);
  if (node.ok) return node.value;
  report.error(
    valueSpan(doc, ['output']),
    node.message.replace(/^Unknown node/, 'Unknown output node'),
    node.hint,
  );
  return undefined;
}

function resolveWalkthrough(
  doc: Document.Parsed,
  space: StepSpace,
  file: ScenarioFile,
  report: Report,
): WalkthroughItem[] {
  const items: WalkthroughItem[] = [];
  (file.walkthrough ?? []).forEach((fields, i) => {
    const path = ['walkthrough', i];
    const { item, problems } = resolveItem(space, fields, valueSpan(doc, path));
    for (const p of problems)
      report.error(valueSpan(doc, [...path, ...p.field.split('.')]), p.message, p.hint);
    if (item === undefined) return;
    if (item.say === undefined && item.expect === undefined && !item.pause) {
      report.error(
        valueSpan(doc, path),
        `Walkthrough item ${i + 1} does nothing.`,
        'Give it a say, an expect or pause: true.',
        'warning',
      );
    }
    items.push(item);
  });
  return items;
}

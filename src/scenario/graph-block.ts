/**
 * The `graph` field of a scenario file: parsed and compiled, with every position moved from the
 * block's own text to the file. Statements that parse are compiled even when others do not.
 */
import type { Document } from 'yaml';
import type { Graph } from '../engine/index.js';
import { scalarOffsetMap, toFileDiagnostic } from './block.js';
import { compileProgram } from './compile.js';
import type { CompiledOps } from './custom-ops.js';
import { isFoldedBlock, scalarTextAt, valueSpan } from './document.js';
import type { LocalDiagnostic } from './expression/index.js';
import { readStatements, Symbols } from './expression/index.js';
import type { Report } from './report.js';
import type { Source } from './types.js';

export interface CompiledGraph {
  readonly graph: Graph;
  /** Whether the graph has no errors; otherwise its node ids and steps mean nothing to the user. */
  readonly clean: boolean;
  /** Names looked up through the compiler's table (the graph's own index is built on demand). */
  readonly idOf: (name: string) => number | undefined;
  /** Whether a statement assigns the name, even one that failed. */
  readonly isDefined: (name: string) => boolean;
  readonly lastName?: string;
  /** File offsets of each node's text. */
  readonly spans: { readonly start: Int32Array; readonly end: Int32Array };
}

/** Undefined when there is no graph to speak of (not a string, or no statements at all). */
export function compileGraph(
  doc: Document.Parsed,
  source: Source,
  report: Report,
  set: ReadonlyMap<string, number> | undefined,
  ops?: CompiledOps,
): CompiledGraph | undefined {
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
  // Each statement is compiled as soon as it is parsed.
  const syntax: LocalDiagnostic[] = [];
  const symbols = new Symbols();
  const compiled = compileProgram(readStatements(scalar.value, syntax, symbols), symbols, {
    set,
    ops,
  });
  local(syntax);
  local(compiled.diagnostics);
  const syntaxErrors = syntax.some((d) => d.severity !== 'warning');
  if (compiled.lastName === undefined) {
    if (!syntaxErrors) {
      report.error(
        valueSpan(doc, ['graph']),
        'The graph has no statements.',
        'Write one statement a line, such as: x = 2.0',
      );
    }
    return undefined;
  }
  const { start, end } = compiled.spans;
  const spans = { start: new Int32Array(start.length), end: new Int32Array(end.length) };
  for (let id = 0; id < start.length; id++) {
    spans.start[id] = map.toFile(start[id]);
    spans.end[id] = map.toFile(end[id]);
  }
  return {
    graph: compiled.graph,
    // A failed op of the scenario's own makes its calls fail without a message of their own.
    clean: !syntaxErrors && compiled.diagnostics.length === 0 && (ops?.failed.size ?? 0) === 0,
    idOf: compiled.idOf,
    isDefined: (name) => compiled.definitionOf(name) !== undefined,
    lastName: compiled.lastName,
    spans,
  };
}

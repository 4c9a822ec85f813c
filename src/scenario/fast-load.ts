/**
 * Where the fast path starts: the file's `graph: |` block, found by its lines (a top-level key,
 * a literal block with no indicators, indented with spaces) without parsing the YAML around it.
 */

import { readFastGraph } from './fast-graph.js';
import type { CompiledGraph } from './graph-block.js';

const GRAPH_KEY = /^graph:[ ]*\|[ ]*$/m;

/** The block's lines: [from, to) in the file, and a stand-in text for the YAML without them. */
export interface GraphBlock {
  readonly from: number;
  readonly to: number;
}

/** What the rest of the file is parsed with in the block's place: a valid, non-empty graph. */
export const BLOCK_STAND_IN = '  _\n';

export function findGraphBlock(text: string): GraphBlock | undefined {
  const key = GRAPH_KEY.exec(text);
  // One document, one graph key: anything else is for the full path to sort out and report.
  if (key === null || /^graph[ ]*:/m.test(text.slice(key.index + 1))) return undefined;
  if (/^(---|\.\.\.)/m.test(text)) return undefined;
  const from = text.indexOf('\n', key.index) + 1;
  if (from === 0) return undefined;
  let indent = 0;
  let at = from;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let spaces = 0;
    while (text.charCodeAt(at + spaces) === 32) spaces++;
    const blank = at + spaces === end;
    if (indent === 0 && !blank) {
      if (spaces === 0) return undefined;
      indent = spaces;
    } else if (!blank && spaces < indent) break;
    // Leading blank lines longer than the indentation are a YAML error: the full path says so.
    if (indent === 0 && blank && spaces > 0) return undefined;
    at = end + 1;
  }
  const to = Math.min(at, text.length);
  return indent === 0 ? undefined : { from, to };
}

/** The graph of a plain block read by the fast path, or undefined for the full path. */
export function fastCompiledGraph(
  text: string,
  block: GraphBlock,
  set: ReadonlyMap<string, number> | undefined,
): CompiledGraph | undefined {
  const fast = readFastGraph(text, block.from, block.to, set);
  if (fast === undefined) return undefined;
  const { symbols, symbolOf } = fast;
  // Names stay offsets into the text until asked for, and are not kept once cut: a replay asks
  // for every node's name once.
  fast.graph.setNameSource((id) => {
    const symbol = symbolOf[id];
    return symbol < 0 ? undefined : text.slice(symbols.startOf(symbol), symbols.endOf(symbol));
  });
  const idOf = (name: string) => {
    const symbol = symbols.find(name);
    const id = symbol === undefined ? 0 : fast.nodeOf.get(symbol);
    return id === 0 ? undefined : id - 1;
  };
  return {
    graph: fast.graph,
    clean: true,
    idOf,
    isDefined: (name) => idOf(name) !== undefined,
    lastName: symbols.name(fast.last),
    spans: fast.spans,
  };
}

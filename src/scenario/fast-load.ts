/**
 * Where the fast path starts: the file's `graph: |` block, found by its lines (a top-level key,
 * a literal block with no indicators, indented with spaces) without parsing the YAML around it.
 */

import { readFastGraph } from './fast-graph.js';
import type { CompiledGraph } from './graph-block.js';

/** The block's lines: [from, to) in the file, and a stand-in text for the YAML without them. */
export interface GraphBlock {
  readonly from: number;
  readonly to: number;
}

/** What the rest of the file is parsed with in the block's place: a valid, non-empty graph. */
export const BLOCK_STAND_IN = '  _\n';

/**
 * Where the first line that starts with `prefix` starts, or -1: found with indexOf, which scans a
 * big text natively where a multiline regular expression runs in V8's interpreter on first use.
 */
export function lineStarting(text: string, prefix: string, from = 0): number {
  if (from === 0 && text.startsWith(prefix)) return 0;
  const at = text.indexOf(`\n${prefix}`, Math.max(0, from - 1));
  return at < 0 ? -1 : at + 1;
}

/** After `graph` at `at`: spaces, then the key's colon? */
function isGraphKey(text: string, at: number): boolean {
  let i = at + 'graph'.length;
  while (text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 58;
}

/** `graph:`, spaces, `|`, spaces, the end of the line. */
const BLOCK_KEY = /graph:[ ]*\|[ ]*\n/y;

export function findGraphBlock(text: string): GraphBlock | undefined {
  let key = lineStarting(text, 'graph');
  while (key >= 0 && !isGraphKey(text, key)) key = lineStarting(text, 'graph', key + 1);
  if (key < 0) return undefined;
  let other = lineStarting(text, 'graph', key + 1);
  while (other >= 0 && !isGraphKey(text, other)) other = lineStarting(text, 'graph', other + 1);
  // One document, one graph key, a plain block: anything else is for the full path to report.
  if (other >= 0 || lineStarting(text, '---') >= 0 || lineStarting(text, '...') >= 0)
    return undefined;
  BLOCK_KEY.lastIndex = key;
  if (!BLOCK_KEY.test(text)) return undefined;
  const from = BLOCK_KEY.lastIndex;
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
  const { names } = fast;
  // Names stay offsets into the text until asked for, and are not kept once cut: a replay asks
  // for every node's name once.
  fast.graph.setNameSource(names.nameSource());
  const idOf = (name: string) => {
    const id = names.findName(name);
    return id < 0 ? undefined : id;
  };
  return {
    graph: fast.graph,
    clean: true,
    idOf,
    isDefined: (name) => idOf(name) !== undefined,
    lastName: names.nameOf(fast.last),
    spans: fast.spans,
  };
}

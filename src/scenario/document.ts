/**
 * The YAML side of the file layer: parsing with positions kept, YAML's own errors as diagnostics,
 * and finding where a value (or its key) is written, for any path into the document.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
} from 'yaml';
import type { ScalarText } from './block.js';
import type { Diagnostic, Source, Span } from './types.js';

export type Path = readonly PropertyKey[];

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly diagnostics: Diagnostic[];
}

export function parseYaml(source: Source): ParsedYaml {
  const doc = parseDocument(source.text, { prettyErrors: false, keepSourceTokens: false });
  const diagnostics: Diagnostic[] = [];
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      diagnostics.push({
        severity,
        source,
        start: e.pos[0],
        end: Math.max(e.pos[0] + 1, e.pos[1]),
        message: yamlMessage(e.message),
        ...(tabIndented(source.text, e.pos[0]) ? { hint: TAB_HINT } : {}),
      });
    }
  }
  return { doc, diagnostics };
}

const TOO_DEEP = 'YAML: nested too deeply to read (a scenario needs only a few levels).';
const TAB_HINT = 'YAML does not allow tabs for indentation; use spaces';

/** Whether the fault is in (or just after) a line's indentation that has a tab. */
function tabIndented(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, offset + 1))![0];
  return offset <= lineStart + indentation.length && indentation.includes('\t');
}

/** YAML's messages without their own position (we print ours), as one sentence. */
function yamlMessage(message: string): string {
  // The parser recurses per level: thousands of nested levels run it out of stack.
  if (/call stack/i.test(message)) return TOO_DEEP;
  const plain = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  return `YAML: ${plain.charAt(0).toLowerCase()}${plain.slice(1)}${plain.endsWith('.') ? '' : '.'}`;
}

interface Located {
  /** The deepest node on the path that exists. */
  readonly node: Node | null;
  /** The key of the last step, when the path ends in a mapping entry that exists. */
  readonly key?: Node;
  /** Whether the whole path exists. */
  readonly found: boolean;
}

export function locate(doc: Document.Parsed, path: Path): Located {
  let node: Node | null = doc.contents;
  let key: Node | undefined;
  for (const step of path) {
    if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      if (pair === undefined) return { node, found: false };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
      if (node === null) return { node: key, key, found: true };
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      key = undefined;
      node = node.items[step] as Node;
    } else {
      return { node, found: false };
    }
  }
  return { node, key, found: true };
}

/** Where the value at `path` is written; an empty value is shown at its key. */
export function valueSpan(doc: Document.Parsed, path: Path): Span {
  const { node, key } = locate(doc, path);
  const span = spanOf(node);
  return span.start === span.end && key !== undefined ? spanOf(key) : span;
}

export function keySpan(doc: Document.Parsed, path: Path): Span {
  const { node, key } = locate(doc, path);
  return spanOf(key ?? node);
}

function spanOf(node: Node | null | undefined): Span {
  const range = node?.range;
  return range == null ? { start: 0, end: 0 } : { start: range[0], end: range[1] };
}

/** The graph scalar as the offset map needs it, when the value at `path` is a string scalar. */
export function scalarTextAt(doc: Document.Parsed, path: Path): ScalarText | undefined {
  const { node, found } = locate(doc, path);
  if (!found || !isScalar(node) || typeof node.value !== 'string' || node.range == null)
    return undefined;
  return { value: node.value, start: node.range[0], end: node.range[1], style: styleOf(node) };
}

function styleOf(node: Scalar): ScalarText['style'] {
  switch (node.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return 'block';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    default:
      return 'plain';
  }
}

/** Whether the graph is a folded block (`>`), which joins statements into one line. */
export function isFoldedBlock(doc: Document.Parsed, path: Path): boolean {
  const { node } = locate(doc, path);
  return isScalar(node) && node.type === 'BLOCK_FOLDED';
}

/** How a value reads in a message: `a number (42)`, `a list`, `an empty value`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? `a number (${value})` : `${value}`;
  if (typeof value === 'string')
    return `a string ('${value.length > 20 ? `${value.slice(0, 19)}…` : value}')`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

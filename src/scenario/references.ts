/**
 * The parts of a scenario file that name nodes of its graph: `output` and the walkthrough. With a
 * clean graph every step and node is resolved; in a graph with errors, node ids and step numbers
 * would be guesses, so only that each name is defined somewhere is checked.
 */
import type { Document } from 'yaml';
import { valueSpan } from './document.js';
import type { CompiledGraph } from './graph-block.js';
import type { Report } from './report.js';
import { type ScenarioFile, walkthroughItem } from './schema.js';
import type { Span, WalkthroughItem } from './types.js';
import {
  type ItemFields,
  type Parsed,
  parseStepText,
  resolveItem,
  resolveNode,
  type StepSpace,
} from './walkthrough.js';

const NODE_ID = /^#[0-9]+$/;

/** The `output` field, or the last assigned name; undefined when it is unknown or unreliable. */
export function resolveOutput(
  doc: Document.Parsed,
  compiled: CompiledGraph,
  data: unknown,
  report: Report,
): number | undefined {
  const written =
    typeof data === 'object' && data !== null ? (data as { output?: unknown }).output : undefined;
  // An empty `output` is the schema's to report.
  const ref = typeof written === 'string' && written !== '' ? written : compiled.lastName;
  if (ref === undefined) return undefined;
  const node = lookUp(ref, compiled);
  if (node === undefined || node.ok) return node?.value;
  report.error(
    valueSpan(doc, ['output']),
    node.message.replace(/^Unknown node/, 'Unknown output node'),
    node.hint,
  );
  return undefined;
}

/** A node by name or `#ID`; undefined when the graph has errors and the ref cannot be judged. */
function lookUp(ref: string, compiled: CompiledGraph): Parsed<number> | undefined {
  if (!compiled.clean && (NODE_ID.test(ref) || compiled.isDefined(ref))) return undefined;
  return resolveNode(ref, compiled.graph, compiled.idOf);
}

export interface NumberedItem {
  /** Index in the file's walkthrough list. */
  readonly index: number;
  readonly fields: ItemFields;
}

/** The walkthrough items that pass the schema, even when other items or fields do not. */
export function validItems(
  file: { success: true; data: ScenarioFile } | { success: false },
  data: unknown,
): NumberedItem[] {
  if (file.success)
    return (file.data.walkthrough ?? []).map((fields, index) => ({ index, fields }));
  const list =
    typeof data === 'object' && data !== null
      ? (data as { walkthrough?: unknown }).walkthrough
      : undefined;
  if (!Array.isArray(list)) return [];
  const items: NumberedItem[] = [];
  list.forEach((raw, index) => {
    const item = walkthroughItem.safeParse(raw);
    if (item.success) items.push({ index, fields: item.data });
  });
  return items;
}

export function resolveWalkthrough(
  doc: Document.Parsed,
  space: StepSpace,
  items: readonly NumberedItem[],
  report: Report,
): WalkthroughItem[] {
  const resolved: WalkthroughItem[] = [];
  for (const { index, fields } of items) {
    const path = ['walkthrough', index];
    const { item, problems } = resolveItem(space, fields, valueSpan(doc, path));
    for (const p of problems)
      report.error(valueSpan(doc, [...path, ...p.field.split('.')]), p.message, p.hint);
    if (item === undefined) continue;
    if (
      item.say === undefined &&
      item.expect === undefined &&
      item.predict === undefined &&
      !item.pause
    ) {
      report.error(
        valueSpan(doc, path),
        `Walkthrough item ${index + 1} does nothing.`,
        'Give it a say, an expect or pause: true.',
        'warning',
      );
    }
    resolved.push(item);
  }
  return resolved;
}

/** Without a usable graph or output: the node names items refer to, each checked on its own. */
export function checkWalkthroughNames(
  doc: Document.Parsed,
  compiled: CompiledGraph,
  items: readonly NumberedItem[],
  report: Report,
): void {
  const check = (ref: string, span: Span) => {
    const node = lookUp(ref, compiled);
    if (node !== undefined && !node.ok) report.error(span, node.message, node.hint);
  };
  for (const { index, fields } of items) {
    const path = ['walkthrough', index];
    const step = parseStepText(fields.at ?? 'start');
    if (step.ok && (step.value.kind === 'forward-node' || step.value.kind === 'backward-node'))
      check(step.value.node, valueSpan(doc, [...path, 'at']));
    if (fields.expect !== undefined)
      check(fields.expect.node, valueSpan(doc, [...path, 'expect', 'node']));
    if (fields.predict !== undefined)
      check(fields.predict.node, valueSpan(doc, [...path, 'predict', 'node']));
  }
}

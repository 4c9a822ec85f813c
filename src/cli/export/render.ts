import { opLabel } from '../../engine/index.js';
import type { Scenario } from '../../scenario/index.js';
import { formatValue, gradsDiffer } from '../../session/index.js';
import type { NodeValues } from '../graph-json.js';

/** What the drawings show of one node: its label and its values at the chosen step. */
interface Drawn {
  readonly label: string;
  readonly data: string;
  readonly grad: string;
}

function drawn(scenario: Scenario, values: NodeValues, precision: number | undefined) {
  return (id: number): Drawn => ({
    label: scenario.labelOf(id),
    data: formatValue(values.data(id) ?? undefined, precision),
    grad: gradText(values, id, precision),
  });
}

/** The grad, and in a wrong backward mode the correct one beside it where they differ. */
function gradText(values: NodeValues, id: number, precision: number | undefined): string {
  const grad = values.grad(id) ?? undefined;
  const text = formatValue(grad, precision);
  if (values.correctGrad === undefined) return text;
  const correct = values.correctGrad(id) ?? undefined;
  return gradsDiffer(grad, correct) ? `${text} ≠ correct ${formatValue(correct, precision)}` : text;
}

/** Each op node's symbol (`*`, `tanh`, `**3`, `neg`), which both drawings put in a node of its own. */
const opSymbol = (scenario: Scenario, id: number): string | undefined =>
  opLabel(scenario.graph, id) || undefined;

/**
 * Graphviz in the spirit of micrograd's draw_dot: left to right, a record `label | data | grad` per
 * value, and a small node per op between its inputs and its result. `x * x` draws two edges.
 */
export function toDot(scenario: Scenario, values: NodeValues, precision?: number): string {
  const show = drawn(scenario, values, precision);
  const quote = (text: string) => text.replace(/[\\{}|<>"]/g, (c) => `\\${c}`);
  const lines = ['digraph gradstep {', '  rankdir=LR;', '  node [shape=record];'];
  for (let id = 0; id < scenario.graph.size; id++) {
    const { label, data, grad } = show(id);
    lines.push(
      `  n${id} [label="{ ${quote(label)} | data ${quote(data)} | grad ${quote(grad)} }"];`,
    );
    const symbol = opSymbol(scenario, id);
    if (symbol === undefined) continue;
    lines.push(`  n${id}_op [label="${quote(symbol)}", shape=ellipse];`);
    for (const input of scenario.graph.inputsOf(id)) lines.push(`  n${input} -> n${id}_op;`);
    lines.push(`  n${id}_op -> n${id};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A Mermaid flowchart of the same drawing, for Markdown documentation. */
/**
 * What Mermaid draws by default: more edges, or more text, and it shows an error instead of the
 * graph. Both limits are secure settings, which a diagram cannot raise for itself.
 */
export const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 } as const;

/** Why Mermaid would refuse this drawing as it is configured by default, and how to raise it. */
export function mermaidLimitNotes(mermaid: string): string[] {
  const edges = mermaid.match(/ --> /g)?.length ?? 0;
  const raise = (setting: string, value: number) =>
    `raise ${setting} where Mermaid is initialized (mermaid.initialize({ ${setting}: ${value} }), or a config file {"${setting}": ${value}} for mmdc): a diagram cannot set it itself`;
  const notes: string[] = [];
  if (edges > MERMAID_LIMITS.maxEdges) {
    notes.push(
      `this drawing has ${edges} edges; Mermaid draws at most ${MERMAID_LIMITS.maxEdges} by default: ${raise('maxEdges', edges)}`,
    );
  }
  if (mermaid.length > MERMAID_LIMITS.maxTextSize) {
    notes.push(
      `this drawing is ${mermaid.length} characters; Mermaid reads at most ${MERMAID_LIMITS.maxTextSize} by default: ${raise('maxTextSize', mermaid.length)}`,
    );
  }
  return notes;
}

export function toMermaid(scenario: Scenario, values: NodeValues, precision?: number): string {
  const show = drawn(scenario, values, precision);
  const quote = (text: string) =>
    text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  const lines = ['flowchart LR'];
  for (let id = 0; id < scenario.graph.size; id++) {
    const { label, data, grad } = show(id);
    lines.push(`  n${id}["${quote(label)}<br/>data ${quote(data)}<br/>grad ${quote(grad)}"]`);
    const symbol = opSymbol(scenario, id);
    if (symbol === undefined) continue;
    lines.push(`  n${id}_op(("${quote(symbol)}"))`);
    for (const input of scenario.graph.inputsOf(id)) lines.push(`  n${input} --> n${id}_op`);
    lines.push(`  n${id}_op --> n${id}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `--set NAME=VALUE` overrides of input values. They come from the command line, not the file, so
 * their diagnostics point into a source of their own, named `<command-line>`, whose text is the
 * overrides written back as options: `<command-line>:1:7: error: ...` then `--set w3=1`, caret
 * under `w3`.
 */
import { type Graph, OpCode } from '../engine/index.js';
import { namedNodes } from './names.js';
import { suggest } from './suggest.js';
import type { Diagnostic, Source } from './types.js';

const COMMAND_LINE = '<command-line>';

/** A diagnostic for each overridden name that is not an input (the compiler sets the inputs). */
export function checkOverrides(
  graph: Graph,
  idOf: (name: string) => number | undefined,
  set: ReadonlyMap<string, number> | undefined,
): Diagnostic[] {
  if (set === undefined || set.size === 0) return [];
  const options = [...set].map(([name, value]) => ({ name, option: `--set ${name}=${value}` }));
  const source: Source = { name: COMMAND_LINE, text: options.map((o) => o.option).join(' ') };
  const inputs = [...namedNodes(graph)]
    .filter(([, id]) => graph.opOf(id) === OpCode.input)
    .map(([name]) => name);
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const { name, option } of options) {
    const start = offset + '--set '.length;
    offset += option.length + 1;
    const id = idOf(name);
    if (id !== undefined && graph.opOf(id) === OpCode.input) continue;
    const close = suggest(name, inputs);
    const message =
      id === undefined
        ? `--set names an unknown input '${name}'.`
        : `--set cannot change '${name}': it is computed by the graph, not an input.`;
    const hint =
      id === undefined && close !== undefined
        ? `Did you mean '${close}'?`
        : inputs.length > 0
          ? `The inputs are: ${inputs.join(', ')}.`
          : 'The graph has no inputs.';
    diagnostics.push({ severity: 'error', source, start, end: start + name.length, message, hint });
  }
  return diagnostics;
}

import { opSpec } from '../../engine/index.js';
import { nodeValue, stepName } from '../../session/index.js';
import { jsonNumber } from '../format.js';
import { nodesJson } from '../graph-json.js';
import type { Transcript } from './drive.js';

/** JSON Lines: one `step` object per block, then one `final` object with every node. */
export function transcriptJson(transcript: Transcript): string {
  const { scenario, final } = transcript;
  const lines: unknown[] = transcript.blocks.map((block) => {
    const { step } = block;
    const node =
      step === undefined
        ? null
        : {
            id: step.node,
            name: scenario.graph.nameOf(step.node) ?? null,
            label: scenario.labelOf(step.node),
            op: opSpec(scenario.graph.opOf(step.node)).name,
          };
    return {
      type: 'step',
      step: block.to,
      phase: step?.phase ?? null,
      node,
      data: step === undefined ? null : jsonNumber(step.data),
      contributions: (step?.contributions ?? []).map((c) => ({
        to: c.to,
        local: jsonNumber(c.local),
        term: jsonNumber(c.term),
        before: jsonNumber(c.before),
        after: jsonNumber(c.after),
      })),
      say: block.say,
      expects: block.expects.map((e) => ({
        node: scenario.labelOf(e.node),
        field: e.field,
        expected: jsonNumber(e.expected),
        actual: jsonNumber(e.actual),
        ok: e.ok,
      })),
    };
  });
  lines.push({
    type: 'final',
    step: stepName(final.timeline, final.position),
    nodes: nodesJson(scenario, {
      data: (id) => nodeValue(final, id, 'data') ?? null,
      grad: (id) => nodeValue(final, id, 'grad') ?? null,
    }),
  });
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

import { type Scenario, safeJson } from '../../scenario/index.js';
import { type StepInfo, scoreOf, stepName } from '../../session/index.js';
import { jsonNumber } from '../format.js';
import { nodeJson, sessionValues } from '../graph-json.js';
import type { ReplayBlock } from './drive.js';
import type { TranscriptFormat } from './writer.js';

/** JSON Lines: one `step` object per block, then one `final` object with every node. */
export function jsonFormat(scenario: Scenario): TranscriptFormat {
  return {
    narrates: false,
    head: () => {},
    block: (block, write) => write(`${safeJson(stepJson(scenario, block))}\n`),
    tail(final, write) {
      // The final line lists every node: written node by node, never held whole.
      const step = safeJson(stepName(final, final.position));
      const score = { ...scoreOf(final), total: final.predictions.length };
      write(`{"type":"final","step":${step},"predictions":${JSON.stringify(score)},"nodes":[`);
      const values = sessionValues(final);
      for (let id = 0; id < scenario.graph.size; id++) {
        write(`${id === 0 ? '' : ','}${safeJson(nodeJson(scenario, id, values))}`);
      }
      write(']}\n');
    },
  };
}

function stepJson(scenario: Scenario, block: ReplayBlock) {
  const { step } = block;
  const node =
    step === undefined
      ? null
      : {
          id: step.node,
          name: scenario.graph.nameOf(step.node) ?? null,
          label: scenario.labelOf(step.node),
          op: scenario.graph.spec(step.node).name,
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
    ...trainingJson(scenario, step),
    say: block.say,
    expects: block.expects.map((e) => ({
      node: scenario.labelOf(e.node),
      field: e.field,
      expected: jsonNumber(e.expected),
      actual: jsonNumber(e.actual),
      ok: e.ok,
    })),
    predictions: block.predictions.map((a) => ({
      node: scenario.labelOf(a.prediction.node),
      field: a.prediction.field,
      answer: jsonNumber(a.answer),
      actual: jsonNumber(a.actual),
      ok: a.ok,
      skipped: a.answer === null,
    })),
  };
}

/**
 * An update step's change, and for a whole iteration (I2…) its loss and every parameter's value
 * after its updates.
 */
function trainingJson(scenario: Scenario, step: StepInfo | undefined): Record<string, unknown> {
  if (step?.update !== undefined) {
    const { lr, grad, before, after } = step.update;
    return {
      update: { lr, grad: jsonNumber(grad), before: jsonNumber(before), after: jsonNumber(after) },
    };
  }
  if (step?.params === undefined) return {};
  const ids = scenario.training?.params ?? [];
  const params = Object.fromEntries(
    step.params.map((value, k) => [scenario.labelOf(ids[k]), jsonNumber(value)]),
  );
  return { iteration: step.iteration, loss: jsonNumber(step.data), params };
}

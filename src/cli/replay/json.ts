import { type Scenario, safeJson } from '../../scenario/index.js';
import {
  type ExpectResult,
  type SessionState,
  type StepInfo,
  scoreOf,
  shapeOf,
  stepName,
} from '../../session/index.js';
import { nodeJson, sessionValues } from '../graph-json.js';
import { jsonNumber } from '../json-number.js';
import type { AskedPrediction, ReplayBlock } from './drive.js';
import type { TranscriptFormat } from './writer.js';

export interface JsonTranscriptInput {
  readonly file: string;
  readonly scenario: Scenario;
  readonly session: SessionState;
  readonly version: string;
}

/**
 * JSON Lines: one `header` object (what is replayed, by which gradstep, and how many steps it
 * has), one `step` object per block, then one `final` object with every node.
 */
export function jsonFormat(input: JsonTranscriptInput): TranscriptFormat {
  const { scenario } = input;
  return {
    narrates: false,
    head: (write) => write(`${safeJson(headerJson(input))}\n`),
    block: (block, write) => write(`${stepLine(scenario, block)}\n`),
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

function headerJson({ file, scenario, session, version }: JsonTranscriptInput) {
  const shape = shapeOf(session);
  const output = { id: shape.output, name: scenario.graph.nameOf(shape.output) ?? null };
  return {
    type: 'header',
    tool: 'gradstep',
    version,
    file,
    title: scenario.title,
    mode: shape.mode,
    nodes: shape.nodes,
    output,
    // Per iteration: forward steps, B0 and the backward steps after it, updates.
    steps: {
      forward: shape.forwardCount,
      backward: shape.backwardSteps + 1,
      updates: shape.updates,
      iterations: shape.iterations,
      end: shape.total,
    },
  };
}

/** Names, step names and op names are usually plain words, which JSON writes as they are. */
const WORD = /^[\w.]*$/;
/** A string or null as JSON, safe on a terminal. */
const text = (value: string | null): string =>
  value === null ? 'null' : WORD.test(value) ? `"${value}"` : safeJson(value);
/** JSON writes a finite number as String does. */
const num = (value: number | null | undefined): string =>
  typeof value === 'number' && Number.isFinite(value)
    ? String(value)
    : JSON.stringify(jsonNumber(value));
/** An array as JSON; most steps have none of these. */
const list = <T>(items: readonly T[], json: (item: T) => unknown): string =>
  items.length === 0 ? '[]' : safeJson(items.map(json));

/**
 * A `step` object, written field by field in the order the shape lists them: a chain replays
 * millions of steps, and an object per step, its contributions and their stringify were most of
 * the time and garbage of a JSON replay.
 */
function stepLine(scenario: Scenario, block: ReplayBlock): string {
  const { step } = block;
  const { graph } = scenario;
  const node =
    step === undefined
      ? 'null'
      : `{"id":${step.node},"name":${text(graph.nameOf(step.node) ?? null)},"label":${text(scenario.labelOf(step.node))},"op":${text(graph.spec(step.node).name)}}`;
  const contributions = (step?.contributions ?? []).map(
    (c) =>
      `{"to":${c.to},"local":${num(c.local)},"term":${num(c.term)},"before":${num(c.before)},"after":${num(c.after)}}`,
  );
  const training =
    step?.update === undefined && step?.params === undefined
      ? ''
      : safeJson(trainingJson(scenario, step)).slice(1, -1);
  const fields = [
    `{"type":"step","step":${text(block.to)},"phase":${text(step?.phase ?? null)}`,
    `"node":${node}`,
    `"data":${step === undefined ? 'null' : num(step.data)}`,
    `"contributions":[${contributions.join(',')}]`,
    ...(training === '' ? [] : [training]),
    `"say":${list(block.say, (line) => line)}`,
    `"expects":${list(block.expects, (e) => expectJson(scenario, e))}`,
    `"predictions":${list(block.predictions, (a) => predictionJson(scenario, a))}}`,
  ];
  return fields.join(',');
}

function expectJson(scenario: Scenario, e: ExpectResult) {
  return {
    node: scenario.labelOf(e.node),
    field: e.field,
    expected: jsonNumber(e.expected),
    actual: jsonNumber(e.actual),
    ok: e.ok,
  };
}

function predictionJson(scenario: Scenario, a: AskedPrediction) {
  return {
    node: scenario.labelOf(a.prediction.node),
    field: a.prediction.field,
    answer: jsonNumber(a.answer),
    actual: jsonNumber(a.actual),
    ok: a.ok,
    skipped: a.answer === null,
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

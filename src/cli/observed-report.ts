/** What `check` says about a file's `observed:` block: the user's values against gradstep's. */
import type { Painter, Scenario } from '../scenario/index.js';
import { DIFFERS_DATA, DIFFERS_GRAD, type ObservedReport } from '../session/index.js';
import { type JsonNumber, jsonNumber } from './json-number.js';

/** The summary lines: a verdict, then the first data and the first grad where the values part. */
export function observedText(scenario: Scenario, report: ObservedReport, paint: Painter): string[] {
  const tol = scenario.observed?.tol ?? 0;
  const nodes = `${report.count} node${report.count === 1 ? '' : 's'}`;
  if (report.count === 0) {
    return [
      `your values: ${paint('green', 'all agree')} with gradstep's (${report.compared} compared, tol ${tol})`,
    ];
  }
  const lines = [
    `your values: ${paint('red', `differ at ${nodes}`)} (${report.compared} compared, tol ${tol})`,
  ];
  if (report.firstData !== undefined) lines.push(`  first data: ${report.firstData.text}`);
  if (report.firstGrad !== undefined) lines.push(`  first grad: ${report.firstGrad.text}`);
  return lines;
}

export interface ObservedJson {
  readonly compared: number;
  /** Every node where a value differs: the field(s), yours and gradstep's. */
  readonly differs: readonly {
    readonly id: number;
    readonly name: string;
    readonly field: 'data' | 'grad';
    readonly yours: JsonNumber;
    readonly correct: JsonNumber;
  }[];
  readonly firstData: ObservedMismatchJson | null;
  readonly firstGrad: ObservedMismatchJson | null;
}

interface ObservedMismatchJson {
  readonly id: number;
  readonly name: string;
  readonly yours: JsonNumber;
  readonly correct: JsonNumber;
  readonly message: string;
}

export function observedJson(scenario: Scenario, report: ObservedReport): ObservedJson {
  const observed = scenario.observed;
  const differs: ObservedJson['differs'][number][] = [];
  report.differs.forEach((bits, id) => {
    const name = scenario.labelOf(id);
    if (bits & DIFFERS_DATA && observed !== undefined)
      differs.push({
        id,
        name,
        field: 'data',
        yours: jsonNumber(observed.data[id]),
        correct: jsonNumber(scenario.graph.data[id]),
      });
    if (bits & DIFFERS_GRAD && observed !== undefined)
      differs.push({
        id,
        name,
        field: 'grad',
        yours: jsonNumber(observed.grad[id]),
        correct: jsonNumber(report.correctGrad[id]),
      });
  });
  const first = (m: ObservedReport['firstData']): ObservedMismatchJson | null =>
    m === undefined
      ? null
      : {
          id: m.node,
          name: scenario.labelOf(m.node),
          yours: jsonNumber(m.yours),
          correct: jsonNumber(m.correct),
          message: m.text,
        };
  return {
    compared: report.compared,
    differs,
    firstData: first(report.firstData),
    firstGrad: first(report.firstGrad),
  };
}

/** `check`'s lines and JSON about the derivatives written for a scenario's own ops. */
import type { DerivativeCheck } from '../engine/index.js';
import { lineColumn, type Scenario } from '../scenario/index.js';
import type { Analysis } from './analyze.js';
import { type JsonNumber, jsonNumber } from './json-number.js';

interface Named {
  readonly op: string;
  readonly arg: string;
  /** `file:line:col` of the op's definition. */
  readonly where: string;
  readonly line: number;
  readonly col: number;
}

function named(scenario: Scenario, c: DerivativeCheck): Named {
  const code = scenario.graph.op[c.node];
  const op = scenario.customOps.find((o) => o.code === code);
  const { line, col } = lineColumn(scenario.source, op?.span.start ?? 0);
  return {
    op: op?.name ?? scenario.graph.spec(c.node).name,
    arg: op?.args[c.slot] ?? String(c.slot),
    where: `${scenario.source.name}:${line}:${col}`,
    line,
    col,
  };
}

/** One line per wrong derivative: the op and where it is defined, the argument, node, both numbers. */
export function derivativeLines(analysis: Analysis, num: (v: number) => string): string[] {
  const { scenario, derivatives } = analysis;
  if (derivatives.checks.length === 0) return [];
  const { failed, checks } = derivatives;
  const lines = [
    failed.length === 0
      ? `  written derivatives: all ${checks.length} checks passed`
      : `  written derivatives: ${failed.length} of ${checks.length} checks FAILED`,
  ];
  for (const c of failed) {
    const n = named(scenario, c);
    const node = scenario.labelOf(c.node);
    const line = scenario.lineOf(c.node);
    const at = line === undefined ? node : `${node} (line ${line})`;
    lines.push(
      `    ${n.where}: op ${n.op}, d/d${n.arg} is wrong at ${at}: analytic ${num(c.analytic)}, numeric ${num(c.numeric)}`,
    );
  }
  return lines;
}

export interface DerivativeJson {
  readonly op: string;
  readonly arg: string;
  readonly node: number;
  readonly status: DerivativeCheck['status'];
  readonly analytic: JsonNumber;
  readonly numeric: JsonNumber;
  readonly line: number;
  readonly col: number;
}

export function derivativesJson(analysis: Analysis): DerivativeJson[] {
  return analysis.derivatives.checks.map((c) => {
    const { op, arg, line, col } = named(analysis.scenario, c);
    const { node, status } = c;
    return {
      op,
      arg,
      node,
      status,
      analytic: jsonNumber(c.analytic),
      numeric: jsonNumber(c.numeric),
      line,
      col,
    };
  });
}

import { type GradCheckReport, type NodeCheck, OpCode } from '../engine/index.js';
import { type Painter, painter, type Scenario } from '../scenario/index.js';
import { correctGrad, formatNumber, formatValue, shapeOf, stepName } from '../session/index.js';
import type { Analysis, TrainingResult } from './analyze.js';
import { derivativeLines } from './derivative-report.js';
import { observedText } from './observed-report.js';

/** How many failed (or skipped) nodes the human summary lists before saying how many more. */
const LISTED = 10;

/** Why the grad check skipped a node, as the summary says it. */
const SKIP_REASONS: Record<NonNullable<NodeCheck['reason']>, string> = {
  kink: 'crosses a kink',
  nonfinite: 'non-finite value',
  precision: 'the finite difference cannot resolve this grad',
};

/** `check` shows every digit unless asked for fewer: its numbers are meant to be copied. */
export const CHECK_PRECISION = 17;

export interface TextOptions {
  readonly precision?: number;
  readonly color: boolean;
}

/** The human summary of one checked file. */
export function checkText(file: string, analysis: Analysis, options: TextOptions): string {
  const { scenario, gradcheck, nonFinite, expects } = analysis;
  const { graph, output } = scenario;
  const paint = painter(options.color);
  const precision = options.precision ?? CHECK_PRECISION;
  const num = (v: number) => formatNumber(v, precision);
  const lines = [`${paint('bold', file)}: ${scenario.title}`];

  const rows: string[][] = [
    ['output', scenario.labelOf(output), num(graph.data[output]), num(graph.grad[output])],
  ];
  for (let id = 0; id < graph.size; id++) {
    if (graph.opOf(id) === OpCode.input)
      rows.push(['input', scenario.labelOf(id), num(graph.data[id]), num(graph.grad[id])]);
  }
  // Measured once per column, not per row (a model has hundreds of inputs), without spreading
  // the rows into arguments (a graph with 200,000 inputs would overflow the stack).
  const [kinds, names, datas] = [0, 1, 2].map((col) =>
    rows.reduce((widest, r) => Math.max(widest, r[col].length), 0),
  );
  for (const [kind, name, data, grad] of rows) {
    lines.push(
      `  ${kind.padEnd(kinds)}  ${name.padEnd(names)}  data ${data.padEnd(datas)}  grad ${grad}`,
    );
  }

  lines.push(...modeLines(analysis, num, paint));
  lines.push(...derivativeLines(analysis, num));
  lines.push(`  ${gradcheckText(scenario, gradcheck, options.precision, paint)}`);
  const failures = gradcheck.failed.map(
    (f) =>
      `${nodeRef(scenario, f.id)}: analytic ${num(f.analytic)}, numeric ${num(f.numeric)}, relative error ${num(f.relError)}`,
  );
  const skips = gradcheck.results
    .filter((r) => r.status === 'skipped')
    .map((r) => `skipped ${nodeRef(scenario, r.id)}: ${SKIP_REASONS[r.reason ?? 'nonfinite']}`);
  for (const list of [failures, skips]) {
    lines.push(...list.slice(0, LISTED).map((line) => `    ${line}`));
    if (list.length > LISTED) lines.push(`    … and ${list.length - LISTED} more`);
  }
  if (nonFinite !== undefined) {
    const where = nodeRef(scenario, nonFinite.id);
    lines.push(
      `  ${paint('red', 'non-finite')}: first at ${where}: ${nonFinite.field} = ${num(nonFinite.value)}`,
    );
  }
  for (const e of expects) {
    const { expected, actual, ok } = e;
    const target = `${scenario.labelOf(e.node)}.${e.field}`;
    const written = scenario.walkthrough[e.item].atText;
    const step = stepName(analysis.session, e.position);
    const at = written === step ? step : `${written} (${step})`;
    const verdict = ok ? paint('green', 'ok') : paint('red', 'FAILED');
    lines.push(
      `  expect at ${at}: ${target} = ${formatValue(actual ?? undefined, precision)}, expected ${num(expected)}: ${verdict}`,
    );
  }
  if (analysis.observed !== undefined)
    lines.push(...observedText(scenario, analysis.observed, paint).map((line) => `  ${line}`));
  if (analysis.training !== undefined)
    lines.push(`  ${trainingText(analysis.training, num, paint)}`);
  lines.push(`  ${analysis.exitCode === 0 ? paint('green', 'ok') : paint('red', 'FAILED')}`);
  return `${lines.join('\n')}\n`;
}

/** In a wrong mode: which nodes' final grads differ from the correct run's, at most LISTED. */
function modeLines(analysis: Analysis, num: (v: number) => string, paint: Painter): string[] {
  const { session, scenario, mismatches } = analysis;
  const { mode } = shapeOf(session);
  if (mode === 'correct') return [];
  const { grad } = scenario.graph;
  const n = mismatches.length;
  const verdict =
    n === 0
      ? paint('green', 'every grad matches the correct run')
      : paint('red', `${n} grad${n === 1 ? ' differs' : 's differ'} from the correct run`);
  const lines = [`  mode ${mode}: ${verdict}`];
  for (const id of mismatches.slice(0, LISTED)) {
    const correct = correctGrad(session, id) ?? Number.NaN;
    lines.push(`    ${nodeRef(scenario, id)}: grad ${num(grad[id])}, correct ${num(correct)}`);
  }
  if (n > LISTED) lines.push(`    … and ${n - LISTED} more`);
  return lines;
}

/** The verdict line; the failed and skipped nodes are listed below it. */
function gradcheckText(
  scenario: Scenario,
  report: GradCheckReport,
  precision: number | undefined,
  paint: Painter,
): string {
  if (report.total === 0) {
    const { graph, output } = scenario;
    const why =
      graph.opOf(output) === OpCode.input
        ? `the output is the input ${scenario.labelOf(output)} itself: its grad is 1`
        : 'the output depends on no input';
    return `grad check: nothing to check (${why})`;
  }
  const examined = report.results.length;
  if (examined === 0) return `grad check: not run (0 of ${report.total} nodes checked)`;
  const sample = examined < report.total;
  if (report.maxRelError === undefined) {
    const of = sample ? ` (a sample of ${report.total}: the budget ran out)` : '';
    return `grad check ${paint('yellow', 'inconclusive')}: all ${examined} examined nodes skipped${of}`;
  }
  const verdict =
    report.failed.length === 0
      ? paint('green', 'passed')
      : paint(
          'red',
          `FAILED at ${report.failed.length} node${report.failed.length === 1 ? '' : 's'}`,
        );
  const sampled = sample ? ' (a sample: the budget ran out)' : '';
  const skipped = report.skipped.length === 0 ? '' : `, ${report.skipped.length} skipped`;
  return `grad check ${verdict}: checked ${report.checked} of ${report.total} nodes${sampled}${skipped}, max relative error ${formatNumber(report.maxRelError, precision ?? 2)}`;
}

/**
 * Why a valid scenario fails its check, in a few words per kind (a non-finite value, grad-check
 * mismatches, failed expects), for commands that print something else and report it on the side.
 */
export function failureReasons(analysis: Analysis): string[] {
  const { scenario, gradcheck, nonFinite, expects } = analysis;
  const reasons: string[] = [];
  if (nonFinite !== undefined) {
    const where = scenario.labelOf(nonFinite.id);
    reasons.push(`a non-finite value (first ${where}.${nonFinite.field} = ${nonFinite.value})`);
  }
  const failed = gradcheck.failed.length;
  if (failed > 0) reasons.push(`the grad check fails at ${failed} node${failed === 1 ? '' : 's'}`);
  const wrongDerivatives = analysis.derivatives.failed.length;
  if (wrongDerivatives > 0) {
    const s = wrongDerivatives === 1 ? ' is' : 's are';
    reasons.push(`${wrongDerivatives} written derivative${s} wrong`);
  }
  const departed = analysis.mismatches.length;
  if (departed > 0) {
    const mode = shapeOf(analysis.session).mode;
    const s = departed === 1 ? ' differs' : 's differ';
    reasons.push(`${departed} grad${s} from the correct run (mode ${mode})`);
  }
  const wrong = expects.filter((e) => !e.ok).length;
  if (wrong > 0) reasons.push(`${wrong} walkthrough expect${wrong === 1 ? '' : 's'} failed`);
  const differ = analysis.observed?.count ?? 0;
  if (differ > 0)
    reasons.push(`your observed values differ at ${differ} node${differ === 1 ? '' : 's'}`);
  return reasons;
}

/** `x` for named nodes, `#3 (2 * x)` for unnamed ones, with the source line when known. */
function nodeRef(scenario: Scenario, id: number): string {
  const name = scenario.graph.nameOf(id);
  const label = name ?? `#${id} (${scenario.labelOf(id)})`;
  const line = scenario.lineOf(id);
  return line === undefined ? label : `${label} at line ${line}`;
}

/** `loss I1 3.14 → I20 0.035 (20 iterations; expect falls: ok)`. */
function trainingText(
  training: TrainingResult,
  num: (x: number) => string,
  paint: Painter,
): string {
  const { losses, expect, ok } = training;
  const n = losses.length;
  const range =
    n === 1 ? `I1 ${num(losses[0])}` : `I1 ${num(losses[0])} → I${n} ${num(losses[n - 1])}`;
  const verdict =
    expect === undefined
      ? ''
      : `; expect ${expect}: ${ok ? paint('green', 'ok') : paint('red', 'FAILED')}`;
  return `loss ${range} (${n} iteration${n === 1 ? '' : 's'}${verdict})`;
}

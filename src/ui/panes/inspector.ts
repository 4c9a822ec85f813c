import { GIVEN_DATA, GIVEN_GRAD } from '../../scenario/index.js';
import {
  contributionArithmetic,
  correctGrad,
  DIFFERS_DATA,
  DIFFERS_GRAD,
  derivativeChecksOf,
  derivativeFindings,
  type ExpectResult,
  formatNumber,
  formatValue,
  gradCheckOf,
  gradCheckStatus,
  gradMismatch,
  isAwaited,
  iterationAt,
  ledgerOf,
  nodeFacts,
  observedReportOf,
  scenarioOf,
  shapeOf,
  stepName,
  trainingOf,
  UNKNOWN,
} from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import { type ScreenModel, shownValue } from '../screen-model.js';
import { painter, visibleWidth, wrapFormula } from '../text.js';

/**
 * The selected node: its definition and source line, op and local derivatives, inputs, data and
 * grad (formatted as in the graph and the step panel), the grad ledger with every contribution
 * written as the narration writes it, and the grad check once the grad is final.
 */
export function inspectorLines(model: ScreenModel, width: number): string[] {
  const { session, view, precision } = model;
  const paint = painter(model.color);
  const id = view.selected;
  const scenario = scenarioOf(session);
  if (id < 0 || id >= shapeOf(session).nodes) return ['no node selected (j/k select)'];
  const facts = nodeFacts(session, id);
  const label = facts.label;
  const span = scenario.spanOf(id);
  const line = scenario.lineOf(id);
  const where =
    line === undefined ? '' : `  ${paint('dim', `${baseName(scenario.source.name)}:${line}`)}`;
  const expr = span === undefined ? '' : scenario.source.text.slice(span.start, span.end).trim();
  const definition = expr !== '' && expr !== label ? `${label} = ${expr}` : label;
  const lines = [`${paint('bold', definition)}  #${id}${where}`];
  const role = scenario.roleOf(id);
  if (role !== undefined) lines.push(paint('dim', role));
  const op = `op      ${facts.op}`;
  const formula = facts.formula.join(', ');
  if (formula === '' || op.length + 2 + formula.length <= width) {
    lines.push(formula === '' ? op : `${op}  ${formula}`);
  } else lines.push(op, ...facts.formula.map((f) => `        ${f}`));
  const { inputs } = facts;
  if (inputs.length > 0) lines.push(`inputs  ${inputs.map((i) => scenario.labelOf(i)).join(', ')}`);
  lines.push(`data    ${formatValue(shownValue(session, id, 'data'), precision)}`);
  lines.push(...gradLines(model, id));
  lines.push(...observedLines(model, id, width));
  if (!facts.inCone) {
    lines.push(paint('dim', 'not on the path to the output: no grad'));
    return lines;
  }
  const ledger = ledgerOf(session, id);
  const final = paint(FLAGS.final.style, `${FLAGS.final.glyph} final`);
  const pending = (what: string) => paint(FLAGS.pending.style, `${FLAGS.pending.glyph} ${what}`);
  if (facts.isOutput) {
    const parts = ['output: seeded with 1 at B0', ...(ledger.final ? [final] : [])];
    lines.push(...field('ledger', parts, width));
  } else {
    const count = `${ledger.received.length} of ${ledger.expected} received`;
    lines.push(...field('ledger', [count, ledger.final ? final : pending('pending')], width));
  }
  for (const entry of ledger.received) {
    const arithmetic = contributionArithmetic(session, entry.from, entry, precision);
    lines.push(
      ...wrapFormula(
        `${entry.step} from ${scenario.labelOf(entry.from)}: ${arithmetic}`,
        width - 2,
        4,
      ).map((line) => `  ${line}`),
    );
  }
  lines.push(...checkLines(model, id, ledger.final, width));
  lines.push(...expectLines(model, id));
  lines.push(...derivativeLines(model, id));
  lines.push(...historyLines(model, id));
  return lines;
}

/**
 * The walkthrough's expects on this node checked so far (at their steps, up to the cursor): the
 * teacher's checks, kept here rather than in the learner's step panel.
 */
function expectLines(model: ScreenModel, id: number): string[] {
  const { session, precision } = model;
  const paint = painter(model.color);
  const name = (p: number) => stepName(session, p);
  return session.expectResults
    .filter((r): r is ExpectResult => r?.node === id && r.position <= session.position)
    .map((r) => {
      const actual = formatValue(r.actual, precision);
      const what = `expect  ${r.field} = ${formatValue(r.expected, precision)} at ${name(r.position)}`;
      return r.ok ? paint('green', `${what} ✓`) : paint('error', `${what} ✗ got ${actual}`);
    });
}

/** A trained parameter's value at the start of each iteration so far, and its grad in it. */
function historyLines(model: ScreenModel, id: number): string[] {
  const { session } = model;
  const run = trainingOf(session);
  const k = run?.indexOf(id) ?? -1;
  if (run === undefined || k < 0) return [];
  const fmt = (x: number) => formatNumber(x, model.precision);
  const current = iterationAt(session, session.position);
  const lines = ['history value at the start of each iteration, grad in it'];
  for (let i = 1; i <= current; i++) {
    // This iteration's grad once it is final: mid-backward, its sum would give the total away.
    const known = i < current || (ledgerOf(session, id).final && !isAwaited(session, id, 'grad'));
    const grad = formatValue(known ? run.grad(i, k) : undefined, model.precision);
    lines.push(`${`  I${i}`.padEnd(7)} ${fmt(run.value(i, k)).padEnd(12)} grad ${grad}`);
  }
  return lines;
}

/** The grad; in a wrong backward mode, this mode's and the correct run's, marked where they differ. */
function gradLines(model: ScreenModel, id: number): string[] {
  const { session } = model;
  const grad = formatValue(shownValue(session, id, 'grad'), model.precision);
  if (shapeOf(session).mode === 'correct') return [`grad    ${grad}`];
  const paint = painter(model.color);
  const hidden = isAwaited(session, id, 'grad');
  const mark = gradMismatch(session, id)
    ? `  ${paint(FLAGS.mismatch.style, `${FLAGS.mismatch.glyph} differs`)}`
    : '';
  return [
    `grad (this mode)  ${grad}${mark}`,
    `grad (correct)    ${formatValue(hidden ? undefined : correctGrad(session, id), model.precision)}`,
  ];
}

/**
 * A custom op's written derivatives against central differences of its forward (analytic and
 * numeric side by side), and for a grad that is wrong only because of one, where that one is.
 */
function derivativeLines(model: ScreenModel, id: number): string[] {
  const { session } = model;
  const paint = painter(model.color);
  const { args } = nodeFacts(session, id);
  const lines: string[] = [];
  // Analytic and numeric slopes may differ past --precision: shown in full.
  const fmt = (x: number) => formatNumber(x, 17);
  for (const c of derivativeChecksOf(session, id)) {
    const arg = args?.[c.slot];
    const verdict =
      c.status === 'fail'
        ? paint(FLAGS.wrongDerivative.style, `${FLAGS.wrongDerivative.glyph} WRONG`)
        : c.status === 'pass'
          ? paint('green', '✓')
          : paint('dim', '– unresolved');
    lines.push(
      `d/d${arg ?? c.slot}  ${verdict}  analytic ${fmt(c.analytic)}  numeric ${fmt(c.numeric)}`,
    );
  }
  const findings = derivativeFindings(session);
  if (findings.downstream[id] === 1) {
    const causes = findings.failed.map((f) => scenarioOf(session).labelOf(f.node));
    const glyph = paint(FLAGS.mismatch.style, FLAGS.mismatch.glyph);
    const ops = [...new Set(causes)].join(', ');
    lines.push(`${glyph} grad wrong only because the derivative written for ${ops} is wrong (✗)`);
  }
  return lines;
}

/**
 * The user's own data and grad (the scenario's `observed:` block) beside gradstep's final ones,
 * `≠` on each that differs: two columns where they fit, else yours above correct.
 */
function observedLines(model: ScreenModel, id: number, width: number): string[] {
  const { observed } = scenarioOf(model.session);
  const report = observedReportOf(model.session);
  const given = observed?.given[id] ?? 0;
  if (observed === undefined || report === undefined || given === 0) return [];
  const paint = painter(model.color);
  const rows: { what: string; yours: string; correct: string; differs: boolean }[] = [];
  // Yours and correct may part past --precision: shown in full.
  const fullPrecision = (x: number) => formatNumber(x, 17);
  // While a question asks for the value, neither yours nor gradstep's shows (yours may be right).
  const row = (what: 'data' | 'grad', yours: number, correct: number, bit: number) =>
    isAwaited(model.session, id, what)
      ? { what, yours: UNKNOWN, correct: UNKNOWN, differs: false }
      : {
          what,
          yours: fullPrecision(yours),
          correct: fullPrecision(correct),
          differs: (report.differs[id] & bit) !== 0,
        };
  if (given & GIVEN_DATA) {
    rows.push(row('data', observed.data[id], report.correctData[id], DIFFERS_DATA));
  }
  if (given & GIVEN_GRAD) {
    rows.push(row('grad', observed.grad[id], report.correctGrad[id], DIFFERS_GRAD));
  }
  const mark = (differs: boolean) =>
    differs ? paint(FLAGS.mismatch.style, FLAGS.mismatch.glyph) : ' ';
  const column = Math.max(5, ...rows.map((r) => r.yours.length));
  const widest = Math.max(...rows.map((r) => r.correct.length));
  if (8 + column + 3 + widest <= width) {
    return [
      `${' '.repeat(8)}${'yours'.padEnd(column)}   correct`,
      ...rows.map(
        (r) => `${r.what.padEnd(8)}${r.yours.padEnd(column)} ${mark(r.differs)} ${r.correct}`,
      ),
    ];
  }
  return rows.flatMap((r) => [
    `${r.what.padEnd(8)}yours   ${r.yours} ${mark(r.differs)}`,
    `${' '.repeat(8)}correct ${r.correct}`,
  ]);
}

/** `label   part  part`, moving each part that does not fit to a line of its own under the first. */
function field(label: string, parts: readonly string[], width: number): string[] {
  const indent = ' '.repeat(8);
  const lines = [`${label.padEnd(8)}${parts[0]}`];
  for (const part of parts.slice(1)) {
    const last = lines.length - 1;
    if (visibleWidth(`${lines[last]}  ${part}`) <= width) lines[last] += `  ${part}`;
    else lines.push(indent + part);
  }
  return lines;
}

/**
 * The grad check compares the final grads with finite differences, so nothing of it is shown
 * before this node's grad is final: its numeric value is the answer a learner is to work out.
 */
function checkLines(model: ScreenModel, id: number, final: boolean, width: number): string[] {
  const paint = painter(model.color);
  if (model.checkPending === true) return [paint('dim', 'check   … checking')];
  const { session } = model;
  if (iterationAt(session, session.position) > 1)
    return [paint('dim', 'check   – checks iteration 1 only')];
  const check = gradCheckStatus(model.session, id);
  if (check === undefined) {
    return field('check', notExamined(model, id), width).map((line) => paint('dim', line));
  }
  if (check.status !== 'skipped' && (!final || isAwaited(session, id, 'grad'))) {
    return [
      `check   ${paint(FLAGS.pending.style, `${FLAGS.pending.glyph} once the grad is final`)}`,
    ];
  }
  const numeric = `numeric ${formatValue(check.numeric, model.precision)}`;
  if (check.status === 'pass') return field('check', [paint('green', '✓ pass'), numeric], width);
  if (check.status === 'fail') {
    const fail = paint('error', `✗ FAIL  rel err ${check.relError.toExponential(1)}`);
    return field('check', [fail, numeric], width);
  }
  return [paint('dim', `check   – skipped (${check.reason ?? 'sampled'})`)];
}

/** Why the grad check passed a node in the output's cone by. */
function notExamined(model: ScreenModel, id: number): string[] {
  const facts = nodeFacts(model.session, id);
  if (facts.isOutput) return ['– output: grad 1 by definition'];
  if (facts.op === 'constant') return ['– constant: not checked'];
  const { results, total } = gradCheckOf(model.session);
  return ['– not in the sample', `(budget: ${results.length} of ${total} checked)`];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

import {
  type BreakpointHit,
  correctGrad,
  derivativeFindings,
  formatValue,
  narrate,
  observedReportOf,
  phaseAt,
  type SessionState,
  type StepInfo,
  scenarioOf,
  shapeOf,
  stepName,
  valueAt,
  walkthroughAt,
} from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import { currentStep, type ScreenModel } from '../screen-model.js';
import { type Painter, painter, wrap, wrapFormula } from '../text.js';
import { questionLines, verdictLines } from './predictions.js';

/**
 * The step that just ran, as a learner reads it: its narration with numbers, at the first step of
 * a phase what that phase does (at `start`, the scenario's description), a breakpoint hit, and the
 * walkthrough's `say` text. Expect results are the teacher's checks: the inspector and the header
 * show them, not this panel. A question being asked comes first (the step it waits for has not
 * run), and so do the verdicts on the questions the step just settled.
 */
export function stepPanelLines(model: ScreenModel, width: number): string[] {
  const { session, precision } = model;
  const paint = painter(model.color);
  const scenario = scenarioOf(session);
  const step = currentStep(session);
  const verdicts = verdictLines(model, width);
  const lines = [...questionLines(model, width), ...verdicts, ...(verdicts.length > 0 ? [''] : [])];
  if (step === undefined) {
    lines.push(paint('bold', 'start: nothing has run yet'));
    for (const paragraph of (scenario.description ?? '').trim().split(/\n\s*\n/)) {
      if (paragraph !== '') lines.push(...wrap(paragraph.replace(/ *\n */g, ' '), width));
    }
    lines.push(
      ...wrap('n runs F1; a value not computed yet shows ?', width).map((l) => paint('dim', l)),
    );
  } else {
    const label = scenario.labelOf(step.node);
    const role = scenario.roleOf(step.node);
    lines.push(`${paint('current', step.name)} ${step.phase} · ${label}`);
    if (role !== undefined) lines.push(paint('dim', role));
    for (const line of narrate(session, step, precision)) lines.push(...wrapFormula(line, width));
  }
  const last = session.last;
  if (last?.hit !== undefined && last.to === session.position) {
    lines.push(...wrapFormula(hitLine(session, last.hit, step, paint, precision), width));
  }
  for (const say of walkthroughAt(session).say) {
    wrap(say, width - 2).forEach((line, i) => {
      lines.push(`${i === 0 ? paint('accent', '»') : ' '} ${line}`);
    });
  }
  // Last: a small pane shows the step, a hit and the teacher's words before the general account.
  if (step !== undefined) {
    // The backward intro describes the correct algorithm; a wrong mode's own note says what it does.
    const intro =
      step.name === 'B1' && shapeOf(session).mode !== 'correct'
        ? undefined
        : PHASE_INTROS[step.name];
    if (intro !== undefined) lines.push(...wrap(intro, width).map((l) => paint('dim', l)));
  }
  return lines;
}

/** What each phase does, said once at its first step. */
const PHASE_INTROS: Readonly<Record<string, string>> = {
  F1: 'Forward: values flow from the inputs to the output, one node a step, each once its inputs are known (topological order).',
  B0: "B0 starts backward: the output's grad is 1, because d output / d output = 1; every other grad starts at 0.",
  B1: 'Backward: each step takes one node and hands local derivative × its grad to each input, in reverse topological order, so a grad is complete before it is passed on.',
  "B'0":
    'A second backward pass: the output is seeded again but nothing is zeroed, so every grad receives its terms twice.',
  U1: 'Update: each parameter takes a small step against its grad, p.data -= lr · p.grad, so the loss goes down.',
  I2: 'Each iteration repeats forward, zero grads, backward and the updates with the new parameters; n runs a whole one.',
};

/**
 * How a grad parted at a mismatch hit: a wrongly written derivative of the step's op handed it a
 * term, or (a wrong --mode) it now differs from the correct run's at the same point.
 */
function gradParts(
  session: SessionState,
  node: number,
  step: StepInfo,
  label: string,
  precision: number,
): string {
  const ran = scenarioOf(session).labelOf(step.node);
  const wrong = derivativeFindings(session).failed.some((c) => c.node === step.node);
  if (wrong) return `${label}.grad got a term from ${ran}, whose written derivative is wrong (✗)`;
  const grad = valueAt(session, node, 'grad');
  const right = correctGrad(session, node);
  // Enough digits for the two to read differently (4 and 4.00005, not 4 and 4.0000).
  let digits = precision;
  while (digits < 17 && Number(formatValue(grad, digits)) === Number(formatValue(right, digits)))
    digits++;
  const [value, correct] = [formatValue(grad, digits), formatValue(right, digits)];
  return `${label}.grad is ${value} here, the correct run's ${correct} (≠)`;
}

/**
 * `● breakpoint x1 hit at B5: x1.grad changed`: the step where it fired, and why when the step
 * ran another node (a breakpoint on an input fires when a step hands it a grad).
 */
function hitLine(
  session: SessionState,
  hit: BreakpointHit,
  step: StepInfo | undefined,
  paint: Painter,
  precision: number,
): string {
  const spec = session.breakpoints[hit.breakpoint]?.spec ?? '?';
  const glyph = paint(FLAGS.breakpoint.style, FLAGS.breakpoint.glyph);
  const label = scenarioOf(session).labelOf(hit.node);
  let why = '';
  const report = observedReportOf(session);
  if (session.breakpoints[hit.breakpoint]?.kind === 'mismatch' && report !== undefined) {
    const field = phaseAt(session, session.position) === 'forward' ? 'data' : 'grad';
    why = `: ${report.explain(hit.node, field).text}`;
  } else if (session.breakpoints[hit.breakpoint]?.kind === 'mismatch' && step !== undefined) {
    why = `: ${gradParts(session, hit.node, step, label, precision)}`;
  } else if (step !== undefined && step.node !== hit.node) {
    const received = step.contributions.some((c) => c.to === hit.node);
    why = received ? `: ${label}.grad changed` : `: on ${label}`;
  }
  return `${glyph} breakpoint ${spec} hit at ${stepName(session, session.position)}${why}`;
}

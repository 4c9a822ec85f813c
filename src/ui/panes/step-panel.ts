import {
  type BreakpointHit,
  type ExpectResult,
  formatValue,
  narrate,
  observedReportOf,
  type SessionState,
  type StepInfo,
  stepName,
  walkthroughAt,
} from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import { currentStep, type ScreenModel } from '../screen-model.js';
import { type Paint, painter, wrap, wrapFormula } from '../text.js';

/**
 * The step that just ran: its narration with numbers, a breakpoint hit, the walkthrough's `say`
 * text, then the expectations of this step (those checked on the way here, by a jump, as a count
 * unless one failed: "passed on the way here" going forward, "checked while rewinding" going back).
 */
export function stepPanelLines(model: ScreenModel, width: number): string[] {
  const { session, precision } = model;
  const paint = painter(model.color);
  const { scenario } = session.timeline;
  const step = currentStep(session);
  const lines: string[] = [];
  if (step === undefined) {
    lines.push(paint('start: nothing has run yet', '1'));
    lines.push(...wrap('n runs F1; a value not computed yet shows ?', width));
  } else {
    const label = scenario.labelOf(step.node);
    const role = scenario.roleOf(step.node);
    lines.push(`${paint(step.name, '1;33')} ${step.phase} · ${label}`);
    if (role !== undefined) lines.push(paint(role, '2'));
    for (const line of narrate(session, step, precision)) lines.push(...wrapFormula(line, width));
  }
  const last = session.last;
  if (last?.hit !== undefined && last.to === session.position) {
    lines.push(...wrapFormula(hitLine(session, last.hit, step, paint), width));
  }
  for (const say of walkthroughAt(session).say) {
    wrap(say, width - 2).forEach((line, i) => {
      lines.push(`${i === 0 ? paint('»', '1;36') : ' '} ${line}`);
    });
  }
  const expects = last?.expects ?? [];
  const here = (r: ExpectResult) => r.position === session.position;
  for (const result of expects) {
    if (!result.ok || here(result)) lines.push(expectLine(session, result, precision, paint));
  }
  const passedOnTheWay = expects.filter((r) => r.ok && !here(r)).length;
  if (passedOnTheWay > 0 && last !== undefined) {
    const s = passedOnTheWay === 1 ? '' : 's';
    // Going back passes later steps, not earlier ones: the values were re-checked on the way.
    const what =
      last.to < last.from
        ? `expect${s} checked while rewinding`
        : `earlier expect${s} passed on the way here`;
    lines.push(paint(`✓ ${passedOnTheWay} ${what}`, '32'));
  }
  return lines;
}

/**
 * `● breakpoint x1 hit at B5: x1.grad changed`: the step where it fired, and why when the step
 * ran another node (a breakpoint on an input fires when a step hands it a grad).
 */
function hitLine(
  session: SessionState,
  hit: BreakpointHit,
  step: StepInfo | undefined,
  paint: Paint,
): string {
  const { timeline } = session;
  const spec = session.breakpoints[hit.breakpoint]?.spec ?? '?';
  const glyph = paint(FLAGS.breakpoint.glyph, FLAGS.breakpoint.style);
  const label = timeline.scenario.labelOf(hit.node);
  let why = '';
  const report = observedReportOf(session);
  if (session.breakpoints[hit.breakpoint]?.kind === 'mismatch' && report !== undefined) {
    const field = timeline.phaseOf(session.position) === 'forward' ? 'data' : 'grad';
    why = `: ${report.explain(hit.node, field).text}`;
  } else if (step !== undefined && step.node !== hit.node) {
    const received = step.contributions.some((c) => c.to === hit.node);
    why = received ? `: ${label}.grad changed` : `: on ${label}`;
  }
  return `${glyph} breakpoint ${spec} hit at ${stepName(session, session.position)}${why}`;
}

/** `✓ expect x.grad = 7.3730e-5`, or a failure with the expected value (and its step if earlier). */
function expectLine(
  session: SessionState,
  result: ExpectResult,
  precision: number,
  paint: Paint,
): string {
  const node = session.timeline.scenario.labelOf(result.node);
  const actual = result.actual === null ? '?' : formatValue(result.actual, precision);
  if (result.ok) return paint(`✓ expect ${node}.${result.field} = ${actual}`, '32');
  const expected = formatValue(result.expected, precision);
  const at =
    result.position === session.position ? '' : ` at ${stepName(session, result.position)}`;
  return paint(`✗ expect ${node}.${result.field} = ${expected}${at}, got ${actual}`, '1;31');
}

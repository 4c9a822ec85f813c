import { formatValue, narrate, walkthroughAt } from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import { currentStep, type ScreenModel } from '../screen-model.js';
import { painter, wrap, wrapFormula } from '../text.js';

/** The step that just ran: its narration with numbers, a breakpoint hit, expectations, `say` text. */
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
    lines.push(`${paint(step.name, '1;33')} ${step.phase} · ${label}`);
    for (const line of narrate(session, step, precision)) lines.push(...wrapFormula(line, width));
  }
  const last = session.last;
  if (last?.hit !== undefined && last.to === session.position) {
    const spec = session.breakpoints[last.hit.breakpoint]?.spec ?? '?';
    const glyph = paint(FLAGS.breakpoint.glyph, FLAGS.breakpoint.style);
    lines.push(`${glyph} breakpoint ${spec} hit at ${scenario.labelOf(last.hit.node)}`);
  }
  for (const result of last?.expects ?? []) {
    const node = scenario.labelOf(result.node);
    const actual = result.actual === null ? '?' : formatValue(result.actual, precision);
    lines.push(
      result.ok
        ? paint(`✓ expect ${node}.${result.field} = ${actual}`, '32')
        : paint(
            `✗ expect ${node}.${result.field} = ${formatValue(result.expected, precision)}, got ${actual}`,
            '1;31',
          ),
    );
  }
  for (const say of walkthroughAt(session).say) {
    wrap(say, width - 2).forEach((line, i) => {
      lines.push(`${i === 0 ? paint('»', '1;36') : ' '} ${line}`);
    });
  }
  return lines;
}

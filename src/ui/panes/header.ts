import { scenarioOf, shapeOf } from '../../session/index.js';
import { phaseLabel, type ScreenModel, stepLabel } from '../screen-model.js';
import { fitWidth, painter, visibleWidth } from '../text.js';
import { AUTOPLAY_SPEEDS } from '../view-state.js';
import { scoreText } from './predictions.js';
import { lossLine } from './sparkline.js';

/** Iterations the header's loss curve shows (the latest). */
const LOSS_BARS = 20;

/**
 * One line: title, file, phase, the last step run, walkthrough progress, the predictions' score,
 * failed expects, the loss
 * curve of a training run, autoplay, always in this
 * order. When it does not fit, the score gets short (`predictions 1/2`), the file loses its
 * folders, the title is cut, and then the file name goes, so the step always shows.
 */
export function headerLine(model: ScreenModel, file: string | undefined): string {
  const { session, view, facts, columns } = model;
  const paint = painter(model.color);
  const status = [`${phaseLabel(session)} ${paint('bold', stepLabel(session))}`];
  const { mode } = shapeOf(session);
  if (mode !== 'correct') status.unshift(paint('alarm', `mode ${mode}`));
  const items = facts.itemPositions.length;
  if (items > 0) {
    const reached = facts.itemPositions.filter((p) => p >= 0 && p <= session.position).length;
    status.push(`walkthrough ${reached}/${items}`);
  }
  // The score's long form gives way to `predictions 1/2` before the file name and title are cut.
  const score = scoreText(session);
  const scoreAt = status.length;
  if (score !== '') status.push(score);
  // A teacher's check that failed on the way here (its node's inspector says which value).
  const failed = session.expectResults.filter(
    (r) => r !== undefined && !r.ok && r.position <= session.position,
  ).length;
  if (failed > 0)
    status.push(paint('error', `✗ ${failed} expect${failed === 1 ? '' : 's'} failed`));
  const loss = lossLine(session, LOSS_BARS);
  if (loss !== '') status.push(loss);
  if (view.playing)
    status.push(paint('running', `▶ playing ${AUTOPLAY_SPEEDS[view.speed]}ms/step`));
  let right = ` │ ${status.join(' │ ')}`;
  const { title } = scenarioOf(session);
  const names = file === undefined ? [''] : [file, file.slice(file.lastIndexOf('/') + 1)];
  const least = `gradstep │ ${title.slice(0, 12)}… │ ${names.at(-1)}`;
  if (score !== '' && visibleWidth(least + right) > columns) {
    status[scoreAt] = scoreText(session, true);
    right = ` │ ${status.join(' │ ')}`;
  }
  for (const name of names) {
    const left = `${paint('bold', 'gradstep')} │ ${paint('accent', title)}${name === '' ? '' : ` │ ${name}`}`;
    if (visibleWidth(left + right) <= columns) return fitWidth(left + right, columns);
  }
  // The order stays the same: the title is cut, not moved; the file name goes when the status
  // would not show whole beside it.
  const left = `${paint('bold', 'gradstep')} │ `;
  const short = names.at(-1) === '' ? '' : ` │ ${names.at(-1)}`;
  const name = visibleWidth(`${left}…${short}${right}`) <= columns ? short : '';
  const room = columns - visibleWidth(left + name + right);
  return fitWidth(
    left + fitWidth(paint('accent', title), Math.max(1, room)) + name + right,
    columns,
  );
}

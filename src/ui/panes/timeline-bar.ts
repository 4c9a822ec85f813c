import {
  breakpointPositions,
  iterationAt,
  nextPosition,
  previousPosition,
  type SessionState,
  shapeOf,
  stepName,
} from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import type { ScreenModel } from '../screen-model.js';
import { fitWidth, type Painter, painter, visibleWidth } from '../text.js';

/**
 * `start F1 F2 … F5 │ B0 B1 … B5` with the cursor in brackets, `●` before steps where a node
 * breakpoint fires and `‖` before walkthrough pauses; with training, `│ U1 … Up │ I2 I3 …` (an
 * iteration the cursor is inside shows its steps). When the steps do not fit, a window around
 * the cursor is shown with `…` at the cut ends.
 */
export function timelineLine(model: ScreenModel): string {
  const { session, columns } = model;
  const paint = painter(model.color);
  const marked = breakpointPositions(session);
  const { total } = shapeOf(session);
  const token = (p: number) => stepToken(model, p, marked, paint);
  const width = columns - 2;
  const tokens = new Map<number, string>([[session.position, token(session.position)]]);
  let used = visibleWidth(tokens.get(session.position) ?? '');
  let low = session.position;
  let high = session.position;
  // Grow the window one step at a time on alternate sides until the line is full.
  while (low > 0 || high < total) {
    const side = (high - session.position <= session.position - low && high < total) || low === 0;
    const p = side ? nextPosition(session, high) : previousPosition(session, low);
    const text = token(p);
    const needed = visibleWidth(text) + 1 + (startsPhase(session, p) ? 2 : 0);
    if (used + needed > width) break;
    tokens.set(p, text);
    used += needed;
    if (side) high = p;
    else low = p;
  }
  let line = low > 0 ? '… ' : '';
  for (const p of [...tokens.keys()].sort((a, b) => a - b)) {
    if (startsPhase(session, p) && p > low) line += `${paint('dim', '│')} `;
    line += `${tokens.get(p)} `;
  }
  if (high < total) line += '…';
  return fitWidth(line.trimEnd(), columns);
}

function stepToken(
  model: ScreenModel,
  p: number,
  marked: ReadonlySet<number>,
  paint: Painter,
): string {
  const { session, facts } = model;
  const name = stepName(session, p);
  const prefix = (marked.has(p) ? FLAGS.breakpoint.glyph : '') + (facts.pauses.has(p) ? '‖' : '');
  const styledPrefix = prefix === '' ? '' : paint(FLAGS.breakpoint.style, prefix);
  if (p === session.position) return styledPrefix + paint('chosen', `[${name}]`);
  return styledPrefix + (p > session.position ? paint('dim', name) : name);
}

/** B0, U1 and the first whole iteration begin a phase; a bar marks where. */
function startsPhase(session: SessionState, p: number): boolean {
  const shape = shapeOf(session);
  const local = p - (iterationAt(session, p) - 1) * shape.iterationLength;
  if (local === shape.zeroPosition) return true;
  if (shape.updates === 0) return false;
  return local === shape.zeroPosition + shape.backwardSteps + 1 || p === 2 * shape.iterationLength;
}

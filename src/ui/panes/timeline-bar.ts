import { type SessionState, stepName, type Timeline } from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import type { ScreenModel } from '../screen-model.js';
import { fitWidth, type Paint, painter, visibleWidth } from '../text.js';

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
  const tl = session.timeline;
  const total = tl.total;
  const token = (p: number) => stepToken(model, p, marked, paint);
  const width = columns - 2;
  const tokens = new Map<number, string>([[session.position, token(session.position)]]);
  let used = visibleWidth(tokens.get(session.position) ?? '');
  let low = session.position;
  let high = session.position;
  // Grow the window one step at a time on alternate sides until the line is full.
  while (low > 0 || high < total) {
    const side = (high - session.position <= session.position - low && high < total) || low === 0;
    const p = side ? tl.nextPosition(high) : tl.previousPosition(low);
    const text = token(p);
    const needed = visibleWidth(text) + 1 + (startsPhase(tl, p) ? 2 : 0);
    if (used + needed > width) break;
    tokens.set(p, text);
    used += needed;
    if (side) high = p;
    else low = p;
  }
  let line = low > 0 ? '… ' : '';
  for (const p of [...tokens.keys()].sort((a, b) => a - b)) {
    if (startsPhase(tl, p) && p > low) line += `${paint('│', '2')} `;
    line += `${tokens.get(p)} `;
  }
  if (high < total) line += '…';
  return fitWidth(line.trimEnd(), columns);
}

function stepToken(
  model: ScreenModel,
  p: number,
  marked: ReadonlySet<number>,
  paint: Paint,
): string {
  const { session, facts } = model;
  const name = stepName(session, p);
  const prefix = (marked.has(p) ? FLAGS.breakpoint.glyph : '') + (facts.pauses.has(p) ? '‖' : '');
  const styledPrefix = prefix === '' ? '' : paint(prefix, FLAGS.breakpoint.style);
  if (p === session.position) return styledPrefix + paint(`[${name}]`, '1;7');
  return styledPrefix + (p > session.position ? paint(name, '2') : name);
}

/** B0, U1 and the first whole iteration begin a phase; a bar marks where. */
function startsPhase(tl: Timeline, p: number): boolean {
  const local = tl.localOf(p);
  if (local === tl.zeroPosition) return true;
  if (tl.training === undefined) return false;
  return local === tl.zeroPosition + tl.backwardIds.length + 1 || p === 2 * tl.iterationLength;
}

/** Positions of the steps where a breakpoint on a node fires (conditions cannot be known ahead). */
function breakpointPositions(session: SessionState): Set<number> {
  const { timeline } = session;
  const marked = new Set<number>();
  for (const b of session.breakpoints) {
    if (b.node === undefined || b.kind === 'condition') continue;
    // A breakpoint on an input fires where a step hands it a grad (it has no step of its own).
    const own = b.kind === 'node' && !timeline.graph.isLeaf(b.node);
    const receives = b.kind === 'change' || (b.kind === 'node' && !own);
    if (own || b.kind === 'forward' || b.kind === 'change') {
      marked.add(timeline.forwardPosition(b.node));
    }
    if (own || b.kind === 'backward') marked.add(timeline.backwardPosition(b.node));
    if (b.kind === 'change' && b.node === timeline.output) marked.add(timeline.zeroPosition);
    if (receives) for (const p of receivingPositions(timeline, b.node)) marked.add(p);
  }
  marked.delete(-1);
  return marked;
}

const receiving = new WeakMap<Timeline, Map<number, readonly number[]>>();

/** The backward steps of a node's consumers (where its grad changes); one scan per node and timeline. */
function receivingPositions(timeline: Timeline, node: number): readonly number[] {
  const known = receiving.get(timeline) ?? new Map<number, readonly number[]>();
  receiving.set(timeline, known);
  let positions = known.get(node);
  if (positions === undefined) {
    const { in0, in1, size } = timeline.graph;
    const found: number[] = [];
    for (let c = 0; c < size; c++) {
      if (in0[c] === node || in1[c] === node) found.push(timeline.backwardPosition(c));
    }
    positions = found;
    known.set(node, positions);
  }
  return positions;
}

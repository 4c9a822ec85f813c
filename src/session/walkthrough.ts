import { positionOf, type StepRef, type WalkthroughItem } from '../scenario/index.js';
import { timelineOf } from './seek.js';
import type { Timeline } from './timeline.js';
import type { ExpectResult, Position, SessionState } from './types.js';

export interface WalkthroughView {
  /** Indexes into `scenario.walkthrough` of the items attached to this position. */
  readonly items: readonly number[];
  readonly say: readonly string[];
  /** Autoplay stops here. */
  readonly pause: boolean;
  readonly expects: readonly WalkthroughItem[];
}

const EMPTY: readonly number[] = [];
/** Items by position, resolved once per timeline. */
const indexes = new WeakMap<Timeline, Map<Position, number[]>>();

export function walkthroughIndex(tl: Timeline): Map<Position, number[]> {
  let index = indexes.get(tl);
  if (index !== undefined) return index;
  index = new Map();
  tl.scenario.walkthrough.forEach((item, i) => {
    const position = positionOf(tl, item.at);
    if (position < 0) return;
    const list = index.get(position);
    if (list === undefined) index.set(position, [i]);
    else list.push(i);
  });
  indexes.set(tl, index);
  return index;
}

/** The position a walkthrough `at` names, or -1 when the session has no such step. */
export function resolveRef(state: SessionState, at: StepRef): Position {
  return positionOf(state.timeline, at);
}

/** The walkthrough items attached to a position (the cursor's by default). */
export function walkthroughAt(state: SessionState, position = state.position): WalkthroughView {
  const items = walkthroughIndex(timelineOf(state)).get(position) ?? EMPTY;
  const all = timelineOf(state).scenario.walkthrough;
  const say: string[] = [];
  const expects: WalkthroughItem[] = [];
  let pause = false;
  for (const i of items) {
    const item = all[i];
    if (item.say !== undefined) say.push(item.say);
    if (item.expect !== undefined) expects.push(item);
    pause ||= item.pause;
  }
  return { items, say, pause, expects };
}

/** Checks the expectations attached to `position`; the graph must be at `position`. */
export function checkExpects(
  tl: Timeline,
  position: Position,
  items: readonly number[],
): ExpectResult[] {
  const results: ExpectResult[] = [];
  for (const i of items) {
    const expect = tl.scenario.walkthrough[i].expect;
    if (expect === undefined) continue;
    const { node, field, value, tol } = expect;
    const known = field === 'data' ? tl.isDataKnown(position, node) : tl.isGradKnown(position);
    const actual = known ? (field === 'data' ? tl.graph.data[node] : tl.graph.grad[node]) : null;
    const ok =
      actual !== null &&
      (Object.is(actual, value) || Math.abs(actual - value) <= tol + tol * Math.abs(value));
    results.push({ item: i, position, node, field, expected: value, actual, ok });
  }
  return results;
}

import type { Scenario } from '../scenario/index.js';
import { firstHit, parseBreakpoint } from './breakpoints.js';
import { askingQuestions, openPredictionAt, predictionIndex, revealAt } from './predict.js';
import { timelineOf } from './seek.js';
import { findStep, stepAt } from './steps.js';
import { Timeline } from './timeline.js';
import type {
  Action,
  Breakpoint,
  BreakpointHit,
  ExpectResult,
  Position,
  SessionOptions,
  SessionState,
  Transition,
} from './types.js';
import { checkExpects, walkthroughIndex } from './walkthrough.js';

/**
 * A session at `start`. It takes over the scenario's graph: every op node's data is computed once
 * (which of them are known follows from the position: isDataKnown, valueAt) and every grad set
 * to 0 (see Timeline). One live session per graph. Every state stays a value: the queries put the
 * shared arrays back at a state's own position before reading them (seek.ts).
 */
export function createSession(scenario: Scenario, options: SessionOptions = {}): SessionState {
  const state: SessionState = {
    timeline: new Timeline(scenario, options.mode ?? scenario.mode, options.once),
    position: 0,
    breakpoints: options.breakpoints ?? [],
    expectResults: scenario.walkthrough.map(() => undefined),
    gradcheckBudget: options.gradcheck,
    ...(options.onGradCheck === undefined ? {} : { onGradCheck: options.onGradCheck }),
    predictions: [],
    answers: [],
  };
  return options.ask ? askingQuestions(state, options.quiz) : state;
}

/** The step machine: returns the same object when the action changes nothing. */
export function reduce(state: SessionState, action: Action): SessionState {
  const tl = timelineOf(state);
  const at = state.position;
  switch (action.type) {
    case 'next':
      // Watching one step costs one check, and autoplay (a run of `next`) then stops at hits.
      return moveTo(state, action.type, tl.nextPosition(at), true);
    case 'prev':
      return moveTo(state, action.type, tl.previousPosition(at));
    case 'first':
      return moveTo(state, action.type, 0);
    case 'last':
      return moveTo(state, action.type, tl.total);
    case 'finish':
      return moveTo(state, action.type, at < tl.forwardCount ? tl.forwardCount : tl.total);
    case 'reverseFinish':
      return moveTo(state, action.type, at > tl.forwardCount ? tl.forwardCount : 0);
    case 'continue':
    case 'reverseContinue':
      return moveTo(state, action.type, action.type === 'continue' ? tl.total : 0, true);
    case 'goto': {
      if (typeof action.step === 'number') {
        const valid = Number.isInteger(action.step) && action.step >= 0 && action.step <= tl.total;
        return valid ? moveTo(state, action.type, action.step) : state;
      }
      const found = findStep(tl, action.step);
      return 'position' in found ? moveTo(state, action.type, found.position) : state;
    }
    case 'toggleBreakpoint': {
      const index = state.breakpoints.findIndex((b) => b.kind === 'node' && b.node === action.node);
      if (index >= 0) return withoutBreakpoint(state, index);
      const name = tl.graph.nameOf(action.node) ?? `#${action.node}`;
      const breakpoint: Breakpoint = { spec: name, kind: 'node', node: action.node };
      return { ...state, breakpoints: [...state.breakpoints, breakpoint] };
    }
    case 'addBreakpoint': {
      const parsed =
        typeof action.spec === 'string'
          ? parseBreakpoint(action.spec, tl.scenario)
          : { breakpoint: action.spec };
      if (!('breakpoint' in parsed)) return state;
      return { ...state, breakpoints: [...state.breakpoints, parsed.breakpoint] };
    }
    case 'removeBreakpoint':
      return withoutBreakpoint(state, action.index);
    case 'answer':
      return answer(state, action.value);
  }
}

/** Records the answer; once every question at the step is answered, runs the step to reveal. */
function answer(state: SessionState, value: number | null): SessionState {
  if (state.asking === undefined) return state;
  const answers = [...state.answers];
  answers[state.asking] = { answer: value, ok: false };
  const answered = { ...state, answers, asking: undefined };
  const next = openPredictionAt(answered, state.position + 1);
  if (next !== undefined) return { ...answered, asking: next };
  return moveTo(answered, 'answer', state.position + 1);
}

/**
 * The first position with walkthrough items or predictions on the way from `p` to `target`, else
 * `target`.
 */
function nextStop(
  maps: readonly Map<Position, number[]>[],
  p: Position,
  target: Position,
): Position {
  let stop = target;
  for (const map of maps) {
    for (const at of map.keys()) {
      if (target > p ? at > p && at < stop : at < p && at > stop) stop = at;
    }
  }
  return stop;
}

function withoutBreakpoint(state: SessionState, index: number): SessionState {
  if (!Number.isInteger(index) || index < 0 || index >= state.breakpoints.length) return state;
  return { ...state, breakpoints: state.breakpoints.filter((_, i) => i !== index) };
}

/**
 * Moves the cursor one step at a time (each O(inputs)), checking walkthrough expectations on
 * every position it passes and, for continue, stopping at the first breakpoint hit.
 */
function moveTo(
  state: SessionState,
  action: Action['type'],
  target: Position,
  stopAtHits = false,
): SessionState {
  const tl = state.timeline;
  const from = state.position;
  if (target === from) return state;
  const undone = from > 0 && target === tl.previousPosition(from) ? stepAt(state, from) : undefined;
  const walk = walkthroughIndex(tl);
  const asks = predictionIndex(state.predictions);
  const stops = [walk, asks];
  const checkWalk = walk.size > 0 || asks.size > 0;
  const watch = stopAtHits && state.breakpoints.length > 0;
  const expects: ExpectResult[] = [];
  let hit: BreakpointHit | undefined;
  let asking: number | undefined;
  let answers = state.answers;
  let p = from;
  const forward = target > from;
  while (p !== target) {
    if (!watch) {
      // Nothing to look at before the next expectation: jump there in one tight loop.
      const stop = checkWalk ? nextStop(stops, p, target) : target;
      if (stop !== (forward ? p + 1 : p - 1)) {
        tl.moveTo(forward ? stop - 1 : stop + 1);
        p = forward ? stop - 1 : stop + 1;
      }
    }
    // A question about the next step's value is asked before that step runs.
    asking = forward && asks.size > 0 ? openPredictionAt({ ...state, answers }, p + 1) : undefined;
    if (asking !== undefined) break;
    p += forward ? 1 : -1;
    tl.moveTo(p);
    if (checkWalk) {
      const items = walk.get(p);
      if (items !== undefined) expects.push(...checkExpects(tl, p, items));
      if (forward && asks.has(p)) answers = revealAt(tl, { ...state, answers }, p);
    }
    if (watch && p > 0) {
      hit = firstHit(state, p);
      if (hit !== undefined) break;
    }
  }
  if (p === from) return asking === state.asking ? state : { ...state, asking };
  let expectResults = state.expectResults;
  if (expects.length > 0) {
    const latest = [...expectResults];
    for (const r of expects) latest[r.item] = r;
    expectResults = latest;
  }
  const moved = { ...state, position: p, expectResults, answers, asking };
  const last: Transition = {
    action,
    from,
    to: p,
    ...(p > 0 ? { step: stepAt(moved, p) } : {}),
    ...(undone === undefined ? {} : { undone }),
    ...(hit === undefined ? {} : { hit }),
    expects,
  };
  return { ...moved, last };
}

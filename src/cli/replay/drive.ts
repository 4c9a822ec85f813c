import type { Scenario } from '../../scenario/index.js';
import {
  type Action,
  type ExpectResult,
  narrate,
  parseStep,
  reduce,
  type SessionState,
  type StepInfo,
  stepName,
  walkthroughAt,
} from '../../session/index.js';
import type { ReplayKey } from './keys.js';

/** One block of a transcript: where the cursor went and what the step there tells. */
export interface ReplayBlock {
  /** The step name before the move, or undefined for a single step forward or the opening block. */
  readonly from?: string;
  readonly to: string;
  /** The step that ran last at `to`; none at `start`. */
  readonly step?: StepInfo;
  readonly narration: readonly string[];
  readonly say: readonly string[];
  readonly expects: readonly ExpectResult[];
}

export interface Transcript {
  readonly scenario: Scenario;
  readonly blocks: readonly ReplayBlock[];
  /** The session where the replay stopped: its values fill the final table. */
  readonly final: SessionState;
}

/** What to replay: every step, single steps up to a step, or keys. */
export type Plan =
  | { readonly kind: 'all' }
  | { readonly kind: 'to'; readonly position: number }
  | { readonly kind: 'keys'; readonly keys: readonly ReplayKey[] };

/** A step name or node for `--to` and `:STEP`, as a position or a message. */
export function positionOf(
  state: SessionState,
  text: string,
): number | { message: string; hint?: string } {
  const found = parseStep(state.timeline, text);
  return 'position' in found ? found.position : found;
}

/** Runs the plan on a fresh session; a goto that names no step ends with its message. */
export function drive(
  initial: SessionState,
  scenario: Scenario,
  plan: Plan,
  precision: number | undefined,
): Transcript | { message: string; hint?: string } {
  const blocks: ReplayBlock[] = [];
  let state = initial;
  const opening = walkthroughAt(state, 0);
  if (plan.kind !== 'keys' && opening.say.length > 0) {
    blocks.push({ to: 'start', narration: [], say: opening.say, expects: [] });
  }
  const apply = (action: Action, single: boolean) => {
    const next = reduce(state, action);
    if (next === state || next.last === undefined) return;
    state = next;
    const { from, to, step } = next.last;
    const tl = next.timeline;
    const moved = single && to === from + 1 ? undefined : stepName(tl, from);
    blocks.push({
      from: moved,
      to: stepName(tl, to),
      step,
      narration: step === undefined ? [] : narrate(next, step, precision),
      say: walkthroughAt(next, to).say,
      expects: next.last.expects,
    });
  };
  if (plan.kind === 'all')
    while (state.position < state.timeline.total) apply({ type: 'next' }, true);
  if (plan.kind === 'to') while (state.position < plan.position) apply({ type: 'next' }, true);
  if (plan.kind === 'keys') {
    for (const key of plan.keys) {
      if (key.kind === 'quit') break;
      if (key.kind === 'action') apply({ type: key.action }, key.action === 'next');
      if (key.kind === 'goto') {
        const target = positionOf(state, key.step);
        if (typeof target !== 'number') return target;
        apply({ type: 'goto', step: target }, false);
      }
    }
  }
  return { scenario, blocks, final: state };
}

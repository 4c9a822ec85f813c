import type { Scenario } from '../scenario/types.js';
import type { Action, SessionOptions, SessionState } from './types.js';

/** A session at `start`. It takes over the scenario's graph (see Timeline). */
export function createSession(scenario: Scenario, options: SessionOptions = {}): SessionState {
  throw new Error(`TODO ${scenario.title} ${options}`);
}

/** The step machine: returns the same object when the action changes nothing. */
export function reduce(state: SessionState, action: Action): SessionState {
  throw new Error(`TODO ${state.position} ${action.type}`);
}

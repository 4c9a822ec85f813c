/** A walkthrough `predict`: which node and field, and the step that settles the value. */
import type { PredictSpec, StepRef } from './types.js';
import type { ItemFields, ItemProblem, StepSpace } from './walkthrough.js';

/** Default relative tolerance of a prediction's answer. */
export const DEFAULT_PREDICTION_TOLERANCE = 0.01;

type ResolvedPredict =
  | { readonly ok: true; readonly spec: PredictSpec; readonly at: StepRef }
  | { readonly ok: false; readonly problem: ItemProblem };

export function resolvePredict(space: StepSpace, fields: ItemFields): ResolvedPredict | undefined {
  const p = fields.predict;
  if (p === undefined) return undefined;
  const node = space.node(p.node);
  if (!node.ok) {
    return {
      ok: false,
      problem: { field: 'predict.node', message: node.message, hint: node.hint },
    };
  }
  const field: PredictSpec['field'] = p.data !== undefined ? 'data' : 'grad';
  const settles = space.settles(node.value, field, p.node);
  if (!settles.ok) {
    const problem = { field: 'predict' as const, message: settles.message, hint: settles.hint };
    return { ok: false, problem };
  }
  const tol = p.tol ?? DEFAULT_PREDICTION_TOLERANCE;
  const spec = { node: node.value, field, tol, ...(p.hint === undefined ? {} : { hint: p.hint }) };
  return { ok: true, spec, at: settles.value };
}

/** `F3`, `B5`: a numbered step as written. */
export function stepText(at: StepRef): string {
  if (at.kind === 'step') return at.name;
  return at.kind === 'forward' ? `F${at.index}` : at.kind === 'backward' ? `B${at.index}` : at.kind;
}

/**
 * Step names, written and read in one place: `start`, `end`, `F3`, `B0`, `B'2` (double-backward's
 * second pass), `U2` (an update), `I5` (a whole training iteration) and `I5.B3` (a step inside it).
 */
import type { StepLookup, StepModel } from './step-model.js';
import type { StepRef } from './types.js';

/** The name of the step that ran last at `position`. */
export function stepName(model: StepModel, position: number): string {
  if (position <= 0) return 'start';
  const iteration = model.iterationOf(position);
  const local = model.localOf(position);
  if (iteration === 1) return localName(model, local);
  return local === model.iterationLength
    ? `I${iteration}`
    : `I${iteration}.${localName(model, local)}`;
}

function localName(model: StepModel, local: number): string {
  if (local <= model.forwardCount) return `F${local}`;
  const j = local - model.zeroPosition;
  const { reseed } = model;
  const m = model.steps.length;
  if (j > m) return `U${j - m}`;
  // Double-backward's second pass: B'0 seeds again, B'1…B'm repeat B1…Bm.
  return reseed >= 0 && j > reseed ? `B'${j - reseed - 1}` : `B${j}`;
}

/** `start`, `end`, or a numbered step (`F3`, `B'2`, `U1`, `I5`, `I5.B3`); undefined for other text. */
export function parseStepName(model: StepModel, text: string): StepLookup | undefined {
  const t = text.trim();
  if (t === 'start') return { position: 0 };
  if (t === 'end') return { position: model.total };
  const iteration = /^I(\d+)(?:\.([FBU]'?)(\d+))?$/.exec(t);
  if (iteration !== null) return iterationStep(model, iteration);
  const numbered = /^([FBU]'?)(\d+)$/.exec(t);
  if (numbered !== null) return numberedStep(model, numbered[1], Number(numbered[2]));
  return undefined;
}

/** `F3`, `B0`, `B'2`, `U2` of the first iteration. */
function numberedStep(model: StepModel, phase: string, index: number): StepLookup {
  const { reseed, zeroPosition: zero } = model;
  const backward = model.steps.length;
  // B counts the first pass only when double-backward has a second one, B' the second.
  const [first, last, offset] =
    phase === 'F'
      ? [1, model.forwardCount, 0]
      : phase === 'B'
        ? [0, reseed >= 0 ? reseed : backward, zero]
        : phase === 'U'
          ? [1, model.params.length, zero + backward]
          : [0, reseed >= 0 ? backward - reseed - 1 : -1, zero + reseed + 1];
  if (index < first || index > last) {
    return { message: `There is no step ${phase}${index}.`, hint: range(phase, first, last) };
  }
  return { position: offset + index };
}

function range(phase: string, first: number, last: number): string {
  if (last < first) return `This walk has no ${phase} steps.`;
  return last === first
    ? `The only ${phase} step is ${phase}${first}.`
    : `Steps go from ${phase}${first} to ${phase}${last}.`;
}

/** `I5` (the end of iteration 5) or a step inside it, `I5.B3`. */
function iterationStep(model: StepModel, match: RegExpExecArray): StepLookup {
  const iteration = Number(match[1]);
  const count = model.iterations;
  if (iteration < 1 || iteration > count) {
    return {
      message: `There is no iteration I${iteration}.`,
      hint: count === 1 ? 'This scenario does not train.' : `Iterations go from I1 to I${count}.`,
    };
  }
  const start = (iteration - 1) * model.iterationLength;
  if (match[2] === undefined) return { position: start + model.iterationLength };
  const inner = numberedStep(model, match[2], Number(match[3]));
  return 'position' in inner ? { position: start + inner.position } : inner;
}

/** The position a walkthrough `at` names, or -1 when there is no such step. */
export function positionOf(model: StepModel, at: StepRef): number {
  switch (at.kind) {
    case 'start':
      return 0;
    case 'end':
      return model.total;
    case 'forward':
      return at.index >= 1 && at.index <= model.forwardCount ? at.index : -1;
    case 'backward':
      return at.index >= 0 && at.index <= model.steps.length ? model.zeroPosition + at.index : -1;
    case 'forward-node':
      return model.forwardPosition(at.node);
    case 'backward-node':
      return at.node === model.output && model.graph.isLeaf(at.node)
        ? model.zeroPosition
        : model.backwardPosition(at.node);
    case 'step': {
      const found = parseStepName(model, at.name);
      return found !== undefined && 'position' in found ? found.position : -1;
    }
  }
}

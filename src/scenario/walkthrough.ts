/**
 * Walkthrough steps: the syntax of `at` (checked while the file is validated) and, once the graph
 * is compiled, whether each step and node an item names exists and whether an `expect` asks for a
 * value that is known at its step.
 */
import { type Graph, OpCode } from '../engine/index.js';
import { namesOf } from './names.js';
import { resolvePredict, stepText } from './predict.js';
import { StepModel, type StepModelOptions } from './step-model.js';
import { parseStepName, positionOf } from './step-names.js';
import { suggest } from './suggest.js';
import type { Expectation, StepRef, WalkthroughItem } from './types.js';

export const STEP_PATTERN =
  /^(?:start|end|[FB][0-9]+|B'[0-9]+|U[0-9]+|I[0-9]+(?:\.(?:[FU]|B'?)[0-9]+)?|(?:forward|backward):\S+)$/;
const STEP_FORMS =
  "start, end, F<n>, B<n>, B'<n>, U<n>, I<n>, I<n>.B<n>, forward:NODE or backward:NODE";
/** The names only some walks have: double-backward's second pass, updates, iterations. */
const WALK_NAME = /^(?:B'[0-9]+|U[0-9]+|I[0-9]+(?:\.(?:[FU]|B'?)[0-9]+)?)$/;

/** A step as written, before its node is looked up. */
export type StepText =
  | { readonly kind: 'start' | 'end' }
  | { readonly kind: 'forward' | 'backward'; readonly index: number }
  | { readonly kind: 'forward-node' | 'backward-node'; readonly node: string }
  | { readonly kind: 'named'; readonly name: string };

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

export function parseStepText(text: string): Parsed<StepText> {
  if (text === 'start' || text === 'end') return { ok: true, value: { kind: text } };
  const numbered = /^([FB])([0-9]+)$/.exec(text);
  if (numbered !== null) {
    const kind = numbered[1] === 'F' ? 'forward' : 'backward';
    return { ok: true, value: { kind, index: Number(numbered[2]) } };
  }
  if (WALK_NAME.test(text)) return { ok: true, value: { kind: 'named', name: text } };
  const byNode = /^(forward|backward):(\S+)$/.exec(text);
  if (byNode !== null) {
    const kind = byNode[1] === 'forward' ? 'forward-node' : 'backward-node';
    return { ok: true, value: { kind, node: byNode[2] } };
  }
  const fixed = likelyStep(text);
  return {
    ok: false,
    message: `Unknown step '${text}'.`,
    hint: fixed === undefined ? `A step is ${STEP_FORMS}.` : `Did you mean '${fixed}'?`,
  };
}

/** The step a slip of case or punctuation most likely meant: `f3` F3, `backward x` backward:x. */
function likelyStep(text: string): string | undefined {
  const t = text.trim();
  const numbered = /^([fFbB])\s*([0-9]+)$/.exec(t);
  if (numbered !== null) return `${numbered[1].toUpperCase()}${numbered[2]}`;
  const byNode = /^(forward|backward)\s*[=\s.]\s*(\S+)$/i.exec(t);
  if (byNode !== null) return `${byNode[1].toLowerCase()}:${byNode[2]}`;
  const word = suggest(t, ['start', 'end', 'forward:', 'backward:']);
  return word === undefined || word.endsWith(':') ? undefined : word;
}

/**
 * The steps of one compiled graph, as a walkthrough's items name them (see StepModel), counted
 * when first asked: a file without a walkthrough never asks, and at a million nodes the count is
 * a backward ordering and arrays of 13 MB.
 */
export class StepSpace {
  private counted: StepModel | undefined;

  /** `options`: the file's mode and training, which some step names (B'2, U1, I3) need. */
  constructor(
    readonly graph: Graph,
    readonly output: number,
    private readonly idOf: (name: string) => number | undefined,
    private readonly options: StepModelOptions = {},
  ) {}

  private get model(): StepModel {
    this.counted ??= new StepModel(this.graph, this.output, this.options);
    return this.counted;
  }

  get forwardCount(): number {
    return this.model.forwardCount;
  }

  node(ref: string): Parsed<number> {
    return resolveNode(ref, this.graph, this.idOf);
  }

  step(text: StepText): Parsed<StepRef> {
    switch (text.kind) {
      case 'start':
      case 'end':
        return { ok: true, value: { kind: text.kind } };
      case 'forward':
      case 'backward':
      case 'named': {
        const name =
          text.kind === 'named' ? text.name : `${text.kind === 'forward' ? 'F' : 'B'}${text.index}`;
        const found = parseStepName(this.model, name);
        if (found !== undefined && 'message' in found) return { ok: false, ...found };
        return { ok: true, value: text.kind === 'named' ? { kind: 'step', name } : text };
      }
      default:
        return this.nodeStep(text.kind, text.node);
    }
  }

  private nodeStep(kind: 'forward-node' | 'backward-node', ref: string): Parsed<StepRef> {
    const node = this.node(ref);
    if (!node.ok) return node;
    const id = node.value;
    if (kind === 'forward-node') {
      if (this.model.forwardPosition(id) > 0) return { ok: true, value: { kind, node: id } };
      const what = this.graph.opOf(id) === OpCode.input ? 'an input' : 'a constant';
      return {
        ok: false,
        message: `'${ref}' has no forward step: it is ${what}, known from the start.`,
        hint: "Attach the item to 'start'.",
      };
    }
    if (this.model.backwardPosition(id) > 0) return { ok: true, value: { kind, node: id } };
    if (this.graph.isLeaf(id)) {
      return {
        ok: false,
        message: `'${ref}' has no backward step: it is a leaf; its grad grows in the steps of the nodes that use it.`,
        hint: "Attach the item to 'end' to see its final grad.",
      };
    }
    return {
      ok: false,
      message: `'${ref}' has no backward step: the output does not depend on it.`,
    };
  }

  /** The step that settles a predicted value: its forward step, or its last contribution. */
  settles(node: number, field: 'data' | 'grad', ref: string): Parsed<StepRef> {
    if (field === 'data') {
      const index = this.model.forwardPosition(node);
      if (index > 0) return { ok: true, value: { kind: 'forward', index } };
      return {
        ok: false,
        message: `'${ref}' is a leaf: its data is known from the start, so there is nothing to predict.`,
        hint: 'Predict the data of an op node, or a grad.',
      };
    }
    const settle = this.model.settlePositions()[node];
    if (settle > 0) {
      return { ok: true, value: { kind: 'backward', index: settle - this.model.zeroPosition } };
    }
    return { ok: false, message: `The output does not depend on '${ref}': its grad stays 0.` };
  }

  /** Position on the timeline: start 0, F1..Fn, B0..Bm (= end). */
  rank(at: StepRef): number {
    return positionOf(this.model, at);
  }

  /** Why the value an expectation reads is still unknown at `at`, if it is. */
  unknownAt(at: StepRef, expectation: Expectation, atText: string, ref: string): Parsed<true> {
    // Within its iteration: each one computes its values and grads afresh.
    const rank = this.model.localOf(this.rank(at));
    if (expectation.field === 'grad' && rank <= this.forwardCount) {
      return {
        ok: false,
        message: `The grad of '${ref}' is not known at ${atText}: grads are unknown before B0.`,
        hint: "Attach the expect to a backward step or to 'end'.",
      };
    }
    const step = this.model.forwardPosition(expectation.node);
    if (expectation.field === 'data' && rank < step) {
      return {
        ok: false,
        message: `The data of '${ref}' is not computed yet at ${atText}: its forward step is F${step}.`,
        hint: `Attach the expect to F${step} or later.`,
      };
    }
    return { ok: true, value: true };
  }
}

/** A node by name or `#ID`. */
export function resolveNode(
  ref: string,
  graph: Graph,
  idOf: (name: string) => number | undefined,
): Parsed<number> {
  const byId = /^#([0-9]+)$/.exec(ref);
  if (byId !== null) {
    const id = Number(byId[1]);
    if (id < graph.size) return { ok: true, value: id };
    return {
      ok: false,
      message: `There is no node ${ref}.`,
      hint: `Node ids run from #0 to #${graph.size - 1}.`,
    };
  }
  const id = idOf(ref);
  if (id !== undefined) return { ok: true, value: id };
  const close = suggest(ref, namesOf(graph));
  return {
    ok: false,
    message: `Unknown node '${ref}'.`,
    hint: close && `Did you mean '${close}'?`,
  };
}

/** The validated fields of one item, with where they are written for diagnostics. */
export interface ItemFields {
  readonly at?: string;
  readonly say?: string;
  readonly predict?: {
    readonly node: string;
    readonly data?: true | null;
    readonly grad?: true | null;
    readonly tol?: number;
    readonly hint?: string;
  };
  readonly expect?: {
    readonly node: string;
    readonly data?: number;
    readonly grad?: number;
    readonly tol: number;
  };
  readonly pause: boolean;
}

export type ItemProblem = {
  readonly field: 'at' | 'expect.node' | 'expect' | 'predict.node' | 'predict';
  readonly message: string;
  readonly hint?: string;
};

/** Resolves one item against the graph; problems name the field they are about. */
export function resolveItem(
  space: StepSpace,
  fields: ItemFields,
  span: { start: number; end: number },
): { item?: WalkthroughItem; problems: ItemProblem[] } {
  const problems: ItemProblem[] = [];
  const predicted = fields.predict === undefined ? undefined : resolvePredict(space, fields);
  if (predicted !== undefined && !predicted.ok) problems.push(predicted.problem);
  const text = fields.at === undefined ? undefined : parseStepText(fields.at);
  let at = text === undefined ? undefined : text.ok ? space.step(text.value) : text;
  if (at !== undefined && !at.ok)
    problems.push({ field: 'at', message: at.message, hint: at.hint });
  if (predicted?.ok && at?.ok && space.rank(at.value) !== space.rank(predicted.at)) {
    problems.push({
      field: 'at',
      message: `A prediction is asked just before the step that settles its value, not at ${fields.at}.`,
      hint: "Leave out 'at'.",
    });
  }
  if (predicted?.ok) at ??= { ok: true, value: predicted.at };
  if (at === undefined) return { problems };
  let expect: Expectation | undefined;
  if (fields.expect !== undefined) {
    const { node: ref, data, grad, tol } = fields.expect;
    const node = space.node(ref);
    if (!node.ok) problems.push({ field: 'expect.node', message: node.message, hint: node.hint });
    else {
      expect =
        data !== undefined
          ? { node: node.value, field: 'data', value: data, tol }
          : { node: node.value, field: 'grad', value: grad ?? 0, tol };
      const known = at.ok ? space.unknownAt(at.value, expect, fields.at ?? '', ref) : undefined;
      if (known !== undefined && !known.ok)
        problems.push({ field: 'expect', message: known.message, hint: known.hint });
    }
  }
  if (!at.ok || problems.length > 0) return { problems };
  const atText = fields.at ?? stepText(at.value);
  const predict = predicted?.ok ? predicted.spec : undefined;
  const item = {
    at: at.value,
    atText,
    say: fields.say,
    expect,
    predict,
    pause: fields.pause,
    span,
  };
  return { item, problems };
}

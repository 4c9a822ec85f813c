import { OpCode } from '../engine/index.js';
import { type LocalDiagnostic, parseCondition, type Scenario, suggest } from '../scenario/index.js';
import { CONDITION_NAMES, compileCondition } from './condition.js';
import { finalAt, gradMismatchAt } from './grad-breaks.js';
import type { Timeline } from './timeline.js';
import type { Breakpoint, BreakpointHit, NodeView, SessionState } from './types.js';
import { writesNode } from './writes.js';

const NODE = String.raw`#\d+|[A-Za-z_][A-Za-z0-9_]*`;
const WHOLE_NODE = new RegExp(`^(?:${NODE})$`);
const STEP_KIND = new RegExp(String.raw`^(forward|backward|change|final):\s*(${NODE})\s*$`);
const NODE_PREFIX = new RegExp(String.raw`^\s*(${NODE})\s*:(?!=)`);
/** One-word specs that are read as a condition (`nonfinite`) or explained as one (`data`). */
const BARE_CONDITION_NAMES = new Set(CONDITION_NAMES);
/** How many node names a hint lists before it stops. */
const LISTED_NAMES = 8;

type Parsed = { breakpoint: Breakpoint } | { diagnostics: readonly LocalDiagnostic[] };

/**
 * Parses `NODE | forward:NODE | backward:NODE | change:NODE | final:NODE | mismatch | [NODE:] COND` (NODE is a name or
 * `#ID`); diagnostics carry offsets into `spec`. A bare NODE means its forward and backward steps;
 * a leaf has neither, so on a leaf it means the steps that add to its grad. A spec that is one
 * word is a node, unless it is a condition's name (`nonfinite`): a condition over every node.
 */
export function parseBreakpoint(spec: string, scenario: Scenario): Parsed {
  const text = spec.trim();
  const offset = spec.indexOf(text);
  const whole = nodeId(scenario, text);
  if (whole !== undefined) return { breakpoint: { spec: text, kind: 'node', node: whole } };
  if (text === 'mismatch') return { breakpoint: { spec: 'mismatch', kind: 'mismatch' } };
  if (WHOLE_NODE.test(text) && !BARE_CONDITION_NAMES.has(text)) {
    return unknownNode(scenario, text, offset, 'spec');
  }
  const kind = STEP_KIND.exec(text);
  if (kind !== null) {
    const [, which, name] = kind;
    const start = offset + text.lastIndexOf(name);
    const node = nodeId(scenario, name);
    if (node === undefined) return unknownNode(scenario, name, start, 'node');
    if ((which === 'forward' || which === 'backward') && scenario.graph.isLeaf(node)) {
      const message = `'${name}' is a leaf: it has no ${which} step.`;
      const hint = `Use change:${name} to stop where its grad changes.`;
      return { diagnostics: [{ start, end: start + name.length, message, hint }] };
    }
    const breakpoint = { spec: `${which}:${name}`, kind: which as Breakpoint['kind'], node };
    return { breakpoint };
  }
  const prefix = NODE_PREFIX.exec(spec);
  let node: number | undefined;
  let condStart = 0;
  if (prefix !== null) {
    node = nodeId(scenario, prefix[1]);
    if (node === undefined) {
      return unknownNode(scenario, prefix[1], spec.indexOf(prefix[1]), 'node');
    }
    condStart = prefix[0].length;
  }
  const condText = spec.slice(condStart);
  const parsed = parseCondition(condText);
  const shift = (d: LocalDiagnostic): LocalDiagnostic => ({
    ...d,
    start: d.start + condStart,
    end: d.end + condStart,
  });
  if (parsed.expr === undefined) return { diagnostics: parsed.diagnostics.map(shift) };
  const compiled = compileCondition(parsed.expr, (name) => scenario.graph.idOf(name) !== undefined);
  if (!('fn' in compiled)) return { diagnostics: [shift(compiled.diagnostic)] };
  const cond = condText.trim();
  return {
    breakpoint: {
      spec: prefix === null ? cond : `${prefix[1]}: ${cond}`,
      kind: 'condition',
      node,
      condition: compiled.fn,
    },
  };
}

function nodeId(scenario: Scenario, text: string): number | undefined {
  const ref = /^#(\d+)$/.exec(text);
  if (ref === null) return scenario.graph.idOf(text);
  const id = Number(ref[1]);
  return id < scenario.graph.size ? id : undefined;
}

/**
 * A name or `#ID` that is not a node. Where a whole spec is one word it may also be a misspelt
 * predicate, so the hint looks among those too and, failing a close match, lists every form.
 */
function unknownNode(
  scenario: Scenario,
  ref: string,
  start: number,
  where: 'node' | 'spec',
): Parsed {
  const end = start + ref.length;
  const last = scenario.graph.size - 1;
  if (ref.startsWith('#')) {
    const hint = `Node ids run from #0 to #${last}.`;
    return { diagnostics: [{ start, end, message: `There is no node ${ref}.`, hint }] };
  }
  const close = suggest(ref, candidates(scenario, where));
  const nodes = `The nodes are ${listNames(scenario)} (ids #0 to #${last}).`;
  const forms =
    'A breakpoint is NODE, forward:NODE, backward:NODE, change:NODE, final:NODE, mismatch or a condition such as grad > 1.';
  const hint =
    close !== undefined
      ? `Did you mean '${close}'?`
      : where === 'spec'
        ? `${forms} ${nodes}`
        : nodes;
  return { diagnostics: [{ start, end, message: `Unknown node '${ref}'.`, hint }] };
}

/** The first few node names, for a hint that must stay one line on a million-node graph. */
function listNames(scenario: Scenario): string {
  const names: string[] = [];
  for (const name of namedNodes(scenario)) {
    if (names.length === LISTED_NAMES) return `${names.join(', ')}, …`;
    names.push(name);
  }
  return names.length === 0 ? 'unnamed' : names.join(', ');
}

/** Whole specs may be misspelt predicates too. */
function* candidates(scenario: Scenario, where: 'node' | 'spec'): Generator<string> {
  yield* namedNodes(scenario);
  if (where === 'spec') yield* ['nonfinite', 'saturated', 'mismatch'];
}

function* namedNodes(scenario: Scenario): Generator<string> {
  const g = scenario.graph;
  for (let id = 0; id < g.size; id++) {
    const name = g.nameOf(id);
    if (name !== undefined) yield name;
  }
}

/**
 * Whether the step ending at `position` fires a breakpoint, read with the graph at `position`:
 * values before the step are known exactly (unknown before forward steps and B0, the undo record
 * for backward steps), so a condition fires only on the step where it becomes true.
 */
export function firstHit(state: SessionState, position: number): BreakpointHit | undefined {
  const at = { ...state, position };
  for (let i = 0; i < state.breakpoints.length; i++) {
    const node = fires(at, state.breakpoints[i]);
    if (node !== undefined) return { breakpoint: i, node };
  }
  return undefined;
}

/** The node a breakpoint fires on at the state's position, read with the graph there. */
function fires(state: SessionState, bp: Breakpoint): number | undefined {
  const { timeline: tl, position } = state;
  const g = tl.graph;
  const phase = tl.phaseOf(position);
  const stepNode = tl.nodeOf(position);
  const receives = (id: number) =>
    phase === 'backward' && (g.in0[stepNode] === id || g.in1[stepNode] === id);
  switch (bp.kind) {
    case 'forward':
      return phase === 'forward' && stepNode === bp.node ? stepNode : undefined;
    case 'backward':
      return phase === 'backward' && stepNode === bp.node ? stepNode : undefined;
    case 'node': {
      const node = bp.node as number;
      if (g.isLeaf(node)) return receives(node) ? node : undefined;
      return phase !== 'zero' && stepNode === node ? node : undefined;
    }
    case 'change':
      return writesNode(tl, position, bp.node as number) ? bp.node : undefined;
    case 'condition':
      return conditionFires(tl, bp, position);
    case 'final':
      return finalAt(tl, position, bp.node as number);
    case 'mismatch':
      return gradMismatchAt(state);
  }
}

function conditionFires(tl: Timeline, bp: Breakpoint, position: number): number | undefined {
  const g = tl.graph;
  const cond = bp.condition!;
  const phase = tl.phaseOf(position);
  const changed: number[] =
    phase === 'forward'
      ? [tl.nodeOf(position)]
      : phase === 'backward'
        ? g.inputsOf(tl.nodeOf(position))
        : [];
  const check = (id: number, before: NodeView) =>
    (bp.node === undefined || bp.node === id) && !cond(before) && cond(viewAt(tl, position, id));
  if (phase === 'zero') {
    // B0 makes every grad known at once.
    if (bp.node !== undefined)
      return check(bp.node, viewBefore(tl, bp.node, undefined)) ? bp.node : undefined;
    for (let id = 0; id < g.size; id++) if (check(id, viewBefore(tl, id, undefined))) return id;
    return undefined;
  }
  for (let slot = 0; slot < changed.length; slot++) {
    const id = changed[slot];
    if (slot === 1 && id === changed[0]) continue;
    const before =
      phase === 'forward'
        ? { data: undefined, grad: undefined, isTanh: g.op[id] === OpCode.tanh }
        : viewBefore(tl, id, tl.gradBefore(position, slot));
    if (check(id, before)) return id;
  }
  return undefined;
}

function viewAt(tl: Timeline, position: number, id: number): NodeView {
  const g = tl.graph;
  return {
    data: tl.isDataKnown(position, id) ? g.data[id] : undefined,
    grad: tl.isGradKnown(position) ? g.grad[id] : undefined,
    isTanh: g.op[id] === OpCode.tanh,
  };
}

/** A node as it was before a B0 or backward step: all data known, grad `grad`. */
function viewBefore(tl: Timeline, id: number, grad: number | undefined): NodeView {
  return { data: tl.graph.data[id], grad, isTanh: tl.graph.op[id] === OpCode.tanh };
}

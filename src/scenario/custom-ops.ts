/**
 * The `ops:` field: ops of the user's own, each a forward expression and one derivative per
 * argument, in the scenario's expression language over the op's arguments, numbers, the built-in
 * functions, other custom ops and (in a derivative) `out`. Every fault is reported at once with its
 * place in the file; what survives becomes evaluators the graph's op table calls.
 */
import type { Document } from 'yaml';
import { FUNCTIONS, type OpSpec } from '../engine/index.js';
import { scalarOffsetMap, toFileDiagnostic } from './block.js';
import type { Evaluator } from './custom-eval.js';
import { evaluator } from './custom-eval.js';
import { checkNames, checkRecursion } from './custom-op-checks.js';
import { keySpan, scalarTextAt, valueSpan } from './document.js';
import type { Expr, LocalDiagnostic } from './expression/index.js';
import { parseExpression, postOrder, printExpr } from './expression/index.js';
import type { Report } from './report.js';
import type { Span } from './types.js';

export interface CustomOpDef {
  readonly name: string;
  readonly args: readonly string[];
  readonly forward: Evaluator;
  /** One per argument, in argument order. */
  readonly grads: readonly Evaluator[];
  /** Each derivative as written (canonical form) and with `{a}`, `{b}`, `{out}` for the values. */
  readonly gradTexts: readonly string[];
  readonly templates: readonly string[];
  /** Where the op's name is written in the file. */
  readonly span: Span;
}

export interface CompiledOps {
  readonly defs: ReadonlyMap<string, CustomOpDef>;
  /** Ops with a fault: calls to them are not reported again. */
  readonly failed: ReadonlySet<string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDERS = ['{a}', '{b}'];

interface Parsed {
  readonly name: string;
  readonly args: string[];
  readonly forward?: Expr;
  readonly grads: (Expr | undefined)[];
  readonly span: Span;
  /** Custom ops it calls, with the first call's file span. */
  readonly calls: Map<string, Span>;
  ok: boolean;
}

/** Compiles the valid-looking entries of `ops` (the schema reports the rest). */
export function compileOps(doc: Document.Parsed, report: Report, ops: unknown): CompiledOps {
  const entries =
    ops !== null && typeof ops === 'object' && !Array.isArray(ops) ? Object.entries(ops) : [];
  const names = new Set(entries.map(([name]) => name));
  const parsed = entries.map(([name, op]) => parseOp(doc, report, names, name, op));
  for (const p of parsed) checkRecursion(p, parsed, report);
  const defs = new Map<string, CustomOpDef>();
  const failed = new Set<string>();
  for (const p of parsed) {
    if (!p.ok) failed.add(p.name);
    else defs.set(p.name, build(p, defs));
  }
  return { defs, failed };
}

/** What reading one op needs: the file, where faults go, every op's name, and the op so far. */
interface Reading {
  readonly doc: Document.Parsed;
  readonly report: Report;
  readonly names: ReadonlySet<string>;
  readonly p: Parsed;
}

type OpShape = { args?: unknown; forward?: unknown; grad?: unknown } | null;

function parseOp(
  doc: Document.Parsed,
  report: Report,
  names: ReadonlySet<string>,
  name: string,
  op: unknown,
): Parsed {
  const span = keySpan(doc, ['ops', name]);
  const shape = op as OpShape;
  const args = Array.isArray(shape?.args) ? shape.args.filter((a) => typeof a === 'string') : [];
  const p: Parsed = { name, args, grads: [], span, calls: new Map(), ok: true };
  const reading: Reading = { doc, report, names, p };
  checkOpName(reading);
  checkArgs(reading, shape);
  if (typeof shape?.forward === 'string')
    (p as { forward?: Expr }).forward = expression(reading, ['ops', name, 'forward'], false);
  else p.ok = false;
  readGrads(reading, shape);
  return p;
}

function fail(reading: Reading, at: Span, message: string, hint?: string): void {
  reading.report.error(at, message, hint);
  reading.p.ok = false;
}

function checkOpName(reading: Reading): void {
  const { name, span } = reading.p;
  if (FUNCTIONS.has(name)) {
    fail(
      reading,
      span,
      `'${name}' is a built-in function: a custom op needs a name of its own.`,
      `For example: my_${name}`,
    );
  } else if (!NAME.test(name)) {
    fail(
      reading,
      span,
      `'${name}' is not a valid op name.`,
      'A name is a letter or _ followed by letters, digits or _.',
    );
  }
}

/** One or two arguments, each a fresh name listed once. */
function checkArgs(reading: Reading, shape: OpShape): void {
  const { name, args } = reading.p;
  args.forEach((arg, i) => {
    const at = valueSpan(reading.doc, ['ops', name, 'args', i]);
    if (!NAME.test(arg) || arg === 'out' || FUNCTIONS.has(arg)) {
      fail(
        reading,
        at,
        `'${arg}' cannot be an argument name.`,
        "Use a name that is not 'out' or a function.",
      );
    } else if (args.indexOf(arg) !== i) fail(reading, at, `Argument '${arg}' is listed twice.`);
  });
  const valid =
    (shape?.args as unknown[] | undefined)?.length === args.length &&
    args.length >= 1 &&
    args.length <= 2;
  if (!valid) reading.p.ok = false;
}

/** The expression at `path`, its names checked and its calls to custom ops noted. */
function expression(
  reading: Reading,
  path: (string | number)[],
  allowOut: boolean,
): Expr | undefined {
  const { report, names, p } = reading;
  const parsedExpr = parseAt(reading.doc, report, path);
  if (parsedExpr === undefined) {
    p.ok = false;
    return undefined;
  }
  const { expr, toFile } = parsedExpr;
  for (const d of checkNames(expr, p.args, allowOut, names, p.name)) {
    report.add([toFile(d)]);
    p.ok = false;
  }
  for (const node of postOrder(expr)) {
    if (node.kind === 'call' && names.has(node.callee) && !p.calls.has(node.callee)) {
      const at = toFile({ start: node.start, end: node.calleeEnd, message: '' });
      p.calls.set(node.callee, { start: at.start, end: at.end });
    }
  }
  return expr;
}

/** `grad:` names only arguments, and gives each argument a derivative (a number or an expression). */
function readGrads(reading: Reading, shape: OpShape): void {
  const { doc, p } = reading;
  const { name, args, span } = p;
  const grad =
    shape?.grad !== null && typeof shape?.grad === 'object'
      ? (shape.grad as Record<string, unknown>)
      : undefined;
  for (const key of Object.keys(grad ?? {})) {
    if (!args.includes(key)) {
      const hint = `The arguments are ${args.join(', ')}.`;
      fail(
        reading,
        keySpan(doc, ['ops', name, 'grad', key]),
        `'${key}' is not an argument of '${name}'.`,
        hint,
      );
    }
  }
  for (const arg of args) {
    if (grad !== undefined && typeof grad[arg] === 'number') {
      // `grad: { a: 1 }`: YAML reads the number as a number.
      const value = grad[arg] as number;
      p.grads.push({ kind: 'number', value, raw: String(value), start: 0, end: 0 });
    } else if (grad !== undefined && typeof grad[arg] === 'string') {
      p.grads.push(expression(reading, ['ops', name, 'grad', arg], true));
    } else {
      p.grads.push(undefined);
      const at = grad === undefined ? span : keySpan(doc, ['ops', name, 'grad']);
      fail(
        reading,
        at,
        `Custom op '${name}' has no derivative for its argument '${arg}'.`,
        `Add it under grad, as in: grad: { ${arg}: <d ${name} / d ${arg}> }`,
      );
    }
  }
}

/** Parses the string at `path`, reporting its syntax errors; positions map to the file. */
function parseAt(doc: Document.Parsed, report: Report, path: (string | number)[]) {
  const scalar = scalarTextAt(doc, path);
  if (scalar === undefined) return undefined;
  const map = scalarOffsetMap(report.source.text, scalar);
  const toFile = (d: LocalDiagnostic) => toFileDiagnostic(d, map, report.source);
  const { expr, diagnostics } = parseExpression(scalar.value);
  report.add(diagnostics.map(toFile));
  return expr === undefined ? undefined : { expr, toFile };
}

function build(p: Parsed, defs: ReadonlyMap<string, CustomOpDef>): CustomOpDef {
  const grads = p.grads as Expr[];
  const texts = grads.map((g) => printExpr(g));
  return {
    name: p.name,
    args: p.args,
    forward: evaluator(p.forward!, p.args, defs),
    grads: grads.map((g) => evaluator(g, p.args, defs)),
    gradTexts: texts,
    templates: texts.map((text) =>
      text.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()/g, (word) => {
        const i = p.args.indexOf(word);
        return i >= 0 ? PLACEHOLDERS[i] : word === 'out' ? '{out}' : word;
      }),
    ),
    span: p.span,
  };
}

/** The op table entry of a custom op, for `Graph.defineOp`. */
export function opSpecOf(def: CustomOpDef): Omit<OpSpec, 'code'> {
  const one = def.args.length === 1;
  return {
    name: def.name,
    symbol: def.name,
    syntax: 'call',
    arity: def.args.length as 1 | 2,
    forward: (a, b) => def.forward(a, b, Number.NaN),
    local: def.grads.map((g) => (a: number, b: number, out: number) => g(a, b, out)),
    rule: def.args.map((arg) => (one ? `${def.name}'({a})` : `∂${def.name}/∂${arg}({a}, {b})`)),
    formula: def.args.map((arg, i) => `d ${def.name}/d ${arg} = ${def.gradTexts[i]}`),
    written: def.templates,
  };
}

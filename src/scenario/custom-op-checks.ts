/**
 * The checks of a custom op's expressions: the names and calls each may use, and no recursion
 * through other custom ops.
 */
import { FUNCTIONS } from '../engine/index.js';
import type { Expr, LocalDiagnostic } from './expression/index.js';
import { postOrder } from './expression/index.js';
import type { Report } from './report.js';
import { suggest } from './suggest.js';
import type { Span } from './types.js';

/** A custom op as far as recursion is concerned: the custom ops it calls. */
export interface OpCalls {
  readonly name: string;
  /** Custom ops it calls, with the first call's file span. */
  readonly calls: Map<string, Span>;
  ok: boolean;
}

/** Names must be arguments (or `out` in a derivative); calls built-in or custom, with the right count. */
export function checkNames(
  expr: Expr,
  args: readonly string[],
  allowOut: boolean,
  ops: ReadonlySet<string>,
  op: string,
): LocalDiagnostic[] {
  const found: LocalDiagnostic[] = [];
  const visible = allowOut ? [...args, 'out'] : args;
  for (const node of postOrder(expr)) {
    if (node.kind === 'ref') {
      found.push({
        start: node.start,
        end: node.end,
        message: `An op cannot refer to graph nodes ('#${node.id}').`,
        hint: `It sees only its arguments: ${visible.join(', ')}.`,
      });
    } else if (node.kind === 'name' && !visible.includes(node.name)) {
      const why =
        node.name === 'out'
          ? "'out' is the result forward defines: only a derivative may use it."
          : `It sees only ${visible.join(', ')}.`;
      const guess = suggest(node.name, visible);
      found.push({
        start: node.start,
        end: node.end,
        message: `Unknown name '${node.name}' in op '${op}'.`,
        hint: guess === undefined ? why : `Did you mean '${guess}'? ${why}`,
      });
    } else if (node.kind === 'binary' && !['+', '-', '*', '/', '**'].includes(node.op)) {
      found.push({
        start: node.start,
        end: node.end,
        message: `Operator '${node.op}' is not allowed in an op.`,
      });
    } else if (node.kind === 'call') {
      const arity = FUNCTIONS.get(node.callee)?.arity;
      if (arity === undefined && !ops.has(node.callee)) {
        const guess = suggest(node.callee, [...FUNCTIONS.keys(), ...ops]);
        found.push({
          start: node.start,
          end: node.calleeEnd,
          message: `Unknown function '${node.callee}'.`,
          hint:
            guess === undefined
              ? `The functions are ${[...FUNCTIONS.keys(), ...ops].join(', ')}.`
              : `Did you mean '${guess}'?`,
        });
      } else if (arity !== undefined && node.args.length !== arity) {
        found.push({
          start: node.start,
          end: node.end,
          message: `'${node.callee}' takes ${arity} argument${arity === 1 ? '' : 's'}, found ${node.args.length}.`,
        });
      }
    }
  }
  return found;
}

/** Reports a custom op that reaches itself through its calls, at its first call on the cycle. */
export function checkRecursion(p: OpCalls, all: readonly OpCalls[], report: Report): void {
  const byName = new Map(all.map((q) => [q.name, q]));
  for (const [callee, at] of p.calls) {
    const path = cycleFrom(callee, p.name, byName, new Set());
    if (path === undefined) continue;
    const chain = [p.name, ...path].join(' → ');
    report.error(
      at,
      `Custom op '${p.name}' calls itself (${chain}).`,
      'Custom ops cannot recurse: write the expression out.',
    );
    p.ok = false;
    return;
  }
}

function cycleFrom(
  from: string,
  target: string,
  ops: ReadonlyMap<string, OpCalls>,
  seen: Set<string>,
): string[] | undefined {
  if (from === target) return [target];
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const next of ops.get(from)?.calls.keys() ?? []) {
    const rest = cycleFrom(next, target, ops, seen);
    if (rest !== undefined) return [from, ...rest];
  }
  return undefined;
}

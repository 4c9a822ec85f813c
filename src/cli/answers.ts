/**
 * `replay --answers`: the learner's numbers for the session's predictions, written inline
 * (`"x1.grad=-1.5,w1.grad=1"`) or in a file, one `NODE.FIELD=VALUE` a line (`#` starts a comment).
 * A question with no answer counts as skipped; an entry that does not parse, or that no question
 * asks for, is an error at its line and column.
 */
import { type Diagnostic, resolveNode, type Source } from '../scenario/index.js';
import { type SessionState, scenarioOf } from '../session/index.js';
import type { GlobalArgs } from './context.js';
import type { Io } from './io.js';
import { printProblems, readText } from './load.js';

/** Answers by `node id.field` (`3.grad`). */
export type Answers = ReadonlyMap<string, number>;

export const answerKey = (node: number, field: string): string => `${node}.${field}`;

/** Reads `--answers`; undefined after printing what is wrong (the command exits 2). */
export async function readAnswers(
  io: Io,
  args: GlobalArgs,
  given: string,
  session: SessionState,
): Promise<Answers | undefined> {
  const inline = given.includes('=');
  let source: Source = { name: '--answers', text: given };
  if (!inline) {
    const text = await readText(io, given);
    if (typeof text !== 'string') {
      printProblems(io, args, [text]);
      return undefined;
    }
    source = { name: given, text };
  }
  const { answers, problems } = parseAnswers(source, inline ? ',' : '\n', session);
  printProblems(io, args, problems);
  return problems.length === 0 ? answers : undefined;
}

function parseAnswers(
  source: Source,
  separator: ',' | '\n',
  session: SessionState,
): { answers: Map<string, number>; problems: Diagnostic[] } {
  const scenario = scenarioOf(session);
  const asked = new Set(session.predictions.map((p) => answerKey(p.node, p.field)));
  const answers = new Map<string, number>();
  const problems: Diagnostic[] = [];
  const fail = (start: number, end: number, message: string, hint?: string) => {
    problems.push({ severity: 'error', source, start, end, message, hint });
  };
  let start = 0;
  for (const piece of source.text.split(separator)) {
    const end = start + piece.length;
    const text = piece.replace(/#.*$/, '');
    const offset = start + (text.length - text.trimStart().length);
    start = end + 1;
    if (text.trim() === '') continue;
    const entry = /^(\S+)\.(data|grad)\s*=\s*(\S+)$/.exec(text.trim());
    const at = offset + text.trim().length;
    if (entry === null) {
      fail(offset, at, `Expected NODE.FIELD=VALUE, found '${text.trim()}'.`, 'e.g. x1.grad=-1.5');
      continue;
    }
    const [, ref, field, number] = entry;
    const value = Number(number);
    if (Number.isNaN(value) && number !== 'NaN') {
      fail(at - number.length, at, `Expected a number, found '${number}'.`);
      continue;
    }
    const node = resolveNode(ref, scenario.graph, (name) => scenario.graph.idOf(name));
    if (!node.ok) {
      fail(offset, offset + ref.length, node.message, node.hint);
      continue;
    }
    const key = answerKey(node.value, field);
    if (!asked.has(key)) {
      const questions = session.predictions.map((p) => `${scenario.labelOf(p.node)}.${p.field}`);
      const hint = questions.length === 0 ? 'add --quiz' : `questions: ${questions.join(', ')}`;
      fail(
        offset,
        offset + ref.length + 1 + field.length,
        `No prediction asks for ${ref}.${field}.`,
        hint,
      );
      continue;
    }
    answers.set(key, value);
  }
  return { answers, problems };
}

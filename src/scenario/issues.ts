/**
 * Zod's findings about a scenario file, as diagnostics in our words at the right place: a missing
 * field at the mapping that lacks it, a mistyped value at the value, an unknown key at the key.
 */
import type { Document } from 'yaml';
import type { z } from 'zod';
import { describeValue, keySpan, locate, type Path, valueSpan } from './document.js';
import { fieldsAt, type IssueParams } from './schema.js';
import { suggest } from './suggest.js';
import type { Diagnostic, Source } from './types.js';

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a finite number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

type Part = 'key' | 'value';
type At = (path: Path, part: Part, message: string, hint?: string) => void;

export function issueDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  doc: Document.Parsed,
  data: unknown,
  source: Source,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at: At = (path, part, message, hint) => {
    const span = part === 'key' ? keySpan(doc, path) : valueSpan(doc, path);
    diagnostics.push({ severity: 'error', source, ...span, message, hint });
  };
  for (const issue of issues) {
    const path = issue.path as Path;
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        unknownFields(issue.keys, path, at);
        break;
      case 'invalid_type':
        wrongType(issue.expected, path, value, doc, source, at);
        break;
      case 'custom': {
        const params = (issue.params ?? {}) as IssueParams;
        at(path, params.at ?? 'value', issue.message, params.hint);
        break;
      }
      default:
        at(path, 'value', `${capital(nameOf(path))}${badValue(issue, value)}`);
    }
  }
  return diagnostics;
}

function unknownFields(keys: readonly string[], path: Path, at: At): void {
  for (const key of keys) {
    const fields = fieldsAt(path).filter((f) => f !== '$schema');
    const close = suggest(key, fields);
    const hint =
      close === undefined
        ? `The fields here are: ${fields.join(', ')}.`
        : `Did you mean '${close}'?`;
    at([...path, key], 'key', `Unknown field '${key}'${where(path)}.`, hint);
  }
}

/** A missing field is reported at the mapping that lacks it, a mistyped value at the value. */
function wrongType(
  expectedType: string,
  path: Path,
  value: unknown,
  doc: Document.Parsed,
  source: Source,
  at: At,
): void {
  if (value === undefined && path.length > 0 && !locate(doc, path).found) {
    at(
      path.slice(0, -1),
      'value',
      `Missing required field '${String(path.at(-1))}'${where(path.slice(0, -1))}.`,
    );
  } else {
    const expected = EXPECTED[expectedType] ?? expectedType;
    at(
      path,
      'value',
      `${capital(nameOf(path))} must be ${expected}, found ${describeValue(value)}.`,
      commentHint(doc, source, path, value),
    );
  }
}

/** What is wrong with a value, following its capitalised name: ` must be at most 3, found 4.` */
function badValue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'too_small':
      return typeof value === 'string'
        ? ' must not be empty.'
        : ` must be at least ${issue.minimum}, found ${describeValue(value)}.`;
    case 'too_big':
      return ` must be at most ${issue.maximum}, found ${describeValue(value)}.`;
    case 'invalid_value':
      return ` must be one of ${issue.values.join(', ')}, found ${describeValue(value)}.`;
    case 'invalid_union':
      // The one union is an observed value.
      return ` must be a number, 'nan', 'inf' or '-inf', found ${describeValue(value)}.`;
    default:
      return `: ${issue.message}`;
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** `'title'`, `walkthrough item 2`, `'tol' of walkthrough item 2`. */
function nameOf(path: Path): string {
  if (path.length === 0) return 'a scenario';
  const last = path.at(-1);
  if (typeof last === 'number')
    return path.length === 2 && path[0] === 'walkthrough'
      ? `walkthrough item ${last + 1}`
      : `item ${last + 1} of ${nameOf(path.slice(0, -1))}`;
  return `'${String(last)}'${where(path.slice(0, -1))}`;
}

/** ` in walkthrough item 2` for fields of an item or its expect, ` of observed node 'x'`. */
function where(parent: Path): string {
  if (parent[0] === 'observed' && parent.length === 3)
    return ` of observed node '${String(parent[2])}'`;
  return parent[0] === 'walkthrough' && typeof parent[1] === 'number'
    ? ` in walkthrough item ${parent[1] + 1}`
    : '';
}

/** `node: #5` is an empty value in YAML, because `#` starts a comment. */
function commentHint(
  doc: Document.Parsed,
  source: Source,
  path: Path,
  value: unknown,
): string | undefined {
  if (value !== null || path.length === 0) return undefined;
  const afterKey = keySpan(doc, path).end;
  const lineEnd = source.text.indexOf('\n', afterKey);
  const rest = source.text.slice(afterKey, lineEnd === -1 ? undefined : lineEnd);
  const comment = /^\s*:\s+(#\S*)/.exec(rest);
  return comment === null
    ? undefined
    : `'#' starts a comment in YAML: quote the value, as in '${comment[1]}'.`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

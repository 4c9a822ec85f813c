/**
 * YAML nested thousands of levels deep runs the YAML parser out of call stack: it is a bad file
 * like any other (a diagnostic with file:line:col, exit 2), never an internal error (exit 70).
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const HEAD = 'title: t\ngraph: |\n  x = 2\n  y = x * x\n';
const flowNested = (depth: number) =>
  `${HEAD}extra: ${'{k: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
const blockNested = (depth: number) =>
  `${HEAD}extra:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`;

describe('deeply nested YAML', () => {
  it.each([
    ['flow mappings', flowNested(2_000)],
    ['block mappings', blockNested(2_000)],
  ])('%s 2,000 levels deep: a diagnostic at line 5 or below, exit 2', async (_kind, text) => {
    const { code, stdout, stderr } = await cli('check deep.yaml', { files: { 'deep.yaml': text } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deep\.yaml:(\d+):\d+: error: /);
    expect(Number(/^deep\.yaml:(\d+)/.exec(stderr)![1])).toBeGreaterThanOrEqual(5);
    expect(stderr).not.toMatch(/internal error|call stack|at \w+ \(/);
  });

  it('a few levels are only an unknown field', async () => {
    const { code, stderr } = await cli('check deep.yaml', {
      files: { 'deep.yaml': flowNested(5) },
    });
    expect(code).toBe(2);
    expect(stderr).toContain("deep.yaml:5:1: error: Unknown field 'extra'.");
  });
});

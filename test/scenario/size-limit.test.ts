/**
 * The bound on what the YAML parser reads (everything but a plain graph block), and excerpts of
 * very long lines: both keep time and memory in proportion to the file.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario } from '../../src/scenario/index.js';

const MB = 1_000_000;

describe('the size bound of a scenario file', () => {
  it('refuses a 5 MB description before parsing, naming the field and its size', () => {
    const text = `title: t\ndescription: "${'x'.repeat(5 * MB)}"\ngraph: |\n  x = 2.0\n  y = x * x\n`;
    const result = loadScenario({ name: 'big.yaml', text });
    expect(result.ok).toBe(false);
    const [d] = result.diagnostics;
    expect(d.message).toBe(
      "'description' takes 5.0 MB; a scenario's fields other than a plain graph block may take 4.0 MB in all.",
    );
    // At the key, line 2 column 1, under 'description'.
    expect(d.start).toBe('title: t\n'.length);
    expect(d.end - d.start).toBe('description'.length);
  });

  it('takes a plain graph block of any size: 6 MB of statements load', () => {
    const lines = ['x0 = 1.0'];
    for (let i = 1, size = 0; size < 6 * MB; i++) {
      lines.push(`x${i} = x${i - 1} * 1.0000001`);
      size += lines[i].length + 3;
    }
    const text = `title: chain\ngraph: |\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
    expect(text.length).toBeGreaterThan(6 * MB);
    const result = loadScenario({ name: 'chain.yaml', text });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('the excerpt of a very long line', () => {
  it('is cut around the fault, with … at both ends and the caret under it', () => {
    const text = `${'a'.repeat(MB)}$${'b'.repeat(MB)}`;
    const source = { name: 'long.yaml', text };
    const started = performance.now();
    const out = formatDiagnostic(
      { severity: 'error', source, start: MB, end: MB + 1, message: 'Unexpected $.' },
      { color: false },
    );
    // Untimed in spirit, but a bound that a walk over 2 MB characters one by one (seconds) breaks.
    expect(performance.now() - started).toBeLessThan(1000);
    const [heading, line, caret] = out.split('\n');
    expect(heading).toBe(`long.yaml:1:${MB + 1}: error: Unexpected $.`);
    expect(line).toMatch(/^ 1 \| …a+\$b+…$/);
    expect(line.length).toBeLessThan(300);
    expect(caret.indexOf('^')).toBe(line.indexOf('$'));
  });
});

import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { type ScalarText, scalarOffsetMap } from '../../src/scenario/block.js';

const STYLES: Record<string, ScalarText['style']> = {
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
};

/** The `graph` scalar of a YAML text and its offset map. */
function graphOf(text: string) {
  const doc = parseDocument(text);
  expect(doc.errors).toEqual([]);
  if (!isMap(doc.contents)) throw new Error('not a mapping');
  const node = doc.contents.get('graph', true) as Scalar;
  if (!isScalar(node) || node.range == null) throw new Error('no graph scalar');
  const value = String(node.value);
  const map = scalarOffsetMap(text, {
    value,
    start: node.range[0],
    end: node.range[1],
    style: STYLES[node.type ?? 'PLAIN'],
  });
  /** The file offset of the n-th occurrence of `needle` in the value. */
  const at = (needle: string, nth = 0) => {
    let found = -1;
    for (let i = 0; i <= nth; i++) found = value.indexOf(needle, found + 1);
    expect(found).toBeGreaterThanOrEqual(0);
    return map.toFile(found);
  };
  return { value, map, at };
}

describe('scalarOffsetMap', () => {
  it('maps every line of a literal block to its file line, past the indentation', () => {
    const text = 'title: t\ngraph: |\n  x = 2.0\n\n  # note\n    y = x * 3\n  z = y\noutput: z\n';
    const { value, map, at } = graphOf(text);
    expect(value).toBe('x = 2.0\n\n# note\n  y = x * 3\nz = y\n');
    expect(at('x = 2.0')).toBe(text.indexOf('x = 2.0'));
    expect(at('y = x')).toBe(text.indexOf('y = x'));
    expect(at('z = y')).toBe(text.indexOf('z = y'));
    // Every character of the value sits on the same character in the file.
    for (let i = 0; i < value.length; i++) {
      if (value[i] !== '\n') expect(text[map.toFile(i)]).toBe(value[i]);
    }
    // A line's end maps to the file's line break; the end of the value after the last line.
    expect(map.toFile(value.indexOf('\n'))).toBe(text.indexOf('x = 2.0') + 7);
    expect(map.toFile(value.length - 1)).toBe(text.indexOf('z = y') + 5);
  });

  it('honours an explicit indentation indicator and a header comment', () => {
    const text = 'graph: |2 # the program\n    x = 1\n  y = x\n';
    const { value, at } = graphOf(text);
    expect(value).toBe('  x = 1\ny = x\n');
    expect(at('x = 1')).toBe(text.indexOf('x = 1'));
    expect(at('y = x')).toBe(text.indexOf('y = x'));
  });

  it('follows a folded block, where line breaks became spaces', () => {
    const text = 'graph: >\n  x = 1 +\n  2 * 3\n';
    const { value, at } = graphOf(text);
    expect(value).toBe('x = 1 + 2 * 3\n');
    expect(at('2 * 3')).toBe(text.indexOf('2 * 3'));
  });

  it('adds the start of a plain one-line scalar', () => {
    const text = 'title: t\ngraph: x = tanh(2)\n';
    const { at } = graphOf(text);
    expect(at('tanh')).toBe(text.indexOf('tanh'));
  });

  it('walks single-quoted text with doubled quotes', () => {
    const text = "graph: 'a = 1 # it''s\n\n  b = a'\n";
    const { value, at } = graphOf(text);
    expect(value).toBe("a = 1 # it's\nb = a");
    expect(at('s\n')).toBe(text.indexOf('s\n'));
    expect(at('b = a')).toBe(text.indexOf('b = a'));
  });

  it('walks JSON escapes: \\n, \\" and \\uXXXX', () => {
    const text = '{"title": "t", "graph": "x = 2\\ny = \\u0074anh(x) # \\"q\\"\\nz = y * x"}';
    const { value, map, at } = graphOf(text);
    expect(value).toBe('x = 2\ny = tanh(x) # "q"\nz = y * x');
    expect(at('y =')).toBe(text.indexOf('y ='));
    // The escaped character points at its backslash; the rest of the word follows it.
    expect(map.toFile(value.indexOf('tanh'))).toBe(text.indexOf('\\u0074'));
    expect(at('anh(x)')).toBe(text.indexOf('anh(x)'));
    expect(at('z = y * x')).toBe(text.indexOf('z = y * x'));
    expect(map.toFile(value.length)).toBe(text.lastIndexOf('"'));
  });

  it('falls back to the opening quote when the walk does not reproduce the value', () => {
    const map = scalarOffsetMap('graph: "ab"', { value: 'zz', start: 7, end: 11, style: 'double' });
    expect(map.toFile(1)).toBe(7);
  });
});

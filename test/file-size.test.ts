/**
 * Files stay small enough to read in one sitting: none under src/, bench/ or scripts/ is over 300
 * lines. (Functions over 60 lines are Biome's to refuse: noExcessiveLinesPerFunction in biome.json.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Lines as an editor numbers them: a last line without a newline counts, an empty file has none. */
const lineCount = (text: string) =>
  text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('file size', () => {
  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const files = ['src', 'bench', 'scripts'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => `${file}: ${lineCount(readFileSync(file, 'utf8'))} lines`)
      .filter((line) => Number(/(\d+) lines$/.exec(line)![1]) > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('counts lines as an editor numbers them', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('')).toBe(0);
  });
});

/**
 * The published package is the bundle and what it reads at run time: nothing to build on install,
 * no runtime dependencies (the bundle inlines Ink, React, yargs, zod and yaml).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the npm package', () => {
  it('ships the bundle, the scenarios with their schema, the Python helper and the README only', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        encoding: 'utf8',
      }),
    );
    const paths: string[] = packed.files.map((f: { path: string }) => f.path).sort();
    const scenarios = readdirSync('scenarios').map((f) => `scenarios/${f}`);
    const bundle = readdirSync('dist/bundle').map((f) => `dist/bundle/${f}`);
    expect(paths).toEqual(
      ['README.md', 'package.json', 'python/gradstep_export.py', ...scenarios, ...bundle].sort(),
    );
    expect(scenarios).toContain('scenarios/schema.json');
  });

  it('has no runtime dependencies and nothing that builds on install', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts[hook], hook).toBeUndefined();
  });

  it('the bundle imports nothing but node built-ins', () => {
    const bare = new Set<string>();
    for (const file of readdirSync('dist/bundle')) {
      const text = readFileSync(`dist/bundle/${file}`, 'utf8');
      for (const m of text.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([^"'.][^"']*)["']/g))
        if (
          !/^node:|^(fs|path|url|util|os|tty|events|stream|buffer|module|process|assert)$/.test(
            m[1],
          )
        )
          bare.add(m[1]);
    }
    expect([...bare]).toEqual([]);
  });
});

/**
 * The layer rule of DEVELOPERS.md, made executable: engine -> scenario -> session -> ui -> cli, each
 * importing only through the other layer's index.ts, values from its neighbour only (past it, the
 * names test/architecture-allowed.ts lists with their reasons; types from any layer below);
 * nothing but src/bin.ts imports cli; a session's timeline stays in session; React and Ink only in
 * ui and cli; the file system only in cli; the terminal and the process (Ink's render, process
 * signals, exit, streams, console) only in cli and bin.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REACH } from './architecture-allowed.js';

const LAYERS = ['engine', 'scenario', 'session', 'ui', 'cli'] as const;
type Layer = (typeof LAYERS)[number] | 'bin';

/** What each layer may import from the other layers; past the neighbour, see REACH. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  engine: [],
  scenario: ['engine'],
  session: ['engine', 'scenario'],
  ui: ['engine', 'scenario', 'session'],
  cli: ['engine', 'scenario', 'session', 'ui'],
  bin: ['cli'],
};
/** The one layer each imports values from freely. */
const NEIGHBOUR: Partial<Record<Layer, Layer>> = {
  scenario: 'engine',
  session: 'scenario',
  ui: 'session',
  cli: 'ui',
  bin: 'cli',
};
const UI_PACKAGES = /^(react|ink)(\/|$)|^ink-/;
const FILE_SYSTEM = /^(node:)?fs(\/|$)/;

/** Code that drives the real terminal or process; renderToString (a string, no terminal) stays allowed. */
const PROCESS_AND_TERMINAL: readonly { pattern: RegExp; what: string }[] = [
  {
    // `import { render } from 'ink'`, `{ render: draw }`, `const { render } = await import('ink')`
    pattern: /\{[^}]*\brender\b[^}]*\}\s*(?:from\s*|=\s*(?:await\s+)?import\s*\(\s*)['"]ink['"]/,
    what: "Ink's render()",
  },
  {
    pattern: /\bprocess\s*\.\s*(?:on|once|off|addListener|removeListener)\s*\(/,
    what: 'process events',
  },
  { pattern: /\bprocess\s*\.\s*(?:exit|exitCode|kill|abort)\b/, what: 'the exit code' },
  { pattern: /\bprocess\s*\.\s*(?:stdin|stdout|stderr)\b/, what: 'the process streams' },
  { pattern: /\bconsole\s*\.\s*\w+/, what: 'the console' },
];

interface SourceFile {
  /** Path relative to src/, with forward slashes: `engine/graph.ts`. */
  readonly path: string;
  readonly text: string;
}

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
];

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** `import { a, type B } from '…'` and `export { … } from '…'`: the values each names. */
const NAMED = /\b(?:import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;

function namedValues(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(NAMED)) {
    const names = m[1] !== undefined ? [] : m[2].split(',').map((n) => n.trim());
    const values = names.filter((n) => n !== '' && !n.startsWith('type '));
    found.set(m[3], [...(found.get(m[3]) ?? []), ...values.map((n) => n.split(/\s+as\s+/)[0])]);
  }
  return found;
}

/** Values `file` takes from a layer past its neighbour that REACH does not list. */
function reachThroughs(file: SourceFile, from: Layer, to: Layer, spec: string): string[] {
  if (NEIGHBOUR[from] === to) return [];
  const values = namedValues(file.text).get(spec);
  const where = `${file.path} imports '${spec}'`;
  if (values === undefined) return [`${where}: past ${NEIGHBOUR[from]}, name what you import`];
  const listed = (REACH[`${from}>${to}`] ?? []).flatMap((r) => r.names);
  return values
    .filter((name) => !listed.includes(name))
    .map(
      (name) => `${where}: ${name} reaches past ${NEIGHBOUR[from]} (see architecture-allowed.ts)`,
    );
}

/** The session's Timeline and the engine's arrays behind it stay inside session. */
const TIMELINE = /\.timeline\b|\{[^}]*\btimeline\b[^}]*\}\s*=/;

function layerOf(path: string): Layer | undefined {
  if (path === 'bin.ts') return 'bin';
  const top = path.split('/')[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : undefined;
}

function violations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    if (from !== 'cli' && from !== 'bin') {
      for (const { pattern, what } of PROCESS_AND_TERMINAL) {
        if (pattern.test(file.text)) problems.push(`${file.path} uses ${what}: only cli does`);
      }
    }
    if (from === undefined) continue;
    if (from !== 'session' && TIMELINE.test(file.text)) {
      problems.push(`${file.path} reads a session's timeline: use session's queries`);
    }
    for (const spec of importsOf(file.text)) {
      const where = `${file.path} imports '${spec}'`;
      if (!spec.startsWith('.')) {
        if (from === 'engine') problems.push(`${where}: engine imports nothing outside itself`);
        else if (UI_PACKAGES.test(spec) && from !== 'ui' && from !== 'cli') {
          problems.push(`${where}: React and Ink belong to ui and cli`);
        } else if (FILE_SYSTEM.test(spec) && from !== 'cli') {
          problems.push(`${where}: only cli touches the file system`);
        }
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file.path), spec));
      const to = layerOf(target);
      if (to === undefined) {
        problems.push(`${where}: resolves outside the layers (${target})`);
        continue;
      }
      if (to === from) {
        problems.push(...packageProblems(file.path, target, where));
        continue;
      }
      if (!ALLOWED[from].includes(to)) {
        problems.push(`${where}: ${from} may not import ${to}`);
      } else if (!/^[a-z]+\/index(\.[jt]sx?)?$/.test(target)) {
        problems.push(`${where}: import ${to} through ${to}/index.ts`);
      } else problems.push(...reachThroughs(file, from, to, spec));
    }
  }
  return problems;
}

/**
 * Folders inside a layer with a surface of their own: the rest of the layer imports them through
 * their index.ts, and they import nothing of the rest (scenario's expression language knows
 * nothing of the file format around it).
 */
const PACKAGES = ['scenario/expression'];

function packageProblems(path: string, target: string, where: string): string[] {
  const inside = (p: string, pkg: string) => p.startsWith(`${pkg}/`);
  for (const pkg of PACKAGES) {
    if (inside(path, pkg) && !inside(target, pkg)) {
      return [`${where}: ${pkg} imports nothing from the rest of its layer`];
    }
    if (!inside(path, pkg) && inside(target, pkg) && !/\/index(\.[jt]sx?)?$/.test(target)) {
      return [`${where}: import ${pkg} through its index.ts`];
    }
  }
  return [];
}

function sourceFiles(root: string): SourceFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.tsx?$/.test(p))
    .map((p) => ({
      path: relative(root, join(root, p)).split('\\').join('/'),
      text: readFileSync(join(root, p), 'utf8'),
    }));
}

describe('architecture', () => {
  it('every file under src/ follows the layer rule', () => {
    const files = sourceFiles(join(import.meta.dirname, '..', 'src'));
    expect(files.some((f) => f.path === 'engine/index.ts')).toBe(true);
    expect(violations(files)).toEqual([]);
  });

  describe('the checker', () => {
    const check = (path: string, text: string) => violations([{ path, text }]);

    it('finds static, re-export, side-effect and dynamic imports, on several lines too', () => {
      const text = [
        "import { a } from './a.js';",
        'import type {',
        '  B,',
        "} from '../b/index.js';",
        "export * from './c.js';",
        "import './d.js';",
        "const e = await import('./e.js');",
      ].join('\n');
      expect(importsOf(text)).toEqual(['./a.js', '../b/index.js', './c.js', './e.js', './d.js']);
    });

    it('rejects any import leaving engine, node:* included', () => {
      expect(check('engine/graph.ts', "import { x } from './ops.js';")).toEqual([]);
      expect(check('engine/graph.ts', "import { inspect } from 'node:util';")).toHaveLength(1);
      expect(check('engine/graph.ts', "import { S } from '../scenario/index.js';")).toHaveLength(1);
    });

    it('rejects imports against the direction, and of cli from anywhere but bin.ts', () => {
      expect(check('session/a.ts', "import { S } from '../scenario/index.js';")).toEqual([]);
      expect(check('session/a.ts', "import { K } from '../ui/index.js';")).toHaveLength(1);
      expect(check('scenario/a.ts', "import { S } from '../session/index.js';")).toHaveLength(1);
      expect(check('ui/a.ts', "import { main } from '../cli/index.js';")).toHaveLength(1);
      expect(check('bin.ts', "import { main } from './cli/index.js';")).toEqual([]);
      expect(check('bin.ts', "import { G } from './engine/index.js';")).toHaveLength(1);
    });

    it('rejects reaching past another layer index.ts', () => {
      expect(check('cli/a.ts', "import { G } from '../engine/graph.js';")[0]).toContain(
        'through engine/index.ts',
      );
      expect(check('ui/graph/a.tsx', "import { G } from '../../session/index.js';")).toEqual([]);
    });

    it('takes values past the neighbour only by a name REACH lists; types from any layer below', () => {
      expect(check('ui/a.ts', "import { valueAt } from '../session/index.js';")).toEqual([]);
      expect(check('ui/a.ts', "import type { Graph } from '../engine/index.js';")).toEqual([]);
      expect(check('ui/a.ts', "import { type Graph, opLabel } from '../engine/index.js';")).toEqual(
        [],
      );
      expect(check('ui/a.ts', "import { forward } from '../engine/index.js';")[0]).toContain(
        'forward reaches past session',
      );
      expect(check('cli/a.ts', "import { forward as f } from '../engine/index.js';")).toHaveLength(
        1,
      );
      expect(check('ui/a.ts', "import * as E from '../engine/index.js';")[0]).toContain(
        'name what you import',
      );
      expect(check('ui/a.ts', "export { forward } from '../engine/index.js';")).toHaveLength(1);
    });

    it('keeps scenario/expression behind its index.ts, importing nothing of the file format', () => {
      const from = (path: string, spec: string) => check(path, `import { x } from '${spec}';`);
      expect(from('scenario/load.ts', './expression/index.js')).toEqual([]);
      expect(from('scenario/load.ts', './expression/lexer.js')[0]).toContain('its index.ts');
      expect(from('scenario/expression/parser.ts', './lexer.js')).toEqual([]);
      expect(from('scenario/expression/parser.ts', '../walkthrough.js')[0]).toContain('nothing');
    });

    it("keeps the session's timeline inside session", () => {
      expect(check('ui/a.ts', 'const n = state.timeline.total;')[0]).toContain('timeline');
      expect(check('cli/a.ts', 'const { timeline } = state;')).toHaveLength(1);
      expect(check('session/a.ts', 'const n = state.timeline.total;')).toEqual([]);
      expect(check('ui/a.ts', "const bar = { id: 'timeline' };")).toEqual([]);
    });

    it('keeps React and Ink in ui and cli, and the file system in cli', () => {
      expect(check('ui/a.tsx', "import { Box } from 'ink';")).toEqual([]);
      expect(check('session/a.ts', "import { useState } from 'react';")).toHaveLength(1);
      expect(check('scenario/a.ts', "import { jsx } from 'react/jsx-runtime';")).toHaveLength(1);
      expect(check('cli/a.ts', "import { readFile } from 'node:fs/promises';")).toEqual([]);
      expect(check('ui/a.ts', "import { readFileSync } from 'fs';")).toHaveLength(1);
      expect(check('session/a.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    });

    it("keeps Ink's render, process signals, exit, streams and the console in cli and bin.ts", () => {
      const uses = [
        "import { Box, render } from 'ink';",
        "import {\n  render as draw,\n} from 'ink';",
        "const { render } = await import('ink');",
        "process.on('SIGTERM', stop);",
        "process.once('exit', restore);",
        'process.exit(2);',
        'process.exitCode = 1;',
        'const out = process.stdout;',
        'process.stdin.setRawMode(true);',
        "console.error('boom');",
      ];
      const outsideCli = (path: string, text: string) =>
        check(path, text).filter((problem) => problem.endsWith('only cli does'));
      for (const text of uses) {
        expect(check('ui/a.ts', text), text).toHaveLength(1);
        expect(outsideCli('session/a.ts', text), text).toHaveLength(1);
        expect(check('cli/a.ts', text), text).toEqual([]);
      }
      expect(check('bin.ts', 'process.exitCode = await main(process.argv.slice(2));')).toEqual([]);
      expect(check('ui/frames.ts', "import { renderToString } from 'ink';")).toEqual([]);
      expect(check('ui/a.ts', 'const renderer = { render: () => rows };')).toEqual([]);
      expect(check('ui/a.ts', 'const { columns } = stdout; // a stream it was given')).toEqual([]);
    });
  });
});

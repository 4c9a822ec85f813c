import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type CliContext, type Io, nodeIo, run } from '../../src/cli/index.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface FakeIoOptions {
  /** In-memory files by path; a path ending in `/` is a directory. Other paths read the disk. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly tty?: boolean;
}

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The paths whose content the command read. */
  readonly reads: readonly string[];
  /** What the one progress line showed, in order ('' clears it). */
  readonly status: readonly string[];
}

/** An Io that records what a command prints and serves files from memory, then from the disk. */
export function fakeIo(
  options: FakeIoOptions = {},
): Io & { out: string[]; err: string[]; reads: string[]; status: string[] } {
  const disk = nodeIo();
  // Keys and looked-up paths are resolved against the repository, as the disk resolves them.
  const files: Record<string, string | Uint8Array> = {};
  for (const [path, content] of Object.entries(options.files ?? {})) {
    files[resolve(REPO, path) + (path.endsWith('/') ? '/' : '')] = content;
  }
  const out: string[] = [];
  const err: string[] = [];
  /** Every path whose content was read, as given. */
  const reads: string[] = [];
  const status: string[] = [];
  const tty = options.tty ?? false;
  return {
    out,
    err,
    reads,
    status,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    // Progress draws over itself on a terminal: kept apart, so stderr stays what a log would hold.
    statusLine: (text) => void status.push(text),
    async readFile(relativePath) {
      reads.push(relativePath);
      const path = resolve(REPO, relativePath);
      if (`${path}/` in files) return { kind: 'directory' };
      const content = files[path];
      if (content === undefined) return disk.readFile(path);
      return { kind: 'file', bytes: typeof content === 'string' ? Buffer.from(content) : content };
    },
    async exists(relativePath) {
      const path = resolve(REPO, relativePath);
      return path in files || `${path}/` in files || disk.exists(path);
    },
    async listDirectory(relativePath) {
      const path = resolve(REPO, relativePath);
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const inMemory = Object.keys(files)
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
        .map((f) => f.slice(prefix.length));
      return inMemory.length > 0 ? inMemory : disk.listDirectory(path);
    },
    env: options.env ?? {},
    cwd: REPO,
    isTTY: { stdin: tty, stdout: tty, stderr: tty },
  };
}

export function context(io: Io, scenariosDir = `${REPO}scenarios`): CliContext {
  return { io, version: '9.8.7', scenariosDir };
}

/** Runs one command line in-process: `cli('check scenarios/seed.yaml --json')`. */
export async function cli(
  line: string | readonly string[],
  options: FakeIoOptions & { scenariosDir?: string } = {},
): Promise<Captured> {
  const io = fakeIo(options);
  const args = typeof line === 'string' ? line.split(' ').filter((a) => a !== '') : line;
  const code = await run(args, context(io, options.scenariosDir));
  return {
    code,
    stdout: io.out.join(''),
    stderr: io.err.join(''),
    reads: io.reads,
    status: io.status,
  };
}

/** |actual - expected| <= 1e-9 + 1e-9·|expected|, the tolerance of the reference values. */
export function near(actual: unknown, expected: number): boolean {
  return (
    typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 + 1e-9 * Math.abs(expected)
  );
}

/**
 * Compares with a file in test/cli/golden; `UPDATE_GOLDEN=1 npx vitest run test/cli` rewrites it
 * (then read the diff: a golden is only worth what the person who read it saw). Every number in
 * the goldens is also checked against a reference written in the tests (golden-values.test.ts).
 */
export function expectGolden(actual: string, file: string) {
  const path = `${REPO}test/cli/golden/${file}`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

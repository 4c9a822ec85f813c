import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const BIN = ['--import', 'tsx', 'src/bin.ts'];
const errFile = join(mkdtempSync(join(tmpdir(), 'gradstep-pipes-')), 'stderr');

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
  readonly firstChunk: string;
}

/**
 * `gradstep ARGS | head -1` in bash: head exits after one line while gradstep goes on writing.
 * Reports gradstep's own exit status and its stderr.
 */
function runThenClosePipe(args: readonly string[]): Promise<Ended> {
  const command = `${[process.execPath, ...BIN, ...args].join(' ')} 2>${errFile} | head -1; echo "\${PIPESTATUS[0]}"; cat ${errFile} >&2`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd: REPO,
      env: { ...process.env, CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const [firstChunk, status] = stdout.trimEnd().split('\n');
      resolve({ code: Number(status), stderr, firstChunk });
    });
  });
}

/** Runs gradstep with stdout on /dev/full, where every write fails with ENOSPC. */
function runIntoFullDevice(args: readonly string[]): Promise<Ended> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, firstChunk: '' }));
  });
}

describe('a closed pipe', () => {
  // The MLP's transcript and exports are far larger than a pipe's buffer, so writes go on
  // after the reader has gone.
  it.each([
    ['replay', 'mlp-2-4-4-1'],
    ['replay', '--format', 'json', 'mlp-2-4-4-1'],
    // dot: the Mermaid drawing of this graph adds a note on stderr (past Mermaid's 500 edges).
    ['export', '--format', 'dot', 'mlp-2-4-4-1'],
    ['replay', '--format', 'markdown', 'mlp-2-4-4-1'],
  ])('ends `gradstep %s ... | head -1` quietly with exit 0', async (...args) => {
    const ended = await runThenClosePipe(args);
    expect(ended.firstChunk.length).toBeGreaterThan(0);
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(0);
  });
});

describe('an output error', () => {
  it.each([[['check', 'seed']], [['replay', 'seed']], [['list']]])(
    'is one line and exit 2: %j > /dev/full',
    async (args) => {
      const ended = await runIntoFullDevice(args);
      expect(ended.stderr).toBe(
        'gradstep: error: cannot write the output: no space left on device (ENOSPC)\n',
      );
      expect(ended.code).toBe(2);
    },
  );
});

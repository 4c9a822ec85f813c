import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const exec = promisify(execFile);

describe('the gradstep process', () => {
  it('checks the built-in seed as a child process, exit 0, no color without a terminal', async () => {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', 'src/bin.ts', 'check', 'scenarios/seed.yaml'],
      { cwd: REPO, env: { ...process.env, CI: 'true' } },
    );
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^scenarios\/seed\.yaml: /);
    expect(stdout).toMatch(/input\s+x\s+data 2\s+grad 12\.00007372964221[67]\n/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('sets the exit code from the command: 2 for a missing file, message without a stack', async () => {
    const error = await exec(
      process.execPath,
      ['--import', 'tsx', 'src/bin.ts', 'check', 'no/such.yaml'],
      {
        cwd: REPO,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2, stderr: 'no/such.yaml: error: no such file\n' });
  });
});

describe('special files', () => {
  const check = (file: string) =>
    exec(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'check', file], {
      cwd: REPO,
      timeout: 20_000,
    }).catch((e: { code: number; stderr: string }) => e);

  it('refuses a device (/dev/zero never ends) with exit 2 instead of reading it', async () => {
    const error = await check('/dev/zero');
    expect(error).toMatchObject({
      code: 2,
      stderr: '/dev/zero: error: cannot be read (not a regular file)\n',
    });
  });

  it('refuses a FIFO with no writer instead of blocking on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradstep-fifo-'));
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    try {
      const error = await check(fifo);
      expect(error).toMatchObject({ code: 2 });
      expect((error as { stderr: string }).stderr).toContain('not a regular file');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('the headless commands', () => {
  it('never import Ink, React or the UI statically (only the interactive seam may, dynamically)', () => {
    const dir = join(REPO, 'src/cli');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const text = readFileSync(join(dir, file), 'utf8');
      const staticImports = [...text.matchAll(/^import[^;]*from '([^']+)'/gm)].map((m) => m[1]);
      const offending = staticImports.filter((s) => /^(ink|react)(\/|$)|\/ui\//.test(s));
      expect(offending, file).toEqual([]);
    }
  });
});

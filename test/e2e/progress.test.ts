/**
 * `check`'s progress in a real terminal: the line is drawn over itself with carriage returns and
 * cleared, so the screen ends with the report alone; run with stderr in a pipe, there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY, FIRST_FRAME_MS, tuiSessions } from './tui-driver.js';

const { spawn } = tuiSessions();

function chainFile(): string {
  const lines = ['title: chain', 'graph: |', '  x = 0.5'];
  for (let i = 1; i <= 200; i++) lines.push(`  v${i} = ${i === 1 ? 'x' : `v${i - 1}`} * 1.01`);
  const file = join(mkdtempSync(join(tmpdir(), 'gradstep-')), 'chain.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('check progress', { timeout: 120_000 }, () => {
  it('in a terminal: phases and a count over one line, cleared before the report', async () => {
    const file = chainFile();
    const env = { GRADSTEP_PROGRESS_AFTER_MS: '0' };
    const pty = spawn(process.execPath, [...ENTRY, 'check', file, '--gradcheck', 'all'], {
      cols: 100,
      rows: 30,
      env,
    });
    expect(await pty.waitForExit(FIRST_FRAME_MS)).toBe(0);
    const raw = pty.rawOutput();
    expect(raw).toContain('\rgradstep: checking grads against finite differences…');
    expect(raw).toMatch(
      /\rgradstep: checking grads against finite differences [█░]{20} \d+% \(\d+ of 200\)/,
    );
    const screen = pty.screenText();
    expect(screen).not.toContain('gradstep:');
    expect(screen).toMatch(/^\s+ok$/m);
  });

  it('with stderr in a pipe: none', () => {
    const result = spawnSync(
      process.execPath,
      [...ENTRY, 'check', chainFile(), '--gradcheck', 'all'],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: '', GRADSTEP_PROGRESS_AFTER_MS: '0' },
        timeout: FIRST_FRAME_MS,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

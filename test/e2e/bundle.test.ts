/**
 * The shipped bundle (dist/bundle/gradstep.js, what `npm start` and the installed `gradstep`
 * run) opens the debugger in a real pseudo-terminal, steps and quits: the other TUI tests run the
 * sources through tsx, so a fault of the bundling alone (a shimmed module missing a function)
 * would pass them. `npm install` builds the bundle; the test builds it when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type PtySession, spawnPty } from './pty.js';

const BUNDLE = 'dist/bundle/gradstep.js';

let session: PtySession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the bundle', { timeout: 240_000 }, () => {
  it('opens the seed in the TUI, steps with n, and quits with q (exit 0)', async () => {
    if (!existsSync(BUNDLE)) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
    session = spawnPty(process.execPath, [BUNDLE, 'seed'], {
      cols: 120,
      rows: 40,
      env: { NODE_ENV: 'production' },
    });
    await session.waitForText('[start]', 60_000);
    session.write('n');
    await session.waitForText('[F1]', 30_000);
    expect(session.screenText()).toContain('x_2 = x * x = 2 × 2 = 4');
    session.write('q');
    expect(await session.waitForExit(30_000)).toBe(0);
    expect(session.rawOutput()).not.toContain('internal error');
  });
});

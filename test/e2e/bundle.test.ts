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
import { ENTRY } from './tui-driver.js';

const BUNDLE = 'dist/bundle/gradstep.js';

let session: PtySession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const buildBundle = () => {
  if (!existsSync(BUNDLE)) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
};

/** The screen, text and colours, after stepping the seed into its backward pass with a run. */
async function screenAfterSteps(args: readonly string[]) {
  session = spawnPty(process.execPath, [...args, 'seed'], {
    cols: 120,
    rows: 40,
    env: { NODE_ENV: 'production' },
  });
  await session.waitForText('[start]', 60_000);
  for (const label of ['F1', 'F2', 'F3', 'F4', 'F5', 'B0', 'B1', 'B2']) {
    session.write('n');
    await session.waitForText(`[${label}]`);
  }
  await session.waitForScreen((screen) => !screen.includes('checking'), 'the grad check');
  const screen = { text: session.screenText(), styles: session.screenStyles() };
  await session.close();
  return screen;
}

describe('the bundle', { timeout: 240_000 }, () => {
  it('opens the seed in the TUI, steps with n, and quits with q (exit 0)', async () => {
    buildBundle();
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

  // The bundle measures and styles lines with its own stand-ins for string-width and
  // ansi-tokenize (scripts/shims/terminal-text.ts); the sources use the packages.
  it('draws the screen the sources draw, character for character and colour for colour', async () => {
    buildBundle();
    const bundled = await screenAfterSteps([BUNDLE]);
    const sources = await screenAfterSteps(ENTRY);
    expect(bundled.text).toContain('B2 backward');
    expect(bundled.styles).toMatch(/[1-9]:\d+\//);
    expect(bundled.text).toBe(sources.text);
    expect(bundled.styles).toBe(sources.styles);
  });
});

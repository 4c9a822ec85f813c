/** The TUI started by the CLI in a real pseudo-terminal, read off an emulated screen. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY, FIRST_FRAME_MS, FRAME_MS, KEYS, tuiSessions, type } from './tui-driver.js';

const { open, spawn } = tuiSessions();
const RIGHT = KEYS.right;
const LEFT = KEYS.left;
const ESC = KEYS.esc;

describe('gradstep TUI in a pseudo-terminal', { timeout: 240_000 }, () => {
  it('steps the seed forward and backward and shows the reference grads of x and y', async () => {
    // 12 digits: the inspector shows values as the graph and the narration do, to --precision.
    const tui = await open(['scenarios/seed.yaml', '--precision', '12']);
    expect(tui.isAlternateScreen()).toBe(true);
    await type(tui, 'G', '[B5]');
    // Search selects the first match: x (#0); reference §1: x.grad 12.000073729642216.
    await type(tui, '/x\r', /grad\s+12\.0000737296\s/);
    await type(tui, '/y\r', /grad\s+4\.00004915309\s/);
    await type(tui, LEFT, '[B4]');
    await type(tui, `${LEFT}${LEFT}`, '[B2]');
    await type(tui, RIGHT, 'x.grad += y · xy.grad = 3 × 2.457654740533e-5');
    expect(tui.screenText()).toContain('= 7.37296422160e-5');
    expect(tui.screenText()).toContain('[B3]');
  });

  it('shows help, searches, stops at a breakpoint, survives a resize and restores the terminal on q', async () => {
    const tui = await open(['scenarios/seed.yaml']);
    await type(tui, '?', 'Help  (esc closes)');
    await type(tui, ESC, 'Graph · graph view');
    await type(tui, '/tanh', '1 match');
    await type(tui, '\rb', '●F4');
    await type(tui, 'c', '[F4]');
    expect(tui.screenText()).toMatch(/breakpoint tanh_xy hit/);
    await type(tui, 'c', '[B2]');
    tui.resize(60, 20);
    await tui.waitForText('terminal too small (need 80×24)', FRAME_MS);
    tui.resize(120, 40);
    // Growing the emulated screen can bring back cells of the old frame before the app redraws.
    await tui.waitForScreen(
      (screen) => screen.includes('[B2]') && !screen.includes('terminal too small'),
      'the [B2] frame redrawn at 120×40',
      FRAME_MS,
    );
    tui.write('q');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
    expect(tui.isAlternateScreen()).toBe(false);
    expect(tui.isCursorHidden()).toBe(false);
  });

  it('opens the built-in seed with no argument, and Ctrl-C restores the terminal with exit 0', async () => {
    const tui = await open([]);
    expect(tui.screenText()).toContain('z = x·x·y + tanh(x·y)');
    // Typed right after the first frame, before Ink has attached to stdin: it must still be a key.
    tui.write('\u0003');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
    expect(tui.isAlternateScreen()).toBe(false);
    expect(tui.isCursorHidden()).toBe(false);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)('restores the terminal on %s and exits %i', async (signal, code) => {
    const tui = await open(['scenarios/seed.yaml']);
    await type(tui, 'n', '[F1]');
    expect(tui.isAlternateScreen()).toBe(true);
    expect(tui.isCursorHidden()).toBe(true);
    process.kill(tui.pid, signal);
    expect(await tui.waitForExit(FRAME_MS)).toBe(code);
    expect(tui.isAlternateScreen()).toBe(false);
    expect(tui.isCursorHidden()).toBe(false);
  });

  it('draws an 80×24 screen on a terminal that reports no size (0×0, as under script)', async () => {
    const command = `stty rows 0 cols 0 && exec '${process.execPath}' ${ENTRY.join(' ')} scenarios/seed.yaml`;
    const tui = spawn('/bin/sh', ['-c', command], { cols: 80, rows: 24 });
    await tui.waitForText('[start]', FIRST_FRAME_MS);
    await type(tui, 'n', '[F1]');
    expect(tui.screenText()).toContain('Graph · graph view');
    expect(tui.screenText()).not.toContain('terminal too small');
    tui.write('q');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
  });

  it('prints a bad scenario file as check does and does not start (exit 2)', async () => {
    const tui = spawn(process.execPath, [...ENTRY, 'test/e2e/fixtures/bad.yaml'], {
      cols: 100,
      rows: 30,
    });
    expect(await tui.waitForExit(FIRST_FRAME_MS)).toBe(2);
    expect(tui.screenText()).toMatch(/bad\.yaml:\d+:\d+/);
    expect(tui.isAlternateScreen()).toBe(false);
  });

  it('refuses piped stdin with exit 2 and points at gradstep replay', () => {
    const result = spawnSync(process.execPath, [...ENTRY, 'scenarios/seed.yaml'], {
      input: 'n\n',
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
      timeout: FIRST_FRAME_MS,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('gradstep replay');
  });

  it('shows the escapes of a hostile scenario instead of obeying them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gradstep-')), 'hostile.yaml');
    writeFileSync(
      file,
      [
        'title: "\\e]0;PWNED\\a\\e[2J\\e[31mred"',
        'graph: |',
        '  x = 2',
        '  y = x * x',
        'walkthrough:',
        '  - at: start',
        '    say: "\\e]52;c;SGVsbG8=\\a \\u009b2J \\u009d0;TITLE\\a"',
        '',
      ].join('\n'),
    );
    const tui = await open([file]);
    expect(tui.screenText()).toContain('␛]0;PWNED␇␛[2J␛[31mred');
    expect(tui.screenText()).toContain('␛]52;c;SGVsbG8=␇ �2J �0;TITLE␇');
    const raw = tui.rawOutput();
    for (const injected of [
      '\u001b]0;PWNED',
      '\u001b]52',
      '\u001b[31mred',
      '\u009b',
      '\u009d',
      '\u0007',
    ]) {
      expect(raw).not.toContain(injected);
    }
    tui.write('q');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
  });

  it('reloads a file edited into 2,000 levels of nested YAML: says why and keeps the graph', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gradstep-')), 'edited.yaml');
    const graph = 'title: edited\ngraph: |\n  x = 2\n  y = x * x\n';
    writeFileSync(file, graph);
    const tui = await open([file]);
    await type(tui, 'n', /F1 forward · y/);
    writeFileSync(file, `${graph}extra: ${'{k: '.repeat(2_000)}1${'}'.repeat(2_000)}\n`);
    await type(tui, 'r', /reload failed: .*edited\.yaml:5:\d+: YAML: nested too deeply/);
    // The session it had is still there, at the step it was on.
    expect(tui.screenText()).toMatch(/F1 forward · y/);
    await type(tui, 'n', /\[B0\]/);
    tui.write('q');
    expect(await tui.waitForExit(FRAME_MS)).toBe(0);
  });

  it('keeps a :goto message on screen however long the entry (80×24)', async () => {
    const tui = await open(['scenarios/seed.yaml'], 80, 24);
    const entry = 'nowhere'.repeat(14);
    await type(tui, `:${entry}\r`, /^:….*▏/m);
    const footer =
      tui
        .screenText()
        .split('\n')
        .find((line) => line.startsWith(':…')) ?? '';
    expect(footer).toMatch(/▏ {2}\S/);
    expect(footer.slice(footer.indexOf('▏') + 3)).toMatch(/^[A-Z]/);
    // The prompt is still open: q is typed into it, it does not quit.
    await type(tui, 'q', /q▏/);
    tui.write(`${ESC}`);
    await tui.waitForText('[start]', FRAME_MS);
  });
});

/** The live TUI as cli runs it, on fake streams and a fake process: order of effects and exit codes. */
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runTui, type TuiHost } from '../../src/cli/interactive.js';
import { builtin } from '../ui/fixtures.js';

// Ink reads CI when first imported and, for any value but '0' or 'false' (the '' vitest.config
// sets included), draws nothing until exit.
vi.hoisted(() => vi.stubEnv('CI', 'false'));
afterAll(() => vi.unstubAllEnvs());

const ENTER = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
const LEAVE = '\u001B[?25h\u001B[?1049l';

/** What reached the terminal, in order: raw-mode switches (true/false) and written text. */
type Effect = boolean | string;

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  columns = 100;
  rows = 30;
  constructor(private readonly effects: Effect[]) {
    super();
  }
  write(text: string): boolean {
    this.effects.push(text);
    this.emit('written');
    return true;
  }
}

class FakeStdin extends EventEmitter {
  private pending: string | null = null;
  constructor(
    private readonly effects: Effect[],
    readonly isTTY: boolean,
  ) {
    super();
  }
  setRawMode(mode: boolean) {
    this.effects.push(mode);
    return this;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  read(): string | null {
    const chunk = this.pending;
    this.pending = null;
    return chunk;
  }
  /** Types `text` once Ink reads stdin (it starts after its first frame). */
  type(text: string) {
    const send = () => {
      this.pending = text;
      this.emit('readable');
    };
    if (this.listenerCount('readable') > 0) return send();
    this.once('newListener', () => queueMicrotask(send));
  }
}

function fakeHost(isTTY = true) {
  const effects: Effect[] = [];
  const stdout = new FakeStdout(effects);
  const stdin = new FakeStdin(effects, isTTY);
  const events = new EventEmitter();
  const host = {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    env: {},
    events,
  } satisfies TuiHost;
  const shown = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!effects.some((e) => typeof e === 'string' && e.includes(text))) return;
        stdout.off('written', check);
        resolve();
      };
      stdout.on('written', check);
      check();
    });
  return { effects, stdin, events, host, shown };
}

const GUARDED = [
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGQUIT',
  'uncaughtException',
  'unhandledRejection',
  'exit',
];
const listening = (events: EventEmitter) => GUARDED.map((name) => events.listenerCount(name));

describe('runTui', () => {
  it('puts stdin in raw mode and enters the alternate screen before the first frame; q exits 0', async () => {
    const { effects, stdin, events, host, shown } = fakeHost();
    const exit = runTui(host, { scenario: builtin('seed'), color: false });
    await shown('[start]');
    expect(effects.slice(0, 2)).toEqual([true, ENTER]);
    expect(listening(events)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    stdin.type('nq');
    expect(await exit).toBe(0);
    expect(effects.some((e) => typeof e === 'string' && e.includes('[F1]'))).toBe(true);
    expect(effects.slice(-2)).toEqual([false, LEAVE]);
    expect(listening(events)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)('restores the terminal on %s and exits %i', async (signal, code) => {
    const { effects, events, host, shown } = fakeHost();
    const exit = runTui(host, { scenario: builtin('seed'), color: false });
    await shown('[start]');
    events.emit(signal, signal);
    expect(await exit).toBe(code);
    expect(effects.slice(-2)).toEqual([false, LEAVE]);
    expect(listening(events)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('restores the terminal on an uncaught error, then rejects with it', async () => {
    const { effects, events, host, shown } = fakeHost();
    const exit = runTui(host, { scenario: builtin('seed'), color: false });
    await shown('[start]');
    events.emit('uncaughtException', new Error('boom'));
    await expect(exit).rejects.toThrow('boom');
    expect(effects.slice(-2)).toEqual([false, LEAVE]);
  });

  it('refuses a stdin that cannot be put in raw mode with 2, touching nothing', async () => {
    const { effects, events, host } = fakeHost(false);
    expect(await runTui(host, { scenario: builtin('seed'), color: false })).toBe(2);
    expect(effects).toEqual([]);
    expect(listening(events)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

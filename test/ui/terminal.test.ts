import { describe, expect, it } from 'vitest';
import { createTerminalSession, ensureScreenSize } from '../../src/ui/terminal.js';

describe('ensureScreenSize', () => {
  it('gives a terminal that reports 0×0 or no size 80×24, or COLUMNS × LINES', () => {
    const zero = { columns: 0, rows: 0 };
    ensureScreenSize(zero, {});
    expect([zero.columns, zero.rows]).toEqual([80, 24]);
    const unknown: { columns?: number; rows?: number } = {};
    ensureScreenSize(unknown, { COLUMNS: '132', LINES: '43' });
    expect([unknown.columns, unknown.rows]).toEqual([132, 43]);
    const nonsense = { columns: 0, rows: 0 };
    ensureScreenSize(nonsense, { COLUMNS: 'wide', LINES: '-3' });
    expect([nonsense.columns, nonsense.rows]).toEqual([80, 24]);
  });

  it('reports the real size once the terminal has one, and leaves a sized terminal alone', () => {
    const stream = { columns: 0, rows: 0 };
    ensureScreenSize(stream, {});
    stream.columns = 100; // what a resize does
    stream.rows = 30;
    expect([stream.columns, stream.rows]).toEqual([100, 30]);
    const sized = { columns: 120, rows: 40 };
    ensureScreenSize(sized, { COLUMNS: '80' });
    expect(Object.getOwnPropertyDescriptor(sized, 'columns')?.value).toBe(120);
  });
});

describe('createTerminalSession', () => {
  const ENTER = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
  const LEAVE = '\u001B[?25h\u001B[?1049l';

  function recorded(isTTY = true) {
    const events: unknown[] = [];
    const stdout = { write: (text: string) => events.push(text) };
    const stdin = { isTTY, setRawMode: (mode: boolean) => events.push(mode) };
    return { events, session: createTerminalSession(stdout, stdin) };
  }

  it('puts a tty stdin in raw mode before switching screens, and writes nothing until entered', () => {
    const { events, session } = recorded();
    expect(events).toEqual([]);
    session.enter();
    session.enter();
    expect(events).toEqual([true, ENTER]);
  });

  it('restores once, in the reverse order, however many ways out call it', () => {
    const { events, session } = recorded();
    session.enter();
    session.restore();
    session.restore();
    expect(events.slice(2)).toEqual([false, LEAVE]);
    session.enter();
    expect(events).toHaveLength(4);
  });

  it('restores nothing it did not enter, and leaves a stdin that is not a tty alone', () => {
    const never = recorded();
    never.session.restore();
    never.session.enter();
    expect(never.events).toEqual([]);
    const piped = recorded(false);
    piped.session.enter();
    piped.session.restore();
    expect(piped.events).toEqual([ENTER, LEAVE]);
  });
});

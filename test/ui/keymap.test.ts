import { describe, expect, it } from 'vitest';
import { type Action, createSession, reduce } from '../../src/session/index.js';
import {
  COMMANDS,
  commandForKey,
  commandsIn,
  FOOTER_COMMANDS,
  KEY_NAMES,
  keysOf,
} from '../../src/ui/keymap.js';
import { footerItems } from '../../src/ui/panes/keys.js';
import { seed } from '../session/fixtures.js';

describe('the keymap table', () => {
  it('gives every command keys, a footer word and a description', () => {
    for (const command of COMMANDS) {
      expect(command.keys.length, command.name).toBeGreaterThan(0);
      expect(command.keys, command.name).not.toContain('');
      expect(command.short.trim().length, command.name).toBeGreaterThan(0);
      expect(command.description.trim().length, command.name).toBeGreaterThan(0);
    }
  });

  it('binds no key twice in one mode', () => {
    const seen = new Set<string>();
    for (const command of COMMANDS) {
      for (const key of command.keys) {
        const slot = `${command.mode} ${key}`;
        expect(seen.has(slot), slot).toBe(false);
        seen.add(slot);
      }
    }
  });

  it('uses only single characters, ctrl- keys and the named keys', () => {
    const named = new Set<string>(KEY_NAMES);
    for (const { keys } of COMMANDS) {
      for (const key of keys)
        expect(key.length === 1 || named.has(key) || /^ctrl-[a-z]$/.test(key), key).toBe(true);
    }
  });

  it('maps the step keys of issue 3 to session actions', () => {
    const steps = Object.fromEntries(
      ['n', 'right', 'N', 'left', 'f', 'F', 'c', 'C', 'g', 'G'].map((k) => [
        k,
        commandForKey(k)?.action,
      ]),
    );
    expect(steps).toEqual({
      n: 'next',
      right: 'next',
      N: 'prev',
      left: 'prev',
      f: 'finish',
      F: 'reverseFinish',
      c: 'continue',
      C: 'reverseContinue',
      g: 'first',
      G: 'last',
    });
    expect(commandForKey(':')?.name).toBe('goto');
  });

  it('has the view commands of issue 4', () => {
    const names = commandsIn('normal').map((c) => c.name);
    for (const name of [
      'selectNext',
      'panLeft',
      'focusNext',
      'cycleView',
      'inspect',
      'search',
      'searchNext',
      'toggleBreakpoint',
      'breakpointList',
      'autoplay',
      'faster',
      'slower',
      'reload',
      'help',
      'close',
      'quit',
    ] as const) {
      expect(names, name).toContain(name);
    }
    expect(commandForKey('ctrl-c', 'help')?.name).toBe('quit');
    expect(commandForKey('?', 'help')?.name).toBe('close');
    expect(commandForKey('n', 'prompt')).toBeUndefined();
  });

  it('builds the footer from the keymap: its chosen commands with their short words', () => {
    const normal = footerItems('normal');
    expect(normal).toHaveLength(FOOTER_COMMANDS.length);
    expect(normal.slice(0, 3)).toEqual(['n/→ next', 'N/← prev', 'c continue']);
    expect(normal.at(-1)).toBe('q/ctrl-c quit');
    expect(footerItems('prompt')).toEqual([
      '⏎ accept',
      'esc cancel',
      'ctrl-n next',
      'ctrl-p prev',
      'ctrl-c quit',
    ]);
  });

  it('lets a focused text pane shadow j / k and fall back to normal keys for the rest', () => {
    expect(commandForKey('j', 'scroll')?.name).toBe('scrollDown');
    expect(commandForKey('up', 'scroll')?.name).toBe('scrollUp');
    expect(commandForKey('n', 'scroll')?.action).toBe('next');
    expect(footerItems('scroll').slice(0, 2)).toEqual(['j/↓ scroll', 'k/↑ scroll']);
    expect(footerItems('scroll').join(' ')).not.toContain('select');
  });

  it('drives the reducer: n n N G from start', () => {
    let s = createSession(seed());
    for (const key of ['n', 'n', 'N', 'G']) {
      const action = commandForKey(key)?.action;
      if (action !== undefined) s = reduce(s, { type: action } as Action);
    }
    expect(s.position).toBe(s.timeline.total);
  });
});

describe('keysOf', () => {
  it('splits fast typing into one key per character and names special keys', () => {
    expect(keysOf('jjj')).toEqual(['j', 'j', 'j']);
    expect(keysOf(' ')).toEqual(['space']);
    expect(keysOf('', { rightArrow: true })).toEqual(['right']);
    expect(keysOf('', { escape: true })).toEqual(['esc']);
    expect(keysOf('n', { ctrl: true })).toEqual(['ctrl-n']);
    // A backspace typed in the same chunk as other keys is DEL (or BS) in the string.
    expect(keysOf('x\u007f-6\r')).toEqual(['x', 'backspace', '-', '6', 'enter']);
    expect(keysOf('1\b')).toEqual(['1', 'backspace']);
  });
});

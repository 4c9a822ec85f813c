import { describe, expect, it, vi } from 'vitest';
import { builtin, presses } from './fixtures.js';

/** Which UI packages were imported: vi.mock's factories run only when a module imports them. */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('ink', async (original) => {
  loaded.add('ink');
  return original();
});
vi.mock('react', async (original) => {
  loaded.add('react');
  return original();
});

describe('the ui layer surface', () => {
  it('loads neither Ink nor React for the keymap, and loads them when frames are drawn', async () => {
    const ui = await import('../../src/ui/index.js');
    expect(ui.commandForKey('n')?.action).toBe('next');
    expect([...loaded]).toEqual([]);
    const frames = await ui.renderFrames({ scenario: builtin('seed'), presses: presses(['n']) });
    expect(frames[1].text).toContain('[F1]');
    expect(frames[1].step).toBe('F1');
    expect([...loaded].sort()).toEqual(['ink', 'react']);
  });
});

/** The README's key table and the keymap say the same: every key bound is documented, and no other. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/ui/keymap.js';

/** How the README writes a key, as the keymap names it. */
const WRITTEN: Readonly<Record<string, string>> = {
  '→': 'right',
  '←': 'left',
  '↑': 'up',
  '↓': 'down',
  Home: 'home',
  End: 'end',
  Tab: 'tab',
  Space: 'space',
  Enter: 'enter',
  Esc: 'esc',
};

/** The key names in the first column of the README table headed `keys`. */
function documentedKeys(readme: string): Set<string> {
  const lines = readme.split('\n');
  const head = lines.findIndex((l) => /^\|\s*keys\s*\|/.test(l));
  expect(head, 'a table headed "keys" in README.md').toBeGreaterThan(0);
  const keys = new Set<string>();
  for (const row of lines.slice(head + 2)) {
    if (!row.startsWith('|')) break;
    const cell = row.split('|')[1];
    for (const [, key] of cell.matchAll(/`([^`]+)`/g)) {
      keys.add(WRITTEN[key] ?? (/^Ctrl-[A-Z]$/.test(key) ? key.toLowerCase() : key));
    }
  }
  return keys;
}

describe("the README's key table", () => {
  const documented = documentedKeys(readFileSync('README.md', 'utf8'));
  const bound = new Set(COMMANDS.flatMap((c) => c.keys));

  it('documents every key the keymap binds', () => {
    expect([...bound].filter((k) => !documented.has(k))).toEqual([]);
  });

  it('documents no key the keymap does not bind', () => {
    expect([...documented].filter((k) => !bound.has(k))).toEqual([]);
  });
});

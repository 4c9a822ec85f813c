/** The format registries drive `--format`: its choices, its help, and what each choice writes. */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/cli/export/formats.js';
import { REPLAY_FORMATS } from '../../src/cli/replay/formats.js';
import { cli } from './helpers.js';

// The first line of each format's output, as a person would recognise it.
const EXPORT_HEADS: Record<string, RegExp> = {
  dot: /^digraph /,
  mermaid: /^(%%.*\n)?(flowchart|graph) /,
  json: /^\{"file":/,
  html: /^<!doctype html>/i,
};
const REPLAY_HEADS: Record<string, RegExp> = {
  text: /seed/,
  markdown: /^# /,
  json: /^\{/,
};

describe('output format registries', () => {
  it.each([
    ['export', EXPORT_FORMATS, EXPORT_HEADS],
    ['replay', REPLAY_FORMATS, REPLAY_HEADS],
  ] as const)(
    '%s: every registered format is in --help with its words, and writes itself',
    async (command, registry, heads) => {
      const help = (await cli(`${command} --help`)).stdout.replace(/\s+/g, ' ');
      expect(Object.keys(heads).sort()).toEqual(Object.keys(registry).sort());
      for (const [name, format] of Object.entries(registry)) {
        expect(help).toContain(`${name} (${format.describe})`);
        const { code, stdout } = await cli(`${command} seed --format ${name}`);
        expect(code, name).toBe(0);
        expect(stdout, name).toMatch(heads[name]);
      }
    },
  );
});

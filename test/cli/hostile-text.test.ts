/**
 * Text from files, arguments and keys never reaches the terminal as control characters: every
 * output shows them (ESC as ␛, C1 as �) and only gradstep's own styles are escape sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** gradstep's own styles: SGR sequences, nothing else. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same.
const OWN_STYLE = /\u001b\[[\d;]*m/g;

/** A YAML double-quoted string with every non-ASCII-printable character escaped. */
function quoted(text: string): string {
  const body = [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === '"' || c === '\\') return `\\${c}`;
      if (code >= 0x20 && code < 0x7f) return c;
      return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
  return `"${body}"`;
}

interface Fields {
  readonly title: string;
  readonly description: string;
  readonly say: string;
  readonly hint: string;
  readonly comment: string;
}

function scenario(f: Fields): string {
  return [
    `title: ${quoted(f.title)}`,
    `description: ${quoted(f.description)}`,
    `graph: ${quoted(`x = 2 # ${f.comment}\ny = x * x`)}`,
    'walkthrough:',
    `  - at: end`,
    `    say: ${quoted(f.say)}`,
    `  - predict: { node: x, grad, hint: ${quoted(f.hint)} }`,
    '',
  ].join('\n');
}

const HOSTILE =
  '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred\u009b31m\u009d52;c;SGVsbG8=\u0007\u007f\r';

/** Every output gradstep has for a scenario file. */
const COMMANDS = [
  'check h.yaml',
  'check h.yaml --json',
  'replay h.yaml',
  'replay h.yaml --format markdown',
  'replay h.yaml --format json',
  'replay h.yaml --frames --columns 80 --rows 24',
  'export h.yaml',
  'export h.yaml --format mermaid',
  'export h.yaml --format json',
];

async function outputs(text: string, tty = false) {
  const results: string[] = [];
  for (const line of COMMANDS) {
    const { stdout, stderr } = await cli(line, { files: { 'h.yaml': text }, tty });
    results.push(stdout + stderr);
  }
  return results;
}

const fields = (s: string): Fields => ({ title: s, description: s, say: s, hint: s, comment: s });

describe('hostile text in a scenario', () => {
  it.each(COMMANDS.map((c, i) => [c, i] as const))(
    '%s writes no control character and shows the escapes',
    async (_line, i) => {
      const out = (await outputs(scenario(fields(HOSTILE))))[i];
      expect(out).not.toMatch(CONTROL);
      // The graph exports and check --json carry no title, description or narration.
      if (/export h.yaml($| --format mermaid)|check.*json/.test(COMMANDS[i])) return;
      if (!COMMANDS[i].includes('json')) expect(out).toContain('␛]0;PWNED␇␛[2J␛[31mred�31m�52');
      else
        expect(out).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mred\\u009b31m\\u009d52');
    },
  );

  it('JSON outputs still carry the exact strings', async () => {
    const { stdout } = await cli('export h.yaml --format json', {
      files: { 'h.yaml': scenario(fields(HOSTILE)) },
    });
    expect(JSON.parse(stdout).title).toBe(HOSTILE);
  });

  it('with colour on, the only escapes are gradstep styles, the same as for the shown text', async () => {
    const picture = (s: string) =>
      [...s].map((c) => (c < ' ' ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : c)).join('');
    // Without C1: its picture � is what a file that is not UTF-8 decodes to, which is refused.
    const c0 = '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred\u001b]52;c;SGVsbG8=\u0007\r';
    const hostile = await outputs(scenario(fields(`${c0}\u007f`)), true);
    const tame = await outputs(scenario(fields(`${picture(c0)}\u2421`)), true);
    for (const [i, out] of hostile.entries()) {
      if (COMMANDS[i].includes('json')) continue;
      expect(out.replace(OWN_STYLE, '')).not.toMatch(CONTROL);
      expect(out, COMMANDS[i]).toBe(tame[i]);
    }
  });

  it('property: random text with control characters in every field never writes one', async () => {
    const char = fc.constantFrom(
      ...'\u0000\u0007\u0008\t\n\r\u001b\u007f\u0085\u009b\u009d\u009c[]0123;mPa \\"#:'.split(''),
    );
    const text = fc.string({ unit: char, minLength: 1, maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        text,
        text,
        text,
        async (title, description, say, hint, comment) => {
          const file = scenario({ title, description, say, hint, comment });
          for (const out of await outputs(file)) expect(out).not.toMatch(CONTROL);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('hostile text in arguments', () => {
  it.each([
    ['a file name', ['check', `${HOSTILE}.yaml`]],
    ['a breakpoint spec', ['replay', 'scenarios/seed.yaml', '--break', HOSTILE]],
    ['a key', ['replay', 'scenarios/seed.yaml', '--keys', `n ${HOSTILE} q`]],
    ['an escape-sequence key', ['replay', 'scenarios/seed.yaml', '--keys', '\u001b[A']],
    ['a --set name', ['check', 'scenarios/seed.yaml', '--set', `${HOSTILE}=1`]],
    ['a --set value', ['check', 'scenarios/seed.yaml', '--set', `x=${HOSTILE}`]],
    ['an unknown option', ['check', 'scenarios/seed.yaml', `--${HOSTILE}`]],
    ['a --to step', ['replay', 'scenarios/seed.yaml', '--to', HOSTILE]],
  ])('%s is shown, never interpreted', async (_what, args) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout + stderr).not.toMatch(CONTROL);
    expect(stdout + stderr).toContain('␛');
  });

  it('property: random control characters in any argument never reach the output', async () => {
    const char = fc.constantFrom(...'\u0000\u0007\r\u001b\u007f\u009b\u009d[]0;ma=x '.split(''));
    const text = fc.string({ unit: char, minLength: 1, maxLength: 16 });
    const args = (s: string) => [
      ['check', `${s}.yaml`],
      ['replay', 'scenarios/seed.yaml', '--break', s],
      ['replay', 'scenarios/seed.yaml', '--keys', s],
      ['check', 'scenarios/seed.yaml', '--set', `${s}=1`],
      ['replay', 'scenarios/seed.yaml', '--to', s],
    ];
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        for (const line of args(s)) {
          const { stdout, stderr } = await cli(line);
          expect(stdout + stderr).not.toMatch(CONTROL);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { buildParser } from '../../src/cli/index.js';
import { SEED } from './fixtures.js';
import { cli, context, fakeIo } from './helpers.js';

const files = { 'seed.yaml': SEED };

describe('the command line', () => {
  it('is built without side effects and parses a check command line', async () => {
    const io = fakeIo({ files });
    const codes: number[] = [];
    const parser = buildParser(context(io), [], (code) => codes.push(code));
    expect(io.out).toEqual([]);
    const argv = await parser.parseAsync(['check', 'seed.yaml', '--json', '--gradcheck', 'all']);
    expect(argv).toMatchObject({ files: ['seed.yaml'], json: true, gradcheck: 'all', color: true });
    expect(codes).toEqual([0]);
  });

  it.each(['check -', 'check - - --json', 'check seed.yaml -', 'replay -'])(
    'refuses %s: standard input is not read, so nothing would be checked (exit 2)',
    async (line) => {
      const r = await cli(line, { files });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("'-' (standard input) is not read");
    },
  );

  it('prints a shell completion script that asks gradstep for its words, exit 0', async () => {
    const script = await cli('completion');
    expect(script).toMatchObject({ code: 0, stderr: '' });
    expect(script.stdout).toContain('gradstep --get-yargs-completions');
    const words = await cli('--get-yargs-completions gradstep check --js');
    expect(words.stdout.split('\n')).toContain('--json');
  });

  it('prints --version and --help on stdout, exit 0', async () => {
    expect(await cli('--version')).toMatchObject({ code: 0, stdout: '9.8.7\n', stderr: '' });
    expect(await cli('-v')).toMatchObject({ code: 0, stdout: '9.8.7\n', stderr: '' });
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('gradstep check <files..>');
    expect(help.stdout).toContain('gradstep list');
    expect(help.stdout).toContain('--no-color');
    expect(help.stdout).toContain('--precision');
  });

  it.each([
    ['chek seed.yaml', "gradstep: error: unknown command 'chek'\nhint: did you mean 'check'?\n"],
    [
      'check seed.yaml --jsn',
      "gradstep: error: unknown option '--jsn'\nhint: did you mean '--json'?\n",
    ],
    [
      'check seed.yaml --precison 3',
      "gradstep: error: unknown option '--precison'\nhint: did you mean '--precision'?\n",
    ],
    [
      'check --jsn seed.yaml',
      "gradstep: error: unknown option '--jsn'\nhint: did you mean '--json'?\n",
    ],
    [
      '--no-colour check seed.yaml',
      "gradstep: error: unknown option '--no-colour'\nhint: did you mean '--no-color'?\n",
    ],
    [
      'lst',
      "gradstep: error: 'lst' is not a command, a scenario file or a built-in scenario\nhint: did you mean 'list'?\n",
    ],
  ])('rejects `%s` with a hint, exit 2', async (line, message) => {
    const { code, stdout, stderr } = await cli(line, { files });
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it.each([
    [
      'check',
      'gradstep: error: check: missing FILE\n' +
        'hint: try gradstep check scenarios/seed.yaml, or a built-in name: gradstep check seed\n',
    ],
    [
      '--no-color replay',
      'gradstep: error: replay: missing FILE\n' +
        'hint: try gradstep replay scenarios/seed.yaml, or a built-in name: gradstep replay seed\n',
    ],
    ['replay seed.yaml --keys n --to F2', 'gradstep: error: --keys and --to cannot be combined\n'],
    ['replay seed.yaml --keys', 'gradstep: error: --keys needs a value\n'],
    [
      'export seed.yaml --format svg',
      "gradstep: error: --format expects one of dot, mermaid, json, html, got 'svg'\n",
    ],
  ])('says `%s` is wrong in its own words, exit 2', async (line, message) => {
    const { code, stdout, stderr } = await cli(line, { files });
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it.each(['check', 'replay', 'export', 'list'])(
    '`%s --help` fits its width, shows each default once, and leaves --version to the top level',
    async (command) => {
      const { code, stdout } = await cli(`${command} --help`);
      expect(code).toBe(0);
      expect(stdout).not.toContain('--version');
      expect(stdout).not.toContain('[default: []]');
      expect(stdout).not.toMatch(/\[required\] \[default/);
      expect(stdout).not.toMatch(/\(default \d+\)[\s\S]*\[default: \d+\]/);
      const lines = stdout.split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
      // An example is one line: its command is not wrapped onto the next.
      const at = lines.indexOf('Examples:');
      const examples = at < 0 ? [] : lines.slice(at + 1).filter((l) => l !== '');
      for (const line of examples) expect(line, line).toMatch(/^ {2}gradstep \S/);
    },
  );

  it.each([
    [
      'check seed.yaml --precision abc',
      /--precision expects a whole number from 1 to 17, got 'abc'/,
    ],
    ['check seed.yaml --precision 0', /--precision expects a whole number from 1 to 17/],
    [
      'check seed.yaml --gradcheck some',
      /--gradcheck expects all, none or a whole number, got 'some'/,
    ],
    ['check seed.yaml --set x', /--set expects NAME=VALUE with a number \(--set x=2\.5\), got 'x'/],
    [
      'check seed.yaml --set x=1 --set y=2 --set x=3',
      /--set x is given twice \(x=1 and x=3\): give each input once/,
    ],
  ])('rejects bad usage `%s`, exit 2', async (line, message) => {
    const { code, stderr } = await cli(line, { files });
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^gradstep: error: /);
    expect(code).toBe(2);
  });

  // --set numbers follow the scenario file's rule, with its messages, pointing into the options.
  it.each([
    ['x=0x10', 9, 'error', "Invalid number '0x10'."],
    ['x=0b11', 9, 'error', "Invalid number '0b11'."],
    ['x=abc', 9, 'error', "Invalid number 'abc'."],
    ['x=-Infinity', 10, 'error', "Invalid number 'Infinity'."],
    ['x=1e400', 9, 'error', "Number '1e400' is too large (it would be Infinity)."],
  ])(
    "--set %s: exit 2 with the file rule's message at its column",
    async (pair, col, kind, message) => {
      const { code, stdout, stderr } = await cli(`check seed.yaml --set ${pair}`, { files });
      expect(stderr).toContain(`<command-line>:1:${col}: ${kind}: ${message}`);
      expect(stderr).toContain(`--set ${pair}`);
      expect(code).toBe(2);
      expect(stdout).toBe('');
    },
  );

  it('--set x=1e-400 warns as a file does, and checks with x = 0', async () => {
    const text = await cli('check seed.yaml --set x=1e-400', { files });
    expect(text.stderr).toContain(
      "<command-line>:1:9: warning: Number '1e-400' is too small: it becomes 0.",
    );
    // The file's expect (x.grad = 12.00007) fails at x = 0 (exit 1); the load itself went on (not 2).
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/input +x +data 0 /);
    const { stdout } = await cli('check seed.yaml --set x=1e-400 --json', { files });
    const report = JSON.parse(stdout);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: '<command-line>', col: 9, severity: 'warning' }),
    );
    const x = report.nodes.find((n: { name: string }) => n.name === 'x');
    expect(Object.is(x.data, 0)).toBe(true);
  });
});

describe('options only under the commands that take them', () => {
  /** The option names a command's --help lists. */
  const optionsOf = async (command: string) =>
    [...(await cli(`${command} --help`)).stdout.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)/gm)]
      .map((m) => m[1])
      .sort();

  it('each --help lists its own options and the global ones, no others', async () => {
    const global = ['color', 'help'];
    expect(await optionsOf('list')).toEqual([...global, 'paths'].sort());
    expect(await optionsOf('python-helper')).toEqual(global);
    expect(await optionsOf('check')).toEqual(
      [...global, 'gradcheck', 'json', 'mode', 'precision', 'set'].sort(),
    );
    // The top level is the debugger's (gradstep SCENARIO), under its own heading.
    const top = await cli('--help');
    expect(top.stdout).toMatch(/Options of gradstep SCENARIO \(the debugger\):\n\s+--precision/);
    expect(await optionsOf('')).toEqual(
      [...global, 'break', 'mode', 'precision', 'quiz', 'set', 'version'].sort(),
    );
  });

  it.each([
    ['list --precision 3', "'--precision' is not an option of 'list'", 'gradstep list --help'],
    ['check seed --paths', "'--paths' is not an option of 'check'", 'gradstep check --help'],
    ['list --json', "'--json' is not an option of 'list'", 'gradstep list --help'],
  ])('`%s` says the option belongs elsewhere, exit 2', async (line, message, hint) => {
    const { code, stderr } = await cli(line);
    expect(code).toBe(2);
    expect(stderr).toBe(`gradstep: error: ${message}\nhint: ${hint} lists its options\n`);
  });
});

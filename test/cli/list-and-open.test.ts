import { describe, expect, it } from 'vitest';
import { SEED, UNKNOWN_FUNCTION } from './fixtures.js';
import { cli, REPO } from './helpers.js';

const dir = `${REPO}fixture-scenarios`;
const builtins = {
  [`${dir}/seed.yaml`]: SEED,
  [`${dir}/neuron.yaml`]: 'title: a neuron\ngraph: |\n  x = 1\n  o = tanh(x)\n',
  [`${dir}/schema.json`]: '{}',
  [`${dir}/notes.txt`]: 'not a scenario',
};

describe('gradstep list', () => {
  it('lists the built-in scenarios by name with their titles, files only with --paths', async () => {
    const { code, stdout } = await cli('list', { files: builtins, scenariosDir: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('neuron  a neuron\nseed    z = x·x·y + tanh(x·y)\n');
    const withPaths = await cli('list --paths', { files: builtins, scenariosDir: dir });
    expect(withPaths.stdout).toBe(
      'neuron  a neuron               fixture-scenarios/neuron.yaml\n' +
        'seed    z = x·x·y + tanh(x·y)  fixture-scenarios/seed.yaml\n',
    );
  });

  it('keeps whole titles in 80 columns when the package sits deep in node_modules', async () => {
    // After `npm install gradstep` the built-ins live at node_modules/gradstep/scenarios.
    const deep = `${REPO}node_modules/gradstep/scenarios`;
    const files = {
      [`${deep}/seed.yaml`]: SEED,
      [`${deep}/mlp-2-4-4-1.yaml`]: `title: MLP 2-4-4-1, squared-error loss on 4 samples\ngraph: |\n  x = 1\n`,
    };
    const { stdout } = await cli('list', { files, scenariosDir: deep });
    expect(stdout).toBe(
      'mlp-2-4-4-1  MLP 2-4-4-1, squared-error loss on 4 samples\n' +
        'seed         z = x·x·y + tanh(x·y)\n',
    );
  });

  it('fits 80 columns with --paths, cutting long titles with …', async () => {
    const long = 'A title that goes on and on, far longer than any terminal line has room for';
    const files = {
      ...builtins,
      [`${dir}/a-long-scenario-name.yaml`]: `title: ${long}\ngraph: |\n  x = 1\n`,
    };
    const { code, stdout } = await cli('list --paths', { files, scenariosDir: dir });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    // 80 - name (20) - file (43) - 2 gaps of 2 leaves 13 characters for the title.
    expect(lines[0]).toBe(
      'a-long-scenario-name  A title that…  fixture-scenarios/a-long-scenario-name.yaml',
    );
    // The seed's title is cut to 12 characters (the space before … trimmed), then padded.
    expect(lines[2]).toMatch(/^seed {18}z = x·x·y \+… {3}fixture-scenarios\/seed\.yaml$/);
  });

  it('flags an invalid built-in and exits 2', async () => {
    const files = { ...builtins, [`${dir}/broken.yaml`]: UNKNOWN_FUNCTION };
    const { code, stdout } = await cli('list', { files, scenariosDir: dir });
    expect(stdout).toMatch(/^broken\s+\(invalid: run gradstep check broken\)/);
    expect(code).toBe(2);
  });

  it('lists the package scenarios, the seed among them', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^seed\s+z = x·x·y \+ tanh\(x·y\)$/m);
  });
});

describe('gradstep [SCENARIO]', () => {
  const noTerminal = (file: string) =>
    'gradstep: error: the interactive debugger needs a terminal on stdin and stdout\n' +
    `hint: for a transcript, run: gradstep replay ${file}\n`;

  it('opens the built-in seed without an argument; without a terminal it points at replay, exit 2', async () => {
    const { code, stdout, stderr } = await cli([], { files: builtins, scenariosDir: dir });
    expect(stdout).toBe('');
    expect(stderr).toBe(noTerminal('fixture-scenarios/seed.yaml'));
    expect(code).toBe(2);
  });

  it('resolves a built-in by name, and a file by path', async () => {
    const byName = await cli('neuron', { files: builtins, scenariosDir: dir });
    expect(byName.stderr).toBe(noTerminal('fixture-scenarios/neuron.yaml'));
    const byPath = await cli('my.yaml', {
      files: { ...builtins, 'my.yaml': SEED },
      scenariosDir: dir,
    });
    expect(byPath.stderr).toBe(noTerminal('my.yaml'));
  });

  it('prints scenario errors as check does and does not start, exit 2', async () => {
    const files = { ...builtins, 'typo.yaml': UNKNOWN_FUNCTION };
    const { code, stderr } = await cli('typo.yaml --no-color', {
      files,
      scenariosDir: dir,
      tty: true,
    });
    expect(stderr).toMatch(/^typo\.yaml:4:7: error: /);
    expect(code).toBe(2);
  });

  it('treats a missing .yaml argument as a file: no such file, exit 2', async () => {
    const { code, stderr } = await cli('nope.yaml', { files: builtins, scenariosDir: dir });
    expect(stderr).toBe('nope.yaml: error: no such file\n');
    expect(code).toBe(2);
  });

  it('lists the built-in names when the argument is nothing it knows, exit 2', async () => {
    const { code, stderr } = await cli('zzzzzz', { files: builtins, scenariosDir: dir });
    expect(stderr).toBe(
      "gradstep: error: 'zzzzzz' is not a command, a scenario file or a built-in scenario\n" +
        'hint: built-in scenarios: neuron, seed; commands: check, list, replay, export, python-helper, completion\n',
    );
    expect(code).toBe(2);
  });

  it('suggests a built-in name close to the argument', async () => {
    const { stderr } = await cli('nueron', { files: builtins, scenariosDir: dir });
    expect(stderr).toMatch(/hint: did you mean 'neuron'\?/);
  });
});

describe('a built-in name where a command takes a scenario file', () => {
  const options = { files: builtins, scenariosDir: dir };

  it.each([
    ['check neuron', /^fixture-scenarios\/neuron\.yaml: a neuron\n/],
    ['replay neuron --to F1', /^a neuron \(fixture-scenarios\/neuron\.yaml\)\n/],
    ['export neuron', /^digraph gradstep \{/],
  ])('`%s` opens the built-in', async (line, start) => {
    const { code, stdout, stderr } = await cli(line, options);
    expect(stderr).toBe('');
    expect(stdout).toMatch(start);
    expect(code).toBe(0);
  });

  it.each(['check', 'replay', 'export'])(
    '`%s nueron` is a usage error with a hint, exit 2',
    async (command) => {
      const { code, stdout, stderr } = await cli(`${command} nueron`, options);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        "gradstep: error: 'nueron' is not a scenario file or a built-in scenario\n" +
          "hint: did you mean 'neuron'?\n",
      );
      expect(code).toBe(2);
    },
  );

  it('checks the other files after one that names nothing, exit 2', async () => {
    const { code, stdout } = await cli('check zzzzzz seed', options);
    expect(stdout).toMatch(/^fixture-scenarios\/seed\.yaml: /);
    expect(code).toBe(2);
  });

  it('tests whether a file exists without reading it: a file is read once, to load it', async () => {
    const files = { ...builtins, 'noext-scenario': SEED };
    const { code, reads } = await cli('check noext-scenario', { files, scenariosDir: dir });
    expect(code).toBe(0);
    expect(reads).toEqual(['noext-scenario']);
    const opened = await cli('noext-scenario', { files, scenariosDir: dir });
    expect(opened.reads).toEqual(['noext-scenario']);
  });
});

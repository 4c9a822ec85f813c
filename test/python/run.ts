import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../cli/helpers.js';

export interface Exported {
  readonly file: string;
  readonly yaml: string;
  /** The exporter's warnings, one a line. */
  readonly warnings: string;
  /** What the snippet printed. */
  readonly stdout: string;
}

const dir = mkdtempSync(join(tmpdir(), 'gradstep-py-'));
let count = 0;

/**
 * Runs a Python snippet that builds a graph ending in `L` (with test/python/value.py importable
 * as `value`), calls L.backward() unless told not to, and exports it with gradstep_export.
 */
export function exportPython(snippet: string, options: { backward?: boolean } = {}): Exported {
  const file = join(dir, `graph-${count++}.yaml`);
  const program = [
    'import sys, warnings',
    'from value import *',
    'import value',
    'from gradstep_export import export',
    snippet,
    options.backward === false ? '' : 'L.backward()',
    'with warnings.catch_warnings(record=True) as caught:',
    '    warnings.simplefilter("always")',
    `    export(L, ${JSON.stringify(file)})`,
    'for w in caught: sys.stderr.write(str(w.message) + "\\n")',
  ].join('\n');
  const env = {
    ...process.env,
    PYTHONPATH: [join(REPO, 'python'), join(REPO, 'test/python')].join(':'),
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const run = spawnSync('python3', ['-c', program], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
  return { file, yaml: readFileSync(file, 'utf8'), warnings: run.stderr, stdout: run.stdout };
}

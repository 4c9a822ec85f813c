/**
 * A test-only way into the TUI until the cli starts it: loads a scenario file and runs runTui,
 * with `--break SPEC` and `--no-color`. Exit code as runTui resolves it.
 */
import { readFile } from 'node:fs/promises';
import { loadScenario } from '../../src/scenario/index.js';
import { runTui } from '../../src/ui/index.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--break');
const breakpoints = args.flatMap((a, i) => (args[i - 1] === '--break' ? [a] : []));
if (file === undefined) throw new Error('usage: tui-entry FILE [--break SPEC] [--no-color]');
const load = async () => loadScenario({ name: file, text: await readFile(file, 'utf8') });
const loaded = await load();
if (!loaded.ok) {
  process.stderr.write(`${loaded.diagnostics.map((d) => d.message).join('\n')}\n`);
  process.exit(2);
}
if (process.stdin.isTTY !== true) {
  process.stderr.write('gradstep: stdin is not a terminal; use gradstep replay\n');
  process.exit(2);
}
process.exitCode = await runTui({
  scenario: loaded.scenario,
  file,
  reload: load,
  breakpoints,
  color: !args.includes('--no-color'),
});
process.stdin.unref();

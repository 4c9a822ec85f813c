/**
 * One key interpreter (issue 8): the same keys typed into the TUI in a pseudo-terminal, given to
 * `replay --keys` in every transcript format and to `replay --frames`, reach the same step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { type PtySession, spawnPty } from './pty.js';

const ENTRY = ['--import', 'tsx', 'src/bin.ts'];
const FIRST_FRAME_MS = 60_000;
const FRAME_MS = 30_000;
const ESC = '\u001B';
const SEED = 'scenarios/seed.yaml';

/**
 * What the user types into the TUI, in writes (Esc alone, and waited on, so a terminal never
 * reads it together with the next key as an Alt chord), and the same keys as `--keys` tokens.
 */
interface Sequence {
  readonly name: string;
  readonly writes: readonly { readonly text: string; readonly shows?: string }[];
  readonly tokens: string;
}

const SEQUENCES: readonly Sequence[] = [
  {
    // `n` in the help overlay turns no step (it stepped in transcripts before issue 8).
    name: 'help, then n',
    writes: [
      { text: '?n', shows: 'Help  (esc closes)' },
      { text: ESC, shows: 'Graph · graph view' },
    ],
    tokens: '? n esc',
  },
  {
    // k selects x (from x_2), b breaks on it, c stops where x first receives grad (B3); the
    // transcript ran to B5 before issue 8, ignoring the breakpoint b set.
    name: 'select, break, continue',
    writes: [{ text: 'kkkkkkbgc' }],
    tokens: 'k k k k k k b g c',
  },
  {
    name: 'search, break on the match, continue',
    writes: [{ text: '/tanh', shows: '1 match' }, { text: '\rbc' }],
    tokens: '/ t a n h enter b c',
  },
  {
    name: 'a bad goto, cancelled, then a good one',
    writes: [
      { text: ':Q\r', shows: "Unknown node 'Q'" },
      { text: ESC, shows: 'n/→ next' },
      { text: ':B3\r' },
    ],
    tokens: ': Q enter esc :B3',
  },
  {
    name: 'a condition from the breakpoint list',
    writes: [
      { text: 'B', shows: 'no breakpoints yet' },
      { text: 'ax: grad > 1\r', shows: '1. x: grad > 1  (condition)' },
      { text: ESC, shows: 'Graph · graph view' },
      { text: 'c' },
    ],
    tokens: 'B a x : space g r a d space > space 1 enter esc c',
  },
  {
    // Autoplay stops at the seed's walkthrough pause at B0; replay runs its ticks at once.
    name: 'autoplay',
    writes: [{ text: ' ', shows: 'autoplay paused (walkthrough)' }],
    tokens: 'space',
  },
];

let session: PtySession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The step the TUI shows once every write is handled (a search typed last marks the moment). */
async function tuiStep(sequence: Sequence): Promise<string> {
  const tui = spawnPty(process.execPath, [...ENTRY, SEED], { cols: 120, rows: 40 });
  session = tui;
  await tui.waitForText('[start]', FIRST_FRAME_MS);
  for (const { text, shows } of sequence.writes) {
    tui.write(text);
    if (shows !== undefined) await tui.waitForText(shows, FRAME_MS);
  }
  // Keys are handled in order: once the sentinel search shows, every key before it has run.
  tui.write('/zzz');
  await tui.waitForText('/zzz▏', FRAME_MS);
  const bar = tui.screenText().split('\n')[1];
  return /\[(start|[FB]\d+)\]/.exec(bar)?.[1] ?? `no step in ${bar}`;
}

/** The step each replay output ends at: the last block (or start), the final JSON line, the last frame. */
async function replaySteps(tokens: string): Promise<Record<string, string>> {
  const run = async (...options: string[]) => {
    const { code, stdout, stderr } = await cli(['replay', SEED, '--keys', tokens, ...options]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return stdout;
  };
  const text = await run();
  const headings = text.split('\n').filter((l) => /^(start|[FB]\d+)( → |$)/.test(l));
  const lastHeading = headings.at(-1)?.split(' → ').at(-1) ?? 'start';
  const json = (await run('--format', 'json'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  const markdown = await run('--format', 'markdown');
  const valuesAt = /^## Values at (.*)$/m.exec(markdown)?.[1];
  const frames = await run('--frames');
  const rules = frames.split('\n').filter((l) => l.startsWith('── '));
  return {
    text: lastHeading,
    json: json.at(-1).step,
    // The seed's end is its last backward step, B5.
    markdown: valuesAt === 'the end' ? 'B5' : (valuesAt ?? '?'),
    frames: /(?:→ )?(\S+) ─+$/.exec(rules.at(-1) ?? '')?.[1] ?? '?',
  };
}

describe('the TUI, replay --keys and replay --frames agree', { timeout: 240_000 }, () => {
  it.each(SEQUENCES.map((s) => [s.name, s] as const))('%s', async (_, sequence) => {
    const replayed = await replaySteps(sequence.tokens);
    const tui = await tuiStep(sequence);
    expect(replayed).toEqual({ text: tui, json: tui, markdown: tui, frames: tui });
  });

  it('reaches the steps a person expects (checked by hand against the seed)', async () => {
    const expected = ['start', 'B3', 'F4', 'B3', 'B5', 'B0'];
    const reached = await Promise.all(
      SEQUENCES.map(async (s) => (await replaySteps(s.tokens)).text),
    );
    expect(reached).toEqual(expected);
  });
});

/**
 * replay writes each step as the session produces it: the first lines of a long transcript are
 * out long before its end, and nothing holds the whole transcript. No timing assertions.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chainScenarioText } from '../../scripts/chain-scenario.js';
import { run } from '../../src/cli/index.js';
import { context, fakeIo, REPO } from './helpers.js';

describe('replay streams its transcript', () => {
  it('writes in chunks while stepping: the first write is a small part of the whole', async () => {
    // 20,000 nodes: 40,001 JSON step lines, some 8 MB in all.
    const io = fakeIo({ files: { 'chain.yaml': chainScenarioText(20_000) } });
    const sizes: number[] = [];
    io.stdout = (text) => void sizes.push(text.length);
    const code = await run(['replay', 'chain.yaml', '--format', 'json'], context(io));
    expect(code).toBe(0);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(4_000_000);
    // Written as it went: many writes, none of them more than a chunk and a line or a node.
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.max(...sizes)).toBeLessThan(100_000);
  });

  it('gives the first lines of a big transcript to a reader before the process ends', async () => {
    await withReplay(async (child) => {
      const firstLines = await new Promise<string[]>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const lines = text.split('\n');
          // The header and three whole lines, and the process still running: it has 100,000
          // more to write.
          if (lines.length > 4 && child.exitCode === null) resolve(lines.slice(0, 4));
        });
        child.on('exit', () => reject(new Error('the process ended before its first lines')));
      });
      const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      // F1: v1 = x + x at x = 0.5, F2: v2 = v1 + x.
      const [header, ...steps] = firstLines.map((line) => JSON.parse(line));
      expect(header.type).toBe('header');
      expect(steps.map((s) => [s.type, s.step, s.node.name, s.data])).toEqual([
        ['step', 'F1', 'v1', 1],
        ['step', 'F2', 'v2', 1.5],
        ['step', 'F3', 'v3', 2],
      ]);
    });
  }, 120_000);

  // Linux tells where a process waits (/proc/PID/wchan): the observable that needs no timing. Node
  // gives a child's stdio a socket pair, so the full buffer is a socket's (a shell's `|`: a pipe's).
  const WRITING = /pipe_write|sock_alloc_send|unix_stream_sendmsg|sk_stream_wait/;
  it.skipIf(process.platform !== 'linux')(
    'waits in write(2) for a reader that does not read, instead of holding the transcript in memory',
    async () => {
      await withReplay(async (child) => {
        child.stdout.pause();
        const wchan = () => {
          try {
            return readFileSync(`/proc/${child.pid}/wchan`, 'utf8');
          } catch {
            return '';
          }
        };
        let waitsIn = '';
        for (let i = 0; i < 400 && child.exitCode === null; i++) {
          waitsIn = wchan();
          if (WRITING.test(waitsIn)) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // Queued writes would leave it idle in the event loop (do_epoll_wait), the transcript in memory.
        expect(waitsIn).toMatch(WRITING);
      });
    },
    120_000,
  );
});

type ReplayChild = ChildProcessByStdio<null, Readable, Readable>;

/**
 * `replay --format json` of a 50,000-node chain (about 30 MB of JSON Lines, hundreds of times
 * what a pipe holds) as a child process, given to `use`; killed and cleaned up after.
 */
async function withReplay(use: (child: ReplayChild) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'gradstep-stream-'));
  const file = join(dir, 'chain.yaml');
  writeFileSync(file, chainScenarioText(50_000));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/bin.ts', 'replay', file, '--format', 'json'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await use(child);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { printable } from '../scenario/index.js';

/** What reading a path gave: the bytes of a file, or why there are none. */
export type FileContent =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Everything a command does to the outside world. Commands receive it instead of touching
 * `process` or `fs`, so tests run them in-process with a fake.
 */
export interface Io {
  /** Writes text as given; callers end their lines. */
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Replaces the one status line at the bottom of a terminal's stderr with `text` (nothing for
   * ''): progress, drawn over itself. Only called when stderr is a terminal.
   */
  statusLine(text: string): void;
  readFile(path: string): Promise<FileContent>;
  /** Whether anything (a file, a directory) is at the path; a stat, the content is not read. */
  exists(path: string): Promise<boolean>;
  /** File names in a directory, or an empty list when it cannot be read. */
  listDirectory(path: string): Promise<readonly string[]>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory, to show paths the way the user typed them. */
  readonly cwd: string;
  readonly isTTY: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
}

/**
 * The one place the command line's text is written: whatever a command prints, and yargs with it,
 * goes through `printable`, so text from files, arguments and keys is shown and never
 * interpreted, and only gradstep's own styles become escape sequences.
 */
export function printableIo(io: Io): Io {
  return {
    ...io,
    stdout: (text) => io.stdout(printable(text)),
    stderr: (text) => io.stderr(printable(text)),
    statusLine: (text) => io.statusLine(printable(text)),
  };
}

export function nodeIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // A carriage return back to the line's start, the text, and clear to the end of the line.
    statusLine: (text) => void process.stderr.write(`\r${text}\u001b[K`),
    readFile: readNodeFile,
    async exists(path) {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    async listDirectory(path) {
      try {
        return await readdir(path);
      } catch {
        return [];
      }
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: {
      stdin: process.stdin.isTTY === true,
      stdout: process.stdout.isTTY === true,
      stderr: process.stderr.isTTY === true,
    },
  };
}

async function readNodeFile(path: string): Promise<FileContent> {
  try {
    const found = await stat(path);
    if (found.isDirectory()) return { kind: 'directory' };
    // A device or FIFO never ends (/dev/zero) or blocks (a FIFO with no writer): not read at all.
    if (!found.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    return { kind: 'file', bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'directory' };
    return { kind: 'unreadable', reason: code ?? String(error) };
  }
}

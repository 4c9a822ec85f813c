/** Why an output stream failed, in words; the code stays in brackets for searching. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EIO: 'input/output error',
  EBADF: 'the stream is not open for writing',
  EFBIG: 'the file is too large',
  EDQUOT: 'disk quota exceeded',
};

/** A closed pipe (the reader quit, as `| head` does) is a normal end, not an error. */
const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/** The one line an output error is reported in. */
export function outputErrorMessage(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  const reason = REASONS[code] ?? error.message;
  return `gradstep: error: cannot write the output: ${reason}${code === '' ? '' : ` (${code})`}\n`;
}

/**
 * Write errors on stdout and stderr arrive as 'error' events after the command has moved on, so
 * they end the process here: quietly with 0 when the reader closed the pipe, else with one line
 * and exit 2. Without this Node prints a stack trace for the unhandled event.
 */
export function guardOutputStreams(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (CLOSED.has(error.code ?? '')) process.exit(0);
    try {
      process.stderr.write(outputErrorMessage(error));
    } finally {
      process.exit(2);
    }
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(CLOSED.has(error.code ?? '') ? 0 : 2);
  });
}

import type { SessionState } from '../../session/index.js';
import type { ReplayBlock } from './drive.js';

export type Write = (text: string) => void;

/**
 * A transcript format, written piece by piece: the head, each block as the session produces it,
 * then the tail with the final values. Nothing is kept between pieces, so memory does not grow
 * with the number of steps.
 */
export interface TranscriptFormat {
  /** Whether blocks print their narration (the driver skips computing it otherwise). */
  readonly narrates: boolean;
  head(write: Write): void;
  block(block: ReplayBlock, write: Write): void;
  tail(final: SessionState, write: Write): void;
}

/** Text gathered into chunks of about this many characters before each write. */
const CHUNK = 1 << 16;

/**
 * Collects small pieces and hands them to `out` in chunks: a write per step block would be millions
 * of system calls on a long chain, a chunk is out within a few milliseconds of being produced.
 */
export class ChunkedWriter {
  private pieces: string[] = [];
  private size = 0;

  constructor(private readonly out: Write) {}

  readonly write: Write = (text) => {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  };

  flush(): void {
    if (this.size === 0) return;
    this.out(this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }
}

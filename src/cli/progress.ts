/**
 * Progress on long work, on a terminal's stderr only: what gradstep is doing and how far it is,
 * drawn over itself on one line and cleared before the result is printed. Nothing in a pipe, a
 * file or CI, and nothing for work done within half a second.
 */
import type { Io } from './io.js';

/** Work that ends sooner than this shows nothing. */
const SHOW_AFTER_MS = 500;
/** At most this often a redraw. */
const REDRAW_MS = 100;
const BAR_WIDTH = 20;

export interface Progress {
  /**
   * What is being done now. Shown at once when `long` (it is known to take a while and will not
   * report how far it is, as parsing a big file), else once half a second has gone by.
   */
  phase(text: string, long?: boolean): void;
  /** How far the phase is: a bar and the count. */
  count(done: number, total: number): void;
  /** Clears the line, before the result is printed. */
  end(): void;
}

const SILENT: Progress = { phase() {}, count() {}, end() {} };

export function progressOn(io: Io): Progress {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  if (!io.isTTY.stderr || ci) return SILENT;
  // Tests shorten the wait to see the line on small inputs.
  const showAfter = Number(io.env.GRADSTEP_PROGRESS_AFTER_MS ?? SHOW_AFTER_MS);
  const redraw = Math.min(REDRAW_MS, showAfter);
  const start = Date.now();
  let phase = '';
  let phaseStart = start;
  let shown = false;
  let last = 0;
  const draw = (text: string) => {
    io.statusLine(`gradstep: ${text}`);
    shown = true;
    last = Date.now();
  };
  return {
    phase(text, long = false) {
      phase = text;
      phaseStart = Date.now();
      if (long || Date.now() - start >= showAfter) draw(`${text}…`);
    },
    count(done, total) {
      const now = Date.now();
      if (now - start < showAfter || now - last < redraw || total <= 0) return;
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      const percent = Math.floor((done / total) * 100);
      const count = `${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
      // A guess from the pace so far, once there is a pace to go by.
      const spent = now - phaseStart;
      const eta =
        done > 0 && spent >= 1000 ? `, ${duration((spent / done) * (total - done))} left` : '';
      draw(`${phase} ${bar} ${percent}% (${count}${eta})`);
    },
    end() {
      if (shown) io.statusLine('');
      shown = false;
    },
  };
}

/** `about 12 s`, `about 4 min`, `about 41 h`: a remaining time as a person reads it. */
function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${Math.round(seconds / 3600)} h`;
}

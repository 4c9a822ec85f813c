import type { SessionState } from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import type { Paint } from '../text.js';

/** The breakpoints in order, the highlighted row marked `»`. */
export function breakpointListLines(session: SessionState, row: number, paint: Paint): string[] {
  if (session.breakpoints.length === 0) {
    return ['no breakpoints: b on a node toggles one, a adds a spec (x, backward:x, x: grad > 1)'];
  }
  return session.breakpoints.map((b, i) => {
    const text = `${FLAGS.breakpoint.glyph} ${i + 1}. ${b.spec}  (${b.kind})`;
    return i === row ? paint(`» ${text}`, '1;7') : `  ${text}`;
  });
}

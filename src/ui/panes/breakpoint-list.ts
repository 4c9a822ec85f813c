import type { SessionState } from '../../session/index.js';
import { FLAGS } from '../graph/style.js';
import type { Painter } from '../text.js';

/** What a spec can say, under the list (the pane is otherwise mostly empty). */
const SPEC_HELP = [
  'b on a selected node toggles a breakpoint on it; a adds one of these:',
  '  x              both steps of x (its forward step and its backward step)',
  '  forward:x      only its forward step',
  '  backward:x     only its backward step',
  '  x: grad > 1    when it holds (data, grad, nonfinite, saturated; and, or)',
];

/** The breakpoints in order, the highlighted row marked `»`, then what a spec can be. */
export function breakpointListLines(session: SessionState, row: number, paint: Painter): string[] {
  const list =
    session.breakpoints.length === 0
      ? ['no breakpoints yet']
      : session.breakpoints.map((b, i) => {
          const text = `${FLAGS.breakpoint.glyph} ${i + 1}. ${b.spec}  (${b.kind})`;
          return i === row ? paint('chosen', `» ${text}`) : `  ${text}`;
        });
  return [...list, '', ...SPEC_HELP.map((line) => paint('dim', line))];
}

/**
 * The step close-up: when the node that ran and the nodes it changed do not all fit in the
 * viewport (wide layers, long edges), a small box drawn over the graph pane lists each of them
 * with its flags, data and grad, so nothing the step touched is off screen.
 */
import { cut } from '../../scenario/index.js';
import { type Format, faceOf, glyphs, gradText, show } from './box.js';
import type { CellBuffer } from './cells.js';
import { FLAGS } from './style.js';
import type { NodeStates, Rect, Viewport } from './types.js';

export const CLOSE_UP_TITLE = 'step close-up';

/** True when the whole rectangle is inside the viewport. */
export function insideViewport(rect: Rect, viewport: Viewport): boolean {
  return (
    rect.x >= viewport.x &&
    rect.y >= viewport.y &&
    rect.x + rect.width <= viewport.x + viewport.width &&
    rect.y + rect.height <= viewport.y + viewport.height
  );
}

/**
 * Draws the close-up of `ids` in a corner of the viewport that covers none of the boxes of `ids`
 * that are in view (bottom right first).
 */
export function drawCloseUp(
  buffer: CellBuffer,
  viewport: Viewport,
  ids: readonly number[],
  labels: readonly string[],
  states: NodeStates,
  rectOf: (id: number) => Rect,
  format: Format,
): void {
  const rows = ids.map((id) => ({ id, face: faceOf(labels[id], '', states(id), format) }));
  const labelWidth = Math.max(...rows.map((r) => [...r.face.label].length));
  const inner = Math.min(viewport.width - 2, Math.max(CLOSE_UP_TITLE.length + 2, labelWidth + 42));
  const height = Math.min(viewport.height, rows.length + 2);
  const width = inner + 2;
  if (width < 12 || height < 3) return;
  const corners = [
    [viewport.x + viewport.width - width, viewport.y + viewport.height - height],
    [viewport.x + viewport.width - width, viewport.y],
    [viewport.x, viewport.y + viewport.height - height],
    [viewport.x, viewport.y],
  ];
  const covers = (x: number, y: number) =>
    ids.some((id) => {
      const r = rectOf(id);
      return r.x < x + width && x < r.x + r.width && r.y < y + height && y < r.y + r.height;
    });
  const [x, y] = corners.find(([cx, cy]) => !covers(cx, cy)) ?? corners[0];
  const style = FLAGS.current.style;
  buffer.text(x, y, `┏━${CLOSE_UP_TITLE}${'━'.repeat(inner - CLOSE_UP_TITLE.length - 1)}┓`, style);
  buffer.text(x, y + height - 1, `┗${'━'.repeat(inner)}┛`, style);
  rows.slice(0, height - 2).forEach(({ face }, i) => {
    const row = y + 1 + i;
    buffer.put(x, row, '┃', style);
    buffer.put(x + width - 1, row, '┃', style);
    buffer.text(x + 1, row, ' '.repeat(inner));
    const used = glyphs(
      buffer,
      x + 1,
      row,
      face.flags.filter((f) => f !== 'final' && f !== 'pending'),
      3,
    );
    let column = x + 2 + Math.max(used, 2);
    const label = cut(face.label, labelWidth);
    buffer.text(column, row, label, 'bold');
    column += labelWidth + 1;
    const data = `d ${show(face.state.data, format)}`;
    buffer.text(column, row, cut(data, 14));
    column += 15;
    buffer.text(column, row, gradText(face, 'g ', x + width - 1 - column));
  });
}

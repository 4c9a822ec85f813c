import type { Canvas, Rect, Viewport } from './types.js';

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

/** Keeps the viewport on the canvas; returns the same object when nothing moves. */
export function clampViewport(canvas: Canvas, viewport: Viewport): Viewport {
  const x = clamp(viewport.x, canvas.width - viewport.width);
  const y = clamp(viewport.y, canvas.height - viewport.height);
  return x === viewport.x && y === viewport.y ? viewport : { ...viewport, x, y };
}

/** Pans by (dx, dy) cells, stopping at the canvas's edges. */
export function panViewport(canvas: Canvas, viewport: Viewport, dx: number, dy: number): Viewport {
  const moved = clampViewport(canvas, { ...viewport, x: viewport.x + dx, y: viewport.y + dy });
  return moved.x === viewport.x && moved.y === viewport.y ? viewport : moved;
}

/** The smallest pan that brings the node's box into view (its top-left if it cannot fit). */
export function viewportFollowing(canvas: Canvas, id: number, viewport: Viewport): Viewport {
  return viewportShowing(canvas, [id], viewport);
}

/**
 * The smallest pan that shows the first node's box and, in order, each other box that still fits
 * in the view together with those taken so far (the first box's top-left if it cannot fit).
 */
export function viewportShowing(
  canvas: Canvas,
  ids: readonly number[],
  viewport: Viewport,
): Viewport {
  let area = canvas.rectOf(ids[0]);
  for (const id of ids.slice(1)) {
    const both = union(area, canvas.rectOf(id));
    if (both.width <= viewport.width && both.height <= viewport.height) area = both;
  }
  const axis = (start: number, size: number, at: number, length: number) => {
    if (length >= size || at < start) return at;
    if (at + length > start + size) return at + length - size;
    return start;
  };
  const x = axis(viewport.x, viewport.width, area.x, area.width);
  const y = axis(viewport.y, viewport.height, area.y, area.height);
  return clampViewport(
    canvas,
    x === viewport.x && y === viewport.y ? viewport : { ...viewport, x, y },
  );
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const right = Math.max(a.x + a.width, b.x + b.width);
  const bottom = Math.max(a.y + a.height, b.y + b.height);
  return { x, y, width: right - x, height: bottom - y };
}

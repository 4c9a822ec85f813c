import type { Canvas, Viewport } from './types.js';

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
  const box = canvas.rectOf(id);
  const axis = (start: number, size: number, at: number, length: number) => {
    if (length >= size || at < start) return at;
    if (at + length > start + size) return at + length - size;
    return start;
  };
  const x = axis(viewport.x, viewport.width, box.x, box.width);
  const y = axis(viewport.y, viewport.height, box.y, box.height);
  return clampViewport(
    canvas,
    x === viewport.x && y === viewport.y ? viewport : { ...viewport, x, y },
  );
}

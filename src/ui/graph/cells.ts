import { EDGE, FLOW, PLAIN, type Style, styled } from './style.js';
import type { Viewport } from './types.js';
import { DOWN, LEFT, lineGlyph, RIGHT, UP } from './weights.js';

/**
 * One frame of the viewport: a character and a style per cell, written in canvas coordinates
 * and clipped. Edge strokes are collected as direction bits first, so joins of one net become
 * junctions while a vertical crossing another net's horizontal stays a plain `│`.
 */
export class CellBuffer {
  private readonly chars: string[];
  private readonly styles: Style[];
  private readonly mask: Uint8Array;
  private readonly net: Int32Array;
  /** The arms of a cell that are on a flow path (drawn heavy), and cells where nets cross. */
  private readonly heavy: Uint8Array;
  private readonly crossed: Uint8Array;

  constructor(private readonly view: Viewport) {
    const size = view.width * view.height;
    this.chars = new Array(size).fill(' ');
    this.styles = new Array(size).fill(PLAIN);
    this.mask = new Uint8Array(size);
    this.net = new Int32Array(size).fill(-1);
    this.heavy = new Uint8Array(size);
    this.crossed = new Uint8Array(size);
  }

  private index(x: number, y: number): number {
    const cx = x - this.view.x;
    const cy = y - this.view.y;
    if (cx < 0 || cy < 0 || cx >= this.view.width || cy >= this.view.height) return -1;
    return cy * this.view.width + cx;
  }

  put(x: number, y: number, char: string, style: Style = PLAIN): void {
    const i = this.index(x, y);
    if (i < 0) return;
    this.chars[i] = char;
    this.styles[i] = style;
  }

  /** Writes text one character per column, cut at `max` columns. */
  text(x: number, y: number, text: string, style: Style = PLAIN, max = Number.MAX_SAFE_INTEGER) {
    let column = 0;
    for (const char of text) {
      if (column >= max) break;
      this.put(x + column++, y, char, style);
    }
  }

  horizontal(row: number, a: number, b: number, net: number): void {
    if (row < this.view.y || row >= this.view.y + this.view.height) return;
    const from = Math.max(a, this.view.x - 1);
    const to = Math.min(b, this.view.x + this.view.width);
    for (let x = from; x <= to; x++) {
      const i = this.index(x, row);
      if (i < 0) continue;
      this.mask[i] |= (x > a ? LEFT : 0) | (x < b ? RIGHT : 0);
      this.net[i] = net;
    }
  }

  /** Call after every horizontal stroke, so crossings can be told from joins. */
  vertical(column: number, a: number, b: number, net: number): void {
    if (column < this.view.x || column >= this.view.x + this.view.width) return;
    const from = Math.max(a, this.view.y - 1);
    const to = Math.min(b, this.view.y + this.view.height);
    for (let y = from; y <= to; y++) {
      const i = this.index(column, y);
      if (i < 0) continue;
      const crossing = y > a && y < b && this.net[i] !== net && this.net[i] !== -1;
      if (crossing) {
        this.mask[i] &= ~(LEFT | RIGHT);
        this.crossed[i] = 1;
      }
      this.mask[i] |= (y > a ? UP : 0) | (y < b ? DOWN : 0);
    }
  }

  /**
   * Marks part of a stroke already drawn as a flow path: the arms between `a` and `b` on `row`
   * (horizontal) or `column` (vertical) are drawn heavy.
   */
  heavyHorizontal(row: number, a: number, b: number): void {
    const [from, to] = a < b ? [a, b] : [b, a];
    for (let x = from; x <= to; x++) {
      const i = this.index(x, row);
      if (i >= 0) this.heavy[i] |= (x > from ? LEFT : 0) | (x < to ? RIGHT : 0);
    }
  }

  heavyVertical(column: number, a: number, b: number): void {
    const [from, to] = a < b ? [a, b] : [b, a];
    for (let y = from; y <= to; y++) {
      const i = this.index(column, y);
      if (i >= 0) this.heavy[i] |= (y > from ? UP : 0) | (y < to ? DOWN : 0);
    }
  }

  /**
   * Turns the collected strokes into line characters. Where a flow path crosses another net, the
   * flow path is drawn whole and the other line gives way (two flow paths crossing: the vertical).
   */
  drawStrokes(): void {
    for (let i = 0; i < this.mask.length; i++) {
      if (this.mask[i] === 0) continue;
      const heavy = this.heavy[i];
      const mask =
        heavy !== 0 && this.crossed[i] === 1 ? crossingArms(heavy) : this.mask[i] | heavy;
      this.chars[i] = lineGlyph(mask, heavy);
      this.styles[i] = heavy === 0 ? EDGE : FLOW;
    }
  }

  rows(color: boolean): string[] {
    const { width, height } = this.view;
    const rows: string[] = [];
    for (let y = 0; y < height; y++) {
      let row = '';
      let run = '';
      let runStyle: Style = PLAIN;
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const style = color ? this.styles[i] : PLAIN;
        if (style !== runStyle) {
          row += styled(run, runStyle);
          run = '';
          runStyle = style;
        }
        run += this.chars[i];
      }
      rows.push(row + styled(run, runStyle));
    }
    return rows;
  }
}

/** The arms of a flow path at a crossing: the vertical when both lines are flow paths. */
const crossingArms = (heavy: number): number =>
  heavy & (UP | DOWN) && heavy & (LEFT | RIGHT) ? heavy & (UP | DOWN) : heavy;

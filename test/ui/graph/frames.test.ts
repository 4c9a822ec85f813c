/**
 * Whole frames of the seed graph, read by eye: x feeds x_2 on both of its input ports (x * x),
 * x also feeds xy, y feeds xy and (through layer 1) x_2_y, and x_2_y and tanh_xy feed z.
 * A line crossing another net's line is drawn as a plain `│`; a junction of one net as ┼ ┤ ┬ ┴.
 */

import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/scenario/index.js';
import {
  layoutGraph,
  layoutList,
  renderGraphViewport,
  renderListViewport,
} from '../../../src/ui/graph/index.js';
import { labelOf, lastBackwardStep, secondForwardStep, seedGraph } from './seed.js';

const { graph, output } = seedGraph();
const boxes = layoutGraph(graph, output, labelOf(graph));
const plain = { color: false };
/** The seed at a step through a viewport at (x, y), without colour. */
const drawn = (
  layout: typeof boxes,
  states: typeof lastBackwardStep,
  [x, y, width, height]: readonly [number, number, number, number],
) => renderGraphViewport(layout, states, { x, y, width, height }, plain);

describe('graph pane, seed graph', () => {
  it('draws the last backward step at 80 columns', () => {
    const frame = drawn(boxes, lastBackwardStep, [0, 0, 80, 12]);
    expect(frame).toEqual([
      '                     ┏x_2 *━━━━━━━━━┓                                           ',
      '╭x─────────────╮ ┌───┫d 4.0000      ┣─┐                                         ',
      '│d 2.0000      ├─┼───┫g 3.0000      ┃ │  ╭x_2_y *───────╮                       ',
      '│0.0001→12.0001│ │   ┗▶✓━━━━━━━━━━━━┛ └──┤d 12.0000     ├─┐                     ',
      '╰Δ✓────────────╯ │                    ┌──┤g 1.0000      │ │  ╭z +───────────╮   ',
      '                 │┌───────────────────┘  ╰⌕✓────────────╯ └──┤d 13.0000     │   ',
      '╔y═════════════╗ ││                                       ┌──┤g 1.0000      │   ',
      '║d 3.0000      ╠─│┤  ╭xy *──────────╮    ╭tanh_xy tanh──╮ │  ╰✓─────────────╯   ',
      '║g 4.0000      ║ └│──┤d 6.0000      ├────┤d 1.0000      ├─┘                     ',
      '╚»✓════════════╝  └──┤g 0.0000      │    │g 1.0000      │                       ',
      '                     ╰✓─────────────╯    ╰●✓────────────╯                       ',
      '                                                                                ',
    ]);
  });

  it('draws a forward step through a 60-column viewport panned right', () => {
    const frame = drawn(boxes, secondForwardStep, [20, 0, 60, 12]);
    expect(frame).toEqual([
      ' ╭x_2 *─────────╮                                           ',
      '─┤d 4.0000      ├─┐                                         ',
      '─┤g ?           │ │  ┏x_2_y *━━━━━━━┓                       ',
      ' ╰──────────────╯ └──┫d 12.0000     ┣─┐                     ',
      '                  ┌──┫g ?           ┃ │  ╭z +───────────╮   ',
      '──────────────────┘  ┗▶━━━━━━━━━━━━━┛ └──┤d ?           │   ',
      '                                      ┌──┤g ?           │   ',
      ' ╭xy *──────────╮    ╭tanh_xy tanh──╮ │  ╰──────────────╯   ',
      '─┤d ?           ├────┤d ?           ├─┘                     ',
      '─┤g ?           │    │g ?           │                       ',
      ' ╰──────────────╯    ╰──────────────╯                       ',
      '                                                            ',
    ]);
  });

  it('draws the compact view with x * x as a double arrow', () => {
    const compact = layoutGraph(graph, output, labelOf(graph), { mode: 'compact' });
    const frame = drawn(compact, lastBackwardStep, [0, 0, 100, 5]);
    expect(frame).toEqual([
      '                         ┌──⇉[▶✓x_2=4.0000 g=3.0000 ]─┐                                             ',
      '[Δ✓x=2.0000 g=12.0001  ]─┤                            └┬─→[⌕✓x_2_y=12.0000 g=1.0…]─┐                ',
      '                         │┌────────────────────────────┘                           │                ',
      '[»✓y=3.0000 g=4.0000   ]─│┤                                                        └┬─→[✓z=13.0000 g',
      '                         └┴─→[✓xy=6.0000 g=0.0000   ]────→[●✓tanh_xy=1.0000 g=1.…]──┘               ',
    ]);
  });

  it('draws the list view in step order', () => {
    const list = layoutList(boxes);
    const frame = renderListViewport(
      list,
      lastBackwardStep,
      { x: 0, y: 0, width: 74, height: 8 },
      plain,
    );
    expect(frame).toEqual([
      'Δ✓        #0  x        input            d 2.0000      g 0.0001→12.0001    ',
      '»✓        #1  y        input            d 3.0000      g 4.0000            ',
      '▶✓        #2  x_2      x * x            d 4.0000      g 3.0000            ',
      '⌕✓        #3  x_2_y    x_2 * y          d 12.0000     g 1.0000            ',
      '✓         #4  xy       x * y            d 6.0000      g 0.0000            ',
      '●✓        #5  tanh_xy  tanh(xy)         d 1.0000      g 1.0000            ',
      '✓         #6  z        x_2_y + tanh_xy  d 13.0000     g 1.0000            ',
      '                                                                          ',
    ]);
  });

  it('lists every flag a node can have at once, with a blank before the id', () => {
    const all = { current: true, changed: true, breakpoint: true, searchMatch: true };
    const state = (id: number) =>
      id === 0
        ? { ...all, data: Number.NaN, grad: 1, gradBefore: 0, selected: true, pending: true }
        : { data: 1, grad: 1 };
    const [row] = renderListViewport(
      layoutList(boxes),
      state,
      { x: 0, y: 0, width: 20, height: 1 },
      plain,
    );
    expect(row).toBe('▶Δ●!⌕»◌   #0  x     ');
  });

  it('uses the session formatter for every number', () => {
    const format = (x: number) => x.toPrecision(3);
    const frame = renderListViewport(
      layoutList(boxes),
      lastBackwardStep,
      { x: 0, y: 0, width: 70, height: 1 },
      { color: false, format },
    );
    expect(frame[0]).toContain('d 2.00        g 0.0000737→12.0');
  });

  it('keeps every row exactly as wide as the viewport, with and without color', () => {
    for (const width of [7, 40, 80, 120]) {
      for (const color of [false, true]) {
        for (const x of [-3, 0, 11, 50]) {
          const view = { x, y: -1, width, height: 14 };
          const rows = [
            ...renderGraphViewport(boxes, lastBackwardStep, view, { color }),
            ...renderListViewport(layoutList(boxes), lastBackwardStep, view, { color }),
          ];
          expect(rows).toHaveLength(28);
          for (const row of rows) expect(stringWidth(printable(row, false))).toBe(width);
        }
      }
    }
  });

  it('styles with ANSI in color mode and prints the same characters', () => {
    const view = { x: 0, y: 0, width: 80, height: 12 };
    const colored = renderGraphViewport(boxes, lastBackwardStep, view, { color: true }).map((row) =>
      printable(row, false),
    );
    const stripped = colored.map((row) => stripVTControlCharacters(row));
    expect(colored.join('')).toContain('\x1b[1;33m┏');
    expect(stripped).toEqual(renderGraphViewport(boxes, lastBackwardStep, view, plain));
  });
});

/**
 * Box-drawing characters by the weight of each of their four arms (0 none, 1 light, 2 heavy), so
 * a heavy path can run along light strokes and join them where they branch (`┠`, `┿`, `┡`).
 */

/** Each character with its arms' weights, up, down, left, right. */
const TABLE = `
╴0010 ╵1000 ╶0001 ╷0100 ╸0020 ╹2000 ╺0002 ╻0200
─0011 ━0022 ╼0012 ╾0021 │1100 ┃2200 ╽1200 ╿2100
┌0101 ┍0102 ┎0201 ┏0202 ┐0110 ┑0120 ┒0210 ┓0220
└1001 ┕1002 ┖2001 ┗2002 ┘1010 ┙1020 ┚2010 ┛2020
├1101 ┝1102 ┞2101 ┟1201 ┠2201 ┡2102 ┢1202 ┣2202
┤1110 ┥1120 ┦2110 ┧1210 ┨2210 ┩2120 ┪1220 ┫2220
┬0111 ┭0121 ┮0112 ┯0122 ┰0211 ┱0221 ┲0212 ┳0222
┴1011 ┵1021 ┶1012 ┷1022 ┸2011 ┹2021 ┺2012 ┻2022
┼1111 ┽1121 ┾1112 ┿1122 ╀2111 ╁1211 ╂2211 ╃2121
╄2112 ╅1221 ╆1212 ╇2122 ╈1222 ╉2221 ╊2212 ╋2222`;

const key = (up: number, down: number, left: number, right: number) =>
  up + 3 * down + 9 * left + 27 * right;

const GLYPHS: string[] = (() => {
  const glyphs = new Array<string>(81).fill(' ');
  for (const entry of TABLE.trim().split(/\s+/)) {
    const [char, ...digits] = [...entry];
    const [u, d, l, r] = digits.map(Number);
    glyphs[key(u, d, l, r)] = char;
  }
  return glyphs;
})();

export const UP = 1;
export const DOWN = 2;
export const LEFT = 4;
export const RIGHT = 8;

/** The character for a cell's arms (`mask`), those also in `heavy` drawn heavy. */
export function lineGlyph(mask: number, heavy: number): string {
  const w = (bit: number) => (mask & bit ? (heavy & bit ? 2 : 1) : 0);
  let [up, down, left, right] = [w(UP), w(DOWN), w(LEFT), w(RIGHT)];
  // A lone arm (the end of a stub's stroke) is drawn as a whole line, not a half one.
  if (mask === UP || mask === DOWN) [up, down] = [up || down, up || down];
  if (mask === LEFT || mask === RIGHT) [left, right] = [left || right, left || right];
  return GLYPHS[key(up, down, left, right)];
}

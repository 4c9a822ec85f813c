/**
 * The graph as SVG in the spirit of micrograd's draw_dot: a record `label | data | grad` per value
 * and an ellipse with the op between its inputs and its result. Positions come laid out from the
 * TUI's layout (layer, row); the page draws only the boxes and edges that meet the visible area,
 * so a graph of 10,000 nodes costs what its visible part costs.
 */
export const PLAYER_GRAPH = `
const CH = 7.3; // one character of the 12px monospace font, about
const longest = (texts, cap) => Math.min(cap, texts.reduce((m, t) => Math.max(m, t.length), 0));
/** The widest value a box shows: every data, and every grad a step writes. */
function widestValue() {
  let widest = longest(N.data, 12);
  for (const step of D.steps) {
    for (let i = 0; i < step[2].length; i += CHANGE) widest = Math.max(widest, step[2][i + 2].length);
  }
  return Math.min(12, widest);
}
// A record per value, as the TUI's boxes: label on top, then data, then grad (and its ✓ or ◌).
const BOX_W = Math.round(Math.max(longest(N.label, 22) + 3, widestValue() + 7) * CH + 14);
const LINE = 16;
const BOX_H = 3 * LINE + 6;
const OP_W = Math.round(Math.max(3, longest(N.symbol, 8)) * CH + 30);
const COL = OP_W + BOX_W + 36;
const ROW = 16; // the layout's rows: a box takes 4
const MARGIN = 12;
const FOLLOW_MARGIN = 40;

const boxX = (id) => MARGIN + N.layer[id] * COL + OP_W;
const boxY = (id) => MARGIN + N.row[id] * ROW;
const midY = (id) => boxY(id) + BOX_H / 2;
const opRx = (id) => (N.symbol[id].length * CH) / 2 + 9;
const opCx = (id) => boxX(id) - OP_W / 2 + 2;

let width = 0;
let height = 0;
for (let id = 0; id < count; id++) {
  width = Math.max(width, boxX(id) + BOX_W + MARGIN);
  height = Math.max(height, boxY(id) + BOX_H + MARGIN);
}

const graphPane = document.getElementById('graph');
const canvas = document.getElementById('canvas');
canvas.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
// A graph that nearly fits is shrunk to fit; a larger one is drawn full size and scrolled.
let zoom = 1;
function fitZoom() {
  const fit = Math.min(graphPane.clientWidth / width, graphPane.clientHeight / height);
  zoom = fit >= 0.8 ? Math.min(1, fit) : 1;
  canvas.setAttribute('width', width * zoom);
  canvas.setAttribute('height', height * zoom);
}
fitZoom();

const esc = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const cut = (text, chars) => (text.length <= chars ? text : text.slice(0, chars - 1) + '…');
const isNonFinite = (text) => text === 'NaN' || text === 'Infinity' || text === '-Infinity';

/** The flags of a node as the TUI's boxes have them, in the TUI's glyph order. */
function flagsOf(id, changed) {
  const flags = [];
  if (stepNode() === id) flags.push('current');
  if (changed.has(id)) flags.push('changed');
  if (isNonFinite(dataText(id)) || isNonFinite(gradText(id))) flags.push('nonfinite');
  if (inspected() === id) flags.push('selected');
  if (gradKnown() && N.cone[id] === 1) flags.push(isFinal(id) ? 'final' : 'pending');
  return flags;
}

function text(x, y, content, cls) {
  return '<text x="' + x + '" y="' + y + '" class="' + cls + '">' + esc(content) + '</text>';
}

/** Unknown values are dimmed and non-finite ones red, whatever the node's other flags. */
const valueClass = (value) => (value === '?' ? ' unknown' : isNonFinite(value) ? ' bad' : '');

function boxSvg(id, changed) {
  const flags = flagsOf(id, changed);
  const x = boxX(id);
  const y = boxY(id);
  const glyphs = flags
    .filter((f) => f !== 'final' && f !== 'pending')
    .map((f) => D.glyphs[f][0])
    .join('');
  const status = flags.includes('final')
    ? ' ' + D.glyphs.final[0]
    : flags.includes('pending') ? ' ' + D.glyphs.pending[0] : '';
  const chars = Math.floor((BOX_W - 12) / CH);
  const row = (i) => y + 3 + LINE * i + 12;
  let svg = '<g class="node ' + flags.join(' ') + '" data-id="' + id + '">';
  if (N.symbol[id] !== '') {
    const cx = opCx(id);
    svg += '<line class="edge" x1="' + (cx + opRx(id)) + '" y1="' + midY(id) + '" x2="' + x + '" y2="' + midY(id) + '"/>';
    svg += '<ellipse class="op" cx="' + cx + '" cy="' + midY(id) + '" rx="' + opRx(id) + '" ry="11"/>';
    svg += text(cx, midY(id) + 4, N.symbol[id], 'op-text');
  }
  svg += '<rect class="box" x="' + x + '" y="' + y + '" width="' + BOX_W + '" height="' + BOX_H + '" rx="3"/>';
  svg += '<path class="sep" d="M' + x + ' ' + (y + LINE + 4) + 'h' + BOX_W + '"/>';
  svg += text(x + 6, row(0), cut((glyphs === '' ? '' : glyphs + ' ') + N.label[id], chars), 'label');
  const data = dataText(id);
  const g = gradText(id);
  svg += text(x + 6, row(1) + 2, 'data ' + data, 'value' + valueClass(data));
  svg += text(x + 6, row(2) + 2, 'grad ' + g + status, 'grad' + valueClass(g));
  return svg + '</g>';
}

/** An input's edge into the op ellipse of its consumer; slot 1 enters a little lower (x * x). */
function edgePath(from, to, slot) {
  const x1 = boxX(from) + BOX_W;
  const y1 = midY(from);
  const x2 = opCx(to) - opRx(to);
  const y2 = midY(to) + (N.in1[to] < 0 ? 0 : slot === 0 ? -4 : 4);
  const bend = Math.max(20, (x2 - x1) / 2);
  return '<path class="edge" d="M' + x1 + ' ' + y1 + 'C' + (x1 + bend) + ' ' + y1 + ' ' + (x2 - bend) + ' ' + y2 + ' ' + x2 + ' ' + y2 + '"/>';
}

const meets = (x1, y1, x2, y2, v) =>
  Math.max(x1, x2) >= v.left && Math.min(x1, x2) <= v.right && Math.max(y1, y2) >= v.top && Math.min(y1, y2) <= v.bottom;

/** Redraws what meets the visible area (plus a margin): one pass over the nodes. */
function drawGraph() {
  const pad = 200;
  const v = {
    left: graphPane.scrollLeft / zoom - pad,
    top: graphPane.scrollTop / zoom - pad,
    right: (graphPane.scrollLeft + graphPane.clientWidth) / zoom + pad,
    bottom: (graphPane.scrollTop + graphPane.clientHeight) / zoom + pad,
  };
  const changed = changedNodes();
  let edges = '';
  let boxes = '';
  for (let id = 0; id < count; id++) {
    const x = boxX(id);
    const y = boxY(id);
    if (meets(x - OP_W, y, x + BOX_W, y + BOX_H, v)) boxes += boxSvg(id, changed);
    const inputs = N.in1[id] < 0 ? [N.in0[id]] : [N.in0[id], N.in1[id]];
    inputs.forEach((from, slot) => {
      if (from >= 0 && meets(boxX(from) + BOX_W, midY(from), opCx(id), midY(id), v)) edges += edgePath(from, id, slot);
    });
  }
  document.getElementById('edges').innerHTML = edges;
  document.getElementById('boxes').innerHTML = boxes;
}

/** Scrolls the step's node into view when it is not (a step never leaves the reader lost). */
function follow(id) {
  if (id < 0) return;
  const left = (boxX(id) - OP_W) * zoom;
  const top = boxY(id) * zoom;
  const right = (boxX(id) + BOX_W) * zoom;
  const bottom = (boxY(id) + BOX_H) * zoom;
  const inView =
    left >= graphPane.scrollLeft &&
    right <= graphPane.scrollLeft + graphPane.clientWidth &&
    top >= graphPane.scrollTop &&
    bottom <= graphPane.scrollTop + graphPane.clientHeight;
  if (inView) return;
  graphPane.scrollLeft = left - Math.max(FOLLOW_MARGIN, (graphPane.clientWidth - (right - left)) / 2);
  graphPane.scrollTop = top - Math.max(FOLLOW_MARGIN, (graphPane.clientHeight - (bottom - top)) / 2);
}

let drawPending = false;
// The pane's size settles once the panels around it have text, and changes with the window.
new ResizeObserver(() => {
  fitZoom();
  drawGraph();
}).observe(graphPane);
graphPane.addEventListener('scroll', () => {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    drawGraph();
  });
});
`;

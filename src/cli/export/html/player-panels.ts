/**
 * The player's panes and keys, as text run in the page after PLAYER_STATE and PLAYER_GRAPH: the
 * step panel and inspector show the TUI's own lines, the timeline its tokens; keys are the TUI's
 * (n/→, N/←, g, G, : goto). Every change of position or pick ends in render().
 */
export const PLAYER_PANELS = String.raw`

function line(content, cls) {
  const div = document.createElement('div');
  div.textContent = content;
  if (cls) div.className = cls;
  return div;
}

/** A narration line whose (before → after) stays on one line when the line wraps. */
function formulaLine(content) {
  const change = /^(.*?)(\s+)(\([^()]*→[^()]*\))$/.exec(content);
  if (!change) return line(content, 'formula');
  const div = line(change[1] + change[2], 'formula');
  const span = document.createElement('span');
  span.className = 'nowrap';
  span.textContent = change[3];
  div.append(span);
  return div;
}

/** The step panel: its first line names the step; say, expect and hit lines get their colours. */
function renderStep() {
  const pane = document.getElementById('step');
  const lines = D.steps[state.position][0];
  pane.replaceChildren(
    ...lines.flatMap((content, i) => {
      if (i === 0) return [line(content, 'head'), ...verdicts().map(([text, cls]) => line(text, cls))];
      if (content.startsWith('»')) return line(content, 'say');
      if (content.startsWith('✓')) return line(content, 'ok');
      if (content.startsWith('✗')) return line(content, 'fail');
      return formulaLine(content);
    }),
  );
}

/** The inspector's lines: the TUI's head and check lines around data, grad and the ledger so far. */
function renderInspector() {
  const pane = document.getElementById('inspector');
  const id = inspected();
  document.getElementById('inspector-title').textContent =
    state.picked >= 0 ? 'inspector · picked (Esc: follow the steps)' : 'inspector · follows the step';
  if (id < 0) {
    pane.replaceChildren(line('no node selected: click a node, or step (n)', 'dim'));
    return;
  }
  const lines = N.head[id].map((t, i) => line(D.texts[t], i === 0 ? 'head' : ''));
  lines.push(line('data    ' + dataText(id, true)));
  lines.push(line('grad    ' + gradText(id, true)));
  for (const t of N.compare[id]) lines.push(line(D.texts[t], /≠/.test(D.texts[t]) ? 'fail' : ''));
  if (N.cone[id] !== 1) {
    lines.push(line('not on the path to the output: no grad', 'dim'));
    pane.replaceChildren(...lines);
    return;
  }
  const final = isFinal(id);
  const mark = final ? D.glyphs.final[0] + ' final' : D.glyphs.pending[0] + ' pending';
  if (id === D.output) {
    lines.push(line('ledger  output: seeded with 1 at B0' + (final ? '  ' + mark : ''), final ? 'ok' : ''));
  } else {
    const summary = 'ledger  ' + received[id] + ' of ' + N.expected[id] + ' received  ' + mark;
    lines.push(line(summary, final ? 'ok' : 'dim'));
  }
  for (const entry of N.ledger[id].slice(0, received[id])) lines.push(formulaLine('  ' + entry));
  const check = final ? N.checkFinal[id] : N.checkWaiting[id];
  for (const content of check.map((t) => D.texts[t])) lines.push(line(content, /✗/.test(content) ? 'fail' : /✓/.test(content) ? 'ok' : 'dim'));
  pane.replaceChildren(...lines);
}

const pauses = new Set(D.pauses);

/** start F1 … │ B0 … with the cursor in brackets and ‖ before walkthrough pauses. */
function renderTimeline() {
  const bar = document.getElementById('timeline');
  const p0 = state.position;
  // Every step when they fit, else as many on each side of the cursor as fit, about.
  const token = (String(D.total).length + 3) * 8;
  const fit = Math.floor((bar.parentElement.clientWidth * 0.7) / token);
  const side = D.total < fit ? D.total : Math.max(2, Math.floor(fit / 2));
  const low = Math.max(0, p0 - side);
  const high = Math.min(D.total, p0 + side);
  const items = [];
  if (low > 0) items.push(line('…', 'cut'));
  for (let p = low; p <= high; p++) {
    if (p === D.zero && p > low) items.push(line('│', 'cut'));
    const token = document.createElement('button');
    token.type = 'button';
    token.dataset.p = p;
    token.textContent = (pauses.has(p) ? '‖' : '') + (p === p0 ? '[' + stepName(p) + ']' : stepName(p));
    token.className = p === p0 ? 'token current' : p > p0 ? 'token ahead' : 'token';
    items.push(token);
  }
  if (high < D.total) items.push(line('…', 'cut'));
  bar.replaceChildren(...items);
  const scrub = document.getElementById('scrub');
  scrub.value = p0;
}

function render() {
  const phase = state.position === 0 ? 'ready' : state.position === D.total ? 'done' : state.position <= D.forwardCount ? 'forward' : 'backward';
  document.getElementById('where').textContent = stepName(state.position) + ' · ' + phase + ' · ' + state.position + ' of ' + D.total + ' steps';
  document.getElementById('score').textContent = scoreText();
  renderStep();
  renderInspector();
  renderTimeline();
  drawGraph();
}

/** Moves to target; a move forward stops before the first step with an open question and asks. */
function go(target, fromStep) {
  closeQuestion();
  const ask = firstQuestionBetween(state.position, Math.min(target, D.total));
  moveTo(ask >= 0 ? ask - 1 : target);
  if (fromStep) follow(stepNode());
  render();
  if (ask >= 0) showQuestion(openQuestion(ask));
}

/** A node's own step as the TUI's goto finds it: forward:NODE its F step, backward:NODE its B step. */
function nodeStep(kind, name) {
  const byId = /^#(\d+)$/.exec(name);
  const id = byId ? Number(byId[1]) : N.label.indexOf(name);
  if (!(id >= 0 && id < count)) return -1;
  if (kind === 'forward') return N.forward[id] > 0 ? N.forward[id] : -1;
  for (let p = D.zero + 1; p <= D.total; p++) if (D.steps[p][1] === id) return p;
  return id === D.output ? D.zero : -1;
}

/** The position a goto names: start, end, F3, B2, forward:NODE, backward:NODE, NODE or #ID; else -1. */
function positionOf(t) {
  const numbered = /^([FB])(\d+)$/.exec(t);
  const prefixed = /^(forward|backward):\s*(.+)$/.exec(t);
  if (t === 'start') return 0;
  if (t === 'end') return D.total;
  if (numbered && numbered[1] === 'F') return +numbered[2] >= 1 && +numbered[2] <= D.forwardCount ? +numbered[2] : -1;
  if (numbered) return D.zero + +numbered[2] <= D.total ? D.zero + +numbered[2] : -1;
  if (prefixed) return nodeStep(prefixed[1], prefixed[2].trim());
  return Object.hasOwn(D.goto, t) ? D.goto[t] : -1;
}

/** :goto, with the TUI's step names; a name it cannot find is said in the status line. */
function gotoText(input) {
  const t = input.trim();
  const p = positionOf(t);
  const message = document.getElementById('message');
  if (p < 0) {
    const backward = D.total - D.zero;
    message.textContent = 'There is no step or node ‘' + t + '’ (steps: start, F1…F' + D.forwardCount + ', B0…B' + backward + ', end; forward:NODE, backward:NODE, or a node name)';
    return false;
  }
  message.textContent = '';
  go(p, true);
  return true;
}

const ACTIONS = {
  next: () => go(state.position + 1, true),
  prev: () => go(state.position - 1, true),
  first: () => go(0, true),
  last: () => go(D.total, true),
};
const KEYS = { n: 'next', ArrowRight: 'next', N: 'prev', ArrowLeft: 'prev', g: 'first', G: 'last' };

const gotoInput = document.getElementById('goto-input');
const predictInput = document.getElementById('predict-input');
document.getElementById('predict').addEventListener('submit', (event) => {
  event.preventDefault();
  answerQuestion(predictInput.value);
});
document.getElementById('predict-skip').addEventListener('click', () => answerQuestion(null));
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target === gotoInput) {
    if (event.key === 'Escape') gotoInput.blur();
    return;
  }
  if (event.target === predictInput) {
    if (event.key === 'Escape') answerQuestion(null);
    return;
  }
  if (event.key === ':') {
    event.preventDefault();
    gotoInput.focus();
    gotoInput.select();
  } else if (event.key === 'Escape') {
    state.picked = -1;
    render();
  } else if (KEYS[event.key]) {
    event.preventDefault();
    ACTIONS[KEYS[event.key]]();
  }
});
document.getElementById('goto').addEventListener('submit', (event) => {
  event.preventDefault();
  if (gotoText(gotoInput.value)) gotoInput.blur();
});
document.getElementById('controls').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-act]');
  if (button) ACTIONS[button.dataset.act]();
});
document.getElementById('timeline').addEventListener('click', (event) => {
  const token = event.target.closest('button[data-p]');
  if (token) go(Number(token.dataset.p), true);
});
document.getElementById('scrub').addEventListener('input', (event) => go(Number(event.target.value), true));
canvas.addEventListener('click', (event) => {
  const node = event.target.closest('[data-id]');
  // A click on a node inspects it; on the background, the inspector follows the steps again.
  state.picked = node ? Number(node.dataset.id) : -1;
  render();
});

function init() {
  document.title = D.title + ' · gradstep';
  document.getElementById('title').textContent = D.title;
  document.getElementById('file').textContent = D.file;
  document.getElementById('description').textContent = D.description;
  document.getElementById('about').hidden = D.description === '';
  const scrub = document.getElementById('scrub');
  scrub.max = D.total;
  const legend = ['current', 'changed', 'nonfinite', 'selected', 'final', 'pending'].map(
    (flag) => D.glyphs[flag][0] + ' ' + D.glyphs[flag][1],
  );
  document.getElementById('legend').textContent = legend.join('    ');
  document.getElementById('keys').textContent =
    'keys: n/→ next   N/← back   g start   G end   : goto   ·   click a node to inspect it, Esc to follow the steps again' +
    (D.predictions.length > 0 ? '   ·   a question before a step: type your prediction and ⏎, or Esc to skip' : '');
  go(D.start, true);
}
init();
`;

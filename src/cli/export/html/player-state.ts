/**
 * The player's state, as text run in the page (see page.ts): the data the session recorded, the
 * cursor, and each grad as the steps so far left it. Moving applies each step's recorded changes
 * (or writes their `before` values back, last first, going back), so every position shows exactly
 * what the session had there. No value is computed here.
 */
export const PLAYER_STATE = `
const D = JSON.parse(document.getElementById('gradstep-data').textContent);
const N = D.nodes;
const count = N.label.length;
const CHANGE = 5; // to, before, after, beforeFull, afterFull

// Grads as they are after the steps applied so far; before B0 nothing has changed them.
const grad = new Array(count).fill(D.gradZero[0]);
const gradFull = new Array(count).fill(D.gradZero[1]);
grad[D.output] = D.gradOne[0];
gradFull[D.output] = D.gradOne[1];
// Contributions each grad has received so far (the ledger's count).
const received = new Int32Array(count);

const state = { position: 0, picked: -1 };

function applyStep(p, forward) {
  const changes = D.steps[p][2];
  if (forward) {
    for (let i = 0; i < changes.length; i += CHANGE) {
      const to = changes[i];
      grad[to] = changes[i + 2];
      gradFull[to] = changes[i + 4];
      received[to]++;
    }
    return;
  }
  for (let i = changes.length - CHANGE; i >= 0; i -= CHANGE) {
    const to = changes[i];
    grad[to] = changes[i + 1];
    gradFull[to] = changes[i + 3];
    received[to]--;
  }
}

/** Moves the cursor one recorded step at a time; the caller redraws. */
function moveTo(target) {
  const to = Math.max(0, Math.min(D.total, target));
  while (state.position < to) applyStep(++state.position, true);
  while (state.position > to) applyStep(state.position--, false);
}

const stepNode = () => D.steps[state.position][1];
const gradKnown = () => state.position >= D.zero;
// A value the learner is asked to predict is '?' until answered (awaited: PLAYER_PREDICT).
const dataText = (id, full) =>
  state.position >= N.forward[id] && !awaited(id, 'data') ? (full ? N.dataFull[id] : N.data[id]) : '?';
const gradText = (id, full) =>
  gradKnown() && !awaited(id, 'grad') ? (full ? gradFull[id] : grad[id]) : '?';
const isFinal = (id) =>
  gradKnown() && N.cone[id] === 1 && received[id] === N.expected[id];

/** The nodes the current step handed a grad to (B0: the output). */
function changedNodes() {
  const changed = new Set();
  const changes = D.steps[state.position][2];
  for (let i = 0; i < changes.length; i += CHANGE) changed.add(changes[i]);
  if (state.position === D.zero) changed.add(D.output);
  return changed;
}

/** The stepName of a position: start, F3, B0. */
function stepName(p) {
  if (p === 0) return 'start';
  return p <= D.forwardCount ? 'F' + p : 'B' + (p - D.zero);
}

/**
 * The inspected node: the one picked by a click, else, as the TUI's selection follows the step,
 * a backward step's first receiver (whose ledger just grew), or the step's node.
 */
function inspected() {
  if (state.picked >= 0) return state.picked;
  const changes = D.steps[state.position][2];
  return changes.length > 0 ? changes[0] : stepNode();
}
`;

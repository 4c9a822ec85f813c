/**
 * Predict-then-reveal in the page, as text run after PLAYER_STATE: as in the TUI, every move
 * forward (a step, a jump, the scrubber) stops before a step that settles a value the walkthrough
 * asks about and asks; the answer (or a skip) is kept, and the step then runs and shows the
 * verdict. Until then the value asked about reads '?' everywhere, even its partial grads. The
 * value, how far off an answer may be and the question's words all come from the session
 * (PageData.predictions).
 */
export const PLAYER_PREDICT = String.raw`
// By question index: { typed, answer (null: skipped), ok } once answered.
const answers = new Array(D.predictions.length);
const questionsAt = new Map();
D.predictions.forEach((q, i) => {
  if (!questionsAt.has(q.position)) questionsAt.set(q.position, []);
  questionsAt.get(q.position).push(i);
});
let asking = -1;
const askedAbout = new Map(); // 'id data' -> question indices
D.predictions.forEach((q, i) => {
  const key = q.node + ' ' + q.field;
  if (!askedAbout.has(key)) askedAbout.set(key, []);
  askedAbout.get(key).push(i);
});

/** Whether a question about this value is still open: the page shows it as '?'. */
function awaited(id, field) {
  return (askedAbout.get(id + ' ' + field) || []).some((i) => answers[i] === undefined);
}

/** The first position in (from, to] with an open question, else -1. */
function firstQuestionBetween(from, to) {
  for (let p = from + 1; p <= to; p++) if (openQuestion(p) >= 0) return p;
  return -1;
}

/** The first question before the step at p not yet answered or skipped, else -1. */
function openQuestion(p) {
  for (const i of questionsAt.get(p) || []) if (answers[i] === undefined) return i;
  return -1;
}

function showQuestion(i) {
  asking = i;
  const q = D.predictions[i];
  document.getElementById('predict-question').textContent =
    'Predict ' + q.question + ': its value once step ' + stepName(q.position) + ' has run';
  document.getElementById('predict-hint').textContent = q.hint === '' ? '' : 'hint: ' + q.hint;
  document.getElementById('predict-note').textContent = '';
  const form = document.getElementById('predict');
  form.hidden = false;
  const input = document.getElementById('predict-input');
  input.value = '';
  input.focus();
}

function closeQuestion() {
  asking = -1;
  document.getElementById('predict').hidden = true;
}

/** A typed number ('−' and '+' as a reader writes them), or undefined. */
function typedNumber(text) {
  const t = text.trim().replace(/^−/, '-').replace(/^\+/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

/** Keeps the answer (null: skip); when the step asks nothing more, runs it to reveal. */
function answerQuestion(text) {
  const q = D.predictions[asking];
  const answer = text === null ? null : typedNumber(text);
  if (answer === undefined) {
    document.getElementById('predict-note').textContent =
      'Type a number, such as -1.5 or 2e-3 (Esc skips the question).';
    return;
  }
  const ok = answer !== null && (Object.is(answer, q.actual) || Math.abs(answer - q.actual) <= q.allowed);
  answers[asking] = { typed: text === null ? '' : text.trim(), answer, ok };
  closeQuestion();
  const next = openQuestion(state.position + 1);
  if (next >= 0) showQuestion(next);
  else go(state.position + 1, true);
}

/** The verdicts on the questions the current step settled, as [text, class] pairs. */
function verdicts() {
  return (questionsAt.get(state.position) || [])
    .filter((i) => answers[i] !== undefined)
    .map((i) => {
      const q = D.predictions[i];
      const a = answers[i];
      if (a.answer === null) return ['skipped: ' + q.question + ' is ' + q.shown, 'dim'];
      const said = 'you predicted ' + q.question + ' = ' + a.typed;
      return a.ok
        ? ['✓ right: ' + said + '; it is ' + q.shown, 'ok']
        : ['✗ not quite: ' + said + '; it is ' + q.shown + ' (right within ±' + q.allowed.toPrecision(2) + ')', 'fail'];
    });
}

/** predictions 2/3 right (of 5), or '' when the walkthrough asks nothing. */
function scoreText() {
  const total = D.predictions.length;
  if (total === 0) return '';
  const given = answers.filter((a) => a !== undefined);
  const right = given.filter((a) => a.ok).length;
  return 'predictions ' + right + '/' + given.length + ' right (' + total + ' in all)';
}
`;

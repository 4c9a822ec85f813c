/**
 * The goldens' numbers, read by this test rather than trusted: a tiny reference autograd written
 * here (forward in definition order, backward in reverse, each input's contribution in turn, as
 * micrograd's backward visits them) gives every value a transcript or a frame shows, and each
 * shown number must be that value to the digits shown. The arithmetic written on each line must
 * also hold for the numbers as shown, so a reader can check it by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN } from './fixtures.js';
import { GRAPHS, type Reference, reference, valuesAt } from './golden-reference.js';
import { REPO } from './helpers.js';

/** A shown number is the value to the digits shown: within half a unit of its last digit. */
function shows(text: string, value: number): boolean {
  const shown = Number(text.replace(/^\((.*)\)$/, '$1'));
  const digits = text.replace(/e.*$/, '').replace(/[^0-9.]/g, '');
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const exponent = /e([-+]?\d+)$/.exec(text)?.[1] ?? '0';
  const halfUnit = 0.5 * 10 ** (Number(exponent) - decimals);
  return Math.abs(shown - value) <= halfUnit * (1 + 1e-9);
}

const NUMBER = String.raw`\(?-?\d+(?:\.\d+)?(?:e[-+]?\d+)?\)?`;
const FORWARD_LINE = new RegExp(String.raw`^(\w+) = .* = (${NUMBER})$`);
const BACKWARD_LINE = new RegExp(
  String.raw`^(\w+)\.grad \+= .* = (${NUMBER})\s+\((${NUMBER}) → (${NUMBER})\)$`,
);
/** The last `A op B = C` of a line, with A, B and C as shown. */
const ARITHMETIC = new RegExp(String.raw`(${NUMBER}) ([×+]) (${NUMBER}) = (${NUMBER})(?:\s|$)`);

/** Steps in order, each with its content lines, from the text transcript or the Markdown handout. */
function blocks(text: string, markdown: boolean): { step: string; lines: string[] }[] {
  const out: { step: string; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const heading = markdown
      ? /^### (\S+)$/.exec(raw)?.[1]
      : /^(start|end|[FB]\d+)$/.exec(raw)?.[1];
    if (heading !== undefined) out.push({ step: heading, lines: [] });
    else if (out.length > 0) {
      const line = markdown ? /^- `(.*)`$/.exec(raw)?.[1] : /^ {2}(\S.*)$/.exec(raw)?.[1];
      if (line !== undefined) out[out.length - 1].lines.push(line);
    }
  }
  return out;
}

function checkTranscript(text: string, markdown: boolean, ref: Reference): void {
  // `start` has a block only when the walkthrough says something there.
  const steps = blocks(text, markdown).filter((s) => s.step !== 'start');
  const names = [...ref.forward.map((_, k) => `F${k + 1}`), 'B0'];
  names.push(...ref.backward.map((_, k) => `B${k + 1}`));
  expect(steps.map((s) => s.step)).toEqual(names);
  for (const [k, node] of ref.forward.entries()) {
    const line = steps[k].lines.find((l) => FORWARD_LINE.test(l)) ?? '';
    const [, name, value] = FORWARD_LINE.exec(line) ?? [];
    expect(name, `F${k + 1}: ${line}`).toBe(node);
    expect(shows(value, ref.data.get(node) ?? Number.NaN), `F${k + 1}: ${line}`).toBe(true);
  }
  for (const [k, { contributions }] of ref.backward.entries()) {
    const lines = steps[names.indexOf(`B${k + 1}`)].lines.filter((l) => BACKWARD_LINE.test(l));
    expect(lines.length, `B${k + 1}`).toBe(contributions.length);
    contributions.forEach((c, i) => {
      const [, to, amount, before, after] = BACKWARD_LINE.exec(lines[i]) ?? [];
      const where = `B${k + 1}: ${lines[i]}`;
      expect(to, where).toBe(c.to);
      expect(
        shows(amount, c.amount) && shows(before, c.before) && shows(after, c.after),
        where,
      ).toBe(true);
    });
  }
  const checked = steps.flatMap((step) => step.lines).filter(checkArithmetic);
  // Every line but tanh's (whose arithmetic is a function, not × or +) states a checkable sum or product.
  const tanhLines = ref.forward.filter((n) => /tanh|^o$/.test(n)).length * 2;
  const contributions = ref.backward.reduce((n, b) => n + b.contributions.length, 0);
  expect(checked.length).toBeGreaterThanOrEqual(ref.forward.length + contributions - tanhLines);
}

/** `3 × 2.45765e-5 = 7.3730e-5`: the written operation on the shown operands gives the shown result. */
function checkArithmetic(line: string): boolean {
  const m = ARITHMETIC.exec(line);
  if (m === null) return false;
  const [a, op, b, c] = [
    Number(m[1].replace(/[()]/g, '')),
    m[2],
    Number(m[3].replace(/[()]/g, '')),
    m[4],
  ];
  expect(shows(c, op === '×' ? a * b : a + b), line).toBe(true);
  return true;
}

const BOX_TOP = /([╔┏╭┌])([^═━─╗┓╮┐╣┫┤┘]*?)[═━─]+[╗┓╮┐]/g;

/** Each box drawn in a frame: its node's name and the `d …` and `g …` texts under its top border. */
function boxesOf(lines: readonly string[]): { name: string; d: string; g: string }[] {
  const rows = lines.map((line) => Array.from(line));
  const found = [];
  for (const [i, line] of lines.entries()) {
    for (const m of line.matchAll(BOX_TOP)) {
      if (m[2].trim() === '' || i + 2 >= rows.length) continue;
      const col = Array.from(line.slice(0, m.index)).length + 1;
      const read = (r: number) =>
        rows[r]
          .slice(col)
          .join('')
          .split(/[║┃│╠╣┣┫├┤┏┗]/)[0]
          .trim();
      const [d, g] = [read(i + 1), read(i + 2)];
      if (d.startsWith('d ') && g.startsWith('g '))
        found.push({ name: m[2].trim().split(' ')[0], d: d.slice(2), g: g.slice(2) });
    }
    // A row of the step close-up drawn over the graph: glyphs, the label, d and g.
    const closeUp = /┃[▶Δ»●!✗≠⌕ ]{3}(\S+)\s+d (\S+)\s+g (\S+)\s*┃/u.exec(line);
    if (closeUp !== null) found.push({ name: closeUp[1], d: closeUp[2], g: closeUp[3] });
  }
  return found;
}

const golden = (file: string) => readFileSync(`${REPO}${GOLDEN}/${file}`, 'utf8');

describe("the goldens' numbers against a reference written here", () => {
  for (const [scenario, defs] of Object.entries(GRAPHS)) {
    const ref = reference(defs);
    it(`${scenario}.txt: every step, value and contribution`, () => {
      checkTranscript(golden(`${scenario}.txt`), false, ref);
    });
    it(`${scenario}.jsonl: a header with the graph's size and step counts, first`, () => {
      const header = JSON.parse(golden(`${scenario}.jsonl`).split('\n')[0]);
      const output = defs.length - 1;
      expect(header).toMatchObject({
        type: 'header',
        tool: 'gradstep',
        file: `${GOLDEN}/${scenario}.yaml`,
        mode: 'correct',
        nodes: defs.length,
        output: { id: output, name: defs[output][0] },
        steps: { forward: ref.forward.length, backward: ref.backward.length + 1, updates: 0 },
      });
      expect(header.steps.end).toBe(ref.forward.length + ref.backward.length + 1);
    });
    it(`${scenario}.jsonl: each step's node, data and contributions in full precision`, () => {
      const steps = golden(`${scenario}.jsonl`)
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((o) => o.type === 'step' && /^[FB][1-9]/.test(o.step));
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
      const nameOf = (id: number) => defs[id][0];
      const backward = steps.filter((o) => o.phase === 'backward');
      expect(steps.filter((o) => o.phase === 'forward').map((o) => [o.node.name, o.data])).toEqual(
        ref.forward.map((n) => [n, ref.data.get(n)]),
      );
      expect(backward.map((o) => o.node.name)).toEqual(ref.backward.map((b) => b.node));
      backward.forEach((o, k) => {
        const expected = ref.backward[k].contributions;
        expect(o.contributions.map((c: { to: number }) => nameOf(c.to))).toEqual(
          expected.map((c) => c.to),
        );
        o.contributions.forEach((c: { term: number; after: number }, i: number) => {
          expect(
            close(c.term, expected[i].amount) && close(c.after, expected[i].after),
            o.step,
          ).toBe(true);
        });
      });
    });
    it(`${scenario}.md: the same steps, and the values at the end`, () => {
      const md = golden(`${scenario}.md`);
      checkTranscript(md, true, ref);
      const table = md.slice(md.indexOf('## Values at the end'));
      for (const [name, value] of ref.data) {
        const row = new RegExp(`^\\| \`${name}\` \\| (\\S+) \\| (\\S+) \\|$`, 'm').exec(table);
        expect(row, name).not.toBeNull();
        expect(
          shows(row?.[1] ?? '', value) && shows(row?.[2] ?? '', ref.grad.get(name) ?? 0),
          name,
        ).toBe(true);
      }
    });
  }

  it('seed.frames.txt: every value in every box of every frame', () => {
    const ref = reference(GRAPHS.seed);
    const frames = golden('seed.frames.txt')
      .split(/^── (\S+) ─+$/m)
      .slice(1);
    expect(frames.filter((_, i) => i % 2 === 0)).toEqual(
      'start F1 F2 F3 F4 F5 B0 B1 B2 B3 B4 B5'.split(' '),
    );
    let boxes = 0;
    for (let f = 0; f < frames.length; f += 2) {
      const step = frames[f];
      for (const box of boxesOf(frames[f + 1].split('\n'))) {
        const { data, grad } = valuesAt(ref, step, box.name);
        const where = `${step} ${box.name}: d ${box.d} g ${box.g}`;
        expect(data === undefined ? box.d === '?' : shows(box.d, data), where).toBe(true);
        const shownGrad = box.g.split('→').at(-1) ?? '';
        expect(grad === undefined ? shownGrad === '?' : shows(shownGrad, grad), where).toBe(true);
        boxes++;
      }
    }
    // 80×24 shows part of the graph: at least three boxes a frame were read and checked.
    expect(boxes).toBeGreaterThanOrEqual(3 * 12);
  });

  it("the TUI's snapshots of the seed at B3 and at the end: every value in every box", () => {
    const ref = reference(GRAPHS.seed);
    const snap = readFileSync(`${REPO}test/ui/__snapshots__/frames.test.tsx.snap`, 'utf8');
    const entries = [
      ...snap.matchAll(
        /^exports\[`renderFrames > shows the seed at B3 and at the end at \S+ (\d)`\] = `\n([^`]*)`;$/gm,
      ),
    ];
    expect(entries).toHaveLength(4);
    for (const [, which, text] of entries) {
      const step = which === '1' ? 'B3' : 'B5';
      const boxes = boxesOf(text.split('\n'));
      expect(boxes.length).toBeGreaterThanOrEqual(4);
      for (const box of boxes) {
        const { data, grad } = valuesAt(ref, step, box.name);
        const where = `${step} ${box.name}: d ${box.d} g ${box.g}`;
        expect(
          shows(box.d, data ?? Number.NaN) &&
            shows(box.g.split('→').at(-1) ?? '', grad ?? Number.NaN),
          where,
        ).toBe(true);
      }
    }
  });

  it('the reference is right: its final grads are the reference values of ../shared', () => {
    const seed = reference(GRAPHS.seed);
    expect(seed.grad.get('x')).toBeCloseTo(12.000073729642216, 12);
    expect(reference(GRAPHS.neuron).grad.get('x1')).toBeCloseTo(-1.5, 12);
  });

  it('a wrong number in a transcript is caught', () => {
    const text = golden('seed.txt').replace('(0 → 7.3730e-5)', '(0 → 7.3731e-5)');
    expect(() => checkTranscript(text, false, reference(GRAPHS.seed))).toThrow();
    expect(() => checkArithmetic('x = 2 × 3 = 7')).toThrow();
  });
});

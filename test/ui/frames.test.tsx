import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { Screen } from '../../src/ui/app.js';
import { COMMANDS, type Frame, renderFrames } from '../../src/ui/index.js';
import { keyText } from '../../src/ui/panes/keys.js';
import { initialApp } from '../../src/ui/reduce-app.js';
import { builtin, presses } from './fixtures.js';

const ESCAPE = '\u001B';
const texts = (frames: readonly Frame[]) => frames.map((f) => f.text);
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('renderFrames', () => {
  it('draws one frame for start and one per step, named by its step, plain text, rows - 1 lines of at most columns', async () => {
    const drawn = await renderFrames({ scenario: builtin('seed'), columns: 80, rows: 24 });
    // The seed: 5 forward steps, B0, 5 backward steps, each frame with the step it shows.
    expect(drawn.map((f) => f.step)).toEqual('start F1 F2 F3 F4 F5 B0 B1 B2 B3 B4 B5'.split(' '));
    expect(drawn[9].text).toMatch(/backward B3\/5/);
    for (const { text: frame } of drawn) {
      expect(frame).not.toContain(ESCAPE);
      const lines = frame.split('\n');
      expect(lines).toHaveLength(23);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  // Whole screens, read by a person when they were recorded: the seed at B3 (x's first
  // contribution) and at B5 (x used twice by x_2 = x * x), at 80×24 and 120×40.
  it.each([
    [80, 24],
    [120, 40],
  ])('shows the seed at B3 and at the end at %i×%i', async (columns, rows) => {
    const frames = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns,
        rows,
        presses: presses([':B3', 'G']),
      }),
    );
    expect(frames[1]).toMatchSnapshot();
    expect(frames[2]).toMatchSnapshot();
    expect(frames[2]).toContain('x.grad += x · x_2.grad = 2 × 3 = 6');
    // The footer drops keys from the middle, never `? help` or quit.
    expect(frames[2].split('\n').at(-1)).toMatch(/^n\/→ next .*\? help {2}q\/ctrl-c quit\s*$/);
  });

  it('shows the help overlay generated from the keymap and the list view', async () => {
    const [, help, , , list] = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 120,
        rows: 40,
        presses: presses(['?', 'esc', 'v', 'v']),
      }),
    );
    expect(help).toMatchSnapshot();
    expect(list).toContain('Graph · list view');
    expect(list).toMatch(/#0\s+x\s+input/);
  });

  it('pages the help at 80×24 so that every binding of the keymap is there uncut', async () => {
    const [, first, second, third, fourth, fifth, sixth] = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 80,
        rows: 24,
        presses: presses(['?', 'space', 'space', 'space', 'space', 'space']),
      }),
    );
    expect(first).toContain('page 1 of 5');
    expect(second).toContain('page 2 of 5');
    expect(sixth).toBe(first); // the pages wrap around
    const help = [first, second, third, fourth, fifth].join('\n');
    expect(help).not.toContain('…');
    // Every cell keeps a blank column: no text touches the right border.
    for (const line of help.split('\n').filter((l) => l.startsWith('┃'))) {
      expect(line, line).toMatch(/ ┃$/);
    }
    for (const command of COMMANDS) {
      const row = new RegExp(`${literally(keyText(command))}\\s+${literally(command.description)}`);
      expect(help, `${command.mode} ${command.name}`).toMatch(row);
    }
  });

  it('fits the keys and glyphs on the first help page at 120×40, the words on the second', async () => {
    const [, help, words] = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 120,
        rows: 40,
        presses: presses(['?', 'space']),
      }),
    );
    expect(help).toContain('Glyphs  ▶ step just run  Δ grad changed');
    expect(help.split('\n')[2]).toMatch(
      /^┏━ Help {2}\(esc closes\) {2}page 1 of 2: space\/→\/↓ more/,
    );
    // Every word the screens use unexplained (issue 10): step names, d and g, ledger, check, …
    for (const word of ['F3', 'B0', 'd, g', '#6', 'ledger', 'check', 'numeric', 'walkthrough']) {
      expect(words).toMatch(new RegExp(`${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s{2,}\\S`));
    }
  });

  it('on the last help page, the next-page key says it goes to page 1, in the title and the footer', async () => {
    const [, , , , , last] = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 80,
        rows: 24,
        presses: presses(['?', 'space', 'space', 'space', 'space']),
      }),
    );
    expect(last).toContain('page 5 of 5: space/→/↓ page 1, ←/↑ back');
    expect(last.split('\n').at(-1)).toMatch(/^space\/→\/↓ page 1 {2}←\/↑ back {2}esc/);
    expect(last).not.toContain('more');
  });

  it('starts the neuron at its first row and marks the rows below the fold in the border', async () => {
    const [start] = texts(
      await renderFrames({
        scenario: builtin('neuron'),
        columns: 120,
        rows: 40,
        presses: presses([]),
      }),
    );
    const lines = start.split('\n');
    expect(lines[3]).toMatch(/^┃╭x1─+╮ +┃$/);
    const bottom = lines.findIndex((l) => l.startsWith('┗'));
    expect(lines[bottom]).toMatch(/^┗━+ ▼ more ━┛$/);
  });

  it('shows nothing of the grad check before the grad is final: its numeric value is the answer', async () => {
    const [, first, last] = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 120,
        rows: 40,
        presses: presses(['n', 'G']),
      }),
    );
    // F1 inspects x_2 = x * x, whose grad (y = 3) arrives at B4.
    expect(first).toMatch(/grad {4}\? +│/);
    expect(first).toMatch(/check {3}◌ once the grad is final +│/);
    expect(first).not.toContain('numeric');
    expect(first).not.toContain('✓ pass');
    // At the end the selection is on x (B5's receiver): its finite difference, 12.0000737, is shown
    // as the grad is, to 5 digits.
    expect(last).toMatch(/check {3}✓ pass {2}numeric 12\.000 /);
  });

  it('scrolls the focused inspector at 80×24 down to its last line and no further', async () => {
    const frames = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 80,
        rows: 24,
        // At the end the selection follows B5 to x; a search picks x_2, the node that ran.
        presses: presses(['G', '/', ...'x_2', 'enter', 'tab', 'tab', ...'jjjjjj']),
      }),
    );
    expect(frames[1]).toMatch(/Inspector · follows[ ─].*\n.*│x = 2\.0 {2}#0/);
    expect(frames[6]).toMatch(/Inspector · picked {2}1–9 of 10 \(tab\)/);
    expect(frames[8]).toMatch(/┏━ Inspector · picked {2}1–9 of 10 ━/);
    expect(frames[9]).toContain('Inspector · picked  2–10 of 10');
    expect(frames.at(-1)).toContain('Inspector · picked  2–10 of 10');
    // x_2's finite difference 2.99999999983, shown as its grad is, to 5 digits.
    expect(frames.at(-1)).toContain('┃check   ✓ pass  numeric 3.0000');
    expect(frames.at(-1)).toContain('j/↓ scroll  k/↑ scroll');
  });

  it('scrolls the focused step panel at 80×24 to the end of the walkthrough text at B5', async () => {
    const frames = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 80,
        rows: 24,
        presses: presses(['G', 'tab', ...'jjjjjjjjjj', 'k', 'N']),
      }),
    );
    expect(frames[1]).toMatch(/Step {2}1–9 of 13 \(tab\)/);
    expect(frames[1]).not.toContain("micrograd's _prev");
    expect(frames[2]).toMatch(/┏━ Step {2}1–9 of 13 ━/);
    expect(frames[12]).toContain('Step  5–13 of 13');
    expect(frames[12]).not.toContain('expect'); // the teacher's checks are in the inspector
    expect(frames[12]).toContain("children, as in micrograd's _prev");
    expect(frames[13]).toContain('Step  4–12 of 13');
    expect(frames[14]).toMatch(/┏━ Step {2}1–9 of \d+ ━/); // B4: from its first line
  });

  it('lists breakpoints with what a spec can say under them', async () => {
    const keys = ['B', 'esc', 'b', 'B'];
    const frames = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 80,
        rows: 24,
        presses: presses(keys),
      }),
    );
    const [empty, one] = [frames[1], frames[4]];
    expect(empty).toContain('no breakpoints yet');
    // At start the selection is on F1's node, x_2.
    expect(one).toMatch(/» ● 1\. x_2 {2}\(node\)/);
    for (const spec of ['forward:x', 'backward:x', 'x: grad > 1']) expect(one).toContain(spec);
  });

  it('says the terminal is too small below 80×24', async () => {
    const state = initialApp({ scenario: builtin('seed'), columns: 60, rows: 20 });
    const text = renderToString(<Screen state={state} color={false} />, { columns: 60 });
    expect(text).toContain('terminal too small (need 80×24)');
    expect(text).toContain('now 60×20');
  });

  it('marks states with glyphs when colour is off: breakpoint, changed grad, final grad', async () => {
    const frames = texts(
      await renderFrames({
        scenario: builtin('seed'),
        columns: 120,
        rows: 40,
        breakpoints: ['xy'],
        presses: presses([':B3']),
      }),
    );
    const frame = frames[1];
    expect(frame).toContain('●F3'); // the breakpoint on xy's forward step, in the timeline
    expect(frame).toContain('[B3]'); // the cursor
    expect(frame).toMatch(/Δ/); // x and y changed at B3
    expect(frame).toMatch(/╰✓─/); // tanh_xy's grad is final at B3
  });

  it.each([
    ['seed', 80, 24],
    ['neuron', 80, 24],
    ['mlp-2-4-4-1', 80, 24],
    ['seed', 120, 40],
  ] as const)(
    'keeps a blank column before the border of the step and inspector panes: %s at %i×%i',
    async (name, columns, rows) => {
      const keys = Array.from({ length: 14 }, () => 'n');
      const frames = texts(
        await renderFrames({ scenario: builtin(name), columns, rows, presses: presses(keys) }),
      );
      const left = Math.floor(columns / 2);
      for (const frame of frames) {
        const lines = frame.split('\n');
        const top = lines.findIndex((l) => /^[┌┏]─* ?Step/.test(l) || l.startsWith('┌─ Step'));
        expect(top).toBeGreaterThan(0);
        for (const line of lines.slice(top + 1, -2)) {
          const chars = [...line];
          // The cells just inside each pane's right border.
          expect(chars[left - 2], line).toBe(' ');
          expect(chars[columns - 2], line).toBe(' ');
        }
      }
    },
  );
});

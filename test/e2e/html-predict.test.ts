/**
 * Predict-then-reveal in the HTML player, in Chromium: the page stops before a step that settles
 * a value the walkthrough asks about, shows nowhere the value it asks for, checks the typed answer
 * and reveals the value. Values are the lecture neuron's, computed here by hand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { box, head, openPages, pane } from './html-page.js';

const { exportPage, open } = openPages();

// scenarios/neuron-quiz.yaml: n = x1·w1 + x2·w2 + b, o = tanh(n); ids b 4, n 8, o 9.
const N_ID = 8;
const B_ID = 4;
const N_DATA = 2 * -3 + 0 * 1 + 6.8813735870195432;
const O_DATA = Math.tanh(N_DATA);
/** n.grad = (1 − o²) · 1, with o = tanh(n). */
const N_GRAD = 1 - O_DATA ** 2;
/** The page shows values to 5 significant digits (the default --precision). */
const shown = (x: number) => x.toPrecision(5);

const question = (page: Page) => page.locator('#predict-question').textContent();
const asking = (page: Page) => page.locator('#predict').isVisible();
const score = (page: Page) => page.locator('#score').textContent();
/** All the page shows of the graph and its panes (the data island excluded). */
const visible = async (page: Page) =>
  `${await page.locator('#boxes').textContent()}\n${await pane(page, '#step')}\n${await pane(page, '#inspector')}`;

describe('predictions in the HTML player', () => {
  it('asks before the settling step, hides the value, checks the answer and reveals it', async () => {
    const { page, problems } = await open(await exportPage(['scenarios/neuron-quiz.yaml']));
    expect(await score(page)).toBe('predictions 0/0 right (7 in all)');
    for (let p = 1; p <= 3; p++) await page.keyboard.press('n');
    expect(await head(page)).toBe('F3 forward · x1w1x2w2');
    await page.keyboard.press('n');
    // The question stops the step: still at F3, with n's value nowhere on screen.
    expect(await asking(page)).toBe(true);
    expect(await question(page)).toBe('Predict n.data: its value once step F4 has run');
    expect(await page.locator('#predict-hint').textContent()).toContain('hint: n = x1·w1');
    expect(await head(page)).toBe('F3 forward · x1w1x2w2');
    expect(await box(page, N_ID)).toContain('data ?');
    expect(await visible(page)).not.toContain(shown(N_DATA));
    expect(await visible(page)).not.toContain(String(N_DATA));

    await page.keyboard.type('0.88');
    await page.keyboard.press('Enter');
    expect(await asking(page)).toBe(false);
    expect(await head(page)).toBe('F4 forward · n');
    expect(await pane(page, '#step')).toContain(
      `✓ right: you predicted n.data = 0.88; it is ${shown(N_DATA)}`,
    );
    expect(await score(page)).toBe('predictions 1/1 right (7 in all)');

    // Esc skips: the step runs and tells the value.
    await page.keyboard.press('n');
    expect(await question(page)).toBe('Predict o.data: its value once step F5 has run');
    await page.keyboard.press('Escape');
    expect(await head(page)).toBe('F5 forward · o');
    expect(await pane(page, '#step')).toContain(`skipped: o.data is ${shown(O_DATA)}`);

    await page.keyboard.press('n'); // B0: nothing asked
    expect(await head(page)).toMatch(/^B0/);
    // n.grad is 0 at B0, but it is asked about: like the TUI, the page shows it as unknown.
    expect(await box(page, N_ID)).toContain('grad ?');
    expect(await box(page, N_ID)).not.toContain('grad 0');
    await page.keyboard.press('n');
    expect(await question(page)).toBe('Predict n.grad: its value once step B1 has run');
    expect(await visible(page)).not.toContain(shown(N_GRAD));
    await page.keyboard.type('half');
    await page.keyboard.press('Enter');
    expect(await asking(page)).toBe(true);
    expect(await page.locator('#predict-note').textContent()).toContain('Type a number');
    await page.locator('#predict-input').fill('0.7');
    await page.keyboard.press('Enter');
    expect(await head(page)).toMatch(/^B1 backward/);
    expect(await pane(page, '#step')).toContain(
      `✗ not quite: you predicted n.grad = 0.7; it is ${shown(N_GRAD)}`,
    );
    expect(await score(page)).toBe('predictions 1/3 right (7 in all)');

    // Back and forward again: an answered question is not asked twice, its verdict stays.
    await page.keyboard.press('N');
    await page.keyboard.press('n');
    expect(await asking(page)).toBe(false);
    expect(await head(page)).toMatch(/^B1 backward/);
    // A jump stops before the next step that settles an open question (b.grad, at B2), as the
    // TUI's G does; b's grad stays unknown while n's, answered, shows.
    await page.keyboard.press('G');
    expect(await asking(page)).toBe(true);
    expect(await question(page)).toBe('Predict b.grad: its value once step B2 has run');
    expect(await head(page)).toMatch(/^B1 backward/);
    expect(await box(page, B_ID)).toContain('grad ?');
    expect(await box(page, N_ID)).toContain(`grad ${shown(N_GRAD)}`);
    expect(await score(page)).toBe('predictions 1/3 right (7 in all)');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});

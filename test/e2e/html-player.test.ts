/**
 * The HTML player in headless Chromium, used as a student would: keys, clicks, reading the page.
 * Values are checked against hand-computed ones, and every position reached going back is checked
 * against what the page showed there going forward. No timing assertions: the 10,000-node page
 * only has to answer each key.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mlpScenarioText } from '../../scripts/mlp-scenario.js';
import { cli } from '../cli/helpers.js';
import { box, head, openPages, pane } from './html-page.js';

const { dir, exportPage, open } = openPages();

/** The inspected node's grad at full precision, from the inspector's `grad` line. */
const inspectedGrad = async (page: Page) => Number((await inspectorLine(page, 'grad '))?.slice(8));
const inspectorLine = async (page: Page, prefix: string) =>
  (await page.locator('#inspector > div').allTextContents()).find((l) => l.startsWith(prefix));

// The seed: x = 2, y = 3, xy = x * y = 6, z = x·x·y + tanh(xy). Ids: x 0, y 1, xy 4.
const X = 0;
const Y = 1;
const XY = 4;
/**
 * After B3 (tanh_xy's grad 1 went through tanh into xy, then xy hands x its part):
 * y·(1 − tanh²6) = 3·sech²6 = 12 / (e⁶ + e⁻⁶)², written without 1 − tanh², which loses digits.
 */
const X_GRAD_AT_B3 = 12 / (Math.exp(6) + Math.exp(-6)) ** 2;
/** y gets x·sech²6 at B3: 8 / (e⁶ + e⁻⁶)². */
const Y_GRAD_AT_B3 = 8 / (Math.exp(6) + Math.exp(-6)) ** 2;
/** Within a few units in the last place (the engine may sum or round differently by an ulp). */
const near = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(expected));
/** dz/dx = 2·x·y + y·(1 − tanh²(x·y)), given in the seed's description. */
const X_GRAD_AT_END = 12.000073729642216;

describe('the HTML player in Chromium', () => {
  it('steps the seed with n to B3, inspects a click, goes back to start exactly', async () => {
    const { page, problems } = await open(await exportPage(['scenarios/seed.yaml']));
    expect(await head(page)).toBe('start: nothing has run yet');
    for (let p = 1; p <= 9; p++) await page.keyboard.press('n');
    expect(await head(page)).toBe('B3 backward · xy');
    const step = await pane(page, '#step');
    // 3 × 2.4577e-5 would round to 7.3731e-5: the narration gives xy.grad the digits that make the
    // shown product right (3 × 2.45765474e-5 = 7.37296e-5).
    expect(step).toContain('x.grad += y · xy.grad = 3 × 2.45765e-5 = 7.3730e-5   (0 → 7.3730e-5)');
    expect(step).toContain('» x receives its first contribution, through xy');
    expect(await box(page, X)).toBe('Δ» xdata 2grad 7.3730e-5 ◌');
    expect(await box(page, XY)).toContain('▶ xy');
    // Until a node is clicked the inspector follows the step, as the TUI's selection does: a
    // backward step shows its first receiver, here x.
    expect(await page.locator('#inspector-title').textContent()).toBe(
      'inspector · follows the step',
    );
    expect(await inspectorLine(page, 'x = 2.0')).toBeDefined();
    near(await inspectedGrad(page), X_GRAD_AT_B3);
    expect(await inspectorLine(page, 'ledger ')).toBe('ledger  1 of 3 received  ◌ pending');
    expect(await pane(page, '#inspector')).toContain('B3 from xy: 3 × 2.45765e-5');
    await page.locator(`#boxes [data-id="${Y}"] rect`).click();
    expect(await page.locator('#inspector-title').textContent()).toMatch(/^inspector · picked/);
    expect(await inspectorLine(page, 'y = 3.0')).toBeDefined();
    near(await inspectedGrad(page), Y_GRAD_AT_B3);
    expect(await inspectorLine(page, 'ledger ')).toBe('ledger  1 of 2 received  ◌ pending');
    expect(await box(page, Y)).toContain('» y');
    await page.locator(`#boxes [data-id="${X}"] rect`).click();
    expect(await box(page, X)).toContain('» x');

    // With x inspected (full precision), record every position from start to end, then compare
    // each one on the way back, one step at a time.
    await page.keyboard.press('g');
    const snapshot = async () =>
      `${await pane(page, '#step')}\n${await pane(page, '#inspector')}\n${await page.locator('#boxes').textContent()}`;
    const shown = [await snapshot()];
    for (let p = 1; p <= 11; p++) {
      await page.keyboard.press('ArrowRight');
      shown.push(await snapshot());
      if (p === 9) near(await inspectedGrad(page), X_GRAD_AT_B3);
    }
    expect(await head(page)).toBe('B5 backward · x_2');
    near(await inspectedGrad(page), X_GRAD_AT_END);
    expect(await inspectorLine(page, 'ledger ')).toBe('ledger  3 of 3 received  ✓ final');
    for (let p = 11; p > 0; p--) {
      expect(await snapshot()).toBe(shown[p]);
      await page.keyboard.press(p % 2 === 0 ? 'N' : 'ArrowLeft');
    }
    expect(await head(page)).toBe('start: nothing has run yet');
    expect(await snapshot()).toBe(shown[0]);
    // xy's group holds its op ellipse (*) and its record.
    expect(await box(page, XY)).toBe('*xydata ?grad ?');
    expect(await box(page, X)).toBe('» xdata 2grad ?');

    await page.keyboard.press(':');
    await page.keyboard.type('B2');
    await page.keyboard.press('Enter');
    expect(await head(page)).toBe('B2 backward · tanh_xy');
    for (const [target, expected] of [
      ['backward:x_2', 'B5 backward · x_2'],
      ['forward:xy', 'F3 forward · xy'],
      ['y', 'B3 backward · xy'], // a leaf: the first step that hands it a grad
      ['backward:z', 'B1 backward · z'],
      ['end', 'B5 backward · x_2'],
    ]) {
      await page.keyboard.press(':');
      await page.keyboard.type(target);
      await page.keyboard.press('Enter');
      expect(await head(page), target).toBe(expected);
    }
    await page.keyboard.press(':');
    await page.keyboard.type('nope');
    await page.keyboard.press('Enter');
    expect(await page.locator('#message').textContent()).toContain('no step or node ‘nope’');

    const shot = join(dir, 'seed.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows the user's own values beside gradstep's in the inspector (observed:)", async () => {
    // The user's tanh backward forgot the square: (1 - n) · 3 on x instead of (1 - n²) · 3.
    const file = [
      'title: t',
      'graph: |\n  x = 0.5\n  n = tanh(x)\n  L = n * 3',
      'observed:\n  nodes:',
      '    x: {data: 0.5, grad: 1.6136485282}',
      '    n: {data: 0.46211715726000974, grad: 3}',
      '    L: {grad: 1}',
    ].join('\n');
    const { code, stdout } = await cli(['export', 'mine.yaml', '--format', 'html'], {
      files: { 'mine.yaml': file },
    });
    expect(code).toBe(1); // the check fails, the page is written all the same
    const path = join(dir, 'observed.html');
    writeFileSync(path, stdout);
    const { page, problems } = await open(path);
    // At the end the inspector follows B2's receiver: x.
    await page.keyboard.press('G');
    expect(await inspectorLine(page, 'x = 0.5')).toBeDefined();
    const correct = 3 * (1 - Math.tanh(0.5) ** 2);
    const rows = (await page.locator('#inspector > div').allTextContents()).map((l) =>
      l.split(/\s+/).filter((w) => w !== ''),
    );
    const grad = rows.find((r) => r[0] === 'grad' && r.includes('≠'));
    expect(grad?.[1]).toBe('1.6136485282');
    near(Number(grad?.[3]), correct);
    expect(rows.some((r) => r.join(' ') === 'yours correct')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a 10,000-node page opens, answers each key, and draws only what is in view', async () => {
    const text = mlpScenarioText({ layers: [4, 16, 16, 1], samples: 14, seed: 1 });
    const path = await exportPage(['mlp.yaml'], { 'mlp.yaml': text });
    const { page, problems } = await open(path);
    const nodes = await page.evaluate(
      'JSON.parse(document.getElementById("gradstep-data").textContent).nodes.label.length',
    );
    expect(nodes).toBeGreaterThan(10_000);
    for (const [key, expected] of [
      ['n', /^F1 forward/],
      ['G', /^B\d+ backward/],
      ['N', /^B\d+ backward/],
      ['g', /^start/],
    ] as const) {
      await page.keyboard.press(key);
      expect(await head(page)).toMatch(expected);
      expect(await page.locator('#boxes .node').count()).toBeLessThan(200);
    }
    await page.keyboard.press(':');
    await page.keyboard.type('B9000');
    await page.keyboard.press('Enter');
    expect(await head(page)).toMatch(/^B9000 backward/);
    expect(await page.locator('#boxes .current').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});

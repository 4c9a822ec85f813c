/**
 * What the HTML player tests share: export a scenario as a page, open it from disk in headless
 * Chromium, and read it as a student would (the step panel, the inspector, the boxes).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { type Browser, launchChromium } from '../../scripts/chromium.js';
import { cli } from '../cli/helpers.js';

export interface Pages {
  /** Where pages and screenshots are written; removed after the file's tests. */
  readonly dir: string;
  exportPage(args: string[], files?: Record<string, string>): Promise<string>;
  open(path: string): Promise<{ page: Page; problems: string[] }>;
}

/** Call once at the top of a test file: the browser is launched by the first test that opens a page. */
export function openPages(): Pages {
  const dir = mkdtempSync(join(tmpdir(), 'gradstep-html-'));
  // Launched lazily, so each test fails with 'no browser' when there is none.
  let launched: Promise<Browser> | undefined;
  const browser = () => {
    launched ??= launchChromium();
    return launched;
  };
  afterAll(async () => {
    const opened = await launched?.catch(() => undefined);
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    async exportPage(args, files = {}) {
      const { code, stdout, stderr } = await cli(['export', ...args, '--format', 'html'], {
        files,
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const path = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
      writeFileSync(path, stdout);
      return path;
    },
    // Fails the test on any script error or any request that is not file://.
    async open(path) {
      const page = await (await browser()).context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (!request.url().startsWith('file://')) problems.push(`request: ${request.url()}`);
      });
      await page.goto(`file://${path}`);
      await page.locator('#step .head').waitFor();
      return { page, problems };
    },
  };
}

export const head = (page: Page) => page.locator('#step .head').textContent();
/** A pane's lines (each a div), as one text. */
export const pane = async (page: Page, selector: string) =>
  (await page.locator(`${selector} > div`).allTextContents()).join('\n');
/** A box's text as drawn: label (with glyphs), data and grad. */
export const box = (page: Page, id: number) =>
  page.locator(`#boxes [data-id="${id}"]`).textContent();

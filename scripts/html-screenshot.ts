/**
 * A screenshot of an exported HTML player after some keys, as the README's picture is made:
 *
 *   gradstep export seed --format html > seed.html
 *   npx tsx scripts/html-screenshot.ts seed.html docs/html-player.png n n n n n n n n n
 */
import { resolve } from 'node:path';
import { launchChromium } from './chromium.js';

const [page, out, ...keys] = process.argv.slice(2);
if (page === undefined || out === undefined) {
  console.error('usage: tsx scripts/html-screenshot.ts PAGE.html OUT.png [KEY...]');
  process.exit(2);
}
const browser = await launchChromium({ width: 1100, height: 700 });
try {
  const tab = await browser.context.newPage();
  await tab.goto(`file://${resolve(page)}`);
  for (const key of keys) await tab.keyboard.press(key);
  await tab.screenshot({ path: out });
} finally {
  await browser.close();
}

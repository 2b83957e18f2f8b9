// Takes the README's picture of the offline page (after npm run build:web; Debian's chromium):
//   node scripts/web-screenshot.mjs templates/yunnan/sample.yaml docs/web.png
import { chromium } from 'playwright-core';

const [input, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=zh-CN'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
await page.goto(new URL('../dist/web/jixiao.html', import.meta.url).href);
await page.setInputFiles('#files', input);
await page.waitForSelector('body[data-runs="1"]', { state: 'attached' });
await page.screenshot({ path: out });
await browser.close();

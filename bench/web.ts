/**
 * 基准：离线网页版（issue 16）。页面大小（预算 ≤ 4 MB），以及在 Chromium 中从选择文件到第一个预览出现的时间
 * （预算每个示例单位 ≤ 2 s）。不是计时测试：只报告，不判失败。
 * Usage: npx tsx bench/web.ts   (needs /usr/bin/chromium; builds dist/web/jixiao.html first)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const PAGE = join(ROOT, 'dist', 'web', 'jixiao.html');
execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
const mb = statSync(PAGE).size / 1024 / 1024;
console.log(`page size ${mb.toFixed(2)} MB (budget 4 MB)`);

const samples = readdirSync(join(ROOT, 'templates'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /(^|\/)sample[^/]*\.yaml$/.test(f))
  .sort();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const s of samples) {
    // Note: a fresh page each time, so every figure includes the first unit's module start-up (templates, handlebars).
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('#status:text-is("请选择或拖入输入文件。")');
    const started = performance.now();
    await page.setInputFiles('#files', join(ROOT, 'templates', s));
    await page.waitForSelector('.preview figure, .preview section', { state: 'attached', timeout: 30_000 });
    console.log(`${s.padEnd(32)} first preview ${((performance.now() - started) / 1000).toFixed(2)} s (budget 2 s)`);
    await page.close();
  }
} finally {
  await browser.close();
}

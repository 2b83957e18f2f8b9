/**
 * 基准：离线网页版（issue 16）。页面大小（预算 ≤ 4 MB），以及在 Chromium 中从选择文件到第一个预览出现的时间
 * （预算每个示例单位 ≤ 2 s），以及 100 个单位从选择文件到 zip 下载完成的时间（预算 ≤ 30 s）。不是计时测试：只报告，不判失败。
 * Usage: npx tsx bench/web.ts   (needs /usr/bin/chromium; builds dist/web/jixiao.html first)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // 100 units: the yunnan sample with its name and code changed, picked at once, then the one zip downloaded.
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-web-'));
  const sample = readFileSync(join(ROOT, 'templates', 'yunnan', 'sample.yaml'), 'utf8');
  const files = Array.from({ length: 100 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const file = join(dir, `单位${n}.yaml`);
    writeFileSync(file, sample.replace(/^ {2}name: .*$/m, `  name: 第${n}单位`).replace(/^ {2}code: .*$/m, `  code: U${n}`));
    return file;
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await page.goto(pathToFileURL(PAGE).href);
  await page.waitForSelector('#status:text-is("请选择或拖入输入文件。")');
  const started = performance.now();
  await page.setInputFiles('#files', files);
  await page.waitForSelector('#zip-all', { state: 'attached', timeout: 300_000 });
  const built = performance.now();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#zip-all')]);
  const size = statSync(await dl.path()).size;
  const done = performance.now();
  console.log(
    `100 units → zip ${((done - started) / 1000).toFixed(2)} s (budget 30 s): run ${((built - started) / 1000).toFixed(2)} s, zip ${((done - built) / 1000).toFixed(2)} s, ${(size / 1024 / 1024).toFixed(2)} MB`,
  );
  rmSync(dir, { recursive: true, force: true });
} finally {
  await browser.close();
}

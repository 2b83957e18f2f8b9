/**
 * Verified by looking (issue 13): each sample is built and rendered through LibreOffice (tests/visual/render.sh), and
 * the text of every PDF page (`pdftotext`) is checked: a page holding indicator rows also shows the indicator header,
 * no page ends with a heading, and no XLSX page shows the second row of the two-row 批复金额 header without its first.
 * Skipped where soffice or pdftotext is missing (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUnit } from '../../src/run/pipeline.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const canRender = have('soffice') && have('pdftotext') && have('pdftoppm');
const RENDER = join(import.meta.dirname, 'render.sh');

/** The text of each page of a rendered file. */
function pages(file: string): string[] {
  const dir = execFileSync('bash', [RENDER, file, tempDir()], { encoding: 'utf8' }).trim();
  const pdf = join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/** 二级指标 names that only indicator rows print (the forms' own labels, DOMAIN.md §3). */
const INDICATOR_ROW = /数量指标|质量指标|时效指标|成本指标|满意度指标/;
/** A report heading: 一、… or （一）…, short. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\S{0,30}\s*$/;
/** The indicator header's 三级指标 on a line of the table, not in a numbered 备注 line (“2. 一级指标包含…三级指标…”). */
const HEADER = /^(?!\s*\d+\.).*三级指标/m;
const INPUTS = readdirSync(inputPath('.')).filter((f) => f.endsWith('.yaml'));

describe.skipIf(!canRender)('rendered pages', () => {
  it.each(INPUTS)('%s: indicator pages show the indicator header, no page ends with a heading, XLSX headers whole', { timeout: 240_000 }, async (input) => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath(input), ctx, { write: true });
    const docx = r.outputs.find((o) => o.endsWith('.docx'))!;
    for (const [n, page] of pages(docx).entries()) {
      const lines = page.split('\n').filter((l) => l.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(l));
      // Note: a table page; prose pages name indicators in sentences, without the table's header.
      const tablePage = /一级指标|\s{3,}/.test(page) && INDICATOR_ROW.test(page) && !/^\s*[一二三四五六七八九十]+、/m.test(page);
      if (tablePage) expect(page, `${input} page ${n + 1} has indicator rows without the header`).toMatch(HEADER);
      const last = lines[lines.length - 1] ?? '';
      expect(HEADING.test(last) && !last.includes('  '), `${input} page ${n + 1} ends with the heading “${last.trim()}”`).toBe(false);
    }
    const xlsx = r.outputs.find((o) => o.endsWith('.xlsx'));
    if (xlsx === undefined) return;
    for (const [n, page] of pages(xlsx).entries()) {
      if (/总额\s+财政拨款/.test(page)) expect(page, `${input} XLSX page ${n + 1} cuts the 批复金额 header`).toMatch(/批复金额/);
    }
  });
});

/**
 * Verified by looking (issue 13): each sample is built and rendered through LibreOffice (tests/visual/render.sh), and
 * the text of every PDF page (`pdftotext`) is checked: a page holding indicator rows also shows the indicator header,
 * a page that continues an indicator table shows a 一级指标 label (the group's, restarted there), no page ends with a heading, and no XLSX page shows the second row of the two-row 批复金额 header without its first.
 * Skipped where soffice or pdftotext is missing (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUnit } from '../../src/run/pipeline.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const canRender = have('soffice') && have('pdftotext') && have('pdftoppm');
const RENDER = join(import.meta.dirname, 'render.sh');

/** A file rendered to PDF; the PDF's path. */
function render(file: string): string {
  const dir = execFileSync('bash', [RENDER, file, tempDir()], { encoding: 'utf8' }).trim();
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
}

/** The text of each page of a rendered PDF. */
function pages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

type Word = { x0: number; y0: number; x1: number; y1: number; text: string };
/** The words of each page of a PDF with their boxes in pt, and the page height. */
function pageWords(pdf: string): { height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="[\d.]+" height="([\d.]+)">(.*?)<\/page>/gs)].map(([, h, body]) => ({
    height: Number(h),
    words: [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: m[5]!,
    })),
  }));
}

/**
 * Pages (1-based) that continue an indicator table (its 一级指标 header at the top of the page) with nothing in the
 * 一级指标 column under the header: rows of a group whose label stayed on the page before.
 */
function continuedWithoutLabel(pdf: string): number[] {
  const bad: number[] = [];
  for (const [n, { height, words }] of pageWords(pdf).entries()) {
    const header = words.filter((w) => w.text === '一级指标').sort((a, b) => a.y0 - b.y0)[0];
    // Note: a table's first page has its title above the header; only a page the table continues onto starts with it.
    if (!header || header.y0 > height * 0.2) continue;
    const inColumn = (w: Word) =>
      w.y0 > header.y1 + 2 && w.y0 < height - 60 && Math.abs((w.x0 + w.x1) / 2 - (header.x0 + header.x1) / 2) <= (header.x1 - header.x0) / 2 + 8;
    if (!words.some(inColumn)) bad.push(n + 1);
  }
  return bad;
}

/**
 * Pieces of DOCX tables (jixiao's pages, docx-pages.ts) that the renderer printed on more than one page: it broke a
 * page before jixiao did, because a row came out taller than estimated. A piece is found by its first and last body
 * rows' longest cell text (its first 12 characters, white space removed) in the pages' text.
 */
function piecesOverPages(docx: string, pdf: string): string[] {
  const squeeze = (t: string) => t.replace(/\s/g, '');
  const texts = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\f')
    .map(squeeze);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
  const fromXml = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const snippet = (row: string) => {
    const cells = [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, c]) =>
      squeeze([...c!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => fromXml(m[1]!)).join('')),
    );
    const longest = cells.sort((a, b) => b.length - a.length)[0] ?? '';
    return longest.length >= 6 ? longest.slice(0, 12) : undefined;
  };
  const on = (snip: string) => new Set(texts.flatMap((t, i) => (t.includes(snip) ? [i] : [])));
  const bad: string[] = [];
  for (const [table] of xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)) {
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([r]) => r).filter((r) => !r.includes('<w:tblHeader/>'));
    const [first, last] = [snippet(rows[0] ?? ''), snippet(rows[rows.length - 1] ?? '')];
    if (first === undefined || last === undefined) continue;
    const [a, b] = [on(first), on(last)];
    if (a.size > 0 && b.size > 0 && ![...a].some((i) => b.has(i)))
      bad.push(`${first}… (page ${[...a].map((i) => i + 1)}) to ${last}… (page ${[...b].map((i) => i + 1)})`);
  }
  return bad;
}

/** 二级指标 names that only indicator rows print (the forms' own labels, DOMAIN.md §3). */
const INDICATOR_ROW = /数量指标|质量指标|时效指标|成本指标|满意度指标/;
/** A report heading: 一、… or （一）…, short. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\S{0,30}\s*$/;
/** The indicator header's 三级指标 on a line of the table, not in a numbered 备注 line (“2. 一级指标包含…三级指标…”). */
const HEADER = /^(?!\s*\d+\.).*三级指标/m;
const INPUTS = readdirSync(inputPath('.')).filter((f) => f.endsWith('.yaml'));

describe.skipIf(!canRender)('rendered pages', () => {
  it.each(INPUTS)(
    '%s: indicator pages show the indicator header and a continued group its label, no page ends with a heading, XLSX headers whole',
    { timeout: 240_000 },
    async (input) => {
      const ctx = await testContext(tempDir());
      const r = await runUnit(inputPath(input), ctx, { write: true });
      const docx = r.outputs.find((o) => o.endsWith('.docx'))!;
      const pdf = render(docx);
      // A 一级/二级 group continued on a new page shows its label there (jixiao ends those pages itself, docx-pages.ts).
      expect(continuedWithoutLabel(pdf), `${input}: pages continuing a group without its 一级指标 label`).toEqual([]);
      expect(piecesOverPages(docx, pdf), `${input}: table pages the renderer broke before jixiao did`).toEqual([]);
      for (const [n, page] of pages(pdf).entries()) {
        const lines = page.split('\n').filter((l) => l.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(l));
        // Note: a table page; prose pages name indicators in sentences, without the table's header.
        const tablePage = /一级指标|\s{3,}/.test(page) && INDICATOR_ROW.test(page) && !/^\s*[一二三四五六七八九十]+、/m.test(page);
        if (tablePage) expect(page, `${input} page ${n + 1} has indicator rows without the header`).toMatch(HEADER);
        const last = lines[lines.length - 1] ?? '';
        expect(HEADING.test(last) && !last.includes('  '), `${input} page ${n + 1} ends with the heading “${last.trim()}”`).toBe(false);
      }
      const xlsx = r.outputs.find((o) => o.endsWith('.xlsx'));
      if (xlsx === undefined) return;
      for (const [n, page] of pages(render(xlsx)).entries()) {
        if (/总额\s+财政拨款/.test(page)) expect(page, `${input} XLSX page ${n + 1} cuts the 批复金额 header`).toMatch(/批复金额/);
      }
    },
  );
});

/** The page-number glyphs (“—”, digits) of each PDF page: their box in pt, and the page's size. */
function numberBoxes(pdf: string): { width: number; height: number; box: [number, number, number, number] | undefined }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)].map(([, w, h, body]) => {
    const words = [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    // Note: the number is the one run “— n —”; its words are the dashes and the digits next to them.
    const dashes = words.filter((m) => m[5] === '—');
    const digits = words.filter(
      (m) => /^\d+$/.test(m[5]!) && dashes.some((d) => Math.abs(Number(d[1]) - Number(m[1])) < 1 || Math.abs(Number(d[2]) - Number(m[2])) < 1),
    );
    const all = [...dashes, ...digits].map((m) => [1, 2, 3, 4].map((i) => Number(m[i])));
    const box =
      all.length === 0
        ? undefined
        : ([Math.min(...all.map((b) => b[0]!)), Math.min(...all.map((b) => b[1]!)), Math.max(...all.map((b) => b[2]!)), Math.max(...all.map((b) => b[3]!))] as [
            number,
            number,
            number,
            number,
          ]);
    return { width: Number(w), height: Number(h), box };
  });
}

describe.skipIf(!canRender)('rendered page numbers of the official document', () => {
  it('stand on a landscape page where a portrait page has them once the sheet is turned, top to the left', { timeout: 240_000 }, async () => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath('zhengning-renda-2023.yaml'), ctx, { write: true });
    const docx = r.outputs.find((o) => o.endsWith('.docx'))!;
    const dir = execFileSync('bash', [RENDER, docx, tempDir()], { encoding: 'utf8' }).trim();
    const pages = numberBoxes(join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!));
    const portrait = pages.filter((p) => p.height > p.width && p.box);
    const landscape = pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThan(0);
    // On a portrait page: [from the bottom edge, from the left edge] of the number's far sides, per page parity.
    const physical = (p: (typeof pages)[number]) =>
      p.height > p.width
        ? { fromFoot: [p.height - p.box![3], p.height - p.box![1]], fromLeft: [p.box![0], p.box![2]] }
        : // Note: turned with its top to the left, a landscape page's left edge is the foot, its top edge the left.
          { fromFoot: [p.box![0], p.box![2]], fromLeft: [p.box![1], p.box![3]] };
    for (const page of landscape) {
      const n = pages.indexOf(page) + 1;
      expect(page.box, `landscape page ${n} has no page number`).toBeDefined();
      // Note: odd and even pages alternate; the PDF may leave out an automatic blank page, so parity is read off the
      // portrait page whose number lies on the same side.
      const got = physical(page);
      const same = portrait.map(physical).find((q) => Math.abs(q.fromLeft[0]! - got.fromLeft[0]!) < 2);
      expect(same, `landscape page ${n}: number ${JSON.stringify(got)} is not where any portrait page has it`).toBeDefined();
      for (const i of [0, 1]) {
        expect(Math.abs(got.fromFoot[i]! - same!.fromFoot[i]!)).toBeLessThan(2);
        expect(Math.abs(got.fromLeft[i]! - same!.fromLeft[i]!)).toBeLessThan(2);
      }
      // Its glyphs are turned: the number runs along the foot (the landscape page's height), not across it.
      expect(page.box![3] - page.box![1]).toBeGreaterThan(page.box![2] - page.box![0]);
    }
    // Both landscape pages of the sample, odd (7) and even (8), are checked: one on each side.
    expect(new Set(landscape.map((p) => Math.round(p.box![1]))).size).toBe(2);
  });
});

describe.skipIf(!canRender)('the rendered 版记 of the official document', () => {
  it('lands on an even page; the blank page before it, when there is one, carries no number (GB/T 9704 7.5)', { timeout: 240_000 }, async () => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath('zhengning-renda-2023.yaml'), ctx, { write: true });
    const docx = r.outputs.find((o) => o.endsWith('.docx'))!;
    const dir = execFileSync('bash', [RENDER, docx, tempDir()], { encoding: 'utf8', env: { ...process.env, BLANK_PAGES: '1' } }).trim();
    const pdf = join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
    const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      .split('\f')
      .slice(0, -1);
    const last = texts.length;
    expect(texts[last - 1]).toContain('印发');
    expect(last % 2, 'the 版记 page is odd').toBe(0);
    // Every page but the 版记 page and a blank one before it shows its own number; the 版记 page too (see
    // DocSection.startsOn for why it is not left unnumbered after a blank page).
    const number = (t: string) => /^\s*—\s*(\d+)\s*—\s*$/m.exec(t)?.[1];
    expect(number(texts[last - 1]!)).toBe(String(last));
    // Note: the sample's attachment ends on page 8, so LibreOffice inserts page 9, with nothing on it.
    expect(texts[last - 2]!.trim(), 'the page before the 版记 is not the inserted blank page').toBe('');
    // Note: pdftotext splits a landscape page's turned number into lines; the portrait pages' numbers are read.
    const read = texts
      .slice(0, last - 2)
      .map((t, i) => [number(t), String(i + 1)] as const)
      .filter(([n]) => n !== undefined);
    expect(read.length).toBeGreaterThanOrEqual(last / 2);
    for (const [n, page] of read) expect(n, `page ${page}`).toBe(page);
  });
});

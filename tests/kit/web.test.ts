/**
 * The offline page in a real browser (issue 16): Debian's Chromium, driven by playwright-core, opens
 * dist/web/jixiao.html from file://, runs each shipped sample, shows its figures and diagnostics, downloads
 * DOCX/XLSX byte-identical to the CLI's, shows a located error for a bad input, and makes no network request.
 * Note: skipped when /usr/bin/chromium is absent (`.ci/run` tries to install it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkUnit } from '../../src/index.js';
import { ROOT, tempDir } from '../support/fixtures.js';
import { createContext } from '../../src/run/context.js';
import { runUnitBytes } from '../../src/run/pipeline.js';
import type { Doc, Table } from '../../src/model/doc.js';

const docTables = (doc: Doc): Table[] => doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));

const CHROMIUM = '/usr/bin/chromium';
const PAGE = join(ROOT, 'dist', 'web', 'jixiao.html');
const SAMPLES = readdirSync(join(ROOT, 'templates'))
  .flatMap((id) => (existsSync(join(ROOT, 'templates', id)) ? readdirSync(join(ROOT, 'templates', id)).map((f) => join('templates', id, f)) : []))
  .filter((f) => /\/sample[^/]*\.yaml$/.test(f))
  .sort();

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Every file under `dir`, recursively, by base name. */
function filesByName(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out.set(e.name, join(e.parentPath, e.name));
  return out;
}

/** What `jixiao build` writes for one input, without SOURCE_DATE_EPOCH (the page's date rule). */
function cliOutputs(input: string): Map<string, string> {
  const out = tempDir('jixiao-web-cli-');
  const { SOURCE_DATE_EPOCH: _e, ...env } = process.env;
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'build', resolve(ROOT, input), '--out', out], { env, stdio: 'pipe' });
  return filesByName(out);
}

describe.skipIf(!existsSync(CHROMIUM))('the offline page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: 'pipe' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('#status:text-is("请选择或拖入输入文件。")', { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Picks `file` in the page and waits until it has been processed (or the page shows a crash). */
  async function load(file: string): Promise<void> {
    const before = Number((await page.getAttribute('body', 'data-runs')) ?? '0');
    await page.setInputFiles('#files', file);
    await page.waitForSelector(`body[data-runs="${before + 1}"], body[data-crashed]`, { state: 'attached', timeout: 30_000 });
    expect(await page.isHidden('#crash'), (await page.textContent('#crash pre')) ?? '').toBe(true);
  }

  async function downloaded(name: string): Promise<Uint8Array> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
    const path = await dl.path();
    return new Uint8Array(readFileSync(path));
  }

  it.each(SAMPLES)(
    '%s: figures and diagnostics as the library finds them, DOCX and XLSX as the CLI writes them',
    async (input) => {
      const report = await checkUnit({ name: input, text: readFileSync(join(ROOT, input), 'utf8') });
      await load(join(ROOT, input));
      const s = report.summary!;
      expect(await page.textContent('[data-figure="rate"]')).toBe(s.rate === null ? '—' : `${s.rate.times(100).toFixed(2)}%`);
      expect(await page.textContent('[data-figure="score"]')).toBe(s.score === null ? '—' : s.score.toFixed(2));
      expect(await page.locator('table.projects tbody tr').count()).toBe(s.projects.length);
      expect(await page.locator('table.diagnostics tbody tr').count()).toBe(report.diagnostics.length);
      // The preview: every table of the document model (the DOCX's and those only the XLSX has), every merged cell.
      const model = (await runUnitBytes(input, readFileSync(join(ROOT, input)), await createContext({ outDir: '.', env: {} }), { write: false, render: true }))
        .composed!;
      const tables = [...new Map([...docTables(model.docx), ...model.xlsxTables].map((t) => [t.id, t])).values()];
      expect(await page.locator('.preview figure.table').count()).toBe(tables.length);
      const merged = tables.flatMap((t) => t.rows.flat()).filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1).length;
      expect(await page.locator('.preview [rowspan], .preview [colspan]').count()).toBe(merged);

      const cli = cliOutputs(input);
      const names = await page
        .locator('button[data-download]')
        .evaluateAll((bs) => bs.map((b) => (b as unknown as { dataset: Record<string, string> }).dataset['download']!));
      expect(names.map((n) => n.replace(/^.*\./, '')).sort()).toEqual(['docx', 'xlsx']);
      for (const name of names) {
        const fromCli = cli.get(name);
        expect(fromCli, `the CLI wrote no ${name}`).toBeDefined();
        expect(sha256(await downloaded(name)), name).toBe(sha256(new Uint8Array(readFileSync(fromCli!))));
      }
    },
    120_000,
  );

  it('shows a bad input’s errors with their line:column, and no download', async () => {
    const bad = join(tempDir('jixiao-web-bad-'), '坏输入.yaml');
    const text = readFileSync(join(ROOT, 'templates', 'yunnan', 'sample.yaml'), 'utf8').replace(/^year: .*$/m, 'year: 二〇二四');
    expect(text).toContain('year: 二〇二四');
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('year:')) + 1;
    await load(bad);
    const rows = page.locator('table.diagnostics tbody tr.error');
    expect(await rows.count()).toBeGreaterThan(0);
    const wheres = await rows.locator('td.where').allTextContents();
    expect(wheres).toContain(`${line}:7`);
    expect(await page.locator('button[data-download]').count()).toBe(0);
  }, 60_000);

  /** The CLI's data-entry workbook for the yunnan sample, optionally with `edit` applied (exceljs). */
  async function sampleWorkbook(name: string, edit?: (wb: import('exceljs').Workbook) => void): Promise<string> {
    const file = join(tempDir('jixiao-web-xlsx-'), name);
    execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'convert', join(ROOT, 'templates', 'yunnan', 'sample.yaml'), file], { stdio: 'pipe' });
    if (edit) {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      edit(wb);
      await wb.xlsx.writeFile(file);
    }
    return file;
  }

  it('reads the Excel data-entry workbook: the same figures, and DOCX/XLSX byte-identical to the CLI built from it', async () => {
    const file = await sampleWorkbook('填报.xlsx');
    await load(file);
    expect(await page.textContent('.unit h2 small')).toBe('填报.xlsx');
    const report = await checkUnit({ name: 'sample.yaml', text: readFileSync(join(ROOT, 'templates', 'yunnan', 'sample.yaml'), 'utf8') });
    expect(report.summary!.rate).not.toBeNull();
    expect(await page.textContent('[data-figure="rate"]')).toBe(`${report.summary!.rate!.times(100).toFixed(2)}%`);
    expect(await page.locator('table.projects tbody tr').count()).toBe(report.summary!.projects.length);
    const cli = cliOutputs(file);
    const names = await page
      .locator('button[data-download]')
      .evaluateAll((bs) => bs.map((b) => (b as unknown as { dataset: Record<string, string> }).dataset['download']!));
    expect(names).toHaveLength(2);
    for (const name of names) expect(sha256(await downloaded(name)), name).toBe(sha256(new Uint8Array(readFileSync(cli.get(name)!))));
  }, 120_000);

  it('downloads the data-entry workbook of a unit and the sample workbooks, byte-identical to convert and init --xlsx', async () => {
    const dir = tempDir('jixiao-web-workbook-');
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: dir, stdio: 'pipe', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    const input = join(ROOT, 'inputs', 'central-sthjj-2024.yaml');
    await load(input);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-entry-workbook="central-sthjj-2024.xlsx"]')]);
    cli('convert', input, join(dir, 'unit.xlsx'));
    expect(sha256(new Uint8Array(readFileSync(await dl.path())))).toBe(sha256(new Uint8Array(readFileSync(join(dir, 'unit.xlsx')))));
    for (const id of ['yunnan', 'central', 'gansu', 'ningxia', 'sichuan']) {
      const [sample] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-sample-workbook="${id}"]`)]);
      expect(sample.suggestedFilename()).toBe(`${id}-填报工作簿.xlsx`);
      cli('init', '--xlsx', '--profile', id, join(dir, `${id}.xlsx`));
      expect(sha256(new Uint8Array(readFileSync(await sample.path()))), id).toBe(sha256(new Uint8Array(readFileSync(join(dir, `${id}.xlsx`)))));
    }
    for (const id of ['yunnan', 'central', 'gansu', 'ningxia', 'sichuan']) {
      const [blank] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-blank-workbook="${id}"]`)]);
      expect(blank.suggestedFilename()).toBe(`${id}-空白填报工作簿.xlsx`);
      cli('init', '--xlsx', '--blank', '--profile', id, join(dir, `${id}-blank.xlsx`));
      expect(sha256(new Uint8Array(readFileSync(await blank.path()))), id).toBe(sha256(new Uint8Array(readFileSync(join(dir, `${id}-blank.xlsx`)))));
    }
    // sichuan's workbook (keyed 计分表 lines on sheets with a 代号 column) comes out of the page as from convert.
    const sichuan = join(ROOT, 'templates', 'sichuan', 'sample.yaml');
    await load(sichuan);
    const [own] = await Promise.all([page.waitForEvent('download'), page.click('button[data-entry-workbook="sample.xlsx"]')]);
    cli('convert', sichuan, join(dir, 'sichuan-unit.xlsx'));
    expect(sha256(new Uint8Array(readFileSync(await own.path())))).toBe(sha256(new Uint8Array(readFileSync(join(dir, 'sichuan-unit.xlsx')))));
  }, 60_000);

  it('shows a bad workbook’s errors at 工作表!单元格 (the year cell, 单位!B4), and no download', async () => {
    const file = await sampleWorkbook('坏填报.xlsx', (wb) => {
      const cell = wb.getWorksheet('单位')!.getCell('B4');
      expect(cell.value).toBe(2024);
      cell.value = '二〇二四';
    });
    await load(file);
    const wheres = await page.locator('table.diagnostics tbody tr.error td.where').allTextContents();
    expect(wheres).toContain('单位!B4');
    expect(await page.locator('button[data-download]').count()).toBe(0);
  }, 60_000);

  it('zips 50 units: every DOCX/XLSX under <年度>/<代号>/ plus 汇总表.xlsx, a unit’s DOCX as the CLI writes it', async () => {
    const dir = tempDir('jixiao-web-many-');
    const sample = readFileSync(join(ROOT, 'templates', 'yunnan', 'sample.yaml'), 'utf8');
    const files = Array.from({ length: 50 }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      const text = sample.replace(/^ {2}name: .*$/m, `  name: 第${n}单位`).replace(/^ {2}code: .*$/m, `  code: U${n}`);
      expect(text).toContain(`code: U${n}`);
      const file = join(dir, `单位${n}.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const before = Number((await page.getAttribute('body', 'data-runs')) ?? '0');
    await page.setInputFiles('#files', files);
    await page.waitForSelector(`body[data-runs="${before + 1}"], body[data-crashed]`, { state: 'attached', timeout: 120_000 });
    expect(await page.isHidden('#crash'), (await page.textContent('#crash pre')) ?? '').toBe(true);
    const zip = unzipSync(await downloaded('绩效自评.zip'));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(101);
    expect(names).toContain('汇总表.xlsx');
    for (let i = 1; i <= 50; i++) {
      const n = String(i).padStart(2, '0');
      const unit = names.filter((e) => e.startsWith(`2024/U${n}/`));
      expect(unit.map((e) => e.replace(/^.*\./, '')).sort(), `U${n}`).toEqual(['docx', 'xlsx']);
    }
    const cli = cliOutputs(files[6]!);
    const docx = names.find((e) => e.startsWith('2024/U07/') && e.endsWith('.docx'))!;
    const fromCli = cli.get(docx.split('/').pop()!);
    expect(fromCli, docx).toBeDefined();
    expect(sha256(zip[docx]!)).toBe(sha256(new Uint8Array(readFileSync(fromCli!))));
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip['汇总表.xlsx']!) as unknown as import('exceljs').Buffer);
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    for (let i = 1; i <= 50; i++) expect(text).toContain(`第${String(i).padStart(2, '0')}单位`);
  }, 300_000);

  it('made no network request: only the page itself was loaded', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => u !== pathToFileURL(PAGE).href && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('takes a dropped file, and opens the file picker with Enter on the drop zone, which Tab reaches first', async () => {
    const text = readFileSync(join(ROOT, 'templates', 'yunnan', 'sample.yaml'), 'utf8');
    const before = Number((await page.getAttribute('body', 'data-runs')) ?? '0');
    const transfer = await page.evaluateHandle((t) => {
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: string[], name: string) => unknown };
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([t], '拖入.yaml'));
      return dt;
    }, text);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await page.waitForSelector(`body[data-runs="${before + 1}"]`, { state: 'attached', timeout: 30_000 });
    expect(await page.textContent('.unit h2 small')).toBe('拖入.yaml');
    expect(await page.locator('button[data-download]').count()).toBe(2);

    // Note: Enter on the drop zone clicks the (multiple) file input. Headless Chromium does not always open a file
    // chooser for a click that a key event causes, so the test records the click itself instead of waiting for one.
    const picker = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ click(): void; multiple: boolean; id: string }> } };
      const inputs = Array.from(g.document.querySelectorAll('input[type=file]'));
      const w = globalThis as unknown as { __clicked?: string[] };
      w.__clicked = [];
      for (const i of inputs) i.click = () => w.__clicked!.push(i.id);
      return inputs.map((i) => ({ id: i.id, multiple: i.multiple }));
    });
    await page.focus('#drop');
    await page.keyboard.press('Enter');
    const clicked = await page.evaluate(() => (globalThis as unknown as { __clicked: string[] }).__clicked);
    // Note: the inputs' own click comes back (the instance property shadowed the prototype's).
    await page.evaluate(() => {
      const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ click?: unknown }> } };
      for (const i of Array.from(g.document.querySelectorAll('input[type=file]'))) delete i.click;
    });
    expect(clicked).toHaveLength(1);
    expect(picker.find((p) => p.id === clicked[0])?.multiple).toBe(true);
    // Note: the drop zone is the first thing Tab reaches after the page's heading.
    await page.click('header h1');
    await page.keyboard.press('Tab');
    expect(await page.locator('#drop:focus').count()).toBe(1);
  }, 60_000);

  /** `jixiao templates copy yunnan <dir>/我的模板`, optionally with profile.yaml edited; returns <dir>. */
  function copiedProfile(edit?: (text: string) => string): string {
    const dir = tempDir('jixiao-web-profile-');
    execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'templates', 'copy', 'yunnan', join(dir, '我的模板')], { stdio: 'pipe' });
    const file = join(dir, '我的模板', 'yunnan', 'profile.yaml');
    if (edit) writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  }

  async function loadProfile(selector: string, files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = Number((await page.getAttribute('body', 'data-profiles')) ?? '0');
    await page.setInputFiles(selector, files);
    await page.waitForSelector(`body[data-profiles="${before + 1}"], body[data-crashed]`, { state: 'attached', timeout: 30_000 });
    expect(await page.isHidden('#crash'), (await page.textContent('#crash pre')) ?? '').toBe(true);
  }

  it('loads a profile folder as a zip: a broken profile.yaml gives E-PROFILE at 我的模板/yunnan/profile.yaml:line:col, as the CLI', async () => {
    const dir = copiedProfile((t) => t.replace(/^maxScore: 100$/m, 'maxScore: 一百'));
    const text = readFileSync(join(dir, '我的模板', 'yunnan', 'profile.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('maxScore:')) + 1;
    expect(line).toBeGreaterThan(0);
    const entries: Record<string, Uint8Array> = {};
    for (const e of readdirSync(join(dir, '我的模板'), { recursive: true, withFileTypes: true }))
      if (e.isFile()) entries[join(e.parentPath, e.name).slice(dir.length + 1)] = new Uint8Array(readFileSync(join(e.parentPath, e.name)));
    await loadProfile('#profile-zip', { name: '我的模板.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) });
    expect(await page.textContent('#profile-status')).toContain('yunnan');
    await load(join(ROOT, 'templates', 'yunnan', 'sample.yaml'));
    const row = page.locator('table.diagnostics tbody tr.error', { hasText: 'E-PROFILE' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td.where').textContent()).toBe(`我的模板/yunnan/profile.yaml:${line}:11`);
    // The CLI reports the same place.
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--templates', '我的模板', join(ROOT, 'templates', 'yunnan', 'sample.yaml')],
      { cwd: dir, encoding: 'utf8' },
    );
    const d = JSON.parse(cli.stdout.split('\n')[0]!) as { code: string; line: number; column: number };
    expect([d.code, d.line, d.column]).toEqual(['E-PROFILE', line, 11]);
    expect(await page.locator('button[data-download]').count()).toBe(0);
  }, 60_000);

  it('loads a zip whose profile.yaml is at its top (one profile folder zipped from inside): placed as <zip name>/<id>/', async () => {
    const dir = copiedProfile((t) => t.replace(/^maxScore: 100$/m, 'maxScore: 一百'));
    const text = readFileSync(join(dir, '我的模板', 'yunnan', 'profile.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('maxScore:')) + 1;
    const inside = join(dir, '我的模板', 'yunnan');
    const entries: Record<string, Uint8Array> = {};
    for (const e of readdirSync(inside, { recursive: true, withFileTypes: true }))
      if (e.isFile()) entries[join(e.parentPath, e.name).slice(inside.length + 1)] = new Uint8Array(readFileSync(join(e.parentPath, e.name)));
    expect(Object.keys(entries)).toContain('profile.yaml');
    await loadProfile('#profile-zip', { name: '云南改.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) });
    expect(await page.textContent('#profile-status')).toContain('（yunnan）');
    await load(join(ROOT, 'templates', 'yunnan', 'sample.yaml'));
    const row = page.locator('table.diagnostics tbody tr.error', { hasText: 'E-PROFILE' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td.where').textContent()).toBe(`云南改/yunnan/profile.yaml:${line}:11`);
  }, 60_000);

  it('shows its own Chinese buttons, never the browser’s file inputs (their text is in the browser’s language)', async () => {
    for (const id of ['#files', '#profile-dir', '#profile-zip']) expect(await page.isHidden(id), id).toBe(true);
    expect(await page.textContent('#drop .pick')).toBe('选择输入文件');
    await page.click('details.profile-folder summary');
    const buttons = await page.locator('button[data-pick]').allTextContents();
    expect(buttons).toEqual(['选择文件夹', '或选择 zip']);
    for (const b of buttons) expect(b).toMatch(/^[\u4e00-\u9fff ]+(zip)?$/);
    // A click on a button opens its hidden input (recorded, since headless Chromium may not open a chooser).
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.click('button[data-pick="profile-zip"]');
    expect((await chooser).element() !== null).toBe(true);
    await page.keyboard.press('Escape');
    await page.click('details.profile-folder summary');
  }, 60_000);

  it('loads a profile folder by a folder pick (webkitdirectory): the DOCX as `build --templates` writes it', async () => {
    const dir = copiedProfile((t) => `${t}\n`);
    await loadProfile('#profile-dir', join(dir, '我的模板'));
    expect(await page.textContent('#profile-status')).toContain('（yunnan）');
    const input = join(ROOT, 'templates', 'yunnan', 'sample.yaml');
    await load(input);
    expect(await page.locator('table.diagnostics tbody tr.error').count()).toBe(0);
    const out = tempDir('jixiao-web-cli-');
    execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'build', input, '--templates', join(dir, '我的模板'), '--out', out], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '' },
      stdio: 'pipe',
    });
    const cli = filesByName(out);
    const name = (await page.locator('button[data-download$=".docx"]').getAttribute('data-download'))!;
    expect(sha256(await downloaded(name))).toBe(sha256(new Uint8Array(readFileSync(cli.get(name)!))));
  }, 60_000);

  // Note: last, since it leaves the page showing the crash.
  it('shows an uncaught error in the page with how to report it, never a blank screen', async () => {
    expect(await page.isHidden('#crash')).toBe(true);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('人为制造的故障');
      });
    });
    await page.waitForSelector('#crash', { state: 'visible', timeout: 10_000 });
    expect(await page.textContent('#crash pre')).toContain('人为制造的故障');
    expect(await page.textContent('#crash')).toContain('请把下面的信息');
    expect(await page.textContent('#status')).toBe('出错了，见上方说明。');
  });
});

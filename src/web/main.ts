/**
 * 网页版入口：选择或拖入 YAML/JSON 输入，逐个单位显示诊断、关键数字与全部表格的预览，并下载与命令行逐字节相同的
 * DOCX/XLSX。与命令行走同一条流水线（runUnitBytes），只是文件系统换成构建时嵌入的格式目录。
 */
import files from 'jixiao:assets';
import type { Decimal } from 'decimal.js';
import type { UnitDocuments } from '../compose/unit-documents.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatPath, labelPath } from '../model/labels.js';
import { PACKAGE_ROOT, createContext, type RunContext } from '../run/context.js';
import { blankWorkbook, convertBytes } from '../run/convert.js';
import { forgetProfiles, runUnitBytes, type UnitResult } from '../run/pipeline.js';
import { entryLayout, isProfileId } from '../profiles/registry.js';
import { docToHtml, escapeHtml, tableToHtml, workbookOnlyTables } from '../write/html.js';
import { memoryFs } from './mem-fs.js';
import { profileFolder, zipEntries } from './profile-folder.js';
import { ZIP_NAME, zipUnits } from './zip-units.js';

const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const ACCEPTED = /\.(ya?ml|json|xlsx)$/i;

const OUT_DIR = '/out';
let ctx: Promise<RunContext> | undefined;
// Note: no SOURCE_DATE_EPOCH, so the date rule is the CLI's default: 报告日期, else 31 March after the budget year.
const context = (): Promise<RunContext> => (ctx ??= createContext({ outDir: OUT_DIR, strict: false, env: {}, fs: memoryFs(files) }));

/** Uses a person's own profile folder from now on (as `--templates`), the shipped ones for `extends`. */
async function useProfileFolder(entries: readonly (readonly [string, Uint8Array])[], from: string): Promise<void> {
  try {
    await mountProfileFolder(entries, from);
  } finally {
    // Note: a count of profile loads (shown either way), so that a script can tell when this one is done.
    document.body.dataset['profiles'] = String(Number(document.body.dataset['profiles'] ?? '0') + 1);
  }
}

async function mountProfileFolder(entries: readonly (readonly [string, Uint8Array])[], from: string): Promise<void> {
  const status = $('#profile-status');
  const folder = profileFolder(entries, from);
  if (!folder || folder.ids.length === 0) {
    status.textContent = `${from} 中没有格式目录（应含 profile.yaml 或 <格式>/profile.yaml，即 jixiao templates copy 写出的文件）；仍使用随附的格式。`;
    status.className = 'error';
    return;
  }
  forgetProfiles();
  ctx = createContext({ outDir: OUT_DIR, strict: false, env: {}, fs: memoryFs({ ...files, ...folder.files }), templatesRoot: folder.root });
  await ctx;
  status.className = 'ok';
  status.textContent = `已加载自己的格式目录 ${folder.root.replace(/^\//, '') || from}（${folder.ids.join('、')}）；之后的输入按它生成。`;
}

async function pickProfile(list: readonly File[]): Promise<void> {
  const zip = list.length === 1 && /\.zip$/i.test(list[0]!.name) ? list[0]! : undefined;
  if (zip) return useProfileFolder(zipEntries(new Uint8Array(await zip.arrayBuffer())), zip.name);
  const entries = await Promise.all(list.map(async (f) => [f.webkitRelativePath || f.name, new Uint8Array(await f.arrayBuffer())] as const));
  return useProfileFolder(entries, '所选文件夹');
}

const $ = <T extends HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`页面缺少元素 ${sel}`);
  return el;
};

// Note: a problem in another file than the unit's (a profile folder's profile.yaml) names that file, as the CLI does.
const where = (d: Diagnostic, unitFile: string): string => {
  const at = d.cell ? d.cell : d.place ? `${d.place.line}:${d.place.column}` : '';
  const file = d.file && d.file !== unitFile ? d.file.replace(/^\//, '') : '';
  return file ? (at ? `${file}:${at}` : file) : at;
};
const pct = (v: Decimal | null): string => (v === null ? '—' : `${v.times(100).toFixed(2)}%`);
const num = (v: Decimal | null): string => (v === null ? '—' : v.toFixed(2));

function diagnosticsTable(ds: readonly Diagnostic[], unitFile: string): string {
  if (ds.length === 0) return '<p class="ok">未发现问题。</p>';
  const rows = ds
    .map((d) => {
      const path = d.path?.length ? `${escapeHtml(labelPath(d.path))}<br><code>${escapeHtml(formatPath(d.path))}</code>` : '';
      return `<tr class="${d.severity}"><td>${SEVERITY[d.severity] ?? d.severity}</td><td><code>${escapeHtml(d.code)}</code></td><td>${path}</td><td>${escapeHtml(d.message)}</td><td class="where">${escapeHtml(where(d, unitFile))}</td></tr>`;
    })
    .join('');
  return `<table class="diagnostics"><caption>诊断（${ds.length} 条）</caption><thead><tr><th scope="col">级别</th><th scope="col">代码</th><th scope="col">中文字段</th><th scope="col">说明</th><th scope="col">行:列 / 工作表!单元格</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function figures(r: UnitResult): string {
  const s = r.summary;
  if (!s) return '';
  const projects = s.projects
    .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td class="num">${num(p.score)}</td><td>${escapeHtml(p.grade ?? '—')}</td></tr>`)
    .join('');
  return (
    `<dl class="figures"><dt>预算执行率</dt><dd data-figure="rate">${pct(s.rate)}</dd>` +
    `<dt>总分</dt><dd data-figure="score">${num(s.score)}</dd><dt>等级</dt><dd data-figure="grade">${escapeHtml(s.grade ?? '—')}</dd></dl>` +
    (projects
      ? `<table class="projects"><caption>各项目得分与等级</caption><thead><tr><th scope="col">项目</th><th scope="col">得分</th><th scope="col">等级</th></tr></thead><tbody>${projects}</tbody></table>`
      : '')
  );
}

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The DOCX as HTML, then the tables only the XLSX has, under a heading of their own. */
function preview(docs: UnitDocuments): string {
  const extra = workbookOnlyTables(docs.docx, docs.xlsxTables);
  const sheets = extra.length ? `<h2 class="workbook-only">以下表格只在 XLSX 中</h2>${extra.map(tableToHtml).join('\n')}` : '';
  return docToHtml(docs.docx) + sheets;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The data-entry workbook of `input` (its bytes as picked), made as `jixiao convert <input> <name>.xlsx` makes it;
 * downloaded, or the reason shown in `where` when the form has no workbook.
 */
async function downloadWorkbook(input: string, bytes: Uint8Array, name: string, where: HTMLElement): Promise<void> {
  const r = await convertBytes(input, bytes, name, await context());
  if (r.bytes) {
    download(name, r.bytes, XLSX_TYPE);
    return;
  }
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = r.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => d.message)
    .join(' ');
  where.append(p);
}

function unitSection(r: UnitResult, input: Uint8Array): HTMLElement {
  const sec = document.createElement('section');
  sec.className = 'unit';
  const heading = r.unitName ? `${escapeHtml(r.unitName)}${r.year ? `（${r.year} 年度）` : ''}` : escapeHtml(r.file);
  sec.innerHTML =
    `<h2>${heading}<small>${escapeHtml(r.file)}</small></h2>${figures(r)}${diagnosticsTable(r.diagnostics, r.file)}` +
    '<div class="downloads"></div>' +
    (r.composed
      ? `<details class="preview" open><summary>预览（与 DOCX、XLSX 同一文档模型）</summary><div class="doc">${preview(r.composed)}</div></details>`
      : '');
  const docs = r.documents;
  if (docs) {
    const box = sec.querySelector('.downloads')!;
    const add = (label: string, name: string, bytes: Uint8Array, type: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset['download'] = name;
      b.addEventListener('click', () => download(name, bytes, type));
      box.append(b);
    };
    add('下载 DOCX', `${docs.fileBase}.docx`, docs.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    add('下载 XLSX', `${docs.fileBase}.xlsx`, docs.xlsx, XLSX_TYPE);
  }
  // Note: a workbook exists for a form whose input schema fits one (unit.profile is the base form here).
  if (r.unit && isProfileId(r.unit.profile) && entryLayout(r.unit.profile) && !/\.xlsx$/i.test(r.file)) {
    const box = sec.querySelector('.downloads')!;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = '下载填报工作簿（本单位数据）';
    const name = `${r.file.replace(/\.[^.]*$/, '')}.xlsx`;
    b.dataset['entryWorkbook'] = name;
    b.addEventListener('click', () => {
      downloadWorkbook(r.file, input, name, box as HTMLElement).catch(crash);
    });
    box.append(b);
  }
  return sec;
}

/** Runs every picked file through the pipeline, in order, and shows each unit as soon as it is done. */
async function handle(list: readonly File[]): Promise<void> {
  const out = $('#results');
  const status = $('#status');
  out.replaceChildren();
  const picked = list.filter((f) => ACCEPTED.test(f.name));
  const skipped = list.filter((f) => !ACCEPTED.test(f.name));
  for (const f of skipped) {
    const p = document.createElement('p');
    p.className = 'skipped';
    p.textContent = `已跳过 ${f.name}：网页版只读取 .yaml、.yml、.json 输入与 .xlsx 填报工作簿。`;
    out.append(p);
  }
  const results: UnitResult[] = [];
  const bar = document.createElement('div');
  bar.className = 'downloads all';
  out.append(bar);
  for (const [i, f] of picked.entries()) {
    status.textContent = `正在处理 ${f.name}（${i + 1}/${picked.length}）……`;
    const bytes = new Uint8Array(await f.arrayBuffer());
    const result = await runUnitBytes(f.name, bytes, await context(), { write: false, render: true });
    results.push(result);
    out.append(unitSection(result, bytes));
  }
  const built = results.filter((r) => r.documents).length;
  // Note: for one unit its own two buttons say it all; the zip is for many units.
  if (built > 1) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'zip-all';
    b.textContent = `下载全部（zip：${built} 个单位的 DOCX、XLSX 与汇总表）`;
    b.dataset['download'] = ZIP_NAME;
    b.addEventListener('click', () => {
      zipUnits(results, OUT_DIR)
        .then((bytes) => download(ZIP_NAME, bytes, 'application/zip'))
        .catch(crash);
    });
    bar.append(b);
  }
  status.textContent = picked.length ? `已处理 ${picked.length} 个文件。` : '没有可读取的文件。';
  // Note: a count of finished runs, so that a script (the end-to-end test) can tell this run from the one before.
  document.body.dataset['runs'] = String(Number(document.body.dataset['runs'] ?? '0') + 1);
}

function crash(e: unknown): void {
  const box = $('#crash');
  const msg = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  box.hidden = false;
  box.querySelector('pre')!.textContent = msg;
  document.body.dataset['crashed'] = 'true';
  $('#status').textContent = '出错了，见上方说明。';
}

const run = (list: readonly File[]): void => {
  handle(list).catch(crash);
};

function start(): void {
  window.addEventListener('error', (ev) => crash(ev.error ?? ev.message));
  window.addEventListener('unhandledrejection', (ev) => crash(ev.reason));
  const input = $<HTMLInputElement>('#files');
  // Note: the picker is emptied after each pick, so that picking the same file again (after editing it) runs it again.
  input.addEventListener('change', () => {
    run([...(input.files ?? [])]);
    input.value = '';
  });
  for (const id of ['profile-dir', 'profile-zip']) {
    const pick = $<HTMLInputElement>(`#${id}`);
    $(`button[data-pick="${id}"]`).addEventListener('click', () => pick.click());
    pick.addEventListener('change', () => {
      pickProfile([...(pick.files ?? [])]).catch(crash);
      pick.value = '';
    });
  }
  // The sample workbooks `jixiao init --xlsx --profile <id>` writes, for a person who starts from Excel.
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-sample-workbook]'))) {
    const id = b.dataset['sampleWorkbook']!;
    b.addEventListener('click', () => {
      const file = `${PACKAGE_ROOT}/templates/${id}/sample.yaml`;
      context()
        .then((c) => c.fs.readFile(file))
        .then((bytes) => downloadWorkbook(file, bytes, `${id}-填报工作簿.xlsx`, $('#status')))
        .catch(crash);
    });
  }
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-blank-workbook]'))) {
    const id = b.dataset['blankWorkbook']!;
    b.addEventListener('click', () => {
      context()
        .then((c) => blankWorkbook(id, c))
        .then((r) => {
          if (r instanceof Uint8Array) download(`${id}-空白填报工作簿.xlsx`, r, XLSX_TYPE);
          else $('#status').textContent = r.problem;
        })
        .catch(crash);
    });
  }
  const zone = $('#drop');
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('over');
    run([...(ev.dataTransfer?.files ?? [])]);
  });
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      input.click();
    }
  });
  $('#status').textContent = '请选择或拖入输入文件。';
}

try {
  start();
} catch (e) {
  crash(e);
}

/**
 * `jixiao build` over many units, in-process: regeneration (skip unchanged, rebuild what changed and remove its
 * stale files, --force), the summary workbook 汇总表, glob inputs, the output folder's lock and leftovers of a killed run.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME, type Manifest } from '../../src/run/manifest.js';
import { LOCK_NAME } from '../../src/run/lock.js';
import { globToRegExp } from '../../src/run/glob.js';
import { dumpXlsx, xlsxSheetRows } from '../support/dump.js';
import { memoryIo, tempDir, testContext } from '../support/fixtures.js';
import { main } from '../../src/cli.js';
import { runBatch } from '../../src/run/batch.js';
import { ENV, build, hashTree, listFiles, unitDocuments, unitYaml, writeUnits } from '../support/batch.js';

const A = unitYaml('A01', '曲靖市沾益区财政局');
const B = unitYaml('B02', '曲靖市沾益区审计局');

/** A folder with units a.yaml and b.yaml, and an empty output folder. */
function twoUnits(): { dir: string; out: string } {
  const dir = tempDir();
  writeUnits(dir, { 'a.yaml': A, 'b.yaml': B });
  return { dir, out: tempDir() };
}
const mtimes = (out: string) => Object.fromEntries(unitDocuments(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));

describe('regeneration', () => {
  it('skips units whose input, profile, options and files are unchanged, and leaves their files alone', async () => {
    const { dir, out } = twoUnits();
    expect((await build([dir, '-o', out])).stderr).toContain('2 个单位中 2 个已生成');
    const before = mtimes(out);
    expect(Object.keys(before)).toHaveLength(4);
    const again = await build([dir, '-o', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('2 个单位中 0 个已生成，2 个未改变（跳过）');
    expect(again.stderr).toContain('a.yaml：未改变，跳过');
    expect(mtimes(out)).toEqual(before);
  });

  it('rebuilds a changed unit, removes the files it no longer writes, and skips the others', async () => {
    const { dir, out } = twoUnits();
    await build([dir, '-o', out]);
    const old = unitDocuments(out).filter((f) => f.includes('A01'));
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局') });
    const r = await build([dir, '-o', out]);
    expect(r.stderr).toContain('2 个单位中 1 个已生成，1 个未改变（跳过）');
    expect(r.stderr).toContain('已删除不再生成的旧文件 2 个');
    const now = unitDocuments(out).filter((f) => f.includes('A01'));
    expect(now.map((f) => f.replace(/^.*[\\/]/, ''))).toEqual([
      '2023年度绩效自评-曲靖市沾益区发展和改革局.docx',
      '2023年度绩效自评-曲靖市沾益区发展和改革局.xlsx',
    ]);
    for (const f of old) expect(existsSync(join(out, f))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as Manifest;
    expect(
      Object.values(manifest.units)
        .flatMap((u) => u.outputs.map((o) => o.path))
        .sort(),
    ).toEqual(unitDocuments(out).map((f) => f.split('\\').join('/')));
  });

  it('keeps the last good files of a unit that now fails, and runs it again next time instead of skipping it', async () => {
    const { dir, out } = twoUnits();
    await build([dir, '-o', out]);
    const good = hashTree(out);
    writeUnits(dir, { 'a.yaml': A.replace(/executed: [\d.]+/, 'executed: 八百') });
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/失败的单位（1 个）：\n {2}.*a\.yaml:\d+:\d+ {2}error {2}E-SCHEMA/);
    expect(r.stderr).not.toContain('已删除不再生成的旧文件');
    const kept = unitDocuments(out).filter((f) => f.includes('A01'));
    expect(kept).toHaveLength(2);
    for (const f of kept) expect(hashTree(out)[f]).toBe(good[f]);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as Manifest;
    expect(
      Object.values(manifest.units)
        .flatMap((u) => u.outputs.map((o) => o.path))
        .sort(),
    ).toEqual(unitDocuments(out).map((f) => f.split('\\').join('/')));
    const again = await build([dir, '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('2 个单位中 0 个已生成，1 个未改变（跳过），1 个失败');
    writeUnits(dir, { 'a.yaml': A });
    expect((await build([dir, '-o', out])).stderr).toContain('2 个单位中 1 个已生成，1 个未改变（跳过）');
    expect(hashTree(out)).toEqual(good);
  });

  it('rebuilds everything with --force, when an output was deleted, and when an output option changes', async () => {
    const { dir, out } = twoUnits();
    await build([dir, '-o', out]);
    expect((await build([dir, '-o', out, '--force'])).stderr).toContain('2 个单位中 2 个已生成');
    rmSync(join(out, unitDocuments(out).find((f) => f.includes('B02') && f.endsWith('.xlsx'))!));
    expect((await build([dir, '-o', out])).stderr).toContain('2 个单位中 1 个已生成，1 个未改变（跳过）');
    expect(unitDocuments(out)).toHaveLength(4);
    expect((await build([dir, '-o', out], { SOURCE_DATE_EPOCH: '1711929600' })).stderr).toContain('2 个单位中 2 个已生成');
  });

  it('removes the temporary files a killed run left behind when it takes over its lock', async () => {
    const { dir, out } = twoUnits();
    mkdirSync(join(out, '2023', 'A01'), { recursive: true });
    writeFileSync(join(out, '2023', 'A01', 'x.docx.4242-0.1.tmp'), 'half a file');
    writeFileSync(join(out, LOCK_NAME), JSON.stringify({ pid: 4194305, started: '2024-03-31T08:00:00.000Z', host: hostname() }));
    await build([dir, '-o', out]);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs as a library call, without progress callbacks', async () => {
    const { dir, out } = twoUnits();
    const r = await runBatch([dir], await testContext(out), { write: true });
    expect(r.units.map((u) => [u.file.slice(dir.length + 1), u.status])).toEqual([
      ['a.yaml', 'built'],
      ['b.yaml', 'built'],
    ]);
    expect(r.summaryWorkbook).toBe(join(out, '汇总表.xlsx'));
    expect((await runBatch([dir], await testContext(out), { write: true })).units.map((u) => u.status)).toEqual(['skipped', 'skipped']);
  });

  it('fails both inputs that would write the same file, before writing either, naming the other input', async () => {
    const { dir, out } = twoUnits();
    writeUnits(dir, { 'c.yaml': A, 'd.yaml': unitYaml('B/02', '曲靖市沾益区审计局'), 'e.yaml': unitYaml('B_02', '曲靖市沾益区审计局') });
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml:7:9 {2}error {2}E-WRITE {2}单位 › 预算单位编码：与 .*c\.yaml 会生成同一个文件 2023\/A01\//);
    expect(r.stderr).toMatch(/c\.yaml:7:9 {2}error {2}E-WRITE {2}单位 › 预算单位编码：与 .*a\.yaml 会生成同一个文件/);
    expect(r.stderr).toMatch(/d\.yaml:7:9 {2}error {2}E-WRITE .*与 .*e\.yaml 会生成同一个文件 2023\/B_02\//);
    expect(r.stderr).toMatch(/\[1\/5\] .*a\.yaml：失败/);
    expect(r.stderr).toContain('5 个单位中 1 个已生成，4 个失败');
    expect(unitDocuments(out).map((f) => f.split(/[\\/]/)[1])).toEqual(['B02', 'B02']);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('progress', () => {
  it('draws a progress bar on a terminal, and writes plain log lines when CI is set', async () => {
    const { dir, out } = twoUnits();
    const tty = memoryIo(ENV);
    expect(await main(['build', dir, '-o', out], { ...tty.io, isTTY: true })).toBe(0);
    expect(tty.stderr()).toMatch(/\r\x1b\[K\[█+\] 2\/2 {2}已生成 2 {2}跳过 0 {2}失败 0/);
    expect(tty.stderr()).not.toContain('[1/2]');
    const ci = memoryIo({ ...ENV, CI: 'true' });
    expect(await main(['build', dir, '-o', out, '--force'], { ...ci.io, isTTY: true })).toBe(0);
    expect(ci.stderr()).not.toContain('█');
    // One line per unit in a log: its warning above it, the files it wrote on it, nothing on stdout.
    expect(ci.stderr()).toMatch(/a\.yaml:\d+:\d+ {2}warning .*\n\[1\/2\] .*a\.yaml：已生成（1 个警告） → .*\/2023\/A01\/[^、\n]+\.docx、.*\.xlsx\n/);
    expect(ci.stderr()).toMatch(/\n\[2\/2\] .*b\.yaml：已生成（1 个警告） → .*\/2023\/B02\/[^、\n]+\.docx、.*\.xlsx\n/);
    expect(ci.stdout()).not.toContain('已生成');
    expect(tty.stdout()).toMatch(/^已生成 .*\.docx\n已生成 .*\.xlsx\n/);
  });
});

describe('summary workbook 汇总表.xlsx', () => {
  it('has one row per unit, sorted by unit, with real numbers in their formats, a totals row, a frozen header and a filter', async () => {
    const { dir, out } = twoUnits();
    // Note: a sum that does not add up is found after validation, so the row still has the unit's name.
    writeUnits(dir, { 'c.yaml': unitYaml('C03', '曲靖市沾益区民政局').replace('projectExpenditure: 19.50', 'projectExpenditure: 19.60') });
    await build([dir, '-o', out]);
    const bytes = new Uint8Array(readFileSync(join(out, '汇总表.xlsx')));
    const rows = await xlsxSheetRows(bytes, '单位');
    expect(rows[0]).toEqual([
      '年度',
      '单位名称',
      '格式（等级用词）',
      '预算数（万元）',
      '执行数（万元）',
      '执行率',
      '部门得分',
      '部门等级',
      '项目数',
      '警告数',
      '错误数',
      '生成的文件（相对输出文件夹）',
      '输入文件（相对输出文件夹）',
    ]);
    // Note: pinyin order: 财政局 (cai), 民政局 (min), 审计局 (shen); then the totals row. Empty cells are left out of a displayed row.
    expect(rows.slice(1).map((r) => r[1])).toEqual(['曲靖市沾益区财政局', '曲靖市沾益区民政局', '曲靖市沾益区审计局', '60.00']);
    expect(rows[4]![0]).toBe('合计（3 个单位）');
    const dump = await dumpXlsx(bytes);
    const unitSheet = dump.slice(0, dump.indexOf('== 项目 =='));
    // Yunnan scores no department: its 部门得分 and 部门等级 cells are empty, not “—”.
    expect(dump).not.toContain('—');
    expect(unitSheet).toContain('A2 number 2023 [0]');
    expect(unitSheet).toContain('C2 string "yunnan"');
    expect(unitSheet).toContain('D2 number 20 [0.00]');
    expect(unitSheet).toContain('F2 number 0.975 [0.00%]');
    expect(unitSheet).not.toMatch(/\bG2 /);
    expect(unitSheet).toContain(
      `L2 string ${JSON.stringify('2023/A01/2023年度绩效自评-曲靖市沾益区财政局.docx\n2023/A01/2023年度绩效自评-曲靖市沾益区财政局.xlsx')}`,
    );
    // The input's path is relative to the output folder.
    expect(unitSheet).toContain(`M3 string ${JSON.stringify(relative(out, join(dir, 'c.yaml')))}`);
    // Totals: amounts summed, 执行率 recomputed from the sums (not averaged).
    expect(unitSheet).toContain('D5 number 60 [0.00]');
    const executed = rows.slice(1, 4).reduce((a, r) => a + Number(r[4]), 0);
    expect(unitSheet).toContain(`E5 number ${Number(executed.toFixed(2))} [0.00]`);
    expect(unitSheet).toMatch(new RegExp(`F5 number ${String(Number((executed / 60).toFixed(4))).replace('.', '\\.')} \\[0\\.00%\\]`));
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(sheet).toContain('<autoFilter ref="A1:M4"/>');

    // The 项目 sheet: one row per project with its own money, rate, score and grade, then the totals with counts by grade.
    const projects = await xlsxSheetRows(bytes, '项目');
    expect(projects[0]).toEqual(['年度', '单位名称', '项目名称', '预算数（万元）', '执行数（万元）', '执行率', '得分', '等级', '格式（等级用词）']);
    expect(projects[1]).toEqual(['2023', '曲靖市沾益区财政局', '财政资金监督检查工作经费', '20.00', '19.50', '97.50%', '99.75', '优', 'yunnan']);
    // The totals row has no 年度 or 单位 (empty cells are left out of a displayed row).
    expect(projects.at(-1)![0]).toMatch(/^合计（\d+ 个项目）$/);
    expect(projects.at(-1)!.at(-1)).toMatch(/^优 \d+/);
  });

  it('is byte-identical for identical input, and lists skipped units from the manifest', async () => {
    const { dir, out } = twoUnits();
    const other = tempDir();
    await build([dir, '-o', out]);
    await build([dir, '-o', other]);
    const first = hashTree(out)['汇总表.xlsx'];
    expect(hashTree(other)['汇总表.xlsx']).toBe(first);
    await build([dir, '-o', out]); // every unit skipped: rows come from the manifest
    expect(hashTree(out)['汇总表.xlsx']).toBe(first);
  });
});

describe('inputs', () => {
  it('expands globs: *, ?, ** and {a,b}, taking only input files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
    writeUnits(dir, { 'a.yaml': A, 'b.yml': B, 'notes.txt': 'x', 'sub/deep/c.json': JSON.stringify({ profile: 'yunnan' }) });
    const out = tempDir();
    const files = async (pattern: string) =>
      (await build([join(dir, pattern), '-o', out, '--format', 'json'])).stderr
        .split('\n')
        .flatMap((l) => /^\[\s*\d+\/\d+\] (.*)：/.exec(l)?.[1] ?? [])
        .map((f) =>
          f
            .slice(dir.length + 1)
            .split('\\')
            .join('/'),
        );
    expect(await files('*.yaml')).toEqual(['a.yaml']);
    expect(await files('?.y*ml')).toEqual(['a.yaml', 'b.yml']);
    expect(await files('{a,b}.*')).toEqual(['a.yaml', 'b.yml']);
    expect(await files('**/*.json')).toEqual(['sub/deep/c.json']);
    expect(await files('sub/*')).toEqual(['sub/deep/c.json']);
    const none = await build([join(dir, '*.xml'), '-o', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('*.xml  error  E-INPUT-UNREADABLE');
  });

  it('turns glob patterns into path expressions', () => {
    expect(globToRegExp('**/*.yaml').test('a/b/c.yaml')).toBe(true);
    expect(globToRegExp('**/*.yaml').test('c.yaml')).toBe(true);
    expect(globToRegExp('*.yaml').test('a/c.yaml')).toBe(false);
    expect(globToRegExp('unit-[0-9][!a].y?ml').test('unit-1b.yaml')).toBe(true);
    expect(globToRegExp('unit-[0-9][!a].y?ml').test('unit-1a.yaml')).toBe(false);
    expect(globToRegExp('{a,b/**}/x.(1).json').test('b/c/d/x.(1).json')).toBe(true);
  });
});

describe('the output folder lock', () => {
  it('refuses, in Chinese and with exit code 1, while another live build holds the folder', async () => {
    const { dir, out } = twoUnits();
    const held = JSON.stringify({ pid: process.pid, started: '2024-03-31T08:00:00.000Z', host: hostname() });
    writeFileSync(join(out, LOCK_NAME), held);
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`正被进程 ${process.pid}`);
    expect(r.stderr).toContain('另一个 jixiao build 正在向同一目录生成文件');
    expect(unitDocuments(out)).toEqual([]);
    expect(readFileSync(join(out, LOCK_NAME), 'utf8')).toBe(held);
  });

  it('takes over the lock of a build whose process has died, and releases it when done', async () => {
    const { dir, out } = twoUnits();
    // Note: 2^22 + 1 is above Linux's largest pid, so no process has it.
    writeFileSync(join(out, LOCK_NAME), JSON.stringify({ pid: 4194305, started: '2024-03-31T08:00:00.000Z', host: hostname() }));
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(0);
    expect(unitDocuments(out)).toHaveLength(4);
    expect(listFiles(out).filter((f) => f.startsWith(LOCK_NAME))).toEqual([]);
  });

  it('reports an output path that is a file as E-WRITE and runs nothing', async () => {
    const { dir } = twoUnits();
    const file = join(tempDir(), 'blocked');
    writeFileSync(file, 'not a folder');
    const r = await build([dir, '-o', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blocked {2}error {2}E-WRITE {2}无法写入输出目录/);
    expect(r.stderr).not.toContain('没有找到输入文件');
  });
});

/**
 * `jixiao convert` keeps an input's `checks:` (its own warning settings) between YAML, JSON and the data-entry
 * workbook, whose 检查设置 sheet holds it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { ...process.env, SOURCE_DATE_EPOCH: '1711843200' };
const run = async (...args: string[]) => {
  const { io, stdout, stderr } = memoryIo(env);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
};

describe('convert and checks:', () => {
  it('carries checks through YAML → JSON → YAML, and the converted input still turns the warning off', async () => {
    const dir = tempDir();
    const yaml = join(dir, 'a.yaml');
    writeFileSync(yaml, `${readFileSync(inputPath('zhanyi-czj-2023.yaml'), 'utf8')}\nchecks:\n  W-LEVEL2-MISFIT: off\n  W-WEIGHT-LEVEL1: error\n`);
    const json = join(dir, 'a.json');
    expect((await run('convert', yaml, json)).code).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as { checks: unknown }).checks).toEqual({ 'W-LEVEL2-MISFIT': 'off', 'W-WEIGHT-LEVEL1': 'error' });
    const back = join(dir, 'b.yaml');
    expect((await run('convert', json, back)).code).toBe(0);
    expect((parse(readFileSync(back, 'utf8')) as { checks: unknown }).checks).toEqual({ 'W-LEVEL2-MISFIT': 'off', 'W-WEIGHT-LEVEL1': 'error' });
    const checked = await run('check', back);
    expect(checked.stdout).not.toContain('W-LEVEL2-MISFIT');
    expect(checked.stdout).toMatch(/error {2}W-WEIGHT-LEVEL1/);
  });

  it('keeps checks on the workbook’s 检查设置 sheet: YAML → workbook → YAML, the workbook itself turns the warning off', async () => {
    const dir = tempDir();
    const yaml = join(dir, 'a.yaml');
    writeFileSync(yaml, `${readFileSync(inputPath('zhanyi-czj-2023.yaml'), 'utf8')}\nchecks:\n  W-LEVEL2-MISFIT: off\n  W-WEIGHT-LEVEL1: error\n`);
    const xlsx = join(dir, 'a.xlsx');
    const r = await run('convert', yaml, xlsx);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('checks');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('检查设置')!;
    expect([2, 3].map((row) => [sheet.getCell(row, 1).value, sheet.getCell(row, 2).value])).toEqual([
      ['W-LEVEL2-MISFIT', '关闭'],
      ['W-WEIGHT-LEVEL1', '错误'],
    ]);
    const checked = await run('check', xlsx);
    expect(checked.stdout).not.toContain('W-LEVEL2-MISFIT');
    expect(checked.stdout).toMatch(/error {2}W-WEIGHT-LEVEL1/);
    const back = join(dir, 'b.yaml');
    expect((await run('convert', xlsx, back)).code).toBe(0);
    expect((parse(readFileSync(back, 'utf8')) as { checks: unknown }).checks).toEqual({ 'W-LEVEL2-MISFIT': 'off', 'W-WEIGHT-LEVEL1': 'error' });
    // A mistyped code is reported at its cell, with the code it was probably meant to be.
    sheet.getCell(2, 1).value = 'W-LEVEL2-MISFT';
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
    const wrong = await run('check', bad);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/bad\.xlsx!检查设置!B2 {2}error {2}E-SCHEMA .*W-LEVEL2-MISFIT/);
    // A workbook without settings reads back without `checks`.
    const plain = join(dir, 'p.yaml');
    expect((await run('convert', inputPath('zhanyi-czj-2023.yaml'), join(dir, 'p.xlsx'))).code).toBe(0);
    expect((await run('convert', join(dir, 'p.xlsx'), plain)).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toMatch(/^checks:/m);
  });
});

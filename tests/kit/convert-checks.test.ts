/**
 * `jixiao convert` keeps an input's `checks:` (its own warning settings) between YAML and JSON, and says that the
 * data-entry workbook drops it (it has no place for it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('says that the workbook does not keep checks, and writes it anyway', async () => {
    const dir = tempDir();
    const yaml = join(dir, 'a.yaml');
    writeFileSync(yaml, `${readFileSync(inputPath('zhanyi-czj-2023.yaml'), 'utf8')}\nchecks:\n  W-LEVEL2-MISFIT: off\n`);
    const r = await run('convert', yaml, join(dir, 'a.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('checks（检查设置）未写入填报工作簿');
    const plain = await run('convert', inputPath('zhanyi-czj-2023.yaml'), join(dir, 'b.xlsx'));
    expect(plain.stderr).not.toContain('checks');
  });
});

/** CLI conventions of issue 15: -h, did-you-mean for a command, --quiet, --max-warnings, and what a folder scan skips. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';
import { looksLikeUnit } from '../../src/run/inputs.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const WARNY = inputPath('zhanyi-renda-2023.yaml');

describe('help and commands', () => {
  it('-h works for the tool and for every command, with examples', async () => {
    for (const args of [['-h'], ['build', '-h'], ['check', '-h'], ['init', '-h'], ['convert', '-h'], ['templates', 'copy', '-h']]) {
      const { io, stdout } = memoryIo(env);
      expect(await main(args, io), args.join(' ')).toBe(0);
      expect(stdout(), args.join(' ')).toMatch(/用法|jixiao/);
      if (args.length > 1) expect(stdout(), args.join(' ')).toContain('示例：');
    }
  });

  it('names the closest command for a mistyped one (exit 2)', async () => {
    const { io, stderr } = memoryIo(env);
    expect(await main(['biuld', 'x.yaml'], io)).toBe(2);
    expect(stderr()).toContain('没有“biuld”这个命令；是指 build 吗？');
    const far = memoryIo(env);
    expect(await main(['frobnicate'], far.io)).toBe(2);
    expect(far.stderr()).not.toContain('是指');
  });
});

describe('check options', () => {
  it('--quiet lists errors only but still counts the warnings', async () => {
    const { io, stdout } = memoryIo(env);
    expect(await main(['check', '--quiet', WARNY], io)).toBe(0);
    expect(stdout()).not.toContain('  warning  ');
    expect(stdout()).toMatch(/0 个错误，[1-9]\d* 个警告/);
  });

  it('--max-warnings N fails (exit 1) above N warnings, and refuses a value that is not a count (exit 2)', async () => {
    const over = memoryIo(env);
    expect(await main(['check', '--max-warnings', '0', WARNY], over.io)).toBe(1);
    expect(over.stderr()).toMatch(/警告共 \d+ 个，超过 --max-warnings 0/);
    expect(await main(['check', '--max-warnings', '1000', WARNY], memoryIo(env).io)).toBe(0);
    const bad = memoryIo(env);
    expect(await main(['check', '--max-warnings', 'abc', WARNY], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--max-warnings 应为 0 或正整数');
  });
});

describe('what a folder scan skips', () => {
  it('recognises unit inputs by a top-level profile or unit key', () => {
    expect(looksLikeUnit('profile: gansu\n')).toBe(true);
    expect(looksLikeUnit('# 注释\nunit:\n  name: x\n')).toBe(true);
    expect(looksLikeUnit('{ "year": 2023, "profile": "yunnan" }')).toBe(true);
    expect(looksLikeUnit('name: CI\non: [push]\n')).toBe(false);
    expect(looksLikeUnit('{"name":"app","version":"1.0.0"}')).toBe(false);
  });

  it('skips the output folder, other output folders, 汇总表, non-unit YAML and --exclude, and says so', async () => {
    const dir = tempDir();
    copyFileSync(WARNY, join(dir, 'a.yaml'));
    mkdirSync(join(dir, '草稿'));
    copyFileSync(WARNY, join(dir, '草稿', 'b.yaml'));
    writeFileSync(join(dir, 'ci.yml'), 'name: CI\non: [push]\n');
    const out = join(dir, 'out');
    const first = memoryIo(env);
    expect(await main(['build', dir, '-o', out, '-j', '1', '--exclude', '草稿'], first.io)).toBe(0);
    expect(first.stderr()).toContain(`${join(dir, 'ci.yml')}：不是单位输入`);
    expect(first.stderr()).toContain(`${join(dir, '草稿')}：符合 --exclude 草稿`);
    expect(first.stderr()).toContain('1 个单位中 1 个已生成');
    // A second build of the same folder does not read its own outputs (out/ now holds 汇总表.xlsx and the manifest).
    const second = memoryIo(env);
    expect(await main(['build', dir, '-o', out, '-j', '1', '--exclude', '草稿'], second.io)).toBe(0);
    expect(second.stderr()).toContain(`${out}：这是本次的输出文件夹`);
    expect(second.stderr()).toContain('1 个单位中 0 个已生成，1 个未改变（跳过）');
    // The skipped unit's warnings, kept in the manifest, are still counted (and by --max-warnings).
    const warnings = /0 个错误，(\d+) 个警告/.exec(first.stderr())?.[1];
    expect(Number(warnings)).toBeGreaterThan(0);
    expect(second.stderr()).toContain(`未改变，跳过（上次 ${warnings} 个警告）`);
    expect(second.stderr()).toContain(`0 个错误，${warnings} 个警告`);
    expect(await main(['build', dir, '-o', out, '-j', '1', '--exclude', '草稿', '--max-warnings', '0'], memoryIo(env).io)).toBe(1);
    // Checking the folder: out/ is recognised by its manifest.
    const check = memoryIo(env);
    expect(await main(['check', dir, '--exclude', '草稿'], check.io)).toBe(0);
    expect(check.stderr()).toContain(`${out}：这是 jixiao 的输出文件夹`);
  });
});

describe('--format json', () => {
  it('gives diagnostic records of one shape and a final summary record with the outputs and what was skipped', async () => {
    const dir = tempDir();
    copyFileSync(WARNY, join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'notes.yaml'), '备忘: 无\n');
    const out = join(dir, 'out');
    const { io, stdout } = memoryIo(env);
    expect(await main(['build', dir, '-o', out, '-j', '1', '--format', 'json'], io)).toBe(0);
    const records = stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = records.at(-1)!;
    expect(records.slice(0, -1).every((r) => r['type'] === 'diagnostic' && typeof r['line'] === 'number' && typeof r['column'] === 'number')).toBe(true);
    expect(summary).toMatchObject({ type: 'summary', command: 'build', units: 1, built: 1, failed: 0, errors: 0, warnings: records.length - 1 });
    expect(summary['outputs']).toHaveLength(2);
    expect(summary['skippedInputs']).toEqual([{ path: join(dir, 'notes.yaml'), reason: '不是单位输入（顶层既没有 profile 也没有 unit）' }]);
    expect(summary['summaryWorkbook']).toBe(join(out, '汇总表.xlsx'));
  });
});

/** The CLI, run in-process with an in-memory io: exit codes, diagnostics on stderr, files written. */
import { existsSync, readdirSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MINIMAL_YAML } from '../support/minimal.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const listFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []);
/** The units' documents under out/<year>/<code>/, without the batch's manifest and 汇总表. */
const unitDocuments = (dir: string): string[] => listFiles(dir).filter((f) => /\.(docx|xlsx)$/.test(f) && f !== '汇总表.xlsx');

describe('jixiao build', () => {
  it('writes a DOCX and an XLSX per unit into out/<year>/<unit code>/', async () => {
    const out = tempDir();
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '--out', out], io)).toBe(0);
    expect(listFiles(join(out, '2023', 'ZY-CZJ')).filter((f) => !f.endsWith('.tmp'))).toEqual([
      '2023年度绩效自评-曲靖市沾益区财政局.docx',
      '2023年度绩效自评-曲靖市沾益区财政局.xlsx',
    ]);
    expect(stderr()).toContain('1 个单位中 1 个已生成');
  });

  it('exits 1 but still writes the valid unit when another unit is invalid', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'good.yaml'), MINIMAL_YAML);
    writeFileSync(join(dir, 'bad.yaml'), MINIMAL_YAML.replace(/executed: [\d.]+/, 'executed: 八百'));
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', dir, '-o', out], io)).toBe(1);
    expect(stderr()).toMatch(/bad\.yaml:\d+:\d+\s+error\s+E-SCHEMA/);
    expect(unitDocuments(out)).toHaveLength(2);
    expect(stderr()).toContain('2 个单位中 1 个已生成');
  });

  it('writes no file for a unit with errors', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), MINIMAL_YAML.replace(/executed: [\d.]+/, 'executed: -5'));
    const { io } = memoryIo(env);
    expect(await main(['build', join(dir, 'bad.yaml'), '-o', out], io)).toBe(1);
    expect(unitDocuments(out)).toEqual([]);
  });

  it('reports an output folder that cannot be written as E-WRITE, without a stack trace', async () => {
    if (process.getuid?.() === 0) {
      // Note: root ignores permissions; a file where the folder should be fails for everyone.
      const base = tempDir();
      writeFileSync(join(base, 'blocked'), 'not a folder');
      const { io, stderr } = memoryIo(env);
      expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', join(base, 'blocked')], io)).toBe(1);
      expect(stderr()).toContain('E-WRITE');
      expect(stderr()).not.toMatch(/\n\s+at /);
      return;
    }
    const out = tempDir();
    mkdirSync(join(out, '2023'));
    chmodSync(join(out, '2023'), 0o500);
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', out], io)).toBe(1);
    expect(stderr()).toContain('E-WRITE');
  });

  it('sanitises unit names and codes before they become paths', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(
      join(dir, 'evil.yaml'),
      MINIMAL_YAML.replace(/code: .*/, 'code: "../../etc/CON"').replace(/(unit:\n\s+name: ).*/, '$1"a/b\\\\c:d*?<>|..单位"'),
    );
    const { io } = memoryIo(env);
    expect(await main(['build', join(dir, 'evil.yaml'), '-o', out], io)).toBe(0);
    const files = unitDocuments(out);
    expect(files).toHaveLength(2);
    for (const f of files) {
      expect(f.split(/[\\/]/).every((seg) => seg !== '..' && !/[<>:"|?*]/.test(seg))).toBe(true);
    }
  });
});

describe('jixiao check', () => {
  it('exits 0 on a clean input and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.yaml'), MINIMAL_YAML);
    const { io } = memoryIo(env);
    expect(await main(['check', join(dir, 'ok.yaml')], io)).toBe(0);
    expect(listFiles(dir)).toEqual(['ok.yaml']);
  });

  it('prints warnings but exits 0, and exits 1 with --strict', async () => {
    const { io, stdout, stderr } = memoryIo(env);
    expect(await main(['check', inputPath('zhanyi-renda-2023.yaml')], io)).toBe(0);
    // The report is check's result, on stdout (`check x.yaml > 问题.txt`); stderr has only the progress line.
    expect(stdout()).toContain('W-INCOME-EXPENSE-GAP');
    expect(stdout()).toMatch(/0 个错误，\d+ 个警告/);
    expect(stderr()).not.toContain('W-INCOME-EXPENSE-GAP');
    const strict = memoryIo(env);
    expect(await main(['check', '--strict', inputPath('zhanyi-renda-2023.yaml')], strict.io)).toBe(1);
  });

  it('prints machine-readable diagnostics with --format json', async () => {
    const { io, stdout } = memoryIo(env);
    await main(['check', '--format', 'json', inputPath('zhanyi-renda-2023.yaml')], io);
    const lines = stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; code: string; line?: number; column?: number });
    const diagnostics = lines.slice(0, -1);
    expect(diagnostics.some((l) => l.code === 'W-INCOME-EXPENSE-GAP')).toBe(true);
    expect(diagnostics.every((l) => l.type === 'diagnostic' && typeof l.code === 'string' && typeof l.line === 'number')).toBe(true);
    // One final summary record.
    expect(lines.at(-1)).toMatchObject({ type: 'summary', command: 'check', units: 1, checked: 1, errors: 0, warnings: diagnostics.length });
  });

  it('exits 2 on a usage error', async () => {
    const { io, stderr } = memoryIo(env);
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(stderr()).toContain('jixiao --help');
  });

  it('exits 1 when an input file does not exist', async () => {
    const { io, stderr } = memoryIo(env);
    expect(await main(['check', '/nonexistent/x.yaml'], io)).toBe(1);
    expect(stderr()).toContain('E-INPUT-UNREADABLE');
  });
});

describe('jixiao init', () => {
  it('writes the commented sample, which then checks clean and builds', async () => {
    const dir = tempDir();
    const file = join(dir, 'my-unit.yaml');
    const { io } = memoryIo(env);
    expect(await main(['init', file], io)).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/全年预算数/);
    const check = memoryIo(env);
    expect(await main(['check', file], check.io)).toBe(0);
    expect(check.stdout()).toContain('0 个错误，0 个警告');
  });

  it('--profile names a form with shipped samples; another is a usage error that says which exist', async () => {
    const dir = tempDir();
    const { io, stderr } = memoryIo(env);
    expect(await main(['init', join(dir, 'x.yaml'), '--profile', 'nope'], io)).toBe(2);
    expect(stderr()).toContain('未知的格式“nope”');
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.yaml');
    writeFileSync(file, 'keep me');
    const { io } = memoryIo(env);
    expect(await main(['init', file], io)).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});

/** A warning switched off or re-graded by the input (`checks:`) or by a profile (`severity:` with `off`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const TEXT = readFileSync(inputPath('zhanyi-renda-2023.yaml'), 'utf8');

/** `check` of the Zhanyi 人大 input with `extra` YAML appended at the top level. */
async function checkWith(extra: string, ...args: string[]): Promise<{ code: number; report: string }> {
  const file = join(tempDir(), 'u.yaml');
  writeFileSync(file, `${TEXT.trimEnd()}\n${extra}`);
  const m = memoryIo(env);
  return { code: await main(['check', file, ...args], m.io), report: m.stdout() };
}

describe('checks: in the input', () => {
  it('switches a warning off, and makes another one an error', async () => {
    const plain = await checkWith('');
    expect(plain.report).toContain('W-INCOME-EXPENSE-GAP');
    expect(plain.report).toContain('W-TASK-NAME');
    const off = await checkWith('checks:\n  W-INCOME-EXPENSE-GAP: off\n');
    expect(off.code).toBe(0);
    expect(off.report).not.toContain('W-INCOME-EXPENSE-GAP');
    expect(off.report).toContain('W-TASK-NAME');
    const up = await checkWith('checks:\n  W-TASK-NAME: error\n');
    expect(up.code).toBe(1);
    expect(up.report).toMatch(/error {2}W-TASK-NAME/);
    // Switched off on purpose: --strict does not bring it back.
    expect((await checkWith('checks:\n  W-INCOME-EXPENSE-GAP: off\n', '--strict')).report).not.toContain('W-INCOME-EXPENSE-GAP');
  });

  it('reports an unknown code with a suggestion, a wrong value, and an error switched off, where they are written', async () => {
    const r = await checkWith('checks:\n  W-TASK-NAM: off\n  W-UNIT-COST: maybe\n  E-SCHEMA: off\n');
    expect(r.code).toBe(1);
    const line = TEXT.trimEnd().split('\n').length + 2;
    expect(r.report).toMatch(new RegExp(`u\\.yaml:${line}:\\d+  error  E-SCHEMA  .*checks\\.W-TASK-NAM：没有这个检查代码，是否想写“W-TASK-NAME”`));
    expect(r.report).toMatch(new RegExp(`u\\.yaml:${line + 1}:\\d+  error  E-SCHEMA  .*应为 off（关闭）、warning（警告）或 error（错误），实际为“maybe”`));
    expect(r.report).toMatch(new RegExp(`u\\.yaml:${line + 2}:\\d+  error  E-SCHEMA  .*错误（E-）会使生成的文件有误，不能关闭`));
  });
});

describe('severity: off in a profile', () => {
  it('drops the warning for every unit of the form, and refuses to switch an error off', async () => {
    const root = tempDir();
    await main(['templates', 'copy', 'yunnan', root], memoryIo().io);
    const profileYaml = join(root, 'yunnan', 'profile.yaml');
    const original = readFileSync(profileYaml, 'utf8');
    expect(original).toContain('\nseverity: {}\n');
    const withSeverity = (entry: string) => original.replace('\nseverity: {}\n', `\nseverity:\n  ${entry}\n`);
    writeFileSync(profileYaml, withSeverity('W-TASK-NAME: off'));
    const off = await checkWith('', '--templates', root);
    expect(off.code).toBe(0);
    expect(off.report).not.toContain('W-TASK-NAME');
    expect(off.report).toContain('W-INCOME-EXPENSE-GAP');
    // Note: profiles are loaded once per process and folder, so the refused setting goes into a folder of its own.
    const other = tempDir();
    await main(['templates', 'copy', 'yunnan', other], memoryIo().io);
    writeFileSync(join(other, 'yunnan', 'profile.yaml'), withSeverity('E-SCHEMA: off'));
    const m = memoryIo(env);
    const file = join(tempDir(), 'u.yaml');
    writeFileSync(file, TEXT);
    expect(await main(['check', file, '--templates', other], m.io)).not.toBe(0);
    expect(m.stdout() + m.stderr()).toContain('severity.E-SCHEMA：错误（E-）不能关闭');
  });
});

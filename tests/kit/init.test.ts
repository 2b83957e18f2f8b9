/** `jixiao init --profile <id>`: a sample for every profile and every `extends` folder, as commented YAML or as JSON. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { PROFILE_IDS } from '../../src/profiles/registry.js';
import { memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };

/** Exit code and report of `check` on one file. */
async function check(file: string, ...more: string[]): Promise<{ code: number; report: string }> {
  const m = memoryIo(env);
  return { code: await main(['check', file, ...more], m.io), report: m.stdout() };
}

describe('jixiao init --profile', () => {
  for (const id of PROFILE_IDS) {
    it(`writes a commented ${id} sample that checks without errors, and the same as JSON`, async () => {
      const dir = tempDir();
      const yaml = join(dir, `${id}.yaml`);
      const m = memoryIo(env);
      expect(await main(['init', '--profile', id, yaml], m.io)).toBe(0);
      expect(m.stdout()).toContain(`已写出 ${id} 格式`);
      const text = readFileSync(yaml, 'utf8');
      expect(text).toMatch(new RegExp(`^profile: ${id}`, 'm'));
      // Commented: most lines carry a Chinese label.
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      expect(lines.filter((l) => /#\s*\p{Script=Han}/u.test(l)).length / lines.length).toBeGreaterThan(0.5);
      const y = await check(yaml);
      expect(y.code, y.report).toBe(0);
      expect(y.report).toMatch(/ 0 个错误/);

      const json = join(dir, `${id}.json`);
      expect(await main(['init', '-p', id, json], memoryIo(env).io)).toBe(0);
      const data = JSON.parse(readFileSync(json, 'utf8')) as { profile: string };
      expect(data.profile).toBe(id);
      const j = await check(json);
      expect(j.code, j.report).toBe(0);
      // The same unit either way: the same warnings, by code.
      const codes = (r: string) => [...r.matchAll(/ {2}warning {2}(\S+)/g)].map((x) => x[1]).sort();
      expect(codes(j.report)).toEqual(codes(y.report));
    });
  }

  it('writes a sample for a form made by extends, under its own id', async () => {
    const root = tempDir('jixiao-extends-');
    mkdirSync(join(root, 'gansu-xian'));
    writeFileSync(join(root, 'gansu-xian', 'profile.yaml'), 'extends: gansu\nname: 某县整体绩效自评（仿甘肃）\n');
    const file = join(tempDir(), 'x.yaml');
    expect(await main(['init', '--profile', 'gansu-xian', '--templates', root, file], memoryIo(env).io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^profile: gansu-xian/m);
    const r = await check(file, '--templates', root);
    expect(r.code, r.report).toBe(0);
  });

  it('refuses an unknown profile and a name that is neither YAML nor JSON (exit 2)', async () => {
    const dir = tempDir();
    const unknown = memoryIo(env);
    expect(await main(['init', '--profile', 'yunan', join(dir, 'a.yaml')], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('未知的格式“yunan”');
    const txt = memoryIo(env);
    expect(await main(['init', join(dir, 'a.txt')], txt.io)).toBe(2);
    expect(txt.stderr()).toContain('应以 .yaml、.yml 或 .json 结尾');
    const xlsx = memoryIo(env);
    expect(await main(['init', '--xlsx', '--profile', 'yunan', join(dir, 'a.xlsx')], xlsx.io)).toBe(2);
    expect(xlsx.stderr()).toContain('yunan');
  });
});

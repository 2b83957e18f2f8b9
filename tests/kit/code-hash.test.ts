/**
 * The manifest's recipe covers the code, not only package.json's version (scripts/code-hash.mjs): dist/ carries the
 * hash of the sources it was built from, and a jixiao built from other sources regenerates every unit once, where the
 * same build skips them.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the build, without types
import { codeHash } from '../../scripts/code-hash.mjs';
import { ROOT, inputPath, tempDir } from '../support/fixtures.js';

const run = promisify(execFile);
const env = { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1711843200' };

/** A copy of the built jixiao whose baked-in source hash is `hash` instead of the real one. */
function copyWithHash(real: string, hash: string): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  let replaced = 0;
  for (const f of readdirSync(join(dir, 'dist')).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(join(dir, 'dist', f), 'utf8');
    if (!text.includes(real)) continue;
    writeFileSync(join(dir, 'dist', f), text.split(real).join(hash));
    replaced += 1;
  }
  expect(replaced).toBeGreaterThan(0);
  return join(dir, 'dist', 'cli.js');
}

describe('the recipe covers the code', () => {
  it('dist/ carries the hash of the sources it was built from', () => {
    const real = codeHash(ROOT) as string;
    expect(real).toMatch(/^[0-9a-f]{64}$/);
    const chunks = readdirSync(join(ROOT, 'dist')).filter((n) => n.endsWith('.js'));
    expect(chunks.some((f) => readFileSync(join(ROOT, 'dist', f), 'utf8').includes(JSON.stringify(real)))).toBe(true);
  });

  it('a jixiao built from other sources regenerates every unit; the same build skips them', async () => {
    const out = tempDir();
    const input = inputPath('hongsibu-renda-2023.yaml');
    const build = async (cli: string) => (await run(process.execPath, [cli, 'build', input, '-o', out], { env })).stderr;
    expect(await build(join(ROOT, 'dist', 'cli.js'))).toMatch(/已生成/);
    expect(await build(join(ROOT, 'dist', 'cli.js'))).toMatch(/未改变|跳过/);
    const other = copyWithHash(codeHash(ROOT) as string, 'f'.repeat(64));
    const again = await build(other);
    expect(again).toMatch(/已生成/);
    expect(again).not.toMatch(/未改变|跳过/);
  });
});

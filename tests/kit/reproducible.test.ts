/** Two CLI runs on the same input, in separate processes with different time zones, give byte-identical files. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, inputPath, tempDir } from '../support/fixtures.js';

const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(docx|xlsx)$/.test(f))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );

describe('reproducible output', () => {
  it('builds byte-identical DOCX and XLSX under TZ=UTC and TZ=Asia/Shanghai', () => {
    const runs = ['UTC', 'Asia/Shanghai'].map((tz) => {
      const out = tempDir();
      const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz };
      delete env['SOURCE_DATE_EPOCH'];
      execFileSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli.js'), 'build', inputPath('zhanyi-renda-2023.yaml'), inputPath('zhanyi-czj-2023.yaml'), '--out', out],
        { env, stdio: 'pipe' },
      );
      return hashes(out);
    });
    expect(Object.keys(runs[0]!)).toHaveLength(5); // two units × (DOCX + XLSX), and 汇总表.xlsx
    expect(runs[1]).toEqual(runs[0]);
  });
});

/**
 * A unit skipped as unchanged keeps the warnings of the build that wrote its files: the manifest stores them
 * (validated on read), they are printed again marked 上次的结果, and they count in the summary and --max-warnings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { LAST_RUN } from '../../src/run/batch-view.js';
import { MANIFEST_NAME } from '../../src/run/manifest.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { ...process.env, SOURCE_DATE_EPOCH: '1711843200' };
const input = inputPath('zhanyi-czj-2023.yaml');
const run = async (args: string[]) => {
  const { io, stdout, stderr } = memoryIo(env);
  const code = await main(['build', input, '-j', '1', ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
};
const warningLines = (s: string) => s.split('\n').filter((l) => /\bwarning {2}W-/.test(l));

describe('a skipped unit’s warnings', () => {
  it('are remembered, printed again as 上次的结果, and counted in the summary and --max-warnings', async () => {
    const out = tempDir();
    const first = await run(['-o', out]);
    expect(first.code).toBe(0);
    const warnings = warningLines(first.stderr);
    expect(warnings.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as { units: Record<string, { diagnostics: { code: string }[] }> };
    expect(Object.values(manifest.units)[0]!.diagnostics).toHaveLength(warnings.length);

    const again = await run(['-o', out]);
    expect(again.stderr).toContain('未改变，跳过');
    const remembered = warningLines(again.stderr);
    expect(remembered).toEqual(warnings.map((l) => l.replace(/(W-[A-Z0-9-]+ {2}[^：]*：)/, `$1${LAST_RUN}`)));
    expect(again.stderr).toContain(`0 个错误，${warnings.length} 个警告；1 个单位中 0 个已生成，1 个未改变（跳过）`);

    const limited = await run(['-o', out, '--max-warnings', '0']);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain(`警告共 ${warnings.length} 个，超过 --max-warnings 0`);

    const json = await run(['-o', out, '--format', 'json']);
    const records = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; message?: string; warnings?: number });
    expect(records.filter((r) => r.type === 'diagnostic' && r.message?.startsWith(LAST_RUN))).toHaveLength(warnings.length);
    expect(records.at(-1)).toMatchObject({ type: 'summary', skipped: 1, warnings: warnings.length });
  });

  it('are validated on read: a manifest with an unknown code is ignored with a warning, and the unit rebuilt', async () => {
    const out = tempDir();
    expect((await run(['-o', out])).code).toBe(0);
    const path = join(out, MANIFEST_NAME);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/"code": "W-[A-Z0-9-]+"/, '"code": "W-NO-SUCH-CHECK"'));
    const again = await run(['-o', out]);
    expect(again.stderr).toContain('W-MANIFEST-IGNORED');
    expect(again.stderr).toContain('diagnostics.0.code');
    expect(again.stderr).toContain('1 个单位中 1 个已生成');
  });
});

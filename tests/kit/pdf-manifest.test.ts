/**
 * build --pdf and the manifest: the PDFs are outputs of their unit (size, sha256), so an unchanged unit with intact
 * PDFs is not converted again, a missing or edited PDF is converted again, and a rebuild without --pdf removes them.
 * LibreOffice is a stand-in script that logs each conversion.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MANIFEST_NAME } from '../../src/run/manifest.js';
import { isOwnOutputPath } from '../../src/run/output-files.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const FAKE_SOFFICE = `#!/bin/sh
prev=""; out=""; src=""
for a in "$@"; do
  [ "$prev" = "--outdir" ] && out="$a"
  prev="$a"; src="$a"
done
name=$(basename "$src"); stem="\${name%.*}"
echo "$name" >> "$FAKE_LOG"
printf '%%PDF-1.4 fake\\n' > "$out/$stem.pdf"
`;

describe.skipIf(process.platform === 'win32')('build --pdf and the manifest', () => {
  it('records the PDFs, converts only what is new or changed, and removes PDFs a rebuild no longer writes', async () => {
    const dir = tempDir();
    const soffice = join(dir, 'soffice');
    writeFileSync(soffice, FAKE_SOFFICE);
    chmodSync(soffice, 0o755);
    const log = join(dir, 'log');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1711843200', JIXIAO_SOFFICE: soffice, FAKE_LOG: log };
    const input = join(dir, 'in', 'unit.yaml');
    mkdirSync(join(dir, 'in'));
    copyFileSync(inputPath('zhanyi-czj-2023.yaml'), input);
    const out = join(dir, 'out');
    const build = async (...more: string[]) => {
      const { io, stderr } = memoryIo(env);
      const code = await main(['build', input, '-o', out, '-j', '1', ...more], io);
      return { code, stderr: stderr() };
    };
    const conversions = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length : 0);
    const unitDir = join(out, '2023', 'ZY-CZJ');
    const report = join(unitDir, '2023年度绩效自评-曲靖市沾益区财政局.pdf');
    const tables = join(unitDir, '2023年度绩效自评-曲靖市沾益区财政局-表格.pdf');

    expect((await build('--pdf')).code).toBe(0);
    expect(conversions()).toBe(2);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as { units: Record<string, { outputs: { path: string; size: number }[] }> };
    const outputs = Object.values(manifest.units)[0]!
      .outputs.map((o) => o.path)
      .sort();
    expect(outputs.filter((p) => p.endsWith('.pdf'))).toEqual([
      '2023/ZY-CZJ/2023年度绩效自评-曲靖市沾益区财政局-表格.pdf',
      '2023/ZY-CZJ/2023年度绩效自评-曲靖市沾益区财政局.pdf',
    ]);

    // Unchanged, PDFs intact: nothing is converted again.
    const again = await build('--pdf');
    expect(again.code).toBe(0);
    expect(conversions()).toBe(2);
    expect(again.stderr).not.toMatch(/PDF：/);

    // An edited PDF makes the unit out of date: rebuilt and both converted again.
    writeFileSync(report, 'edited');
    expect((await build('--pdf')).code).toBe(0);
    expect(conversions()).toBe(4);
    expect(readFileSync(report, 'utf8')).toContain('%PDF-1.4 fake');

    // A missing PDF likewise.
    writeFileSync(tables, '');
    expect((await build('--pdf')).code).toBe(0);
    expect(conversions()).toBe(6);

    // A rebuild without --pdf (the input changed) no longer owns the PDFs: they are removed as stale outputs.
    writeFileSync(input, `${readFileSync(input, 'utf8')}\n# changed\n`);
    expect((await build()).code).toBe(0);
    expect(existsSync(report)).toBe(false);
    expect(existsSync(tables)).toBe(false);
    expect(conversions()).toBe(6);
  });

  it('accepts a PDF as an own output path, only next to the documents', () => {
    expect(isOwnOutputPath('2023/ZY-CZJ/报告.pdf')).toBe(true);
    expect(isOwnOutputPath('2023/报告.pdf')).toBe(false);
    expect(isOwnOutputPath('2023/ZY-CZJ/报告.pdf.tmp')).toBe(false);
  });
});

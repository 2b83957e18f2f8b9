/**
 * build --pdf: LibreOffice converts the reports with the shipped font mapping. The conversions that need LibreOffice
 * and poppler-utils are skipped (and reported as skipped) on a machine without them; the pool's timeout, failure and
 * profile handling is tested everywhere with a stand-in soffice script.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { nodeFs } from '../../src/run/context.js';
import { INSTALL_HINT, convertToPdf, findSoffice, pdfTarget, type PdfOutcome } from '../../src/run/pdf.js';
import { carlitoNotice, fontconfigMatch, fontsConfFor } from '../../src/run/pdf-step.js';
import { ROOT, inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const hasSoffice = findSoffice(process.env) !== undefined;
const hasPoppler = ['pdftotext', 'pdffonts', 'pdftoppm'].every((tool) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const env = { ...process.env, SOURCE_DATE_EPOCH: '1711843200' };
const FONTS_CONF = fontsConfFor(join(ROOT, 'templates'));
const listFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('build --pdf with LibreOffice', () => {
  it.skipIf(!hasSoffice || !hasPoppler)('converts a report to PDF with its Chinese text and figures, in Simplified Chinese fonts', async () => {
    const out = tempDir();
    const { io, stderr, stdout } = memoryIo(env);
    expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', out, '--pdf'], io)).toBe(0);
    expect(stderr()).toMatch(/PDF：2 个文件中 2 个已生成/);
    const dir = join(out, '2023', 'ZY-CZJ');
    const report = join(dir, '2023年度绩效自评-曲靖市沾益区财政局.pdf');
    const tables = join(dir, '2023年度绩效自评-曲靖市沾益区财政局-表格.pdf');
    expect(stdout()).toContain(`已生成 ${report}`);
    for (const pdf of [report, tables]) {
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const s of ['曲靖市沾益区财政局', '113.41', '财政专网信息化建设专项资金']) expect(text, pdf).toContain(s);
      expect(text).not.toContain('□');
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0]!)
        .filter((n) => n !== '');
      // Note: Noto CJK ships as one collection whose shared CFF names every face "…CJKjp-…", whichever face (SC here)
      // was chosen; a Japanese-only family (IPA, Takao, VL Gothic, MS Mincho, "… JP") would show in its own name.
      expect(fonts.filter((n) => /JP|IPA|Takao|VL-?Gothic|MS-?(Mincho|Gothic)|Hiragino|Meiryo|Yu(Gothic|Mincho)/.test(n))).toEqual([]);
      expect(
        fonts.every((n) => /\+(NotoSerifCJK|NotoSansCJK|ARPL|LiberationSerif|LiberationSans|WenQuanYi|Carlito|DejaVu)/.test(n)),
        fonts.join(' '),
      ).toBe(true);
    }
    expect(execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' })).toContain('100.00%');
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!hasSoffice || !hasPoppler)('never shapes Chinese text with Japanese glyph forms, even under a Japanese locale', async () => {
    const dir = tempDir();
    const docx = (lang: string) =>
      Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({
                  children: [
                    new TextRun({
                      text: '直骨角',
                      size: 96,
                      font: { eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312' },
                      language: { eastAsia: lang },
                    }),
                  ],
                }),
              ],
            },
          ],
        }),
      );
    writeFileSync(join(dir, 'zh.docx'), await docx('zh-CN'));
    writeFileSync(join(dir, 'ja.docx'), await docx('ja-JP'));
    const wb = new ExcelJS.Workbook();
    Object.assign(wb.addWorksheet('s').getCell('A1'), { value: '直骨角', font: { name: '仿宋_GB2312', size: 48, charset: 134 } });
    writeFileSync(join(dir, 'cell.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = async (name: string, locale: string) => {
      const [o] = await convertToPdf([{ source: join(dir, name), target: join(dir, `${name}-${locale}.pdf`) }], {
        soffice: findSoffice(process.env)!,
        fontsConf: FONTS_CONF,
        timeoutMs: 60_000,
        env: { ...process.env, LANG: locale, LC_ALL: locale },
        write: nodeFs.writeAtomic,
      });
      expect(o && 'written' in o, JSON.stringify(o)).toBe(true);
      execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', join(dir, `${name}-${locale}.pdf`), join(dir, `${name}-${locale}`)]);
      return readFileSync(join(dir, `${name}-${locale}.png`));
    };
    const [zh, ja, cellJa, cellC] = await Promise.all([
      run('zh.docx', 'ja_JP.UTF-8'),
      run('ja.docx', 'ja_JP.UTF-8'),
      run('cell.xlsx', 'ja_JP.UTF-8'),
      run('cell.xlsx', 'C.UTF-8'),
    ]);
    // 直骨角 differ between the Japanese and the Chinese forms: text marked zh-CN must not look like text marked ja-JP.
    expect(Buffer.compare(zh, ja)).not.toBe(0);
    // An XLSX cell has no language; the private profile's zh-CN default keeps a Japanese locale from choosing the forms.
    expect(Buffer.compare(cellJa, cellC)).toBe(0);
  });
});

describe('build --pdf without LibreOffice', () => {
  it('says so in one line with the install command, writes the DOCX/XLSX and keeps the exit code', async () => {
    const out = tempDir();
    const { io, stderr } = memoryIo({ SOURCE_DATE_EPOCH: '1711843200', PATH: '' });
    expect(await main(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', out, '--pdf'], io)).toBe(0);
    expect(
      stderr()
        .split('\n')
        .filter((l) => l.includes('LibreOffice')),
    ).toEqual([INSTALL_HINT]);
    expect(INSTALL_HINT).toContain('apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk');
    expect(INSTALL_HINT).toMatch(/Windows\/macOS/);
    expect(listFiles(join(out, '2023', 'ZY-CZJ'))).toEqual(['2023年度绩效自评-曲靖市沾益区财政局.docx', '2023年度绩效自评-曲靖市沾益区财政局.xlsx']);
  });
});

/** A stand-in for soffice: logs its profile, then hangs, exits silently, fails, or writes a PDF, by the file's name. */
const FAKE_SOFFICE = `#!/bin/sh
prev=""; out=""; src=""
for a in "$@"; do
  case "$a" in -env:UserInstallation=*) echo "$a" >> "$FAKE_LOG";; esac
  [ "$prev" = "--outdir" ] && out="$a"
  prev="$a"; src="$a"
done
name=$(basename "$src"); stem="\${name%.*}"
case "$name" in
  *slow*) sleep 30;;
  *wait*) sleep 0.3;;
  *silent*) exit 0;;
  *broken*) echo "Error: source file could not be loaded" >&2; exit 1;;
esac
printf '%%PDF-1.4 fake %s\\n' "$FONTCONFIG_FILE" > "$out/$stem.pdf"
`;

describe.skipIf(process.platform === 'win32')('the LibreOffice pool', () => {
  const setup = () => {
    const dir = tempDir();
    const soffice = join(dir, 'bin', 'soffice');
    mkdirSync(join(dir, 'bin'));
    writeFileSync(soffice, FAKE_SOFFICE);
    chmodSync(soffice, 0o755);
    const job = (name: string) => {
      writeFileSync(join(dir, name), 'x');
      return { source: join(dir, name), target: pdfTarget(join(dir, name)) };
    };
    return { dir, soffice, job, log: join(dir, 'profiles.log') };
  };
  const codeOf = (o: PdfOutcome | undefined) => (o && 'diagnostic' in o ? o.diagnostic.code : 'ok');

  it('reports a timeout, a silent exit and a failure per file, and still converts the rest', async () => {
    const { soffice, job, log, dir } = setup();
    const jobs = [job('a-slow.docx'), job('b-silent.docx'), job('c-broken.xlsx'), job('d.docx'), job('e.xlsx')];
    const outcomes = await convertToPdf(jobs, {
      soffice,
      fontsConf: FONTS_CONF,
      timeoutMs: 2000,
      workers: 2,
      env: { ...process.env, FAKE_LOG: log },
      write: nodeFs.writeAtomic,
    });
    expect(outcomes.map(codeOf)).toEqual(['E-PDF-TIMEOUT', 'E-PDF', 'E-PDF', 'ok', 'ok']);
    expect(outcomes.map((o) => ('diagnostic' in o ? o.diagnostic.file : undefined))).toEqual([
      jobs[0]!.source,
      jobs[1]!.source,
      jobs[2]!.source,
      undefined,
      undefined,
    ]);
    expect(JSON.stringify(outcomes[2])).toContain('source file could not be loaded');
    expect(readFileSync(join(dir, 'd.pdf'), 'utf8')).toContain(FONTS_CONF);
    expect(existsSync(join(dir, 'e-表格.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'a-slow.pdf'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives each worker its own profile, a fresh one after a failure, and removes them afterwards', async () => {
    const { soffice, job, log } = setup();
    const profiles = async (jobs: ReturnType<typeof job>[], workers: number) => {
      writeFileSync(log, '');
      await convertToPdf(jobs, {
        soffice,
        fontsConf: FONTS_CONF,
        timeoutMs: 10_000,
        workers,
        env: { ...process.env, FAKE_LOG: log },
        write: nodeFs.writeAtomic,
      });
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.replace('-env:UserInstallation=file://', ''));
    };
    // Note: the two "wait" jobs take 0.3 s each, so both workers are converting at the same time.
    const parallel = await profiles([job('a-wait.docx'), job('b-wait.docx')], 2);
    expect(new Set(parallel).size).toBe(2);
    const afterFailure = await profiles([job('c-silent.docx'), job('d.docx')], 1);
    expect(new Set(afterFailure).size).toBe(2);
    for (const p of [...parallel, ...afterFailure]) expect(existsSync(decodeURIComponent(p))).toBe(false);
  });

  it('finds soffice through JIXIAO_SOFFICE or PATH, and names the PDFs of a DOCX and an XLSX apart', () => {
    const { soffice, dir } = setup();
    expect(findSoffice({ PATH: join(dir, 'bin') }, 'linux')).toBe(soffice);
    expect(findSoffice({ PATH: '', JIXIAO_SOFFICE: soffice }, 'linux')).toBe(soffice);
    expect(findSoffice({ PATH: dir }, 'linux')).toBeUndefined();
    expect(pdfTarget('/o/r.docx')).toBe('/o/r.pdf');
    expect(pdfTarget('/o/r.xlsx')).toBe('/o/r-表格.pdf');
  });
});

describe('the Carlito notice of build --pdf', () => {
  it('is given for workbooks when fontconfig has no font with Calibri’s widths, and only then', () => {
    const noCarlito = () => 'DejaVu Sans';
    expect(carlitoNotice(['a.docx', 'a.xlsx'], noCarlito)).toContain('fonts-crosextra-carlito');
    expect(carlitoNotice(['a.docx', 'a.xlsx'], noCarlito)).toContain('DejaVu Sans');
    expect(carlitoNotice(['a.docx'], noCarlito)).toBeUndefined();
    expect(carlitoNotice(['a.xlsx'], () => 'Carlito')).toBeUndefined();
    expect(carlitoNotice(['a.xlsx'], () => undefined)).toBeUndefined();
  });

  it('asks fc-match on Linux under the font mapping, and nothing elsewhere', () => {
    expect(fontconfigMatch(FONTS_CONF, env, 'win32')('Calibri')).toBeUndefined();
    let hasFcMatch = true;
    try {
      execFileSync('fc-match', ['--version'], { stdio: 'ignore' });
    } catch {
      hasFcMatch = false;
    }
    const face = fontconfigMatch(FONTS_CONF, env, 'linux')('Calibri');
    if (hasFcMatch) expect(face).toMatch(/\S/);
    else expect(face).toBeUndefined();
  });
});

/** build --pdf：生成 DOCX/XLSX 之后把它们转成 PDF，打印每个 PDF 或每个失败，以及一行小结。 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostics, formatDiagnosticsJson } from './reporter.js';
import { PACKAGE_ROOT } from './context.js';
import type { UnitOutcome } from './unit-outcome.js';
import { INSTALL_HINT, convertToPdf, findSoffice, pdfTarget, type PdfOptions } from './pdf.js';

/** Seconds one conversion may take before LibreOffice is killed and the file reported. */
export const DEFAULT_PDF_TIMEOUT_SECONDS = 120;

/** The fontconfig mapping: `fonts/fonts.conf` of a custom templates folder if it has one, else the package's. */
export function fontsConfFor(templatesRoot: string): string {
  const custom = join(templatesRoot, 'fonts', 'fonts.conf');
  return existsSync(custom) ? custom : join(PACKAGE_ROOT, 'templates', 'fonts', 'fonts.conf');
}

/**
 * The notice for a conversion of workbooks on a machine whose fontconfig has no font with Calibri's widths (Carlito):
 * Excel counts column widths in Calibri's digits, and LibreOffice without it counts them in a wider face, so the rows
 * jixiao sized for Excel look too tall in the PDF. `matchFont` is what fontconfig gives for a family name (undefined
 * where it cannot be asked). Note: Windows and macOS LibreOffice bring Carlito; fontconfig is asked on Linux only.
 */
export function carlitoNotice(sources: readonly string[], matchFont: (family: string) => string | undefined): string | undefined {
  if (!sources.some((s) => /\.xlsx$/i.test(s))) return undefined;
  const face = matchFont('Calibri');
  if (face === undefined || /carlito|calibri/i.test(face)) return undefined;
  return `提示：本机没有与 Calibri 同宽的字体 Carlito（fontconfig 给的是 ${face}），LibreOffice 转换的表格 PDF 中列会偏宽、行显得过高；安装 fonts-crosextra-carlito 即可（如 sudo apt-get install fonts-crosextra-carlito）。`;
}

/** The family fontconfig picks for `family` under the given configuration, on Linux; undefined elsewhere or without fc-match. */
export function fontconfigMatch(
  fontsConf: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): (family: string) => string | undefined {
  return (family) => {
    if (platform !== 'linux') return undefined;
    try {
      return (
        execFileSync('fc-match', ['-f', '%{family}', family], { env: { ...env, FONTCONFIG_FILE: fontsConf }, encoding: 'utf8', timeout: 10_000 }).trim() ||
        undefined
      );
    } catch {
      return undefined;
    }
  };
}

export interface PdfStepOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly templatesRoot: string;
  readonly timeoutSeconds: number;
  readonly format: 'text' | 'json';
  readonly write: PdfOptions['write'];
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly workers?: number;
  /** What fontconfig gives for a family name (tests); by default fc-match under the font mapping, on Linux. */
  readonly matchFont?: (family: string) => string | undefined;
}

/**
 * Converts the written DOCX/XLSX files to PDF and reports each result. Returns whether a conversion failed;
 * a missing LibreOffice is one notice line and no failure, since the DOCX/XLSX were written.
 */
export async function runPdfStep(outputs: readonly string[], opts: PdfStepOptions): Promise<{ failed: boolean; written: string[] }> {
  const jobs = outputs.filter((o) => /\.(docx|xlsx)$/i.test(o)).map((source) => ({ source, target: pdfTarget(source) }));
  if (jobs.length === 0) return { failed: false, written: [] };
  const soffice = findSoffice(opts.env);
  if (!soffice) {
    opts.err(`${INSTALL_HINT}\n`);
    return { failed: false, written: [] };
  }
  const started = performance.now();
  const fontsConf = fontsConfFor(opts.templatesRoot);
  const notice = carlitoNotice(
    jobs.map((j) => j.source),
    opts.matchFont ?? fontconfigMatch(fontsConf, opts.env),
  );
  if (notice !== undefined && opts.format === 'text') opts.err(`${notice}\n`);
  const outcomes = await convertToPdf(jobs, {
    soffice,
    fontsConf,
    timeoutMs: opts.timeoutSeconds * 1000,
    env: opts.env,
    write: opts.write,
    ...(opts.workers ? { workers: opts.workers } : {}),
  });
  const problems = outcomes.flatMap((o) => ('diagnostic' in o ? [o.diagnostic] : []));
  if (opts.format === 'json') opts.out(formatDiagnosticsJson(problems));
  else {
    if (problems.length > 0) opts.err(formatDiagnostics(problems));
    opts.out(outcomes.flatMap((o) => ('written' in o ? [`已生成 ${o.written}\n`] : [])).join(''));
    const mark = problems.length > 0 ? '✖' : '✔';
    opts.err(
      `${mark} PDF：${jobs.length} 个文件中 ${jobs.length - problems.length} 个已生成${problems.length > 0 ? `，${problems.length} 个失败` : ''}；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒\n`,
    );
  }
  return { failed: problems.length > 0, written: outcomes.flatMap((o) => ('written' in o ? [o.written] : [])) };
}

/**
 * The DOCX/XLSX to convert: every file of a unit built now, and those of a skipped unit whose PDF the manifest does
 * not record. Note: a skipped unit's recorded PDFs were checked intact (size, sha256) before it was skipped, so they
 * are not converted again; a missing or changed PDF makes the unit not up to date, so it is rebuilt and converted.
 */
export function pdfSources(units: readonly UnitOutcome[]): string[] {
  return units.flatMap((u) => (u.status === 'skipped' ? u.outputs.filter((o) => !u.outputs.includes(pdfTarget(o))) : u.outputs));
}

/** PDF 转换：LibreOffice 无界面模式把 DOCX/XLSX 转成 PDF；每个并行进程一个独立配置目录，逐个限时，失败逐个报告。 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from './ensure-dir.js';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';

/** The one line printed when LibreOffice is missing; DOCX and XLSX are written anyway. */
export const INSTALL_HINT =
  '未找到 LibreOffice，未生成 PDF（DOCX/XLSX 已照常生成）。Debian/Ubuntu 安装：' +
  'sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk；' +
  'Windows/macOS：从 https://www.libreoffice.org/download/ 安装，并把 soffice 所在目录加入 PATH（或设置 JIXIAO_SOFFICE=soffice 的完整路径）。';

/** One conversion: a written DOCX/XLSX and the PDF to write next to it. */
export interface PdfJob {
  readonly source: string;
  readonly target: string;
}

/** The PDF written, or why not. */
export type PdfOutcome = { readonly job: PdfJob; readonly written: string } | { readonly job: PdfJob; readonly diagnostic: Diagnostic };

export interface PdfOptions {
  readonly soffice: string;
  /** fontconfig file mapping the report fonts (仿宋_GB2312 …) to installed free fonts. */
  readonly fontsConf: string;
  readonly timeoutMs: number;
  readonly env: NodeJS.ProcessEnv;
  /** Parallel LibreOffice processes (default: the number of cores). */
  readonly workers?: number;
  /** Writes the PDF under its final name (atomically: a temporary name, then a rename). */
  readonly write: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** `r.docx` → `r.pdf`; `r.xlsx` → `r-表格.pdf`, since both come from the same base name. */
export function pdfTarget(source: string): string {
  const ext = extname(source);
  const stem = source.slice(0, source.length - ext.length);
  return ext.toLowerCase() === '.xlsx' ? `${stem}-表格.pdf` : `${stem}.pdf`;
}

/** The LibreOffice program: JIXIAO_SOFFICE, then soffice/libreoffice on PATH, then the usual Windows/macOS install folders. */
export function findSoffice(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const explicit = env['JIXIAO_SOFFICE'];
  if (explicit) return isProgram(explicit, platform) ? explicit : undefined;
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const dir of dirs) for (const name of names) if (isProgram(join(dir, name), platform)) return join(dir, name);
  const usual =
    platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : platform === 'win32'
        ? [env['ProgramFiles'], env['ProgramFiles(x86)']].filter((d): d is string => !!d).map((d) => join(d, 'LibreOffice', 'program', 'soffice.exe'))
        : [];
  return usual.find((p) => isProgram(p, platform));
}

function isProgram(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Converts every job, up to `workers` at a time, each worker with its own LibreOffice profile; outcomes in job order. */
export async function convertToPdf(jobs: readonly PdfJob[], opts: PdfOptions): Promise<PdfOutcome[]> {
  const outcomes: PdfOutcome[] = new Array<PdfOutcome>(jobs.length);
  let next = 0;
  const workers = Math.max(1, Math.min(opts.workers ?? availableParallelism(), jobs.length));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      let profile = await newProfile();
      try {
        for (let i = next++; i < jobs.length; i = next++) {
          const { outcome, spoiled } = await convertOne(jobs[i]!, profile, opts);
          outcomes[i] = outcome;
          if (spoiled) {
            // Note: a killed or silent LibreOffice may leave its profile locked; the next job gets a fresh one.
            await rm(profile, { recursive: true, force: true });
            profile = await newProfile();
          }
        }
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    }),
  );
  return outcomes;
}

/**
 * A private LibreOffice profile. Two soffice processes sharing a profile make the second one write nothing and still
 * exit 0. Note: the profile is seeded with zh-CN as the default Asian language, so text without a language of its
 * own (every XLSX cell) is shaped with Simplified Chinese glyphs even under a Japanese system locale.
 */
async function newProfile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
  await ensureDir(join(dir, 'user'));
  await writeFile(join(dir, 'user', 'registrymodifications.xcu'), PROFILE_SEED);
  return dir;
}

const PROFILE_SEED = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale_CJK" oor:op="fuse"><value>zh-CN</value></prop></item>
</oor:items>
`;

async function convertOne(job: PdfJob, profile: string, opts: PdfOptions): Promise<{ outcome: PdfOutcome; spoiled: boolean }> {
  const fail = (code: DiagnosticCode, message: string, spoiled: boolean) => ({
    outcome: { job, diagnostic: { code, severity: 'error' as const, file: job.source, message } },
    spoiled,
  });
  const outDir = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const run = await runSoffice(
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--nodefault',
        '--nofirststartwizard',
        '--nolockcheck',
        '--nologo',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        job.source,
      ],
      opts,
    );
    const seconds = Math.round(opts.timeoutMs / 100) / 10;
    if (run.timedOut) return fail('E-PDF-TIMEOUT', `转换 PDF 超过 ${seconds} 秒，已终止 LibreOffice，未生成 PDF；可用 --pdf-timeout 放宽时限后重试。`, true);
    const produced = join(outDir, `${basename(job.source, extname(job.source))}.pdf`);
    const bytes = await readFile(produced).catch(() => undefined);
    if (!bytes || !isPdf(bytes)) {
      const why = run.error ?? (run.code === 0 ? '退出码 0 但没有写出文件' : `退出码 ${run.code ?? run.signal}`);
      return fail('E-PDF', `LibreOffice 未生成 PDF（${why}${run.detail ? `：${run.detail}` : ''}）。`, true);
    }
    await opts.write(job.target, new Uint8Array(bytes));
    return { outcome: { job, written: job.target }, spoiled: false };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const isPdf = (b: Uint8Array): boolean => b.length > 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';

interface SofficeRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly error?: string;
  readonly detail?: string;
}

/** Runs soffice with FONTCONFIG_FILE set; on timeout kills its whole process group (soffice starts soffice.bin). */
function runSoffice(args: readonly string[], opts: PdfOptions): Promise<SofficeRun> {
  return new Promise((resolve) => {
    const group = process.platform !== 'win32';
    const child = spawn(opts.soffice, args, { env: { ...opts.env, FONTCONFIG_FILE: opts.fontsConf }, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, group, () => child.kill('SIGKILL'));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, timedOut: false, error: e.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Note: "failed to launch javaldx" is printed on every run and means nothing for a conversion.
      const detail = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/javaldx|^convert /.test(l))
        .pop()
        ?.slice(0, 200);
      resolve({ code, signal, timedOut, ...(detail ? { detail } : {}) });
    });
  });
}

/** Kills a process and what it started: its process group on POSIX, `taskkill /T` on Windows. */
function killTree(pid: number | undefined, group: boolean, fallback: () => void): void {
  try {
    if (pid === undefined) fallback();
    else if (group) process.kill(-pid, 'SIGKILL');
    else spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' }).on('error', fallback);
  } catch {
    fallback();
  }
}

/** 运行上下文：文件系统、时钟、环境只从这里进入各阶段。 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { lstat, readFile, readdir, realpath, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { createTemplateEngine, type Render } from '../compose/templates.js';
import { FileTooLargeError } from '../load/decode.js';
import { ensureDirSync } from './ensure-dir.js';

/** What is at a path: a regular file, a folder, a symbolic link (when not followed), or anything else (FIFO, socket, device). */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

/** The file-system operations the run stage uses (swappable in tests). */
export interface FileSystem {
  /** The kind of entry at a path; `follow: false` looks at a symbolic link itself (lstat), `true` at its target (stat). */
  readonly entryKind: (path: string, follow: boolean) => Promise<EntryKind>;
  /** The absolute path with every symbolic link resolved; fails (ENOENT, ELOOP) on a dangling link or a loop. */
  readonly realpath: (path: string) => Promise<string>;
  /** With `limit`, a file larger than that is not read: the promise rejects with a FileTooLargeError (load/decode.ts). */
  readonly readFile: (path: string, limit?: number) => Promise<Uint8Array>;
  readonly readText: (path: string) => Promise<string>;
  /** Writes to a temporary name in the same folder, then renames, so a crash never leaves a half-written file. */
  readonly writeAtomic: (path: string, data: Uint8Array) => Promise<void>;
  /**
   * Writes `data` to a temporary name beside `path` (creating folders) and returns that name; nothing is visible
   * under `path` until `commit`. A failed write leaves no temporary file behind.
   */
  readonly stage: (path: string, data: Uint8Array) => Promise<string>;
  /** Renames a staged temporary file onto its final path. */
  readonly commit: (temp: string, path: string) => Promise<void>;
  /** Removes a staged temporary file that will not be committed (absent is fine). */
  readonly discard: (temp: string) => Promise<void>;
  readonly readdir: (path: string) => Promise<string[]>;
  readonly isDirectory: (path: string) => Promise<boolean>;
  readonly exists: (path: string) => Promise<boolean>;
  /** Removes a file (absent is fine), then its folder if that is now empty. */
  readonly remove: (path: string) => Promise<void>;
  /** Removes the temporary files that writeAtomic calls of a killed run left under `dir`; returns how many. */
  readonly removeStrayTemps: (dir: string) => Promise<number>;
}

/** Everything a run needs from outside the pure stages, decided once. */
export interface RunContext {
  /** The options the context was made from, so that a worker thread can make the same one. */
  readonly options: ContextOptions;
  readonly outDir: string;
  readonly templatesRoot: string;
  /** package.json's version and the hash of the sources it was built from (`0.1.0+9f…`), for the manifest's recipe. */
  readonly toolVersion: string;
  /** SOURCE_DATE_EPOCH when set: the date stamped into every file. Otherwise each unit's report date is used. */
  readonly fixedDate: Date | undefined;
  readonly strict: boolean;
  /** The word/styles.xml of `--reference-docx`: its styles replace jixiao's of the same id in every DOCX written. */
  readonly referenceStyles: string | undefined;
  readonly render: Render;
  readonly fs: FileSystem;
}

/** The package's own folder: this module is bundled into dist/*.js (scripts/build.mjs), or run as src/run/context.ts. */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(here: string): string {
  return basename(here) === 'dist' ? dirname(here) : join(here, '..', '..');
}

let tmpCounter = 0;
/** The names writeAtomic writes to before renaming: `<file>.<pid>-<thread>.<n>.tmp`. */
const TEMP_NAME = /\.\d+-\d+\.\d+\.tmp$/;

/**
 * Writes `data` to a fresh temporary name beside `p`; removes it again when the write fails (a full disk).
 * Note: a unit's own file operations (its input, its two documents, their renames) are synchronous. A batch computes
 * each unit synchronously anyway (~25 ms), and an asynchronous write costs three trips through libuv's thread pool,
 * whose threads wait for a core that both batch threads keep busy: the threads stood idle a tenth of the time, and
 * 1,000 units took 23.0–24.0 s against 20.3–21.7 s (bench/RESULTS.md, seventh round).
 */
function stageFile(p: string, data: Uint8Array): string {
  ensureDirSync(dirname(p));
  const tmp = `${p}.${process.pid}-${threadId}.${++tmpCounter}.tmp`;
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw namingFile(e, tmp, p);
  }
  return tmp;
}

/** The error of an operation on temporary file `tmp`, naming the file the user asked for (`p`) instead. */
function namingFile(e: unknown, tmp: string, p: string): unknown {
  if (e instanceof Error && (e as NodeJS.ErrnoException).path === tmp) (e as NodeJS.ErrnoException).path = p;
  return e;
}

/** Renames a temporary file onto `p`; an error names `p`, not the temporary name. */
function renameOnto(tmp: string, p: string): void {
  try {
    renameSync(tmp, p);
  } catch (e) {
    throw namingFile(e, tmp, p);
  }
}

/** Node's file system, with atomic writes. */
export const nodeFs: FileSystem = {
  entryKind: async (p, follow) => {
    const st = follow ? await stat(p) : await lstat(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : 'other';
  },
  realpath: (p) => realpath(p),
  readFile: async (p, limit) => {
    // Note: the size first, so that a huge file given as an input is refused without being read; decode.ts checks the
    // bytes read again, for a file that grew meanwhile.
    if (limit !== undefined) {
      const { size } = statSync(p);
      if (size > limit) throw new FileTooLargeError(size);
    }
    return new Uint8Array(readFileSync(p));
  },
  readText: (p) => readFile(p, 'utf8'),
  writeAtomic: async (p, data) => {
    const tmp = stageFile(p, data);
    try {
      renameOnto(tmp, p);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  },
  stage: async (p, data) => stageFile(p, data),
  commit: async (tmp, p) => renameOnto(tmp, p),
  discard: (tmp) => rm(tmp, { force: true }),
  readdir: (p) => readdir(p),
  isDirectory: async (p) => (await stat(p)).isDirectory(),
  exists: (p) =>
    stat(p).then(
      () => true,
      () => false,
    ),
  remove: async (p) => {
    await rm(p, { force: true });
    await rmdir(dirname(p)).catch(() => undefined); // Note: only succeeds when the folder is empty
  },
  removeStrayTemps: async (dir) => {
    const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    const stray = names.filter((n) => TEMP_NAME.test(n));
    await Promise.all(stray.map((n) => rm(join(dir, n), { force: true })));
    return stray.length;
  },
};

/**
 * The hash of the sources this jixiao was built from, baked in by scripts/build.mjs; 'source' when run from src/.
 * Note: part of the manifest's recipe, so that a changed jixiao regenerates every unit once, even when package.json's
 * version stayed the same (a developer's `npm start` after a pull no longer keeps outputs of the old code).
 */
declare const __JIXIAO_CODE__: string | undefined;
const CODE = typeof __JIXIAO_CODE__ === 'string' ? __JIXIAO_CODE__ : 'source';

/** Reads the tool version from package.json. */
export async function toolVersion(fs: FileSystem = nodeFs): Promise<string> {
  const pkg = JSON.parse(await fs.readText(join(PACKAGE_ROOT, 'package.json'))) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** What a context is made from; everything but `fs` can be sent to a worker thread, which makes the same context. */
export interface ContextOptions {
  readonly outDir: string;
  readonly strict?: boolean;
  readonly templatesRoot?: string;
  /** The styles.xml text read from `--reference-docx` (text, so that it can be sent to a worker thread). */
  readonly referenceStyles?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
}

/** Builds the context from CLI options and the environment. */
export async function createContext(opts: ContextOptions): Promise<RunContext> {
  const env = opts.env ?? process.env;
  const fs = opts.fs ?? nodeFs;
  const epoch = env['SOURCE_DATE_EPOCH'];
  const fixedDate = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  return {
    options: opts,
    outDir: opts.outDir,
    templatesRoot: opts.templatesRoot ?? join(PACKAGE_ROOT, 'templates'),
    toolVersion: `${await toolVersion(fs)}+${CODE}`,
    fixedDate,
    strict: opts.strict ?? false,
    referenceStyles: opts.referenceStyles,
    render: createTemplateEngine(),
    fs,
  };
}

/** The date stamped into a unit's files: SOURCE_DATE_EPOCH, else 报告日期, else 31 March after the budget year. */
export function reportDate(ctx: RunContext, year: number, stated: string | undefined): Date {
  if (ctx.fixedDate) return ctx.fixedDate;
  if (stated) return new Date(`${stated}T00:00:00Z`);
  return new Date(Date.UTC(year + 1, 2, 31));
}

/** 输入展开：命令行给出的文件、文件夹与通配符 → 输入文件清单（按路径排序，结果稳定），以及不能读取的条目及原因。 */
import { basename, extname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EntryKind, FileSystem } from './context.js';
import { expandGlob, globBase, globToRegExp, isGlob } from './glob.js';
import { mapLimit } from './map-limit.js';
import { MANIFEST_NAME, SUMMARY_NAME } from './own-names.js';

/** Input files read at once by a folder scan. */
const READ_LANES = 16;

/** Extensions read as unit inputs; .xlsx is a data-entry workbook (jixiao init --xlsx). */
export const INPUT_EXTENSIONS = ['.yaml', '.yml', '.json', '.xlsx'] as const;

// Note: "~$x.xlsx" is the lock file Excel and WPS keep beside an open workbook, not an input.
const isInput = (name: string) => (INPUT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !basename(name).startsWith('~$');

/** The inputs found: every path to run (in order), which of them are rejected and why, and arguments that matched nothing. */
export interface ExpandedInputs {
  readonly files: string[];
  /** Entries found by a folder scan or pattern that must not be read, by path: each becomes a failed unit with this error. */
  readonly rejected: ReadonlyMap<string, Diagnostic>;
  readonly missing: string[];
  /** Entries a folder scan or pattern left out on purpose (the output folder, 汇总表, non-unit YAML/JSON, --exclude), with why. */
  readonly skipped: readonly SkippedInput[];
}

/** An entry left out of a scan, and why (Chinese, for the user). */
export interface SkippedInput {
  readonly path: string;
  readonly reason: string;
}

/** What a scan leaves out besides hidden folders and node_modules. */
export interface ScanOptions {
  /** The build's output folder: never scanned for inputs. */
  readonly outDir?: string;
  /** Glob patterns (`--exclude`): a pattern with `/` is matched against the whole path, one without against each name in it. */
  readonly exclude?: readonly string[];
}

/** A matcher for `--exclude` patterns over a path as found (either separator). */
function excluder(patterns: readonly string[]): (path: string) => string | undefined {
  const compiled = patterns.map((p) => ({ p, re: globToRegExp(p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '')), whole: p.includes('/') }));
  return (path) => {
    const slashed = path.split(sep).join('/').replace(/^\.\//, '');
    const names = slashed.split('/');
    return compiled.find(({ re, whole }) => (whole ? re.test(slashed) : names.some((n) => re.test(n))))?.p;
  };
}

/**
 * Whether a YAML/JSON text found by a scan may be a unit: it has a top-level `profile` or `unit` key.
 * Note: a yunnan unit may leave `profile` out (it is the default), so `unit`, which every form requires, counts too;
 * a file given on the command line is always read; only scans skip notes, CI files and other YAML this way.
 */
export const looksLikeUnit = (text: string): boolean =>
  /^(?:profile|unit)[ \t]*:/m.test(text) || /^\s*\{[\s\S]*"(?:profile|unit)"\s*:/.test(text) || /^["']?(?:profile|unit)["']?[ \t]*:/m.test(text);

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
const reject = (file: string, message: string): Diagnostic => ({ code: 'E-INPUT-UNREADABLE', severity: 'error', file, message });
const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Expands folders recursively (skipping hidden folders and node_modules) and glob patterns (only input files,
 * and the folders they match); files are taken as given. A pattern that matches nothing counts as missing.
 *
 * Scans never leave the folder given: they do not descend into symbolically linked folders, and read a linked file
 * only when its real path is inside that folder. A dangling link, a link loop, a link out of the folder, a FIFO,
 * socket or device, and an entry or folder that cannot be read are each rejected with a Chinese reason (when the
 * name is an input's), and the scan goes on with the rest.
 */
export async function expandInputs(args: readonly string[], fs: FileSystem, opts: ScanOptions = {}): Promise<ExpandedInputs> {
  const files: string[] = [];
  const rejected = new Map<string, Diagnostic>();
  const missing: string[] = [];
  const skipped: SkippedInput[] = [];
  const excluded = excluder(opts.exclude ?? []);
  const outDir = opts.outDir !== undefined ? resolve(opts.outDir) : undefined;
  const skip = (path: string, reason: string) => {
    skipped.push({ path, reason });
  };
  /** Why a folder met by a scan is not entered, if it is not. */
  const folderSkip = async (dir: string): Promise<string | undefined> => {
    const pattern = excluded(dir);
    if (pattern) return `符合 --exclude ${pattern}`;
    if (outDir !== undefined && resolve(dir) === outDir) return '这是本次的输出文件夹';
    if (await fs.exists(join(dir, MANIFEST_NAME))) return `这是 jixiao 的输出文件夹（内有 ${MANIFEST_NAME}）`;
    return undefined;
  };
  /** Why an input file met by a scan is not read, if it is not. */
  const fileSkip = async (path: string): Promise<string | undefined> => {
    const pattern = excluded(path);
    if (pattern) return `符合 --exclude ${pattern}`;
    if (basename(path) === SUMMARY_NAME) return 'jixiao 写出的汇总表';
    if (extname(path).toLowerCase() === '.xlsx') return undefined;
    const text = await fs.readText(path).catch(() => undefined);
    // Note: an unreadable file is left to the unit's run, which reports why.
    if (text !== undefined && !looksLikeUnit(text)) return '不是单位输入（顶层既没有 profile 也没有 unit）';
    return undefined;
  };
  /** An input file, skipped for `why` or else taken. */
  const place = (path: string, why: string | undefined) => {
    if (why) skip(path, why);
    else files.push(path);
  };
  const take = async (path: string) => place(path, await fileSkip(path));
  const refuse = (path: string, message: string) => {
    files.push(path);
    rejected.set(path, reject(path, message));
  };

  /** One entry found by a scan whose real root is `root`: a folder to walk, an input, a rejection, or nothing. */
  const visit = async (path: string, root: string): Promise<void> => {
    const name = basename(path);
    let kind: EntryKind;
    try {
      kind = await fs.entryKind(path, false);
    } catch (e) {
      if (isInput(name)) refuse(path, `无法读取此条目（${errno(e)}）。`);
      return;
    }
    if (kind === 'directory') return walk(path, root);
    if (!isInput(name)) return;
    if (kind === 'file') return take(path);
    if (kind === 'other') {
      refuse(path, '这不是普通文件（是命名管道、套接字或设备），不能作为输入；已跳过。');
      return;
    }
    // A symbolic link named like an input.
    let real: string;
    try {
      real = await fs.realpath(path);
    } catch (e) {
      const code = errno(e);
      refuse(
        path,
        code === 'ELOOP'
          ? '符号链接构成循环（链接最终指回自身），无法读取；已跳过。'
          : code === 'ENOENT'
            ? '符号链接指向的文件不存在（悬空链接）；已跳过。'
            : `无法解析符号链接（${code}）；已跳过。`,
      );
      return;
    }
    if (!inside(real, root)) {
      refuse(path, `符号链接指向所给文件夹之外（${real}）；为安全起见不读取文件夹以外的文件，请直接在命令行上给出该文件。`);
      return;
    }
    const target = await fs.entryKind(real, false).catch(() => 'other' as const);
    if (target === 'file') await take(path);
    else if (target === 'directory')
      return; // Note: a linked folder is never entered, whatever its name
    else refuse(path, '符号链接指向的不是普通文件（命名管道、套接字或设备），不能作为输入；已跳过。');
  };

  const walk = async (dir: string, root: string): Promise<void> => {
    const why = await folderSkip(dir);
    if (why) {
      skip(dir, why);
      return;
    }
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort().filter((name) => !name.startsWith('.') && name !== 'node_modules');
    } catch (e) {
      refuse(dir, `无法读取文件夹（${errno(e)}）；其中的输入没有处理。`);
      return;
    }
    // Note: the entries are looked at all at once (a folder may hold a thousand units), then taken in order.
    const kinds = await Promise.all(names.map((name) => fs.entryKind(join(dir, name), false).catch(() => undefined)));
    // Note: plain input files, the common case, need no second look; they are read READ_LANES at a time (each is read
    // to tell a unit from other YAML), then taken in order. One after another, 1,000 units kept the workers waiting ~0.3 s.
    const plain = names.map((name, i) => kinds[i] === 'file' && isInput(name));
    const reasons = await mapLimit(names, READ_LANES, (name, i) => (plain[i] ? fileSkip(join(dir, name)) : Promise.resolve(undefined)));
    for (const [i, name] of names.entries()) {
      const p = join(dir, name);
      if (plain[i]) place(p, reasons[i]);
      else if (kinds[i] !== 'file') await visit(p, root);
    }
  };

  const realRoot = async (folder: string): Promise<string> => fs.realpath(folder).catch(() => resolve(folder));

  for (const arg of args) {
    let kind: EntryKind;
    try {
      kind = await fs.entryKind(arg, true);
    } catch {
      // Note: a path that exists is taken literally even if it has glob characters, such as "[2023] 单位.yaml".
      const matches = isGlob(arg) ? await expandGlob(arg, fs) : [];
      const before = files.length + skipped.length;
      const root = await realRoot(globBase(arg));
      for (const m of matches) await visit(m, root);
      if (files.length + skipped.length === before) missing.push(arg);
      continue;
    }
    const pattern = excluded(arg);
    if (pattern) skip(arg, `符合 --exclude ${pattern}`);
    else if (kind === 'directory') await walk(arg, await realRoot(arg));
    else if (kind === 'other') refuse(arg, '这不是普通文件（是命名管道、套接字或设备），不能作为输入。');
    else files.push(arg);
  }
  return { files: [...new Set(files)], rejected, missing, skipped };
}

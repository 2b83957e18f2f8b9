#!/usr/bin/env node
/** 命令行：yargs → main(argv, io) → 退出码；不含业务逻辑。 */
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExitCode } from './model/diagnostic.js';
import { createContext, nodeFs, PACKAGE_ROOT, toolVersion, type FileSystem } from './run/context.js';
import { runBatch, summaryLine } from './run/batch.js';
import { formatDiagnostics, formatDiagnosticsJson } from './run/reporter.js';
import type { UnitResult } from './run/pipeline.js';

/** Where the CLI prints; tests pass an in-memory one. */
export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
  readonly exists?: (path: string) => boolean;
}

class UsageError extends Error {}

const nodeIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const fs = io.fs ?? nodeFs;
  const version = await toolVersion(fs);
  const report = (units: readonly UnitResult[], format: string) => {
    const ds = units.flatMap((u) => u.diagnostics);
    if (format === 'json') io.out(formatDiagnosticsJson(ds));
    else if (ds.length > 0) io.err(formatDiagnostics(ds));
  };
  const batch = async (args: { inputs: string[]; out?: string; strict: boolean; format: string; templates?: string }, write: boolean) => {
    const ctx = await createContext({ outDir: args.out ?? 'out', strict: args.strict, fs, ...(args.templates ? { templatesRoot: resolve(args.templates) } : {}), ...(io.env ? { env: io.env } : {}) });
    const result = await runBatch(args.inputs, ctx, { write });
    report(result.units, args.format);
    for (const m of result.missing) io.err(`${m}  error  E-INPUT-UNREADABLE  找不到输入文件或文件夹\n`);
    if (result.units.length === 0 && result.missing.length === 0) io.err('没有找到输入文件（*.yaml、*.yml、*.json）。\n');
    if (write) for (const u of result.units) for (const o of u.outputs) io.out(`已生成 ${o}\n`);
    if (args.format !== 'json') io.err(`${summaryLine(result, write)}\n`);
    code = result.units.length === 0 && result.missing.length === 0 ? ExitCode.InvalidInput : result.exitCode;
  };
  const common = <T>(y: import('yargs').Argv<T>) => y
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '输入文件或文件夹（YAML/JSON）' })
    .option('strict', { type: 'boolean', default: false, describe: '把警告当作错误' })
    .option('format', { choices: ['text', 'json'] as const, default: 'text', describe: '诊断输出格式' })
    .option('templates', { type: 'string', describe: '使用自定义模板目录（内含各格式子目录）' });
  const parser = yargs([...argv]).scriptName('jixiao').locale('zh_CN').exitProcess(false).strict().version(version)
    .usage('用法：$0 <命令> [选项]')
    .command('build <inputs..>', '检查并生成绩效自评文档（DOCX 与 XLSX）', (y) => common(y)
      .option('out', { alias: 'o', type: 'string', default: 'out', describe: '输出目录' }),
    async (args) => batch({ inputs: args.inputs as string[], out: args.out, strict: args.strict, format: args.format, ...(args.templates ? { templates: args.templates } : {}) }, true))
    .command('check <inputs..>', '只检查输入，不生成文件', (y) => common(y),
      async (args) => batch({ inputs: args.inputs as string[], strict: args.strict, format: args.format, ...(args.templates ? { templates: args.templates } : {}) }, false))
    .command('init [file]', '写出一份带中文注释的示例输入文件', (y) => y
      .positional('file', { type: 'string', default: 'jixiao-input.yaml', describe: '要写出的文件' })
      .option('force', { type: 'boolean', default: false, describe: '覆盖已存在的文件' }),
    async (args) => {
      const target = args.file;
      const exists = io.exists ?? ((p: string) => { try { realpathSync(p); return true; } catch { return false; } });
      if (exists(target) && !args.force) { io.err(`${target} 已存在；如需覆盖请加 --force。\n`); code = ExitCode.Usage; return; }
      const sample = await fs.readFile(join(PACKAGE_ROOT, 'templates', 'yunnan', 'sample.yaml'));
      await fs.writeAtomic(target, sample);
      io.out(`已写出示例输入 ${target}。修改后运行：jixiao check ${target}，再运行：jixiao build ${target}\n`);
    })
    .demandCommand(1, '请指定命令：build、check 或 init')
    .fail((msg, err) => { throw err ?? new UsageError(msg); })
    .help();
  let printed = '';
  try {
    await parser.parseAsync([...argv], {}, (_e, _a, output) => { printed = output; });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n运行 jixiao --help 查看用法。\n`);
    return ExitCode.Usage;
  }
  if (printed) io.out(`${printed}\n`);
  return code;
}

function reportInternalError(e: unknown): ExitCode {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n这是程序缺陷，请附上输入文件报告问题。\n`);
  return ExitCode.Internal;
}

const isBin = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isBin) process.exitCode = await main(hideBin(process.argv), nodeIo).catch(reportInternalError);

#!/usr/bin/env node
/** 命令行：yargs → main(argv, io) → 退出码；不含业务逻辑。 */
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExitCode } from './model/diagnostic.js';
import { suggestKey } from './load/suggest.js';
import { createContext, nodeFs, toolVersion, type FileSystem } from './run/context.js';
import { createBatchView, isCi } from './run/batch-view.js';
import { lockedMessage } from './run/lock.js';
import { DEFAULT_PDF_TIMEOUT_SECONDS, pdfSources, runPdfStep } from './run/pdf-step.js';
import { PROFILE_IDS } from './profiles/ids.js';
import { fsErrorMessage, isFsError } from './run/fs-errors.js';
import { warningCount } from './run/unit-outcome.js';
import { MAX_JOBS_PER_CORE, parseJobs, parseMaxWarnings, parsePdfTimeout, type OptionValue } from './run/cli-options.js';
import { MIN_UNITS_FOR_AUTO_CHECK_WORKERS, MIN_UNITS_FOR_AUTO_WORKERS } from './run/jobs.js';
import type { ReferenceStyles } from './write/reference-docx.js';

/** Where the CLI prints; tests pass an in-memory one. */
export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly fs?: FileSystem;
  readonly exists?: (path: string) => boolean;
  /** stderr is a terminal: show a progress bar instead of log lines. */
  readonly isTTY?: boolean;
}

class UsageError extends Error {}

/** The commands, for the did-you-mean of a mistyped one. */
const COMMANDS = ['build', 'check', 'init', 'convert', 'templates'] as const;

/** The value of a checked option; a refused value is a usage error (exit 2). */
const checked = (v: OptionValue): number => {
  if ('problem' in v) throw new UsageError(v.problem);
  return v.value;
};

const nodeIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true };

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const fs = io.fs ?? nodeFs;
  const version = await toolVersion(fs);
  const batch = async (
    args: {
      inputs: string[];
      out?: string;
      strict: boolean;
      format: string;
      templates?: string;
      force?: boolean;
      jobs?: number;
      pdf?: boolean;
      pdfTimeout?: number;
      quiet?: boolean;
      maxWarnings?: number;
      exclude?: readonly string[];
      referenceDocx?: string;
    },
    write: boolean,
  ) => {
    let referenceStyles: string | undefined;
    if (args.referenceDocx !== undefined) {
      const read = await readReference(args.referenceDocx, fs);
      if ('problem' in read) {
        io.err(`${read.problem}\n`);
        code = ExitCode.Usage;
        return;
      }
      referenceStyles = read.styles;
    }
    const ctx = await createContext({
      ...(referenceStyles !== undefined ? { referenceStyles } : {}),
      outDir: args.out ?? 'out',
      strict: args.strict,
      fs,
      ...(args.templates ? { templatesRoot: resolve(args.templates) } : {}),
      ...(io.env ? { env: io.env } : {}),
    });
    const view = createBatchView(io, {
      tty: io.isTTY === true && !isCi(io.env ?? process.env),
      format: args.format === 'json' ? 'json' : 'text',
      write,
      started: performance.now(),
      // Note: check's report is its result (stdout, so `check x.yaml > 问题.txt` works); build's stdout lists the files written.
      report: write ? 'err' : 'out',
      quiet: args.quiet ?? false,
    });
    // Note: the batch (zod, yaml, the profiles) and the commands below are imported in their handlers, so that
    // `--help` loads only yargs; the writers (docx, exceljs) load later still, on the first unit that writes.
    const { runBatch } = await import('./run/batch.js');
    const result = await runBatch(args.inputs, ctx, {
      write,
      force: args.force ?? false,
      ...(args.jobs ? { jobs: args.jobs } : {}),
      ...(args.exclude && args.exclude.length > 0 ? { exclude: args.exclude } : {}),
      onUnit: view.unit,
      onProgress: view.progress,
    });
    if (result.locked) {
      io.err(`${lockedMessage(ctx.outDir, result.locked)}\n`);
      code = ExitCode.InvalidInput;
      return;
    }
    view.finish(result);
    code = result.units.length === 0 && result.missing.length === 0 ? ExitCode.InvalidInput : result.exitCode;
    if (args.maxWarnings !== undefined && code === ExitCode.Ok) {
      const warnings = result.units.reduce((n, u) => n + warningCount(u), 0);
      if (warnings > args.maxWarnings) {
        io.err(`警告共 ${warnings} 个，超过 --max-warnings ${args.maxWarnings} 允许的数量。\n`);
        code = ExitCode.InvalidInput;
      }
    }
    if (write && args.pdf) {
      const pdf = await runPdfStep(pdfSources(result.units), {
        env: io.env ?? process.env,
        templatesRoot: ctx.templatesRoot,
        timeoutSeconds: args.pdfTimeout ?? DEFAULT_PDF_TIMEOUT_SECONDS,
        format: args.format === 'json' ? 'json' : 'text',
        write: fs.writeAtomic,
        out: io.out,
        err: io.err,
      });
      await (await import('./run/manifest.js')).recordPdfs(ctx, pdf.written);
      if (pdf.failed && code === ExitCode.Ok) code = ExitCode.InvalidInput;
    }
  };
  const exists =
    io.exists ??
    ((p: string) => {
      try {
        realpathSync(p);
        return true;
      } catch {
        return false;
      }
    });
  const common = <T>(y: import('yargs').Argv<T>) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: '输入文件或文件夹（YAML/JSON，或 .xlsx 填报工作簿）' })
      .option('strict', { type: 'boolean', default: false, describe: '把警告当作错误' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text', describe: '诊断输出格式' })
      .option('templates', { type: 'string', describe: '使用自定义模板目录（内含各格式子目录）' })
      .option('jobs', {
        alias: 'j',
        type: 'string',
        requiresArg: true,
        describe: `并行线程数，1 到 ${MAX_JOBS_PER_CORE * availableParallelism()} 的整数（默认：生成 ${MIN_UNITS_FOR_AUTO_WORKERS} 个、检查 ${MIN_UNITS_FOR_AUTO_CHECK_WORKERS} 个单位以上时按 CPU 核数并行，更少时不并行；1 为不并行）`,
        coerce: (raw: unknown) => checked(parseJobs(raw, availableParallelism())),
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: '只报告错误，不列出警告（警告照常计数）' })
      .option('max-warnings', {
        type: 'string',
        requiresArg: true,
        describe: '警告超过这个数量时以退出码 1 结束（如 0：不允许任何警告）',
        coerce: (raw: unknown) => (raw === undefined ? undefined : checked(parseMaxWarnings(raw))),
      })
      .option('exclude', { type: 'string', array: true, requiresArg: true, describe: '扫描文件夹时跳过符合这个通配符的文件或文件夹（可重复）' });
  const parser = yargs([...argv])
    .scriptName('jixiao')
    .locale('zh_CN')
    .exitProcess(false)
    .strict()
    .version(version)
    .usage('用法：$0 <命令> [选项]')
    .command(
      'build <inputs..>',
      '检查并生成绩效自评文档（DOCX 与 XLSX）',
      (y) =>
        common(y)
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: '输出目录' })
          .option('force', { type: 'boolean', default: false, describe: '全部重新生成，不跳过未改变的单位' })
          .option('pdf', { type: 'boolean', default: false, describe: '同时用 LibreOffice 把 DOCX/XLSX 转成 PDF' })
          .option('pdf-timeout', {
            type: 'string',
            requiresArg: true,
            default: String(DEFAULT_PDF_TIMEOUT_SECONDS),
            describe: '每个 PDF 转换的时限（秒，大于 0）',
            coerce: (raw: unknown) => checked(parsePdfTimeout(raw)),
          })
          .example('$0 build 我的单位.yaml', '生成一个单位的 DOCX 与 XLSX 到 out/')
          .example('$0 build 各单位/ -o 报告/ --exclude "草稿*"', '生成文件夹中每个单位，跳过草稿')
          .option('reference-docx', {
            type: 'string',
            requiresArg: true,
            describe: '样式参考文档：其中的样式（字体、字号、间距、颜色）按样式名替换 jixiao 的（页面版式不变）',
          })
          .example('$0 build 各单位/ --pdf', '另把生成的文件转成 PDF（需 LibreOffice）')
          .example('$0 build 各单位/ --reference-docx 样式.docx', '用在 Word/WPS 中改过样式的文档的样式生成'),
      async (args) =>
        batch(
          {
            inputs: args.inputs as string[],
            out: args.out,
            strict: args.strict,
            format: args.format,
            force: args.force,
            pdf: args.pdf,
            pdfTimeout: args.pdfTimeout,
            quiet: args.quiet,
            ...(args.referenceDocx !== undefined ? { referenceDocx: args.referenceDocx } : {}),
            ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}),
            ...(args.exclude ? { exclude: args.exclude } : {}),
            ...(args.jobs ? { jobs: args.jobs } : {}),
            ...(args.templates ? { templates: args.templates } : {}),
          },
          true,
        ),
    )
    .command(
      'check <inputs..>',
      '只检查输入，不生成文件',
      (y) =>
        common(y)
          .example('$0 check 我的单位.yaml', '只检查，不生成；报告写到标准输出')
          .example('$0 check 各单位/ > 问题.txt', '把检查报告存成文件')
          .example('$0 check 各单位/ --quiet --max-warnings 0', '只列出错误；有任何警告也算失败'),
      async (args) =>
        batch(
          {
            inputs: args.inputs as string[],
            strict: args.strict,
            format: args.format,
            quiet: args.quiet,
            ...(args.maxWarnings !== undefined ? { maxWarnings: args.maxWarnings } : {}),
            ...(args.exclude ? { exclude: args.exclude } : {}),
            ...(args.jobs ? { jobs: args.jobs } : {}),
            ...(args.templates ? { templates: args.templates } : {}),
          },
          false,
        ),
    )
    .command(
      'init [file]',
      '写出一份带中文注释的示例输入文件（--xlsx：Excel 填报工作簿）',
      (y) =>
        y
          .positional('file', { type: 'string', describe: '要写出的文件（默认 jixiao-input.yaml；--xlsx 时 jixiao-input.xlsx）' })
          .option('xlsx', { type: 'boolean', default: false, describe: '写出 Excel 填报工作簿' })
          .option('blank', { type: 'boolean', default: false, describe: '与 --xlsx 一起：写出空白填报工作簿（不带示例数据）' })
          .option('force', { type: 'boolean', default: false, describe: '覆盖已存在的文件' })
          .option('profile', {
            alias: 'p',
            type: 'string',
            default: 'yunnan',
            describe: `格式：${PROFILE_IDS.join('、')}，或 --templates 目录中用 extends 做出的格式`,
          })
          .option('templates', { type: 'string', describe: '自有模板目录（其中用 extends 做出的格式也可以作 --profile）' })
          .example('$0 init 我的单位.yaml', '写出带中文注释的示例输入（云南格式）')
          .example('$0 init --profile gansu 我的单位.yaml', '写出甘肃格式的示例输入')
          .example('$0 init --profile sichuan 我的单位.json', '以 JSON 写出（不带注释）')
          .example('$0 init --xlsx 我的单位.xlsx', '写出 Excel 填报工作簿（带虚构示例）')
          .example('$0 init --xlsx --blank 我的单位.xlsx', '写出空白的 Excel 填报工作簿'),
      async (args) => {
        const target = args.file ?? (args.xlsx ? 'jixiao-input.xlsx' : 'jixiao-input.yaml');
        if (args.blank && !args.xlsx && !/\.xlsx$/i.test(target)) {
          io.err('--blank 只用于 Excel 填报工作簿（与 --xlsx 一起用）；YAML 示例请改写其中的内容。\n');
          code = ExitCode.Usage;
          return;
        }
        if (args.xlsx || /\.xlsx$/i.test(target)) {
          if (!/\.xlsx$/i.test(target)) {
            io.err(`填报工作簿的文件名应以 .xlsx 结尾（实际为 ${target}）。\n`);
            code = ExitCode.Usage;
            return;
          }
          const ctx = await createContext({ outDir: '.', fs, ...(io.env ? { env: io.env } : {}) });
          const { sampleFile } = await import('./run/init.js');
          const { blankWorkbook, convertCommand, noWorkbook, workbookForm } = await import('./run/convert.js');
          // Note: yunnan and the shipped forms made from it by extends (central) share the workbook's input.
          if ('problem' in (await workbookForm(args.profile, ctx)) || !exists(sampleFile(args.profile))) {
            io.err(
              `${noWorkbook(`--profile ${args.profile}`)}；其他格式请写出 YAML：jixiao init --profile ${args.profile} ${target.replace(/\.xlsx$/i, '.yaml')}\n`,
            );
            code = ExitCode.Usage;
            return;
          }
          if (args.blank) {
            if (exists(target) && !args.force) {
              io.err(`${target} 已存在；如需覆盖请加 --force。\n`);
              code = ExitCode.Usage;
              return;
            }
            const bytes = await blankWorkbook(args.profile, ctx);
            if ('problem' in bytes) {
              io.err(`${bytes.problem}\n`);
              code = ExitCode.Usage;
              return;
            }
            await fs.writeAtomic(target, bytes);
            io.out(`已写出空白填报工作簿 ${target}（${args.profile} 格式）。填好后运行：jixiao check ${target}，再运行：jixiao build ${target}\n`);
            code = ExitCode.Ok;
            return;
          }
          code = await convertCommand(sampleFile(args.profile), target, {
            force: args.force,
            ctx,
            io: { out: io.out, err: io.err, exists },
            done: `已写出示例填报工作簿 ${target}（示例单位为虚构）。填好后运行：jixiao check ${target}，再运行：jixiao build ${target}\n`,
          });
          return;
        }
        const { initSample } = await import('./run/init.js');
        code = await initSample(target, {
          profile: args.profile,
          force: args.force,
          fs,
          io: { out: io.out, err: io.err, exists },
          ...(args.templates ? { templatesRoot: resolve(args.templates) } : {}),
        });
      },
    )
    .command(
      'convert <input> <output>',
      'YAML/JSON 与 Excel 填报工作簿互相转换（填报工作簿支持每个格式：yunnan、gansu、ningxia、sichuan 及由它们派生的格式，如 central）',
      (y) =>
        y
          .positional('input', { type: 'string', demandOption: true, describe: '输入文件（.yaml、.yml、.json 或 .xlsx）' })
          .positional('output', { type: 'string', demandOption: true, describe: '输出文件（.xlsx，或 .yaml、.yml、.json）' })
          .option('force', { type: 'boolean', default: false, describe: '覆盖已存在的输出文件' })
          .example('$0 convert 我的单位.yaml 我的单位.xlsx', '把 YAML 输入转成 Excel 填报工作簿')
          .example('$0 convert 我的单位.xlsx 我的单位.yaml', '把填好的工作簿转回带注释的 YAML'),
      async (args) => {
        const ctx = await createContext({ outDir: '.', fs, ...(io.env ? { env: io.env } : {}) });
        const { convertCommand } = await import('./run/convert.js');
        code = await convertCommand(args.input, args.output, { force: args.force, ctx, io: { out: io.out, err: io.err, exists } });
      },
    )
    .command('templates', '管理格式模板：templates copy <格式> <目录> 复制一份供修改', (y) =>
      y
        .command(
          'copy <profile> <dir>',
          '把某一格式的模板与 profile.yaml 复制到 <目录>/<格式>/，之后用 build --templates <目录> 使用',
          (z) =>
            z
              .positional('profile', { type: 'string', demandOption: true, describe: '格式：yunnan、gansu、ningxia …' })
              .positional('dir', { type: 'string', demandOption: true, describe: '目标目录（模板复制到其下的 <格式> 子目录）' })
              .option('force', { type: 'boolean', default: false, describe: '目标已存在时覆盖其中的同名文件' })
              .example('$0 templates copy gansu 我的模板/', '复制甘肃格式的模板，改好后用 build --templates 我的模板/'),
          async (args) => {
            const { copyTemplates } = await import('./run/copy-templates.js');
            code = await copyTemplates(args.profile, args.dir, { force: args.force, fs, io: { out: io.out, err: io.err, exists } });
          },
        )
        .demandCommand(1, '请指定：templates copy <格式> <目录>'),
    )
    .demandCommand(1, '请指定命令：build、check、init、convert 或 templates')
    // Note: yargs wraps an error thrown by a coerce function (option bounds) in a YError; that is a usage error too.
    .fail((msg, err) => {
      throw err && err.name !== 'YError' ? err : new UsageError(err?.message ?? msg);
    })
    .help()
    .alias('help', 'h');
  // Note: a mistyped command (biuld) is named with the closest one; yargs' own hint is English-shaped and unlocated.
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !(COMMANDS as readonly string[]).includes(first)) {
    const near = suggestKey(first, COMMANDS);
    io.err(`没有“${first}”这个命令${near ? `；是指 ${near} 吗？` : '。'}可用的命令：${COMMANDS.join('、')}。\n运行 jixiao --help 查看用法。\n`);
    return ExitCode.Usage;
  }
  skipEagerHelp(parser);
  let printed = '';
  try {
    await parser.parseAsync([...argv], {}, (_e, _a, output) => {
      printed = output;
    });
  } catch (e) {
    // Note: a file-system error no command handled (init, convert writing its file) is reported, never a stack trace.
    if (isFsError(e)) {
      io.err(`${fsErrorMessage(e)}\n`);
      return ExitCode.InvalidInput;
    }
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n运行 jixiao --help 查看用法。\n`);
    return ExitCode.Usage;
  }
  if (printed) io.out(`${printed}\n`);
  return code;
}

/**
 * yargs renders the whole help text before it runs any command, so that a handler could print it; jixiao's handlers
 * never do, and measuring the width of every option's description was ~25 ms of each command's cold start (issue 14).
 * `--help` and usage errors render their own text and are not affected. Note: internal yargs API, used only if present.
 */
function skipEagerHelp(parser: unknown): void {
  type Usage = { cacheHelpMessage?: unknown };
  const internal = (parser as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** The styles of `--reference-docx`, or why the file cannot be used (a usage error, exit 2). */
async function readReference(path: string, fs: FileSystem): Promise<ReferenceStyles> {
  if (Array.isArray(path)) return { problem: `--reference-docx 只能指定一次（实际为“${(path as unknown[]).join('、')}”）。` };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    if (!isFsError(e)) throw e;
    return { problem: `无法读取 --reference-docx ${path}：${fsErrorMessage(e)}` };
  }
  const { readReferenceStyles } = await import('./write/reference-docx.js');
  return readReferenceStyles(bytes, `--reference-docx ${path}`);
}

function reportInternalError(e: unknown): ExitCode {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n这是程序缺陷，请附上输入文件报告问题。\n`);
  return ExitCode.Internal;
}

const isBin = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isBin) process.exitCode = await main(hideBin(process.argv), nodeIo).catch(reportInternalError);

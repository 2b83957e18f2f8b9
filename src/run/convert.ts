/** 格式转换：YAML/JSON ⇄ 填报工作簿（jixiao convert）；示例填报工作簿（jixiao init --xlsx）。 */
import { basename, extname, join, resolve } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { ExitCode, diagnostic, hasErrors } from '../model/diagnostic.js';
import { indicatorLists } from '../model/entry-workbook.js';
import { readInputFile } from '../load/read-file.js';
import { validateUnit } from '../load/validate.js';
import { takeInputChecks } from '../load/input-checks.js';
import { INPUT_SCHEMAS, PROFILES, entryLayout, isProfileId, type AnyUnit } from '../profiles/registry.js';
import type { Profile } from '../model/profile.js';
import type { EntryWorkbookOptions } from '../write/entry-workbook.js';
import { inputToYaml } from '../write/yaml-input.js';
import { PACKAGE_ROOT, reportDate, type RunContext } from './context.js';
import type { LoadedProfile } from '../load/profile.js';
import { formOf, profileFor, readInput, unreadableDiagnostic, workbookLayouts } from './pipeline.js';
import { formatDiagnostics } from './reporter.js';

/** Output formats of `jixiao convert`, by the output file's extension. */
const TARGETS = { '.xlsx': 'xlsx', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' } as const;
type Target = (typeof TARGETS)[keyof typeof TARGETS];

/** The format an output name asks for, or undefined for an extension convert cannot write. */
export const convertTarget = (file: string): Target | undefined => TARGETS[extname(file).toLowerCase() as keyof typeof TARGETS];

/** The sample input `jixiao init` writes. */
export const SAMPLE_INPUT = join(PACKAGE_ROOT, 'templates', 'yunnan', 'sample.yaml');

/**
 * Converts one input file to another format: YAML/JSON → data-entry workbook, workbook → YAML or JSON.
 * The input must pass schema validation; the converted bytes are read back and must validate to the same unit.
 */
export async function convertInput(input: string, output: string, ctx: RunContext): Promise<{ diagnostics: Diagnostic[]; written?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(ctx, input);
  } catch (e) {
    return { diagnostics: [unreadableDiagnostic(input, e)] };
  }
  const r = await convertBytes(input, bytes, output, ctx);
  if (!r.bytes) return { diagnostics: r.diagnostics };
  await ctx.fs.writeAtomic(output, r.bytes);
  return { diagnostics: r.diagnostics, written: output };
}

/**
 * The conversion itself, without files: `bytes` of `input` as the format `output` names (only its extension counts),
 * or the diagnostics why not. The offline page calls this for its workbook download, so its bytes are the CLI's.
 */
export async function convertBytes(
  input: string,
  bytes: Uint8Array,
  output: string,
  ctx: RunContext,
): Promise<{ diagnostics: Diagnostic[]; bytes?: Uint8Array }> {
  const target = convertTarget(output);
  if (!target) throw new Error(`unsupported output ${output}`); // Note: the CLI checks the extension first
  const read = await readInputFile(input, bytes, workbookLayouts(ctx));
  if (!read.loaded || hasErrors(read.diagnostics)) return { diagnostics: read.diagnostics };
  const form = await formOf(read.loaded, ctx);
  if ('diagnostics' in form) return { diagnostics: [...read.diagnostics, ...form.diagnostics] };
  // Note: an input's `checks:` (its own warning settings) is validated here and carried as is into every format.
  const taken = takeInputChecks(form.loaded);
  const validated = validateUnit<AnyUnit>(taken.loaded, INPUT_SCHEMAS);
  const diagnostics = [...read.diagnostics, ...taken.diagnostics, ...validated.diagnostics];
  if (!validated.unit) return { diagnostics };
  const unit = validated.unit;
  // Note: every form converts between YAML and JSON; the entry workbook is the base form's (unit.profile is the base
  // here, formOf), generated from its schema except yunnan's; a form whose schema a workbook cannot hold has none.
  const formId = form.profile?.profile.id ?? unit.profile;
  const layout = isProfileId(unit.profile) ? entryLayout(unit.profile) : undefined;
  if (!layout && target === 'xlsx') {
    const what = formId === unit.profile ? formId : `${formId}，基于 ${unit.profile}`;
    return {
      diagnostics: [
        ...diagnostics,
        {
          ...diagnostic('E-SCHEMA', ['profile'], `${noWorkbook(what)}。请用 YAML 或 JSON 填写。`),
          file: input,
          ...read.loaded.locate(['profile']),
        },
      ],
    };
  }

  const when = reportDate(ctx, unit.year, unit.reportDate);
  let out: Uint8Array;
  if (target === 'xlsx') {
    // Note: the form's own folder (its 一级/二级指标 lists); a form made by extends is not under its base's name.
    const { profile } = form.profile ?? (await profileFor(ctx, unit.profile));
    // Note: imported here so that exceljs loads only when a workbook is written.
    const { writeEntryWorkbook } = await import('../write/entry-workbook.js');
    out = await writeEntryWorkbook(read.loaded.data, workbookOptions(unit.profile, profile, when));
  } else {
    const text =
      target === 'json'
        ? `${JSON.stringify(read.loaded.data, null, 2)}\n`
        : inputToYaml(
            read.loaded.data,
            ` jixiao 输入（${formId} 格式），由 jixiao convert 从 ${basename(input)} 转换。\n 各字段的填写说明见 jixiao init 写出的示例。`,
          );
    out = new TextEncoder().encode(text);
  }
  // Note: the workbook keeps `checks:` on its 检查设置 sheet, as YAML and JSON keep it.
  await assertSameUnit(output, out, unit, taken.overrides, ctx);
  return { diagnostics, bytes: out };
}

/**
 * The date an empty workbook carries (its document properties and zip entries): it has no budget year to take one
 * from, and a fixed date keeps its bytes the same on every machine and day for the same jixiao version.
 */
export const BLANK_WORKBOOK_DATE = new Date(Date.UTC(2024, 0, 1));

/**
 * An empty data-entry workbook for `profileId` (a form with a workbook, or one made from it by extends): every sheet with its
 * headers, drop-downs and 说明, only 格式 filled in. `jixiao init --xlsx --blank` and the offline page write these bytes.
 */
export async function blankWorkbook(profileId: string, ctx: RunContext): Promise<Uint8Array | { problem: string }> {
  const form = await workbookForm(profileId, ctx);
  if ('problem' in form) return form;
  const { writeEntryWorkbook } = await import('../write/entry-workbook.js');
  return writeEntryWorkbook({ profile: profileId }, workbookOptions(form.base, form.profile, BLANK_WORKBOOK_DATE));
}

/** How a form's workbook is written: its base form's layout, its own 一级/二级指标 lists and 代号 names. */
function workbookOptions(base: string, profile: Profile, when: Date): EntryWorkbookOptions {
  const layout = isProfileId(base) ? entryLayout(base) : undefined;
  const names = isProfileId(base) ? PROFILES[base].entryNames?.(profile) : undefined;
  return { lists: indicatorLists(profile.framework), when, ...(layout ? { layout } : {}), ...(names ? { names } : {}) };
}

/** Why there is no data-entry workbook for a form (`what` names it), in the words init, convert and the page share. */
export const noWorkbook = (what: string): string =>
  `${what} 格式没有填报工作簿：找不到这个格式，或它的输入含有工作簿不能容纳的部分；yunnan、gansu、ningxia、sichuan 及由它们派生的格式有填报工作簿`;

/**
 * The loaded form `profileId` when it has a data-entry workbook, i.e. when its base form's schema fits one (every form
 * with code but sichuan, and the forms made from them by extends); else why not.
 */
export async function workbookForm(profileId: string, ctx: RunContext): Promise<LoadedProfile | { problem: string }> {
  const lp = await profileFor(ctx, profileId).catch(() => undefined);
  return lp && isProfileId(lp.base) && entryLayout(lp.base) ? lp : { problem: `${noWorkbook(profileId)}。` };
}

/** Note: a converted file that reads back differently is a bug in the converter, never the user's input. */
async function assertSameUnit(file: string, bytes: Uint8Array, unit: unknown, checks: Readonly<Record<string, string>>, ctx: RunContext): Promise<void> {
  const again = await readInputFile(file, bytes, workbookLayouts(ctx));
  const form = again.loaded ? await formOf(again.loaded, ctx) : undefined;
  const taken = form && 'loaded' in form ? takeInputChecks(form.loaded) : undefined;
  const back = taken ? validateUnit<AnyUnit>(taken.loaded, INPUT_SCHEMAS) : undefined;
  if (
    !back?.unit ||
    hasErrors(again.diagnostics) ||
    JSON.stringify(back.unit) !== JSON.stringify(unit) ||
    JSON.stringify(taken?.overrides) !== JSON.stringify(checks)
  ) {
    const why = [...again.diagnostics, ...(back?.diagnostics ?? [])].map((d) => `${d.code} ${d.message}`).join('; ') || 'different data';
    throw new Error(`convert: ${file} does not read back as the same unit (${why})`);
  }
}

/** What `jixiao convert` and `jixiao init --xlsx` print to and check. */
export interface ConvertIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly exists: (path: string) => boolean;
}

/** `jixiao convert <input> <output>`: checks the names, converts, prints diagnostics and what was written. */
export async function convertCommand(
  input: string,
  output: string,
  opts: { force: boolean; ctx: RunContext; io: ConvertIo; done?: string },
): Promise<ExitCode> {
  const { io } = opts;
  const usage = (message: string) => {
    io.err(`${message}\n`);
    return ExitCode.Usage;
  };
  if (!convertTarget(output)) return usage(`输出文件 ${output} 应以 .xlsx、.yaml、.yml 或 .json 结尾。`);
  if (resolve(input) === resolve(output)) return usage('输入文件与输出文件相同，请另取一个输出文件名。');
  if (io.exists(output) && !opts.force) return usage(`${output} 已存在；如需覆盖请加 --force。`);
  const result = await convertInput(input, output, opts.ctx);
  if (result.diagnostics.length > 0) io.err(formatDiagnostics(result.diagnostics));
  if (!result.written) {
    io.err(`✖ 未转换 ${input}：见上面的错误。\n`);
    return ExitCode.InvalidInput;
  }
  io.out(opts.done ?? `已写出 ${result.written}。可运行：jixiao check ${result.written}\n`);
  return ExitCode.Ok;
}

/** 批量运行：逐个单位处理，一个单位出错不影响其他单位；汇总结果与退出码。 */
import { ExitCode, hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { RunContext } from './context.js';
import { expandInputs } from './inputs.js';
import { runUnit, type UnitResult } from './pipeline.js';

/** The outcome of a build or check over many inputs. */
export interface BatchResult {
  readonly units: readonly UnitResult[];
  readonly missing: readonly string[];
  readonly exitCode: ExitCode;
}

/** Runs every input; a unit that throws is reported as an internal error and the batch goes on. */
export async function runBatch(args: readonly string[], ctx: RunContext, opts: { write: boolean; onUnit?: (r: UnitResult) => void }): Promise<BatchResult> {
  const { files, missing } = await expandInputs(args, ctx.fs);
  const units: UnitResult[] = [];
  for (const file of files) {
    const r = await runUnit(file, ctx, opts).catch((e: unknown): UnitResult => internalFailure(file, e));
    units.push(r);
    opts.onUnit?.(r);
  }
  const failed = missing.length > 0 || units.some((u) => hasErrors(u.diagnostics));
  const internal = units.some((u) => u.diagnostics.some((d) => d.code === 'E-INTERNAL'));
  const template = units.some((u) => u.diagnostics.some((d) => d.code === 'E-TEMPLATE'));
  return { units, missing, exitCode: internal ? ExitCode.Internal : template ? ExitCode.Template : failed ? ExitCode.InvalidInput : ExitCode.Ok };
}

function internalFailure(file: string, e: unknown): UnitResult {
  const stack = e instanceof Error ? e.stack ?? e.message : String(e);
  const d: Diagnostic = { code: 'E-INTERNAL', severity: 'error', file, message: `这是程序缺陷，请附上输入文件报告问题。\n${stack}` };
  return { file, outputs: [], diagnostics: [d] };
}

/** "✖ 2 个错误，3 个警告；2 个单位中 1 个已生成" */
export function summaryLine(b: BatchResult, write: boolean): string {
  const all = b.units.flatMap((u) => u.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length + b.missing.length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const ok = b.units.filter((u) => !hasErrors(u.diagnostics)).length;
  const mark = errors > 0 ? '✖' : warnings > 0 ? '⚠' : '✔';
  const tail = write ? `${b.units.length} 个单位中 ${b.units.filter((u) => u.outputs.length > 0).length} 个已生成` : `${b.units.length} 个单位中 ${ok} 个通过检查`;
  return `${mark} ${errors} 个错误，${warnings} 个警告；${tail}`;
}

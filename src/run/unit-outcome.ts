/** 单位结果（批量）：一个单位这一次是生成、跳过还是失败，及其诊断、文件与汇总行；可在线程间传递。 */
import { relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { UnitResult } from './pipeline.js';
import type { OutputFile, StagedFile } from './output-files.js';
import { summaryRow, type SummaryRow } from './summary-row.js';

/** built: documents written; skipped: unchanged since the last build; checked: no errors (check only); failed: errors. */
export type UnitStatus = 'built' | 'skipped' | 'checked' | 'failed';

/** What a batch keeps of one unit: plain data, so a worker thread can send it and the manifest can store its row. */
export interface UnitOutcome {
  readonly file: string;
  readonly status: UnitStatus;
  readonly unitName?: string;
  readonly year?: number;
  /** The profile the input named, which the regeneration hash covers. */
  readonly profile?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Paths written this time, as runUnit returned them. */
  readonly outputs: readonly string[];
  /** Size and sha256 of each output, paths relative to the output folder (for the manifest). */
  readonly files: readonly OutputFile[];
  /** Outputs still under temporary names, which the batch renames (or discards, when two units claim a file). */
  readonly staged: readonly StagedFile[];
  readonly row: SummaryRow;
  /** sha256 of the input as it was read for this run (batch-unit.ts), which the manifest records. */
  readonly inputHash?: string;
}

/** The batch's view of a unit's result; output paths in the row are relative to `outDir`. */
export function toOutcome(r: UnitResult, outDir: string, write: boolean): UnitOutcome {
  const failed = hasErrors(r.diagnostics);
  return {
    file: r.file,
    status: failed ? 'failed' : write ? 'built' : 'checked',
    ...(r.unitName !== undefined ? { unitName: r.unitName } : {}),
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.unit ? { profile: r.profile ?? r.unit.profile } : {}),
    diagnostics: r.diagnostics,
    outputs: r.outputs,
    files: (r.files ?? []).map((f) => ({ ...f, path: toRelative(outDir, f.path) })),
    staged: r.staged ?? [],
    row: summaryRow(
      r,
      r.outputs.map((o) => toRelative(outDir, o)),
    ),
  };
}

/** A path relative to the output folder, with forward slashes (as the manifest and 汇总表 store it). */
export const toRelative = (outDir: string, path: string): string => relative(outDir, path).split('\\').join('/');

/** A unit whose run threw: a bug, reported as E-INTERNAL with the stack so the batch goes on. */
export function internalFailure(file: string, e: unknown): UnitOutcome {
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  const d: Diagnostic = { code: 'E-INTERNAL', severity: 'error', file, message: `这是程序缺陷，请附上输入文件报告问题。\n${stack}` };
  return toOutcome({ file, outputs: [], diagnostics: [d] }, '.', false);
}

/**
 * A unit's warnings: those found this run, or, for a unit skipped as unchanged, the count its manifest row kept from
 * the build that made its files (so a skipped unit still counts toward the summary and --max-warnings).
 */
export const warningCount = (o: UnitOutcome): number =>
  o.status === 'skipped' ? o.row.warnings : o.diagnostics.filter((d) => d.severity === 'warning').length;

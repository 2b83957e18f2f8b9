/** 诊断输出：把诊断排成“文件:行:列  级别  代码  位置：说明”的文本，或每行一个 JSON 对象。 */
import type { Diagnostic } from '../model/diagnostic.js';
import { formatPath, labelPath } from '../model/labels.js';

/**
 * One line per diagnostic (诊断), led by the field in the form's words, e.g.
 * `unit.yaml:12:7  error  E-SCHEMA  项目支出第1项 › 项目资金 › 当年财政拨款 › 全年执行数：金额须为数字…`;
 * a workbook input is placed by cell: `unit.xlsx!项目!F3  error  …`.
 * Parts that are absent (file, place, path) are left out.
 */
export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  return ds
    .map(formatDiagnostic)
    .map((l) => `${l}\n`)
    .join('');
}

/** Formats one diagnostic as a single line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? (d.cell ?? '') : d.cell ? `${d.file}!${d.cell}` : d.place ? `${d.file}:${d.place.line}:${d.place.column}` : d.file;
  const parts = [where, d.severity, d.code].filter((p) => p !== '');
  return `${parts.join('  ')}  ${locationPrefix(d)}${d.message}`;
}

/**
 * The field in the words of the form, `中文位置：`, before the message; dropped when the message already starts with
 * it or with a part of it (load/ messages begin with the place in words), and for an empty path. The data path
 * (`projects[0].funds…`) is kept for tools: `--format json` has it as `path`.
 */
function locationPrefix(d: Diagnostic): string {
  const path = d.path ?? [];
  if (path.length === 0) return '';
  const label = d.label ?? labelPath(path);
  const said = path.some((_, k) => d.message.startsWith(`${labelPath(path.slice(0, k + 1))}：`)) || d.message.startsWith(`${label}：`);
  return said ? '' : `${label}：`;
}

/**
 * One JSON object per line (JSON Lines), for tools: `type: "diagnostic"`, code, severity, message, file, then either
 * line and column (YAML/JSON, 1-based) or cell (`工作表!C7`, a workbook), path, label, expected, actual.
 * `--format json` ends with one `type: "summary"` record (batch-view.ts).
 */
export function formatDiagnosticsJson(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${JSON.stringify(toJsonRecord(d))}\n`).join('');
}

/** The flat, serialisable form of a diagnostic; absent parts are omitted. */
export function toJsonRecord(d: Diagnostic): Record<string, string | number> {
  const path = d.path ?? [];
  return {
    type: 'diagnostic',
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.place ? { line: d.place.line, column: d.place.column } : {}),
    ...(d.cell !== undefined ? { cell: d.cell } : {}),
    ...(path.length > 0 ? { path: formatPath(path), label: d.label ?? labelPath(path) } : {}),
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
  };
}

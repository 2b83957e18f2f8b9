/**
 * 批量运行的输出：按输入顺序逐单位打印诊断与生成的文件；终端上在最后一行显示进度条、标准输出列出生成的文件，
 * 非终端或 CI 下改为逐单位一行的日志（诊断在它上面，生成的文件写在这一行上）；结束时列出失败的单位及其第一条错误，并给出数量与用时。
 */
import { formatDiagnostic, formatDiagnostics, formatDiagnosticsJson } from './reporter.js';
import type { BatchProgress, BatchResult } from './batch.js';
import { warningCount, type UnitOutcome } from './unit-outcome.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** Where the view prints. */
export interface BatchSink {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** How the batch's output looks. */
export interface BatchViewOptions {
  /** Redraw a progress bar on stderr (a terminal outside CI); otherwise print one log line per unit. */
  readonly tty: boolean;
  readonly format: 'text' | 'json';
  readonly write: boolean;
  /** performance.now() at the start, for units per second. */
  readonly started: number;
  /**
   * Where the report (diagnostics, failed units, the summary line) goes: `out` for `check`, whose report is its
   * result (`jixiao check x.yaml > 问题.txt`); `err` for `build`, whose stdout lists the files written.
   * Progress (the bar, one log line per unit) always goes to stderr.
   */
  readonly report?: 'out' | 'err';
  /** Print errors only (`--quiet`); warnings are still counted. */
  readonly quiet?: boolean;
}

/** Whether the environment is a CI run (CI=true, CI=1, …), where progress bars only clutter the log. */
export const isCi = (env: NodeJS.ProcessEnv): boolean => env['CI'] !== undefined && !['', '0', 'false'].includes(env['CI'].toLowerCase());

/** Marks the remembered diagnostics of a unit skipped as unchanged. */
export const LAST_RUN = '（上次的结果）';
const MAX_FAILED_LISTED = 20;
const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/** The per-unit and final output of a batch; `unit` and `progress` plug into runBatch's callbacks. */
export function createBatchView(sink: BatchSink, opts: BatchViewOptions) {
  let bar = '';
  let lastDraw = 0;
  /** Note: anything printed while the bar is shown first clears the bar's line, then redraws it below. */
  const print = (to: 'out' | 'err', s: string) => {
    if (s === '') return;
    if (bar) sink.err('\r\x1b[K');
    sink[to](s);
    if (bar) sink.err(bar);
  };
  const to = opts.report ?? 'err';
  const shown = (ds: readonly Diagnostic[]) => (opts.quiet ? ds.filter((d) => d.severity === 'error') : ds);
  const report = (s: string) => print(to, s);
  const rate = (n: number) => n / Math.max(0.001, (performance.now() - opts.started) / 1000);

  return {
    unit(o: UnitOutcome, index: number, total: number): void {
      // Note: a skipped unit was not run; its diagnostics are those the manifest kept from the build that wrote its files.
      const ds = o.status === 'skipped' ? shown(o.diagnostics).map((d) => ({ ...d, message: `${LAST_RUN}${d.message}` })) : shown(o.diagnostics);
      if (opts.format === 'json') print('out', formatDiagnosticsJson(ds));
      else print(to, formatDiagnostics(ds));
      const written = opts.write && opts.format === 'text' && o.status === 'built' ? o.outputs : [];
      // Note: on a terminal the bar shows progress and stdout lists the files; in a log (no terminal, CI) each unit is
      // one line, its diagnostics above it and the files it wrote on it.
      if (opts.tty) print('out', written.map((p) => `已生成 ${p}\n`).join(''));
      else
        print(
          'err',
          `[${String(index + 1).padStart(String(total).length)}/${total}] ${o.file}：${statusText(o)}${written.length > 0 ? ` → ${written.join('、')}` : ''}\n`,
        );
    },
    progress(p: BatchProgress): void {
      if (!opts.tty) return;
      const now = performance.now();
      if (p.done < p.total && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const filled = Math.round((p.done / Math.max(1, p.total)) * BAR_WIDTH);
      const next = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${p.done}/${p.total}  已生成 ${p.built}  跳过 ${p.skipped}  失败 ${p.failed}  ${rate(p.done - p.skipped).toFixed(1)} 个/秒`;
      sink.err(`\r\x1b[K${next}`);
      bar = next;
    },
    finish(b: BatchResult): void {
      if (bar) sink.err('\r\x1b[K');
      bar = '';
      const missing: Diagnostic[] = b.missing.map((m) => ({ code: 'E-INPUT-UNREADABLE', severity: 'error', file: m, message: '找不到输入文件或文件夹' }));
      if (opts.format === 'json') sink.out(formatDiagnosticsJson([...missing, ...b.problems]));
      else sink.err(formatDiagnostics([...missing, ...b.problems]));
      if (opts.format === 'text' && b.skippedInputs.length > 0) {
        sink.err(`已跳过 ${b.skippedInputs.length} 个不作为输入的条目：\n`);
        for (const s of b.skippedInputs.slice(0, MAX_FAILED_LISTED)) sink.err(`  ${s.path}：${s.reason}\n`);
        if (b.skippedInputs.length > MAX_FAILED_LISTED) sink.err(`  ……另有 ${b.skippedInputs.length - MAX_FAILED_LISTED} 个\n`);
      }
      if (b.units.length === 0 && b.missing.length === 0 && b.problems.length === 0) sink.err('没有找到输入文件（*.yaml、*.yml、*.json）。\n');
      if (opts.format === 'json') {
        sink.out(`${JSON.stringify(summaryRecord(b, opts.write))}\n`);
        return;
      }
      const failed = b.units.filter((u) => u.status === 'failed');
      if (failed.length > 0 && b.units.length > 1) {
        report(`失败的单位（${failed.length} 个）：\n`);
        for (const u of failed.slice(0, MAX_FAILED_LISTED)) {
          const first = u.diagnostics.find((d) => d.severity === 'error');
          // Note: the first error may point elsewhere (a template, an output file); the list always names the input.
          const line = first ? formatDiagnostic(first).split('\n')[0] : '';
          report(`  ${first?.file === u.file ? line : `${u.file}：${line}`}\n`);
        }
        if (failed.length > MAX_FAILED_LISTED) report(`  ……另有 ${failed.length - MAX_FAILED_LISTED} 个\n`);
      }
      if (b.removed.length > 0) sink.err(`已删除不再生成的旧文件 ${b.removed.length} 个。\n`);
      if (b.summaryWorkbook) sink.err(`汇总表：${b.summaryWorkbook}\n`);
      report(`${summaryLine(b, opts.write)}\n`);
    },
  };
}

function statusText(o: UnitOutcome): string {
  const warnings = warningCount(o);
  const errors = o.diagnostics.filter((d) => d.severity === 'error').length;
  const extra = warnings > 0 ? `（${warnings} 个警告）` : '';
  switch (o.status) {
    case 'built':
      return `已生成${extra}`;
    case 'checked':
      return `通过检查${extra}`;
    case 'skipped':
      return `未改变，跳过${warnings > 0 ? `（上次 ${warnings} 个警告）` : ''}`;
    case 'failed':
      return `失败（${errors} 个错误${warnings > 0 ? `，${warnings} 个警告` : ''}）`;
  }
}

/**
 * "✖ 2 个错误，3 个警告；3 个单位中 1 个已生成，1 个未改变（跳过），1 个失败；用时 1.2 秒", and with worker threads
 * "…；用时 20.3 秒（2 个工作线程，分别处理 501、499 个单位）".
 */
export function summaryLine(b: BatchResult, write: boolean): string {
  const all = b.units.flatMap((u) => u.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length + b.missing.length + b.problems.length;
  const warnings = b.units.reduce((n, u) => n + warningCount(u), 0);
  const count = (s: UnitOutcome['status']) => b.units.filter((u) => u.status === s).length;
  const mark = errors > 0 ? '✖' : warnings > 0 ? '⚠' : '✔';
  const parts = write
    ? [
        `${b.units.length} 个单位中 ${count('built')} 个已生成`,
        ...(count('skipped') > 0 ? [`${count('skipped')} 个未改变（跳过）`] : []),
        ...(count('failed') > 0 ? [`${count('failed')} 个失败`] : []),
      ]
    : [`${b.units.length} 个单位中 ${count('checked')} 个通过检查`];
  // Note: where the batch ran in worker threads, how many units each ran: an even split shows the threads paid off.
  const threads = b.workers.length > 0 ? `（${b.workers.length} 个工作线程，分别处理 ${b.workers.join('、')} 个单位）` : '';
  return `${mark} ${errors} 个错误，${warnings} 个警告；${parts.join('，')}；用时 ${(b.elapsedMs / 1000).toFixed(1)} 秒${threads}`;
}

/**
 * The last record of `--format json`: what the run did, in counts, and every file it wrote or kept.
 * `{ type: "summary", command, units, built, checked, skipped, failed, errors, warnings, outputs, skippedInputs, summaryWorkbook? }`
 */
export function summaryRecord(b: BatchResult, write: boolean): Record<string, unknown> {
  const all = b.units.flatMap((u) => u.diagnostics);
  const count = (s: UnitOutcome['status']) => b.units.filter((u) => u.status === s).length;
  return {
    type: 'summary',
    command: write ? 'build' : 'check',
    units: b.units.length,
    built: count('built'),
    checked: count('checked'),
    skipped: count('skipped'),
    failed: count('failed'),
    errors: all.filter((d) => d.severity === 'error').length + b.missing.length + b.problems.length,
    warnings: b.units.reduce((n, u) => n + warningCount(u), 0),
    outputs: b.units.flatMap((u) => u.outputs),
    skippedInputs: b.skippedInputs,
    ...(b.summaryWorkbook ? { summaryWorkbook: b.summaryWorkbook } : {}),
  };
}

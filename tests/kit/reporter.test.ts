import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/load/read-input.js';
import { validateUnit } from '../../src/load/validate.js';
import { INPUT_SCHEMAS, type AnyUnit } from '../../src/profiles/registry.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { formatDiagnostics, formatDiagnosticsJson } from '../../src/run/reporter.js';
import { MINIMAL_YAML, placeOf } from '../support/minimal.js';

const text = MINIMAL_YAML.replace('executed: 19.50', 'executed: 八百');
const { loaded } = readInput('min.yaml', new TextEncoder().encode(text));
const { diagnostics } = validateUnit<AnyUnit>(loaded!, INPUT_SCHEMAS);

describe('formatDiagnostics', () => {
  it('prints file:line:col, severity, code and the field in Chinese on one line, without the data path', () => {
    const { line, column } = placeOf(text, '八百');
    const out = formatDiagnostics(diagnostics);
    expect(out).toMatch(new RegExp(`^min\\.yaml:${line}:${column}  error  E-SCHEMA  项目支出第1项 › 项目资金 › 当年财政拨款 › 全年执行数：.+\\n$`));
    expect(out).not.toContain('projects[0]');
  });

  it('adds the Chinese place when the message does not start with it, and leaves out absent parts', () => {
    const d: Diagnostic = { code: 'W-FUZZY-TARGET', severity: 'warning', message: '指标值含模糊表述。', path: ['dept', 'indicators', 0, 'target'] };
    expect(formatDiagnostics([d])).toBe('warning  W-FUZZY-TARGET  部门整体支出绩效自评表 › 绩效指标第1项 › 指标值：指标值含模糊表述。\n');
    // A form's own words for the field, set by the run stage, win over the kit's.
    expect(formatDiagnostics([{ ...d, label: '部门整体支出 › 绩效指标第1项 › 指标值' }])).toBe(
      'warning  W-FUZZY-TARGET  部门整体支出 › 绩效指标第1项 › 指标值：指标值含模糊表述。\n',
    );
    const fileOnly: Diagnostic = { code: 'E-INPUT-UNREADABLE', severity: 'error', message: '文件为空。', file: 'a.yaml', path: [] };
    expect(formatDiagnostics([fileOnly])).toBe('a.yaml  error  E-INPUT-UNREADABLE  文件为空。\n');
    expect(formatDiagnostics([])).toBe('');
  });
});

describe('formatDiagnosticsJson', () => {
  it('gives one JSON object per line with place, path and label', () => {
    const lines = formatDiagnosticsJson(diagnostics).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      code: 'E-SCHEMA',
      severity: 'error',
      file: 'min.yaml',
      ...placeOf(text, '八百'),
      path: 'projects[0].funds.current.executed',
      label: '项目支出第1项 › 项目资金 › 当年财政拨款 › 全年执行数',
      actual: '“八百”',
    });
  });
});

describe('labels of a form', () => {
  it('name a field in the words of the unit’s form: sichuan’s dept is 部门整体支出, yunnan’s the 部门整体支出绩效自评表', async () => {
    const { readFileSync } = await import('node:fs');
    const { createContext } = await import('../../src/run/context.js');
    const { runUnitBytes } = await import('../../src/run/pipeline.js');
    const { inputPath } = await import('../support/fixtures.js');
    const ctx = await createContext({ outDir: '.', env: {} });
    const of = async (name: string) =>
      (await runUnitBytes(name, new Uint8Array(readFileSync(inputPath(name))), ctx, { write: false })).diagnostics.filter((d) => d.path?.[0] === 'dept');
    const sichuan = await of('ziyang-renda-2023.yaml');
    expect(sichuan.length).toBeGreaterThan(0);
    for (const d of sichuan) expect(d.label).toMatch(/^部门整体支出 › /);
    expect(formatDiagnostics(sichuan)).toContain('部门整体支出 › 预算执行情况 › ');
    const yunnan = await of('zhanyi-czj-2023.yaml');
    for (const d of yunnan) expect(d.label).toMatch(/^部门整体支出绩效自评表 › /);
  });
});

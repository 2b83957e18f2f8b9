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
  it('prints file:line:col, severity, code and path on one line', () => {
    const { line, column } = placeOf(text, '八百');
    expect(formatDiagnostics(diagnostics)).toMatch(
      new RegExp(`^min\\.yaml:${line}:${column}  error  E-SCHEMA  projects\\[0\\]\\.funds\\.current\\.executed：.+\\n$`),
    );
  });

  it('adds the Chinese place when the message does not start with it, and leaves out absent parts', () => {
    const d: Diagnostic = { code: 'W-FUZZY-TARGET', severity: 'warning', message: '指标值含模糊表述。', path: ['dept', 'indicators', 0, 'target'] };
    expect(formatDiagnostics([d])).toBe(
      'warning  W-FUZZY-TARGET  dept.indicators[0].target（部门整体支出绩效自评表 › 绩效指标第1项 › 指标值）：指标值含模糊表述。\n',
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

/**
 * 输入中的 `checks:`：单位自己关闭某个警告或改变其严重程度（如 `checks: { W-TASK-NAME: off }`）。
 * 在按格式校验之前从数据中取出，所以各格式的输入模式不必知道它；代码须是检查目录中的，错误（E-）不能关闭或降级。
 */
import { CHECK_CATALOGUE } from '../model/check-catalogue.js';
import type { Diagnostic, SeverityOverride } from '../model/diagnostic.js';
import type { Loaded } from './read-input.js';
import { suggestKey } from './suggest.js';

const VALUES = ['off', 'warning', 'error'] as const;

/** The input without its `checks` key, the overrides it gives, and problems with them (located E-SCHEMA). */
export function takeInputChecks(loaded: Loaded): { loaded: Loaded; overrides: Readonly<Record<string, SeverityOverride>>; diagnostics: Diagnostic[] } {
  const data = loaded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.hasOwn(data, 'checks')) return { loaded, overrides: {}, diagnostics: [] };
  const { checks, ...rest } = data as Record<string, unknown>;
  const stripped: Loaded = { ...loaded, data: rest };
  const problem = (path: (string | number)[], message: string, extra: { expected?: string; actual?: string } = {}): Diagnostic => ({
    code: 'E-SCHEMA',
    severity: 'error',
    path,
    message,
    file: loaded.file,
    ...loaded.locate(path),
    ...extra,
  });
  if (typeof checks !== 'object' || checks === null || Array.isArray(checks))
    return {
      loaded: stripped,
      overrides: {},
      diagnostics: [problem(['checks'], 'checks（检查设置）：应为“检查代码: off、warning 或 error”的映射，例如 W-TASK-NAME: off。')],
    };
  const codes = Object.keys(CHECK_CATALOGUE);
  const overrides: Record<string, SeverityOverride> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [code, value] of Object.entries(checks as Record<string, unknown>)) {
    if (!codes.includes(code)) {
      const guess = suggestKey(code, codes);
      diagnostics.push(
        problem(['checks', code], `checks.${code}：没有这个检查代码${guess ? `，是否想写“${guess}”？` : '（可用的代码见 docs/checks.md）。'}`, {
          actual: code,
          ...(guess ? { expected: guess } : {}),
        }),
      );
    } else if (typeof value !== 'string' || !(VALUES as readonly string[]).includes(value)) {
      diagnostics.push(
        problem(['checks', code], `checks.${code}：应为 off（关闭）、warning（警告）或 error（错误），实际为“${String(value)}”。`, {
          actual: String(value),
          expected: VALUES.join('、'),
        }),
      );
    } else if (code.startsWith('E-') && value !== 'error') {
      diagnostics.push(problem(['checks', code], `checks.${code}：错误（E-）会使生成的文件有误，不能关闭或降为警告。`, { actual: value, expected: 'error' }));
    } else overrides[code] = value as SeverityOverride;
  }
  return { loaded: stripped, overrides, diagnostics };
}

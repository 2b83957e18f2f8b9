/** 测试用：把格式目录 tables/*.yaml 的表格声明加到直接解析的 profile 上（加载器 loadProfile 也这样做）。 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from '../../src/model/profile.js';
import type { TableLayout } from '../../src/model/table-layout.js';
import { diagnosticLine, parseTableLayout } from '../../src/load/table-layout.js';

/** The declarations of a profile folder, by name; throws on an invalid one (a shipped form must be valid). */
export function tablesOf(dir: string): Record<string, TableLayout> {
  const tablesDir = join(dir, 'tables');
  if (!existsSync(tablesDir)) return {};
  const out: Record<string, TableLayout> = {};
  for (const f of readdirSync(tablesDir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const r = parseTableLayout(readFileSync(join(tablesDir, f), 'utf8'), join(tablesDir, f));
    if (!('layout' in r)) throw new Error(r.diagnostics.map(diagnosticLine).join('\n'));
    out[f.replace(/\.yaml$/, '')] = r.layout;
  }
  return out;
}

/** The profile with its folder's table declarations. */
export const withTables = (p: Profile, dir: string): Profile => ({ ...p, tables: { ...p.tables, ...tablesOf(dir) } });

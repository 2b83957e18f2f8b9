/** 取格式目录声明的表格：缺少声明文件时报告 E-TEMPLATE，指出应有的文件。 */
import type { Profile } from '../../model/profile.js';
import type { TableLayout } from '../../model/table-layout.js';
import { TemplateError } from '../templates.js';

/** The profile's declaration `name` (tables/<name>.yaml), or a TemplateError naming the missing file. */
export function declaredTable(p: Profile, name: string): TableLayout {
  const found = p.tables[name];
  if (!found) throw new TemplateError(`tables/${name}.yaml`, `格式目录 ${p.id} 中缺少表格声明 tables/${name}.yaml`);
  return found;
}

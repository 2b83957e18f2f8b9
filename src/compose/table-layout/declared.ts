/** 取格式目录声明的表格：缺少声明文件时报告 E-TEMPLATE，指出应有的文件。 */
import type { Profile } from '../../model/profile.js';
import type { TableLayout } from '../../model/table-layout.js';
import { TemplateError } from '../templates.js';
import type { Table } from '../../model/doc.js';
import { composeTable } from './compose.js';
import type { TableView } from './view.js';

/** The profile's table `name` composed from its declaration (tables/<name>.yaml) and `view`; throws TemplateError. */
export function composeDeclared(p: Profile, name: string, view: TableView): Table {
  const layout = declaredTable(p, name);
  return composeTable(layout, view, layout.source ?? `tables/${name}.yaml`);
}

/** The profile's declaration `name` (tables/<name>.yaml), or a TemplateError naming the missing file. */
export function declaredTable(p: Profile, name: string): TableLayout {
  const found = p.tables[name];
  if (!found) throw new TemplateError(`tables/${name}.yaml`, `格式目录 ${p.id} 中缺少表格声明 tables/${name}.yaml`);
  return found;
}

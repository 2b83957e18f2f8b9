/** 一个单位组装的结果（DOCX 与 XLSX 的内容），以及按文件名取格式目录中的模板。 */
import type { Doc, Table } from '../model/doc.js';
import type { ProfileTemplates, TemplateSource } from '../model/templates.js';
import { TemplateError } from './templates.js';

/** The named template, or a TemplateError saying which file the profile folder lacks. */
export function template(t: ProfileTemplates, file: string): TemplateSource {
  const found = t[file];
  if (!found) throw new TemplateError(file, `格式目录中缺少模板文件 ${file}`);
  return found;
}

/** What one unit produces: one DOCX of every document in the seed's order, and the same tables as one workbook. */
export interface UnitDocuments {
  readonly docx: Doc;
  readonly xlsxTables: readonly Table[];
}

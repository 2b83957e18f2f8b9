/** 组装：一个单位的全部文档（DOCX 报告与各表、XLSX 工作簿）。 */
import type { Doc, DocSection, Table } from '../model/doc.js';
import type { Derived } from '../model/derived.js';
import { profileNotes, type Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { TemplateError, type Render } from './templates.js';
import { parseMarkup } from './markup.js';
import { reportView } from './view.js';
import { narrativeTable } from './narrative-table.js';
import { deptTable } from './dept-table.js';
import { projectTable } from './project-table.js';

/** One template file of a profile: its path (for error messages) and source text. */
export interface TemplateSource { readonly name: string; readonly source: string }

/** The templates a profile folder supplies, by file name (e.g. "dept-report.md.hbs"). */
export type ProfileTemplates = Readonly<Record<string, TemplateSource>>;

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

/** Composes the Yunnan set (Y1 narrative, Y2 department table, one Y3 table per project); pure. */
export function composeDocuments(u: UnitYear, d: Derived, p: Profile, templates: ProfileTemplates, render: Render): UnitDocuments {
  const report0 = template(templates, 'dept-report.md.hbs');
  const markup = render(report0.name, report0.source, reportView(u, d, p));
  const report = narrativeTable(`${u.year}年度部门整体支出绩效自评情况`, `部门：${u.unit.name}`, parseMarkup(markup), profileNotes(p, 'report'));
  const dept = deptTable(u, d, p);
  const projects = u.projects.map((proj, i) => projectTable(u, proj, d.projects[i]!, i, p));
  const tables = [report, dept, ...projects];
  const sections: DocSection[] = tables.map((t) => ({ orientation: t.orientation, blocks: [{ type: 'table', table: t }] }));
  return {
    docx: { id: 'self-evaluation', fileBase: `${u.year}年度绩效自评-${u.unit.name}`, title: `${u.unit.name}${u.year}年度绩效自评`, sections },
    xlsxTables: tables,
  };
}

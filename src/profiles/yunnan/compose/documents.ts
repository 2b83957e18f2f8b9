/** 组装：一个单位的全部文档（DOCX 报告与各表、XLSX 工作簿）。 */
import type { Block, DocSection } from '../../../model/doc.js';
import type { Derived } from '../../../model/derived.js';
import { profileNotes, readSettings, type Profile } from '../../../model/profile.js';
import { YunnanSettingsSchema } from '../settings.js';
import type { UnitYear } from '../../../model/unit-year.js';
import { TemplateError, type Render } from '../../../compose/templates.js';
import type { ProfileTemplates, TemplateSource } from '../../../model/templates.js';
import { template, type UnitDocuments } from '../../../compose/unit-documents.js';
import { parseMarkup, type Section } from '../../../compose/markup.js';
import { lineStartingWith } from '../../../compose/template-errors.js';
import { reportView } from './view.js';
import { narrativeBlocks, narrativeTable } from '../../../compose/narrative-table.js';
import { composeDeclared } from '../../../compose/table-layout/declared.js';
import { deptTableView } from './dept-table-view.js';
import { projectTableView } from './project-table-view.js';
import { settingsOf } from '../documents.js';
import type { TableLayout } from '../../../model/table-layout.js';
import type { TableView } from '../../../compose/table-layout/view.js';

/**
 * The table layout has three heading columns and needs at least one heading; deeper headings would lose their text.
 * Throws TemplateError placed at the offending line of the template.
 */
function tableLayoutFits(sections: readonly Section[], t: TemplateSource): void {
  const tooDeep = (s: Section, depth: number): boolean => (depth > 3 ? true : s.children.some((c) => tooDeep(c, depth + 1)));
  if (sections.some((s) => tooDeep(s, 1))) {
    const at = lineStartingWith(t.source, '####');
    throw new TemplateError(
      t.name,
      '按表格排版（narrativeLayout: table）时叙述最多三级标题（#、##、###）；请把第四级标题改为段落，或改用 narrativeLayout: prose',
      at.line,
      at.column,
    );
  }
  if (sections.length === 0) throw new TemplateError(t.name, '叙述模板没有写出任何标题和段落；至少需要一个“# 一、……”一级标题', 1, 1);
}

/** Composes the Yunnan set (Y1 narrative, Y2 department table, one Y3 table per project); pure. */
export function composeDocuments(u: UnitYear, d: Derived, p: Profile, templates: ProfileTemplates, render: Render): UnitDocuments {
  const settings = settingsOf(u, p);
  const docs = settings.documents;
  // Note: settings.tableMoney (or options.tableMoney) prints every table's amounts in the form's unit, over the declaration's money:.
  const money = settings.tableMoney;
  const table = (name: string, view: TableView) => {
    if (!money) return composeDeclared(p, name, view);
    const base = p.tables[name];
    const layout: TableLayout | undefined = base && { ...base, money: { ...base.money, ...money } };
    return composeDeclared({ ...p, tables: layout ? { ...p.tables, [name]: layout } : p.tables }, name, view);
  };
  const tables = [
    ...(docs.includes('deptTable') ? [table('dept', deptTableView(u, d, p))] : []),
    ...(docs.includes('projectTables') ? u.projects.map((proj, i) => table('project', projectTableView(u, proj, d.projects[i]!, i, p))) : []),
  ];
  const fileBase = `${u.year}年度绩效自评-${u.unit.name}`;
  const docTitle = `${u.unit.name}${u.year}年度绩效自评`;
  if (!docs.includes('report')) {
    return {
      docx: {
        id: 'self-evaluation',
        fileBase,
        title: docTitle,
        sections: tables.map((t): DocSection => ({ orientation: t.orientation, blocks: [{ type: 'table', table: t }] })),
      },
      xlsxTables: tables,
    };
  }
  const report0 = template(templates, 'dept-report.md.hbs');
  const markup = render(report0.name, report0.source, reportView(u, d, p));
  const title = `${u.year}年度部门整体支出绩效自评情况`;
  const subtitle = `部门：${u.unit.name}`;
  const sections = parseMarkup(markup, report0);
  const notes = profileNotes(p, 'report');
  const asTable = (u.options?.narrativeLayout ?? readSettings(p, YunnanSettingsSchema).value.narrativeLayout) === 'table';
  // Note: DOMAIN.md §3.1 narrativeLayout — the seeds lay Y1 out as a four-column table; prose prints the same headings as paragraphs.
  if (asTable) tableLayoutFits(sections, report0);
  const report = asTable ? narrativeTable(title, subtitle, sections, notes) : undefined;
  const first: DocSection = report
    ? { orientation: 'portrait', blocks: [{ type: 'table', table: report }] }
    : {
        orientation: 'portrait',
        blocks: [
          { type: 'title', text: title },
          { type: 'paragraph', text: subtitle, align: 'center' },
          ...narrativeBlocks(sections),
          ...notes.map((text): Block => ({ type: 'paragraph', text })),
        ],
      };
  return {
    docx: {
      id: 'self-evaluation',
      fileBase,
      title: docTitle,
      sections: [first, ...tables.map((t): DocSection => ({ orientation: t.orientation, blocks: [{ type: 'table', table: t }] }))],
    },
    xlsxTables: report ? [report, ...tables] : tables,
  };
}

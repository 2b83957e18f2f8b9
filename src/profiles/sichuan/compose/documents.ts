/** 四川格式组装：部门的自评报告、计分表、完成情况表（附件1），每个项目的三份文档（附件2起），按表样顺序。 */
import type { Block, DocSection, Table } from '../../../model/doc.js';
import type { Profile } from '../../../model/profile.js';
import type { SichuanDerived, SichuanProjectFigures } from '../derived.js';
import type { SichuanProject, SichuanUnit } from '../schema.js';
import type { ProfileTemplates, TemplateSource } from '../../../model/templates.js';
import { template, type UnitDocuments } from '../../../compose/unit-documents.js';
import { parseMarkup } from '../../../compose/markup.js';
import { narrativeBlocks } from '../../../compose/narrative-table.js';
import type { Render } from '../../../compose/templates.js';
import { composeDeclared } from '../../../compose/table-layout/declared.js';
import { deptCompletionView, projectCompletionView } from './completion-table-view.js';
import { deptReportView, projectReportView } from './report-view.js';
import { scoresheetTable, type SheetContext } from './scoresheet-table.js';

/** One document of the set: its DOCX blocks and the table it contributes to the workbook, if any. */
interface Part {
  readonly section: DocSection;
  readonly table?: Table;
}

/** A narrative report: 附件n, the title lines, then the rendered markup as headings and paragraphs. */
function reportPart(mark: string, titles: readonly string[], markup: string, origin: TemplateSource): Part {
  const blocks: Block[] = [
    { type: 'paragraph', text: mark, align: 'left' },
    ...titles.map((text): Block => ({ type: 'title', text })),
    ...narrativeBlocks(parseMarkup(markup, origin)),
  ];
  return { section: { orientation: 'portrait', blocks } };
}

/**
 * A table document. In the DOCX a second title line (the project name) goes under the main title as its own title
 * block; in the XLSX both lines share the sheet's title row.
 */
function tablePart(table: Table, nameLine?: string): Part {
  if (nameLine === undefined) return { section: { orientation: table.orientation, blocks: [{ type: 'table', table }] }, table };
  return {
    section: {
      orientation: table.orientation,
      blocks: [
        { type: 'title', text: table.title },
        { type: 'table', table: { ...table, title: nameLine } },
      ],
    },
    table: { ...table, title: `${table.title}\n${nameLine}` },
  };
}

/** `项目1计分表-市人代会经费`, within Excel's 31 characters. */
const sheetName = (i: number, kind: string, name: string): string => `项目${i + 1}${kind}-${name}`.slice(0, 31);

function deptParts(u: SichuanUnit, d: SichuanDerived, p: Profile, t: ProfileTemplates, render: Render): Part[] {
  const L = u.unit.fiscalLevel;
  const y = u.year;
  const report = template(t, 'dept-report.md.hbs');
  const ctx: SheetContext = { year: y, rubricName: d.rubrics!.dept.name, render, rubric: d.rubrics!.dept };
  const sheet = d.dept.sheet!;
  return [
    reportPart('附件1', [`${y}年度${L}部门整体支出绩效自评报告`], render(report.name, report.source, deptReportView(u, d, p)), report),
    tablePart(
      scoresheetTable(
        {
          id: 'dept-scoresheet',
          sheetName: '部门整体支出绩效自评计分表',
          title: `${y}年度${L}部门整体支出绩效自评计分表`,
          subtitle: `部门（单位）名称：${u.unit.name}　预算单位编码：${u.unit.code}　自评等级：${sheet.grade}`,
          totalRow: d.settings.deptTotalRow,
        },
        sheet,
        u.dept.scoresheet,
        ctx,
      ),
    ),
    tablePart(composeDeclared(p, 'dept-completion', deptCompletionView(u, d, p))),
  ];
}

function projectParts(
  u: SichuanUnit,
  proj: SichuanProject,
  f: SichuanProjectFigures,
  i: number,
  d: SichuanDerived,
  p: Profile,
  t: ProfileTemplates,
  render: Render,
): Part[] {
  const L = u.unit.fiscalLevel;
  const y = u.year;
  const report = template(t, 'project-report.md.hbs');
  const ctx: SheetContext = { year: y, rubricName: d.rubrics!.project.name, render, rubric: d.rubrics!.project };
  const sheet = f.sheet!;
  const nameLine = `（${proj.name}）`;
  return [
    reportPart(`附件${i + 2}`, [`${y}年${L}项目支出绩效自评报告`, nameLine], render(report.name, report.source, projectReportView(u, proj, f, d, p)), report),
    tablePart(
      scoresheetTable(
        {
          id: `project-${i + 1}-scoresheet`,
          sheetName: sheetName(i, '计分表', proj.name),
          title: `${y}年度${L}项目支出绩效自评计分表`,
          subtitle: `预算单位名称：${u.unit.shortName ?? u.unit.name}　预算单位编码：${u.unit.code}　自评等级：${sheet.grade}`,
          totalRow: true,
        },
        sheet,
        proj.scoresheet,
        ctx,
      ),
      nameLine,
    ),
    tablePart(composeDeclared(p, 'project-completion', projectCompletionView(u, proj, f, i, d, p))),
  ];
}

/** Composes the sichuan set (S1–S3, then S4–S6 per project) as one DOCX and one workbook; pure. Needs valid rubrics. */
export function composeSichuan(u: SichuanUnit, d: SichuanDerived, p: Profile, t: ProfileTemplates, render: Render): UnitDocuments {
  const parts = [...deptParts(u, d, p, t, render), ...u.projects.flatMap((proj, i) => projectParts(u, proj, d.projects[i]!, i, d, p, t, render))];
  return {
    docx: {
      id: 'self-evaluation',
      fileBase: `${u.year}年度绩效自评-${u.unit.name}`,
      title: `${u.unit.name}${u.year}年度绩效自评`,
      sections: parts.map((x) => x.section),
    },
    xlsxTables: parts.flatMap((x) => (x.table ? [x.table] : [])),
  };
}

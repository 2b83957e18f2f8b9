/** 组装宁夏格式：本级项目绩效自评叙述（N1，公文版式、段首小标题加粗）；XLSX 为项目资金执行情况。 */
import type { Block, DocSection } from '../../../model/doc.js';
import type { NingxiaDerived } from '../derived.js';
import type { NingxiaUnit } from '../schema.js';
import { NingxiaSettingsSchema } from '../settings.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import type { Render } from '../../../compose/templates.js';
import type { ProfileTemplates } from '../../../model/templates.js';
import type { UnitDocuments } from '../../../compose/unit-documents.js';
import { renderOfficialText } from '../../../compose/official-text.js';
import { ningxiaView } from './view.js';
import { fundsTable } from './funds-table.js';

const BLANK: Block = { type: 'paragraph', text: '' };

/** Composes N1: title, the narrative, one blank line, then the unit and date flush right; pure. */
export function composeNingxia(u: NingxiaUnit, d: NingxiaDerived, p: Profile, templates: ProfileTemplates, render: Render): UnitDocuments {
  const view = ningxiaView(u, d, readSettings(p, NingxiaSettingsSchema).value);
  const { title, preamble, body } = renderOfficialText(templates, render, view);
  const blocks: Block[] = [
    { type: 'title', text: title.join('\n') },
    BLANK,
    ...preamble,
    ...body,
    BLANK,
    { type: 'signature', signatory: view.signature.name, date: view.signature.date, placement: 'right' },
  ];
  const report: DocSection = { orientation: 'portrait', layout: 'official', blocks };
  return {
    docx: { id: 'project-report', fileBase: `${u.year}年度项目绩效自评-${u.unit.name}`, title: title.join(''), sections: [report] },
    xlsxTables: [fundsTable(u, d)],
  };
}

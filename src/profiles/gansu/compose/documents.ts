/** 组装甘肃格式：红头文件（G1，GB/T 9704 版式）、附件整体支出绩效目标自评表（G2，横向）、版记；XLSX 为 G2。 */
import type { Block, DocSection } from '../../../model/doc.js';
import type { GansuDerived } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import { GansuSettingsSchema } from '../settings.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import type { Render } from '../../../compose/templates.js';
import type { ProfileTemplates } from '../../../model/templates.js';
import type { UnitDocuments } from '../../../compose/unit-documents.js';
import { renderOfficialText } from '../../../compose/official-text.js';
import { chineseDate } from '../../../compose/narrative-numbers.js';
import { gansuView } from './view.js';
import { composeDeclared } from '../../../compose/table-layout/declared.js';
import { scoreTableView } from './score-table-view.js';

const BLANK: Block = { type: 'paragraph', text: '' };
const blanks = (n: number): Block[] => Array.from({ length: n }, () => BLANK);

/** The blocks of G1 in GB/T 9704 order, down to the 成文日期; blank lines are GB/T's 空行. */
function officialBlocks(u: GansuUnit, text: ReturnType<typeof renderOfficialText>, attachment: string): Block[] {
  const doc = u.document;
  const addressee = doc.addressee.replace(/[：:]$/, '');
  return [
    { type: 'masthead', lines: doc.issuerMark },
    ...blanks(2),
    { type: 'docNumber', text: `${doc.docNumber.prefix}〔${doc.docNumber.year}〕${doc.docNumber.seq}号` },
    ...blanks(2),
    { type: 'title', text: text.title.join('\n') },
    BLANK,
    { type: 'paragraph', text: `${addressee}：`, align: 'left' },
    ...text.preamble,
    ...text.body,
    BLANK,
    { type: 'attachments', items: [attachment] },
    BLANK,
    // Note: a missing 署名 or 成文日期 is E-REQUIRED, so both are present whenever documents are composed.
    { type: 'signature', signatory: doc.signatory ?? '', date: doc.issueDate ? chineseDate(doc.issueDate) : '', placement: 'gbt-sealed' },
  ];
}

/**
 * The 版记 on its own page, at the foot of the 版心: the last page of the document, an even one (a blank page
 * before it when the attachment ends on an even page). The blank page carries no number (GB/T 9704 7.5); the 版记
 * page is numbered like every other page. Note: 7.5 unnumbers the 版记 page too when the blank page is there, but
 * whether it is depends on where the viewer breaks the pages, which the DOCX cannot know (issue 13).
 */
function colophonSection(u: GansuUnit, printCopies: boolean): DocSection {
  const c = u.document.colophon;
  return {
    orientation: 'portrait',
    layout: 'official',
    startsOn: 'even',
    verticalAlign: 'bottom',
    blocks: [
      {
        type: 'colophon',
        cc: c.cc ?? [],
        printedBy: c.printedBy,
        printedOn: chineseDate(c.printedOn),
        ...(printCopies && c.copies ? { copies: `（共印${c.copies}份）` } : {}),
      },
    ],
  };
}

/** Composes the Gansu set: one DOCX (G1, G2 as its attachment, 版记) and G2 as the workbook; pure. */
export function composeGansu(u: GansuUnit, d: GansuDerived, p: Profile, templates: ProfileTemplates, render: Render): UnitDocuments {
  const settings = readSettings(p, GansuSettingsSchema).value;
  const view = gansuView(u, d, settings);
  const text = renderOfficialText(templates, render, view);
  const table = composeDeclared(p, 'score', scoreTableView(u, d, p));
  const report: DocSection = { orientation: 'portrait', layout: 'official', blocks: officialBlocks(u, text, table.title) };
  const attachment: DocSection = { orientation: 'landscape', blocks: [{ type: 'attachmentMark', text: '附件' }, BLANK, { type: 'table', table }] };
  const colophon = colophonSection(u, settings.printCopies);
  // Note: GB/T 9704 puts an attachment before the 版记; seed 003 printed it after.
  const sections = settings.attachmentPlacement === 'before-colophon' ? [report, attachment, colophon] : [report, colophon, attachment];
  return {
    docx: { id: 'official-report', fileBase: `${u.year}年度整体绩效自评报告-${u.unit.name}`, title: text.title.join(''), sections },
    xlsxTables: [table],
  };
}

/**
 * The DOCX shell's parts are taken from docx's compiler, not from a zip docx writes and jixiao unzips (issue 14): the
 * same parts, in the same order, with the same bytes as the round trip through the zip.
 */
import { strFromU8 } from 'fflate';
import { Document, ExternalHyperlink, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { normalizedFiles } from '../../src/write/docx-package.js';

const document = () =>
  new Document({
    creator: 'jixiao',
    title: '标题',
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] })] }) },
        children: [new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('链接')] })] })],
      },
      { children: [new Paragraph('第二节')] },
    ],
  });

describe('the DOCX shell’s parts', () => {
  it('are those of docx’s zip, normalised, without the zip', async () => {
    const when = new Date(Date.UTC(2000, 0, 1));
    const direct = await normalizedFiles(document(), when);
    const viaZip = await normalizedFiles(document(), when, true);
    expect(direct.map(([name]) => name)).toEqual(viaZip.map(([name]) => name));
    expect(direct.map(([name]) => name)).toEqual(expect.arrayContaining(['word/document.xml', 'word/footer1.xml', 'docProps/core.xml']));
    for (const [i, [name, data]] of direct.entries()) expect(strFromU8(data), name).toBe(strFromU8(viaZip[i]![1]));
    // Note: normalised as a whole package is: the random relationship id renamed, core.xml dated `when`.
    const text = (name: string) => strFromU8(direct.find(([n]) => n === name)![1]);
    expect(text('word/_rels/document.xml.rels')).toContain('Id="rIdX1"');
    expect(text('docProps/core.xml')).toContain('2000-01-01T00:00:00Z');
  });
});

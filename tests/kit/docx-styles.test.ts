/** Named styles (issue 13): every paragraph of a report refers to a style, and fonts and sizes live in word/styles.xml. */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runUnit } from '../../src/run/pipeline.js';
import { mergeStyles } from '../../src/write/docx-styles.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

const partsOf = async (input: string) => {
  const ctx = await testContext(tempDir());
  const r = await runUnit(inputPath(input), ctx, { write: true });
  const zip = unzipSync(new Uint8Array(readFileSync(r.outputs.find((o) => o.endsWith('.docx'))!)));
  return { document: strFromU8(zip['word/document.xml']!), styles: strFromU8(zip['word/styles.xml']!) };
};

describe('named styles', () => {
  it('gives every body paragraph of a form report a defined style, and no run a font or size', async () => {
    const { document, styles } = await partsOf('zhanyi-czj-2023.yaml');
    const body = document.slice(document.indexOf('<w:body>'));
    const paragraphs = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map(([p]) => p);
    expect(paragraphs.length).toBeGreaterThan(100);
    const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    for (const p of paragraphs) {
      // Note: a paragraph that only carries a section break has no text and needs no style.
      if (!p.includes('<w:t')) continue;
      const id = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
      expect(id, p.slice(0, 200)).toBeDefined();
      expect(defined.has(id)).toBe(true);
    }
    expect(body).not.toMatch(/<w:rFonts|<w:tcBorders|<w:tcMar/);
    expect(body).not.toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:sz /s);
    expect(body).toContain('<w:tblCellMar>');
  });

  it('defines the headings with outline levels, so the navigation pane and a table of contents see them', async () => {
    const { styles } = await partsOf('zhanyi-renda-2023.yaml');
    for (const [name, level] of [
      ['一级标题', 0],
      ['二级标题', 1],
      ['三级标题', 2],
    ] as const) {
      const style = new RegExp(`<w:style [^>]*><w:name w:val="${name}"/>.*?</w:style>`, 's').exec(styles)?.[0];
      expect(style, name).toBeDefined();
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style).toContain('<w:keepNext/>');
    }
    for (const name of ['文档标题', '报告正文', '表格文字', '表头', '表下注释', '公文正文', '发文机关标志', '署名', '成文日期', '版记']) {
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
    }
  });

  it('merges styles by id: given ones replace, new ones are appended, the rest stay', () => {
    const base =
      '<w:styles><w:docDefaults/><w:style w:type="paragraph" w:styleId="A"><w:name w:val="a"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="b"/></w:style></w:styles>';
    const merged = mergeStyles(
      base,
      '<w:docDefaults><w:rPrDefault/></w:docDefaults><w:style w:type="paragraph" w:styleId="B"><w:name w:val="b2"/></w:style><w:style w:type="paragraph" w:styleId="C"><w:name w:val="c"/></w:style>',
    );
    expect(merged).toBe(
      '<w:styles><w:docDefaults><w:rPrDefault/></w:docDefaults><w:style w:type="paragraph" w:styleId="A"><w:name w:val="a"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:name w:val="b2"/></w:style><w:style w:type="paragraph" w:styleId="C"><w:name w:val="c"/></w:style></w:styles>',
    );
  });
});

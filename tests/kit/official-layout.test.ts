/**
 * The GB/T 9704-2012 layout of the official document (DOMAIN.md §9), asserted on the DOCX the gansu sample builds.
 *
 * Measured in a rendering (LibreOffice 7.4.7 → PDF, `bash tests/visual/render.sh <docx> /tmp/gs-render`, fonts mapped
 * by templates/fonts/fonts.conf: 仿宋_GB2312 → Noto Serif CJK SC, which advances 1 em per character like the real face;
 * `pdftotext -bbox-layout` for lines and characters, the PNG at 254 dpi for the red elements):
 * - full body pages (2 and 4 of the gansu sample; 3, 4 and 5 of the ningxia sample) hold 22 lines; the first and
 *   last baselines are 607.9 pt apart, 21 × 28.95 pt; the widest lines hold 28 characters (a half-width digit as ½);
 * - the masthead's ink starts 35.4 mm below the top of the 版心; the red rule runs from 28.0 to 183.9 mm (156 mm);
 * - page numbers "— n —" sit right on odd pages and left on even ones, their glyphs 63.3–81.5 pt above the bottom edge;
 *   on the landscape G2 pages they stand turned 90° in the left margin, 63.3–81.5 pt from the left edge, at
 *   465.9–507.9 pt (page 7) and 93.5–135.5 pt (page 8) from the top: where a portrait page has them once the sheet is
 *   turned with its top to the left (GB/T 9704 10.1);
 * - the 版记's last rule lies on the bottom edge of the 版心 (262 mm from the top of the page).
 * Note: with CHAR_LAYOUT 'grid' (Word's 文档网格) LibreOffice shows 14 characters per line, since it gives every 1-em glyph
 * two 15.79 pt cells; Word and WPS show 28. The 'spacing' layout used here shows 28 in all three (write/styles.ts).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runUnit } from '../../src/run/pipeline.js';
import { CHAR_LAYOUT, OFFICIAL_LANDSCAPE_WIDTH, OFFICIAL_MARGINS, OFFICIAL_TEXT_WIDTH } from '../../src/write/styles.js';
import { SIDE_NUMBER_LEFT } from '../../src/write/official-page.js';
import { charWidth, mastheadSize, printedWidth, sealedSignatureIndents, signatureIndents } from '../../src/write/docx-official.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

let parts: Record<string, string>;
const xml = (name: string): string => parts[name] ?? '';
/** The definition of a paragraph's named style in styles.xml (its fonts, sizes, spacing live there, issue 13), or ''. */
const styleOf = (p: string): string => {
  const id = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
  return id === undefined ? '' : (new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(xml('word/styles.xml'))?.[0] ?? '');
};
/** The `<w:p>`s whose text is exactly `text`, in document order, each followed by its style's definition. */
const paragraphs = (text: string): string[] =>
  [...xml('word/document.xml').matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .map(([p]) => p)
    .filter((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') === text)
    .map((p) => p + styleOf(p));
/** The first `<w:p>` whose text is exactly `text`. */
function paragraph(text: string): string {
  const [found] = paragraphs(text);
  if (!found) throw new Error(`no paragraph “${text}”`);
  return found;
}
const sections = (): string[] => [...xml('word/document.xml').matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map(([s]) => s);
/** The footer part a section shows on odd ('default') or even pages. */
const footerOf = (section: string, type: 'default' | 'even'): string => {
  const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(section)?.[1];
  return xml(`word/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(xml('word/_rels/document.xml.rels'))?.[1]}`);
};

beforeAll(async () => {
  const result = await runUnit(inputPath('zhengning-renda-2023.yaml'), await testContext(tempDir()), { write: true });
  parts = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(result.outputs[0]!)))).map(([k, v]) => [k, strFromU8(v)]));
});

describe('the GB/T 9704 page', () => {
  it('is A4 with the 版心 156 × 225 mm: margins 37 / 35 / 28 / 26 mm in twips', () => {
    const [report] = sections();
    expect(report).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(report).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="\d+" w:footer="1304"/);
  });

  it('has 22 lines of exactly 28.95 pt and 28 characters per line, one way only', () => {
    const [report] = sections();
    if (CHAR_LAYOUT === 'grid') {
      expect(report).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>');
      expect(xml('word/document.xml')).not.toContain('<w:spacing w:val="-5"/>');
    } else {
      expect(report).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
      expect(paragraph('县财政局：')).toContain('<w:spacing w:val="-5"/>');
    }
    expect(paragraph('一、部门概况')).toContain('w:line="579" w:lineRule="exact"');
  });

  it('numbers pages "— n —", odd right and even left one 四号 character in, on every numbered section', () => {
    expect(xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const [report, table] = sections();
    for (const s of [report!, table!]) {
      const odd = footerOf(s, 'default');
      const even = footerOf(s, 'even');
      expect(odd).toContain('<w:ind w:right="280"/><w:jc w:val="right"/>');
      expect(even).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
      for (const f of [odd, even]) {
        expect(f).toContain('>— <');
        expect(f).toContain('PAGE');
        expect(f).toContain('> —<');
        expect(f).toContain('w:eastAsia="宋体"');
        expect(f).toContain('<w:sz w:val="28"/>');
      }
    }
  });

  it("turns the landscape pages' number 90° into the left margin, where a portrait page has it once the sheet is turned", () => {
    const [report, table] = sections();
    // Note: the left edge of a landscape page is the foot of the turned sheet: its margin is the official bottom
    // margin (35 mm), and the table spans what is left (242 mm), so the number never overlaps it.
    expect(table).toContain(`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="${OFFICIAL_MARGINS.bottom}"`);
    expect(OFFICIAL_LANDSCAPE_WIDTH).toBe(16838 - 1984 - 1134);
    const doc = xml('word/document.xml');
    const landscape = doc.slice(doc.indexOf('>附件<'), doc.indexOf(table!));
    const widths = [...landscape.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.length).toBeGreaterThan(0);
    for (const w of widths) expect(w).toBe(OFFICIAL_LANDSCAPE_WIDTH);
    for (const [type, odd] of [
      ['default', true],
      ['even', false],
    ] as const) {
      const f = footerOf(table!, type);
      // A VML text box anchored to the page: 1282 twips (64.1 pt) from the left edge, one 四号 line wide, from 28 mm
      // below the top edge (the 订口 of a portrait page) down the 156 mm of the 版心; its text turned 90° clockwise.
      // Note: not a wps shape, which LibreOffice misplaces after a manual page break (official-page.ts).
      expect(f).not.toContain('<w:drawing>');
      expect(f).toContain(
        `<w:pict><v:rect style="position:absolute;margin-left:${SIDE_NUMBER_LEFT / 20}pt;margin-top:${OFFICIAL_MARGINS.left / 20}pt;width:18.2pt;height:${OFFICIAL_TEXT_WIDTH / 20}pt;`,
      );
      expect(f).toContain('mso-position-horizontal-relative:page;mso-position-vertical-relative:page');
      expect(f).toContain('<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent>');
      const box = /<w:txbxContent>(.*)<\/w:txbxContent>/s.exec(f)?.[1] ?? '';
      expect(box).toContain(odd ? '<w:ind w:right="280"/><w:jc w:val="right"/>' : '<w:ind w:left="280"/><w:jc w:val="left"/>');
      expect(box).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      // Every character of the footer is in the box: nothing is printed at the landscape page's foot.
      expect(f.replace(/<w:txbxContent>.*?<\/w:txbxContent>/gs, '')).not.toMatch(/<w:t[ >]/);
      expect(f).not.toContain('JIXIAO');
    }
    // The portrait pages keep the number in the footer's own paragraph.
    expect(footerOf(report!, 'default')).not.toContain('<w:drawing>');
    // Note: each box's z-index is fixed per footer, so identical input gives identical bytes.
    const ids = Object.values(parts).flatMap((x) => [...x.matchAll(/z-index:(\d+);/g)].map((m) => m[1]));
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts G2 on landscape pages inside the document and the 版记 on a numbered even page of its own, at its foot, after an unnumbered blank page', () => {
    const [, table, colophon] = sections();
    expect(table).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(colophon).toContain('<w:vAlign w:val="bottom"/>');
    expect(colophon).toContain('<w:type w:val="evenPage"/>');
    expect(table).toContain('<w:type w:val="nextPage"/>');
    // The 版记 page is even and numbered; its section's odd footer is shown only on the blank page a viewer inserts
    // before it (w:type evenPage), which GB/T 9704 7.5 leaves unnumbered.
    const even = footerOf(colophon!, 'even');
    expect(even).toContain('PAGE');
    expect(even).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
    const odd = footerOf(colophon!, 'default');
    expect(odd).toMatch(/<w:ftr /);
    expect(odd).not.toContain('PAGE');
    expect(odd).not.toMatch(/<w:t[ >]/);
  });
});

describe('the GB/T 9704 elements', () => {
  it('prints the 发文机关标志 centred in red 方正小标宋简体, 小初 (the largest size up to 小初 that fits 156 mm)', () => {
    const p = paragraph('常务委员会办公室文件');
    expect(p).toContain('w:eastAsia="方正小标宋简体"');
    expect(p).toContain('<w:color w:val="FF0000"/>');
    expect(p).toContain('<w:sz w:val="72"/>');
    expect(p).toContain('<w:jc w:val="center"/>');
    expect(mastheadSize(['常务委员会办公室文件'])).toBe(72);
    // Note: 20 characters fit 156 mm at 二号 (22 pt), 24 at 小二 (18 pt).
    expect(mastheadSize(['中华人民共和国财政部预算司绩效管理处文件'])).toBe(44);
    expect(mastheadSize(['中华人民共和国财政部预算司绩效管理处综合科室文件'])).toBe(36);
  });

  it('prints the 发文字号 with 〔〕 in 3号仿宋, and the red rule as its bottom border', () => {
    const p = paragraph('正人大常办发〔2024〕29号');
    expect(p).toContain('<w:bottom w:val="single" w:color="FF0000" w:space="11" w:sz="8"/>');
    expect(p).toContain('w:eastAsia="仿宋_GB2312"');
    expect(p).toContain('<w:sz w:val="32"/>');
  });

  it('prints the title in 2号方正小标宋简体, centred, in two lines', () => {
    for (const line of ['正宁县人大常委会办公室', '关于2023年度整体绩效目标的自评报告']) {
      const p = paragraph(line);
      expect(p).toContain('w:eastAsia="方正小标宋简体"');
      expect(p).toContain('<w:sz w:val="44"/>');
      expect(p).toContain('<w:jc w:val="center"/>');
    }
  });

  it('prints the headings in 黑体 and 楷体_GB2312, indented two characters, and the body in 3号仿宋', () => {
    expect(paragraph('一、部门概况')).toContain('w:eastAsia="黑体"');
    expect(paragraph('（一）部门主要职责职能')).toContain('w:eastAsia="楷体_GB2312"');
    for (const h of ['一、部门概况', '（一）部门主要职责职能']) expect(paragraph(h)).toContain('<w:ind w:firstLine="640"/>');
    const body = paragraph('2.商品服务支出（公用经费）预算85万元，同比增加8.74%。');
    expect(body).toContain('<w:ind w:firstLine="640"/>');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  it('prints the 主送机关 flush left with a full-width colon', () => {
    expect(paragraph('县财政局：')).not.toContain('<w:ind');
  });

  it('places the 附件说明 two characters in, continuation lines after 附件：', () => {
    expect(paragraph('附件：人大常委会办公室整体支出绩效目标自评表（2023年度）')).toContain('<w:ind w:left="1600" w:hanging="960"/>');
  });

  it('places the sealed Gansu 成文日期 four characters in from the right margin, the 署名 centred on it (7.3.5.1)', () => {
    // Note: 署名 11 characters, date 7 as printed (6 plus 0.2 at each of 5 Chinese/digit boundaries): the 署名 is
    // 4 + (7 − 11) / 2 = 2 characters in, so both centres coincide (checked in the LibreOffice PDF, within 2 pt).
    expect(printedWidth('2024年3月8日')).toBeCloseTo(7, 9);
    expect(sealedSignatureIndents('正宁县人大常委会办公室', '2024年3月8日')).toEqual({ signatory: 2, date: 4 });
    // Note: the first paragraph with this text is the title's first line; the second is the 署名.
    expect(paragraphs('正宁县人大常委会办公室')[1]).toContain('<w:ind w:right="640"/>');
    expect(paragraphs('正宁县人大常委会办公室')[1]).toContain('<w:jc w:val="right"/>');
    expect(paragraph('2024年3月8日')).toContain('<w:ind w:right="1280"/>');
    expect(paragraph('2024年3月8日')).toContain('<w:jc w:val="right"/>');
    expect(sealedSignatureIndents('县财政局', '2024年12月31日').signatory).toBeCloseTo(4 + (8 - 4) / 2, 9);
    // Note: a 署名 too long to centre within the margin ends at the margin.
    expect(sealedSignatureIndents('某某某某某某某某某某某某某某某某某某某某', '2024年3月8日').signatory).toBe(0);
  });

  it('without a seal places the 署名 two characters in and the date two characters right of its start (7.3.5.2)', () => {
    expect(signatureIndents('正宁县人大常委会办公室', '2024年3月8日')).toEqual({ signatory: 2, date: 5 });
    // Note: a date longer than the 署名 stays two characters in and pushes the 署名 left: 2 + 7 + 2 − 4 = 7.
    expect(signatureIndents('县财政局', '2024年12月31日')).toEqual({ signatory: 7, date: 2 });
    expect(charWidth('2024年3月8日')).toBe(6);
  });

  it('prints the 版记 in 4号 between a thick first and a thick last rule, 印发机关 left and 印发日期 right', () => {
    const doc = xml('word/document.xml');
    const printed = paragraph('正宁县人大常委会办公室2024年3月8日印发');
    expect(printed).toContain('<w:tab w:val="right" w:pos="8565"/>');
    expect(printed).toContain('<w:ind w:left="280"/>');
    expect(printed).toContain('<w:sz w:val="28"/>');
    const rules = [...doc.matchAll(/<w:bottom w:val="single" w:color="000000" w:space="0" w:sz="(\d)"\/>/g)].map((m) => m[1]);
    expect(rules).toEqual(['8', '8']);
    expect(doc.indexOf('（共印5份）')).toBeGreaterThan(doc.indexOf('印发<'));
  });
});

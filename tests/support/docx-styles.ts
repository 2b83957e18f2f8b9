/** 测试用样式解析：段落的字体来自它的命名样式（issue 13），按 basedOn 链查到 styles.xml 中的东亚字体。 */
import { strFromU8, unzipSync } from 'fflate';

/** The east-Asian font of style `id` in styles.xml, following basedOn, else the document default. */
export function styleFont(stylesXml: string, id: string | undefined): string | undefined {
  const seen = new Set<string>();
  let current = id;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const style = new RegExp(`<w:style [^>]*w:styleId="${current}"[^>]*>(.*?)</w:style>`, 's').exec(stylesXml)?.[1] ?? '';
    const face = /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(style)?.[1];
    if (face !== undefined) return face;
    current = /<w:basedOn w:val="([^"]+)"/.exec(style)?.[1];
  }
  return /<w:rPrDefault>.*?w:eastAsia="([^"]+)"/s.exec(stylesXml)?.[1];
}

/** Each run's text, bold, and the east-Asian font it shows in (its own, else its paragraph style's). */
export function docxRuns(docx: Uint8Array): { text: string; bold: boolean; font: string | undefined }[] {
  const zip = unzipSync(docx);
  const xml = strFromU8(zip['word/document.xml']!);
  const styles = strFromU8(zip['word/styles.xml']!);
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].flatMap(([p]) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
    return [...p.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)].map((m) => ({
      text: m[2]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
      bold: /<w:b\/>/.test(m[1] ?? ''),
      font: /w:eastAsia="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? styleFont(styles, style),
    }));
  });
}

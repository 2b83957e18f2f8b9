/**
 * 样式参考文档（build --reference-docx 样式.docx）：取用户在 Word/WPS 中改过的 .docx 的 word/styles.xml，
 * 其样式按 id 替换 jixiao 的同名样式（pandoc --reference-doc 的规则）；页面几何（GB/T 9704 版心）不取。
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Doc } from '../model/doc.js';

/** The styles.xml text of a reference .docx, or the Chinese reason it cannot be used. */
export type ReferenceStyles = { readonly styles: string } | { readonly problem: string };

/** Reads `word/styles.xml` out of the bytes of a .docx; `where` names the file in the message (“--reference-docx 样式.docx”). */
export function readReferenceStyles(bytes: Uint8Array, where: string): ReferenceStyles {
  let files: Record<string, Uint8Array>;
  try {
    // Note: only styles.xml is unpacked; the body of a large reference is never inflated.
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/styles.xml' });
  } catch {
    return { problem: `${where} 不是 .docx 文件（不是 zip 压缩包）；应为在 Word 或 WPS 中保存的 .docx，如 jixiao templates copy 写出的 reference.docx。` };
  }
  const data = files['word/styles.xml'];
  if (data === undefined) return { problem: `${where} 中没有 word/styles.xml（样式部件），不是 Word 文档；应为在 Word 或 WPS 中保存的 .docx。` };
  const styles = strFromU8(data);
  if (!/<w:styles\b/.test(styles)) return { problem: `${where} 的 word/styles.xml 没有 <w:styles> 元素，无法读取其中的样式。` };
  return { styles };
}

/**
 * jixiao's own styles as a .docx a user edits in Word/WPS and passes back as `--reference-docx`: one page that
 * uses the title, the headings and 正文, so each style can be picked and changed where it shows.
 */
export async function defaultReferenceDocx(): Promise<Uint8Array> {
  const { docToDocx } = await import('./docx.js');
  const doc: Doc = {
    id: 'reference',
    fileBase: 'reference',
    title: 'jixiao 样式参考',
    sections: [
      {
        orientation: 'portrait',
        blocks: [
          { type: 'title', text: '样式参考（标题）' },
          { type: 'heading', level: 1, text: '一、一级标题' },
          { type: 'heading', level: 2, text: '（一）二级标题' },
          { type: 'heading', level: 3, text: '1. 三级标题' },
          { type: 'paragraph', text: '正文：在 Word 或 WPS 中修改样式（而不是直接改这段文字的格式），保存后运行 jixiao build 输入 --reference-docx 本文件。' },
        ],
      },
    ],
  };
  // Note: a fixed date, so the shipped reference is the same bytes on every run.
  return docToDocx(doc, new Date(Date.UTC(2000, 0, 1)));
}

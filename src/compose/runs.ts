/** 段落文字中的 **加粗** 标记：拆成加粗与不加粗的片段（宁夏格式的段首小标题、“一是**…**”）。 */
import type { Block, Run } from '../model/doc.js';
import { VALUE_BOLD, plainText } from './verbatim.js';

/**
 * Splits "**（一）项目背景。**人大…" into runs; text without a complete pair of markers stays one plain run.
 * Note: only the template's own `**` pair across the line; a value's balanced `**` (VALUE_BOLD) toggle bold
 * inside that value, and its other markup characters print as written.
 */
export function parseRuns(text: string): Run[] {
  const parts = text.split('**');
  const paired = parts.length >= 3 && parts.length % 2 === 1;
  const segments = paired ? parts.map((t, i) => ({ t, bold: i % 2 === 1 })) : [{ t: text, bold: false }];
  const runs = segments.flatMap(({ t, bold }) => t.split(VALUE_BOLD).map((v, k) => ({ text: plainText(v), bold: bold !== (k % 2 === 1) })));
  if (!runs.some((r) => r.bold && r.text !== '')) return [{ text: runs.map((r) => r.text).join('') }];
  return runs.flatMap((r) => (r.text === '' ? [] : [r.bold ? { text: r.text, bold: true } : { text: r.text }]));
}

/** A body paragraph (indented 2 characters) whose **marked** stretches are bold. */
export function proseParagraph(text: string): Block {
  const runs = parseRuns(text);
  const plain = runs.map((r) => r.text).join('');
  return runs.some((r) => r.bold) ? { type: 'paragraph', text: plain, indent: true, runs } : { type: 'paragraph', text: plain, indent: true };
}

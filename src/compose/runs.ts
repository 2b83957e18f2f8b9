/** 段落文字中的 **加粗** 标记：拆成加粗与不加粗的片段（宁夏格式的段首小标题、“一是**…**”）。 */
import type { Block, Run } from '../model/doc.js';

/** Splits "**（一）项目背景。**人大…" into runs; text without a complete pair of markers stays one plain run. */
export function parseRuns(text: string): Run[] {
  const parts = text.split('**');
  if (parts.length < 3 || parts.length % 2 === 0) return [{ text }];
  return parts.flatMap((t, i) => (t === '' ? [] : [i % 2 === 1 ? { text: t, bold: true } : { text: t }]));
}

/** A body paragraph (indented 2 characters) whose **marked** stretches are bold. */
export function proseParagraph(text: string): Block {
  const runs = parseRuns(text);
  const plain = runs.map((r) => r.text).join('');
  return runs.some((r) => r.bold) ? { type: 'paragraph', text: plain, indent: true, runs } : { type: 'paragraph', text: plain, indent: true };
}

/** 表格声明读取的视图字段：一张表印出哪些字段，输入便须填写哪些字段（没有印出的字段可以不填）。 */
import type { CellDecl, RowDecl, TableLayout } from '../../model/table-layout.js';

/** The first step of every view field a declaration prints: its cells' `field`, `{field}` in texts, titles and notes. */
export function declaredFields(layout: TableLayout): Set<string> {
  const out = new Set<string>();
  const head = (path: string) => out.add(path.replace(/^\$/, '').split('.')[0]!);
  const texts = (s: string | undefined) => {
    for (const [, path] of (s ?? '').matchAll(/\{([$\w.]+)\}/g)) head(path!);
  };
  const cell = (c: CellDecl) => {
    if (c.field) head(c.field);
    if (c.each) head(c.each);
    texts(c.text);
  };
  const row = (r: RowDecl): void => {
    if (Array.isArray(r)) for (const c of r) cell(c);
    else if ('each' in r) {
      head(r.each);
      for (const c of r.cells) cell(c);
    } else {
      cell(r.block.lead);
      for (const x of r.block.rows) row(x);
    }
  };
  for (const r of layout.rows) row(r);
  for (const s of [layout.title, layout.subtitle, layout.id, layout.sheetName, ...layout.notes]) texts(s);
  if (layout.notesFrom) head(layout.notesFrom);
  return out;
}

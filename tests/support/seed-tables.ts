/** Reads the tables of a published seed report (tab-separated text) for golden comparison. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies of the published seed reports (from ../shared/seeds), kept with the tests so they never move under them. */
export const SEEDS_DIR = join(import.meta.dirname, '..', 'fixtures', 'seeds');

export interface SeedTable {
  readonly title: string;
  readonly rows: string[][];
}

/** Cell text normalised for comparison: no tags, no white space, half-width brackets as full-width. */
export function norm(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^#+/, '');
}

/** Non-empty normalised cells of a row. */
export const cells = (row: readonly string[]): string[] => row.map(norm).filter((c) => c !== '');

const TITLE = /^#*\s*(\d{4}年度(部门整体支出绩效自评情况|部门整体支出绩效自评表|项目支出绩效自评表))\s*$/;

/** Every table that follows a form title in a seed file, rows as non-empty normalised cells. */
export function seedTables(file: string): SeedTable[] {
  const lines = readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n');
  const out: SeedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = TITLE.exec(lines[i]!.trim());
    if (!m) continue;
    const rows: string[][] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || !lines[j]!.includes('\t'))) {
      if (rows.length === 0 && /^(#|\*|备注)/.test(lines[j]!.trim())) break;
      j++;
    }
    for (; j < lines.length && lines[j]!.includes('\t'); j++) rows.push(cells(lines[j]!.split('\t')));
    out.push({ title: m[1]!, rows });
    i = j - 1;
  }
  return out;
}

const CELL_TITLE = /^\s*(\d{4}年度.{2,4}(部门整体支出绩效自评计分表|部门整体支出绩效目标完成情况表|项目支出绩效自评计分表|项目支出绩效目标完成情况表))\s*$/;
/** Lines that end a cell-per-line table: the next title, an 附件 mark, or chart data pasted after it. */
const TABLE_END = (line: string) => CELL_TITLE.test(line) || /^附件\d/.test(line.trim()) || /^ +\t/.test(line);

/**
 * Every table of a seed whose tables are written one cell per line (seed 001's 附件): a cell starts with a tab,
 * continues on lines without one, and a blank line followed by a tab line starts the next row. Rows are the
 * non-empty normalised cells, as `seedTables` gives them.
 */
export function seedCellTables(file: string): SeedTable[] {
  const lines = readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n');
  const out: SeedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CELL_TITLE.exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith('\t')) j++;
    const raw: string[][] = [];
    let row: string[] | null = null;
    let blank = false;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.startsWith('\t')) {
        if (row === null || blank) {
          row = [];
          raw.push(row);
        }
        row.push(line.slice(1));
        blank = false;
      } else if (line.trim() === '') blank = true;
      else if (TABLE_END(line)) break;
      else {
        row![row!.length - 1] += `\n${line}`;
        blank = false;
      }
    }
    out.push({ title: m[1]!, rows: raw.map(cells).filter((r) => r.length > 0) });
    i = j - 1;
  }
  return out;
}

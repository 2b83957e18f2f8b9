/** Reads the tables of a published seed report (tab-separated text) for golden comparison. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Copies of the published seed reports (from ../shared/seeds), kept with the tests so they never move under them. */
export const SEEDS_DIR = join(import.meta.dirname, '..', 'fixtures', 'seeds');

export interface SeedTable { readonly title: string; readonly rows: string[][] }

/** Cell text normalised for comparison: no tags, no white space, half-width brackets as full-width. */
export function norm(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/^#+/, '');
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

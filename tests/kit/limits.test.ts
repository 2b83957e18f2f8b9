/** Size bounds (issue 10): too many projects or indicators is one located E-INPUT-LIMIT, before any schema work. */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readInput } from '../../src/load/read-input.js';
import { INPUT_SCHEMAS } from '../../src/profiles/registry.js';
import { validateUnit } from '../../src/load/validate.js';
import { checkLimits, MAX_INDICATORS_PER_TABLE, MAX_INDICATORS_PER_UNIT, MAX_PROJECTS } from '../../src/load/limits.js';
import { utf8Concat } from '../../src/write/utf8-chunks.js';

const load = (data: unknown, pretty = false) => {
  const r = readInput('big.json', strToU8(JSON.stringify(data, null, pretty ? 1 : undefined)));
  if (!r.loaded) throw new Error(JSON.stringify(r.diagnostics));
  return r.loaded;
};
const indicator = { level1: '产出指标', level2: '数量指标', name: 'x', nature: '≥', target: 1, unit: '项', actual: 1, weight: 1 };

describe('input size limits', () => {
  it('reports more than 2,000 projects at the projects key, with expected and actual', () => {
    const loaded = load({ year: 2023, projects: Array.from({ length: MAX_PROJECTS + 1 }, () => ({})) }, true);
    const r = validateUnit(loaded, INPUT_SCHEMAS);
    expect(r.unit).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'E-INPUT-LIMIT',
      severity: 'error',
      file: 'big.json',
      path: ['projects'],
      place: { line: 3 },
      actual: '2001 个项目',
      expected: '≤ 2000 个项目',
    });
    expect(r.diagnostics[0]!.message).toContain('超过上限 2000 个');
  });

  it('reports a table of more than 5,000 indicators by its path, and accepts exactly 5,000', () => {
    const many = (n: number) => ({
      projects: [
        { id: 'P1', indicators: Array.from({ length: n }, () => indicator) },
        { id: 'P2', indicators: [indicator] },
      ],
    });
    const over = checkLimits(load(many(MAX_INDICATORS_PER_TABLE + 1), true));
    expect(over).toMatchObject([{ code: 'E-INPUT-LIMIT', path: ['projects', 0, 'indicators'], actual: '5001 个指标' }]);
    expect(over[0]!.message).toMatch(/^项目支出第1项 › 绩效指标：一张表有 5001 个绩效指标/);
    expect(over[0]!.place?.line).toBeGreaterThan(1);
    expect(checkLimits(load(many(MAX_INDICATORS_PER_TABLE)))).toEqual([]);
  });

  it('reports more than 100,000 indicators in one unit even when each table is within its bound', () => {
    const per = MAX_INDICATORS_PER_TABLE;
    const tables = MAX_INDICATORS_PER_UNIT / per + 1;
    const data = {
      dept: { indicators: [indicator] },
      projects: Array.from({ length: tables - 1 }, () => ({ indicators: Array.from({ length: per }, () => indicator) })),
    };
    // Note: such a text file is over the 5 MiB file limit anyway; the bound matters for workbooks and library callers.
    const loaded = { file: 'big.xlsx', data, locate: () => ({ cell: '项目指标!A2' }) };
    expect(checkLimits(loaded)).toMatchObject([
      { code: 'E-INPUT-LIMIT', path: [], file: 'big.xlsx', cell: '项目指标!A2', actual: `${(tables - 1) * per + 1} 个指标` },
    ]);
  });

  it('finds indicators lists of every profile shape (the top-level list of gansu, nested ones)', () => {
    const data = { indicators: Array.from({ length: MAX_INDICATORS_PER_TABLE + 1 }, () => indicator) };
    expect(checkLimits(load(data)).map((d) => d.path)).toEqual([['indicators']]);
  });
});

describe('utf8Concat', () => {
  it('gives the bytes of the joined string for ASCII, CJK, astral characters and growth past the first guess', () => {
    const chunks = ['<w:t>', '绩效自评', '𠀀😀', 'a'.repeat(3000), '汉'.repeat(5000), '', '</w:t>'];
    expect(Buffer.from(utf8Concat(chunks)).equals(Buffer.from(new TextEncoder().encode(chunks.join(''))))).toBe(true);
    expect(utf8Concat([]).length).toBe(0);
  });
});

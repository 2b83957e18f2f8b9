import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECK_CATALOGUE,
  PROFILES,
  blankEntryWorkbook,
  checkFile,
  checkUnit,
  entryWorkbook,
  formatDiagnostics,
  loadProfile,
  renderUnit,
} from '../../src/index.js';

// Note: the library API of src/index.ts, used as a program importing 'jixiao' would (tests/kit/package.test.ts installs it).
const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'templates', 'yunnan', 'sample.yaml');

describe('the library API', () => {
  it('checks a unit from text and gives its figures', async () => {
    const r = await checkUnit({ name: 'sample.yaml', text: readFileSync(SAMPLE, 'utf8') });
    expect(r.ok).toBe(true);
    expect(r.profile).toBe('yunnan');
    expect(r.unitName).toBeTruthy();
    expect(r.summary?.budget.isPositive()).toBe(true);
    expect(r).not.toHaveProperty('documents');
  });

  it('returns problems as located diagnostics, not exceptions', async () => {
    const r = await checkUnit({ name: 'bad.yaml', text: 'profile: yunnan\nyear: "abc"\n' });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'E-SCHEMA');
    expect(d?.file).toBe('bad.yaml');
    expect(formatDiagnostics(r.diagnostics)).toMatch(/^bad\.yaml:\d+:\d+ {2}error {2}E-/m);
    expect(Object.keys(CHECK_CATALOGUE)).toContain(d?.code);
  });

  it('reads a file, and reports an unreadable one as a diagnostic', async () => {
    expect((await checkFile(join(ROOT, 'inputs', 'ziyang-renda-2023.yaml'))).profile).toBe('sichuan');
    const gone = await checkFile(join(ROOT, 'no-such-file.yaml'));
    expect(gone.diagnostics.map((d) => d.code)).toEqual(['E-INPUT-UNREADABLE']);
  });

  it('renders the documents to bytes, the same bytes for the same date', async () => {
    const src = { name: 'sample.yaml', bytes: readFileSync(SAMPLE) };
    const date = new Date('2024-03-31T00:00:00Z');
    const a = await renderUnit(src, { date });
    const b = await renderUnit(src, { date });
    expect(a.documents?.fileBase).toMatch(/绩效自评/);
    // DOCX and XLSX are zip archives: PK\x03\x04.
    expect([...a.documents!.docx.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
    expect([...a.documents!.xlsx.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
    expect(Buffer.from(a.documents!.docx).equals(Buffer.from(b.documents!.docx))).toBe(true);
  });

  it('renders nothing for a unit with errors', async () => {
    const r = await renderUnit({ name: 'bad.json', text: '{"profile":"yunnan"}' });
    expect(r.ok).toBe(false);
    expect(r.documents).toBeUndefined();
  });

  it('writes the data-entry workbook of a unit, which reads back as the same unit, and a blank one', async () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'inputs', 'central-sthjj-2024.yaml'), 'utf8');
    const { bytes, diagnostics } = await entryWorkbook({ name: 'sthjj.yaml', text });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const back = await checkUnit({ name: 'sthjj.xlsx', bytes: bytes! });
    const original = await checkUnit({ name: 'sthjj.yaml', text });
    expect(JSON.stringify(back.derived)).toBe(JSON.stringify(original.derived));
    const gansu = await entryWorkbook({
      name: 'g.yaml',
      text: readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'gansu', 'sample.yaml'), 'utf8'),
    });
    // A form other than yunnan's gets a workbook generated from its input schema, which reads back the same.
    expect(gansu.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const gansuBack = await checkUnit({ name: 'g.xlsx', bytes: gansu.bytes! });
    const gansuOriginal = await checkUnit({ name: 'g.yaml', text: readFileSync(join(ROOT, 'templates', 'gansu', 'sample.yaml'), 'utf8') });
    expect(JSON.stringify(gansuBack.derived)).toBe(JSON.stringify(gansuOriginal.derived));
    const blank = await blankEntryWorkbook('central');
    expect((await checkUnit({ name: 'blank.xlsx', bytes: blank })).diagnostics.map((d) => d.code)).toContain('E-REQUIRED');
    await expect(blankEntryWorkbook('nosuch')).rejects.toThrow('nosuch');
    // Every form has a workbook, sichuan's too (its keyed 计分表 lines on sheets with a 代号 column).
    const sichuanText = readFileSync(join(ROOT, 'inputs', 'ziyang-renda-2023.yaml'), 'utf8');
    const sichuan = await entryWorkbook({ name: 's.yaml', text: sichuanText });
    expect(sichuan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const sichuanBack = await checkUnit({ name: 's.xlsx', bytes: sichuan.bytes! });
    expect(JSON.stringify(sichuanBack.derived)).toBe(JSON.stringify((await checkUnit({ name: 's.yaml', text: sichuanText })).derived));
    const broken = await entryWorkbook({ name: 's.yaml', text: sichuanText.replace(/^year: .*$/m, 'year: 二〇二三') });
    expect(broken.bytes).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.code)).toContain('E-SCHEMA');
  });

  it('lists and loads the profiles', async () => {
    expect(PROFILES).toEqual(['yunnan', 'gansu', 'ningxia', 'sichuan']);
    for (const id of PROFILES) expect((await loadProfile(id)).profile?.profile.id).toBe(id);
    expect((await loadProfile('yunnan', { templates: join(ROOT, 'no-such-dir') })).profile).toBeUndefined();
  });
});

/**
 * exceljs's parts go to the zip without JSZip in between (src/write/xlsx-parts.ts). These tests hold that path to
 * exceljs's own writeBuffer: for every sample input the bytes are the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES, type AnyUnit } from '../../src/profiles/registry.js';
import { profileFor, runUnit } from '../../src/run/pipeline.js';
import { tablesWorkbook } from '../../src/write/xlsx.js';
import { workbookBytes, writtenBytes } from '../../src/write/xlsx-parts.js';
import { inputPath, ROOT, tempDir, testContext } from '../support/fixtures.js';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const inputs = readdirSync(join(ROOT, 'inputs')).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('XLSX parts written without JSZip', () => {
  it.each(inputs)('gives the same bytes as exceljs writeBuffer for %s', async (input) => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath(input), ctx, { write: true });
    expect(r.outputs).toHaveLength(2);
    const lp = await profileFor(ctx, r.profile!);
    const module = PROFILES[(r.unit as AnyUnit).profile] as unknown as {
      compose: (
        u: unknown,
        d: unknown,
        p: unknown,
        t: unknown,
        render: unknown,
      ) => { docx: { title: string }; xlsxTables: Parameters<typeof tablesWorkbook>[0] };
    };
    const docs = module.compose(r.unit, r.derived, lp.profile, lp.templates, ctx.render);
    const meta = { title: docs.docx.title, when: ctx.fixedDate! };
    const ours = await workbookBytes(tablesWorkbook(docs.xlsxTables, meta), meta.when);
    const theirs = await writtenBytes(tablesWorkbook(docs.xlsxTables, meta), meta.when);
    expect(ours.length).toBeGreaterThan(1000);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    // What the build wrote is this path's output.
    expect(Buffer.from(readFileSync(r.outputs[1]!)).equals(Buffer.from(ours))).toBe(true);
  });

  it('gives a workbook the same bytes whatever was written before it in the process', async () => {
    // Note: the theme, styles and relationships of a workbook are packed once per text (reproducible.ts); the first
    // workbook of a batch and one written after others of another form must not differ.
    const ctx = await testContext(tempDir());
    const built = async (input: string) => {
      const r = await runUnit(inputPath(input), ctx, { write: true });
      return Buffer.from(readFileSync(r.outputs[1]!));
    };
    const first = await built(inputs[0]!);
    for (const other of inputs.slice(1)) await built(other);
    expect((await built(inputs[0]!)).equals(first)).toBe(true);
    const styles = (b: Buffer) => unzipSync(new Uint8Array(b))['xl/styles.xml'];
    expect(styles(first)).toBeDefined();
  });
});

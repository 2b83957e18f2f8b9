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
});

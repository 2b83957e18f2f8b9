/**
 * `build --reference-docx 样式.docx` (issue 13): the reference's styles replace jixiao's of the same id, the others
 * stay; a file that is not a .docx is a usage error; the reference is part of the recipe, so changing it rebuilds;
 * `templates copy` writes jixiao's own styles as reference.docx, and a profile folder's reference.docx is used.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/model/diagnostic.js';
import { createContext } from '../../src/run/context.js';
import { recipeHasher } from '../../src/run/manifest.js';
import { runUnit } from '../../src/run/pipeline.js';
import { STYLE } from '../../src/write/docx-styles.js';
import { defaultReferenceDocx, readReferenceStyles } from '../../src/write/reference-docx.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const YUNNAN = inputPath('zhanyi-czj-2023.yaml');
const ENV = { SOURCE_DATE_EPOCH: '1711843200' };

const stylesOf = (docx: Uint8Array): string => strFromU8(unzipSync(docx)['word/styles.xml']!);
const styleElement = (styles: string, id: string): string | undefined =>
  new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0];

/** jixiao's reference with a style (the 正文, JxBody, by default) changed to 黑体 小四 (24 half-points), or only to 黑体. */
async function editedReference(id: string = STYLE.body, size = true): Promise<Uint8Array> {
  const zip = unzipSync(await defaultReferenceDocx());
  const styles = strFromU8(zip['word/styles.xml']!);
  const body = styleElement(styles, id)!;
  const face = body.replace(/w:eastAsia="[^"]+"/, 'w:eastAsia="黑体"');
  const edited = size ? face.replace(/<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/>/, '<w:sz w:val="24"/><w:szCs w:val="24"/>') : face;
  expect(edited).not.toBe(body);
  return zipSync({ ...zip, 'word/styles.xml': strToU8(styles.replace(body, edited)) });
}

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!);

/** Builds the Yunnan sample through the CLI, with extra arguments; returns the exit code, stderr and the DOCX. */
async function build(extra: string[]): Promise<{ code: ExitCode; stderr: string; docx: Uint8Array | undefined }> {
  const out = tempDir();
  const { io, stderr } = memoryIo(ENV);
  const code = await main(['build', YUNNAN, '-o', out, '--jobs', '1', ...extra], io);
  const files = readdirDocx(out);
  return { code, stderr: stderr(), docx: files[0] === undefined ? undefined : new Uint8Array(readFileSync(files[0])) };
}

function readdirDocx(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
}

describe('--reference-docx', () => {
  it('replaces the 正文 style by the reference’s and keeps every other style as jixiao writes it', async () => {
    const ref = join(tempDir(), '样式.docx');
    writeFileSync(ref, await editedReference());
    const plain = await build([]);
    const styled = await build(['--reference-docx', ref]);
    expect(styled.code).toBe(ExitCode.Ok);
    const before = stylesOf(plain.docx!);
    const after = stylesOf(styled.docx!);
    const body = styleElement(after, STYLE.body)!;
    expect(body).toContain('w:eastAsia="黑体"');
    expect(body).toContain('<w:sz w:val="24"/>');
    expect(styleElement(before, STYLE.body)).not.toContain('黑体');
    for (const id of [STYLE.heading1, STYLE.tableText, STYLE.tableHeader, STYLE.title]) expect(styleElement(after, id)).toBe(styleElement(before, id));
    // Note: only styles are taken; the page setup is the same. A size jixiao measures to paginate tables has changed, so
    // the viewer paginates them: no page ends where jixiao computed one.
    expect(documentXml(plain.docx!)).toContain('<w:pageBreakBefore/>');
    expect(documentXml(styled.docx!)).not.toContain('<w:pageBreakBefore/>');
    expect(documentXml(styled.docx!).match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)).toEqual(documentXml(plain.docx!).match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g));
    // Identical inputs, identical bytes.
    expect((await build(['--reference-docx', ref])).docx).toEqual(styled.docx);
  });

  it('keeps jixiao’s page ends in tables while the reference leaves their sizes and line spacing as they are', async () => {
    const dir = tempDir();
    const plain = await build([]);
    // A new face for table text keeps the body's bytes; a new size for it hands the page breaks to the viewer.
    writeFileSync(join(dir, 'face.docx'), await editedReference(STYLE.tableText, false));
    writeFileSync(join(dir, 'size.docx'), await editedReference(STYLE.tableText));
    expect(documentXml((await build(['--reference-docx', join(dir, 'face.docx')])).docx!)).toBe(documentXml(plain.docx!));
    const sized = documentXml((await build(['--reference-docx', join(dir, 'size.docx')])).docx!);
    expect(sized).not.toContain('<w:pageBreakBefore/>');
    // The untouched reference jixiao writes is jixiao's own styles: the same document.
    writeFileSync(join(dir, 'same.docx'), await defaultReferenceDocx());
    expect(documentXml((await build(['--reference-docx', join(dir, 'same.docx')])).docx!)).toBe(documentXml(plain.docx!));
  });

  it('refuses a file that is not a .docx, or a zip without word/styles.xml, as a usage error (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.docx'), '不是压缩包');
    writeFileSync(join(dir, 'b.docx'), zipSync({ 'readme.txt': strToU8('x') }));
    const text = await build(['--reference-docx', join(dir, 'a.docx')]);
    expect(text.code).toBe(ExitCode.Usage);
    expect(text.stderr).toContain(`--reference-docx ${join(dir, 'a.docx')} 不是 .docx 文件`);
    expect(text.docx).toBeUndefined();
    const zip = await build(['--reference-docx', join(dir, 'b.docx')]);
    expect(zip.code).toBe(ExitCode.Usage);
    expect(zip.stderr).toContain('没有 word/styles.xml');
    const missing = await build(['--reference-docx', join(dir, 'c.docx')]);
    expect(missing.code).toBe(ExitCode.Usage);
    expect(missing.stderr).toContain(`无法读取 --reference-docx ${join(dir, 'c.docx')}`);
  });

  it('is part of the recipe: another reference gives another recipe hash, the same one the same hash', async () => {
    const a = readReferenceStyles(await defaultReferenceDocx(), 'a');
    const b = readReferenceStyles(await editedReference(), 'b');
    if (!('styles' in a) || !('styles' in b)) throw new Error('references unreadable');
    const recipe = async (referenceStyles?: string) =>
      recipeHasher(await createContext({ outDir: tempDir(), env: ENV, ...(referenceStyles ? { referenceStyles } : {}) }))('yunnan');
    const [none, withA, withA2, withB] = await Promise.all([recipe(), recipe(a.styles), recipe(a.styles), recipe(b.styles)]);
    expect(none).not.toBeNull();
    expect(withA).toBe(withA2);
    expect(new Set([none, withA, withB]).size).toBe(3);
  });
});

describe('reference.docx of a profile folder', () => {
  it('templates copy writes jixiao’s styles as reference.docx, which round-trips to the same output', async () => {
    const root = tempDir('jixiao-tpl-');
    expect(await main(['templates', 'copy', 'yunnan', root], memoryIo().io)).toBe(ExitCode.Ok);
    const ref = join(root, 'yunnan', 'reference.docx');
    const read = readReferenceStyles(new Uint8Array(readFileSync(ref)), ref);
    expect('styles' in read && styleElement(read.styles, STYLE.body)).toBeTruthy();
    const plain = await build([]);
    expect((await build(['--reference-docx', ref])).docx).toEqual(plain.docx);
    expect((await build(['--templates', root])).docx).toEqual(plain.docx);
  });

  it('is used by build --templates, is part of the recipe, and --reference-docx wins over it', async () => {
    const root = tempDir('jixiao-tpl-');
    expect(await main(['templates', 'copy', 'yunnan', root], memoryIo().io)).toBe(ExitCode.Ok);
    const ref = join(root, 'yunnan', 'reference.docx');
    const recipe = async () => recipeHasher(await createContext({ outDir: tempDir(), env: ENV, templatesRoot: root }))('yunnan');
    const before = await recipe();
    writeFileSync(ref, await editedReference());
    expect(await recipe()).not.toBe(before);
    const folder = await build(['--templates', root]);
    expect(styleElement(stylesOf(folder.docx!), STYLE.body)).toContain('黑体');
    const shipped = join(tempDir(), 'jixiao.docx');
    writeFileSync(shipped, await defaultReferenceDocx());
    const explicit = await build(['--templates', root, '--reference-docx', shipped]);
    expect(styleElement(stylesOf(explicit.docx!), STYLE.body)).not.toContain('黑体');
  });

  it('a broken reference.docx in the folder is an E-PROFILE at that file', async () => {
    const root = tempDir('jixiao-tpl-');
    expect(await main(['templates', 'copy', 'yunnan', root], memoryIo().io)).toBe(ExitCode.Ok);
    const ref = join(root, 'yunnan', 'reference.docx');
    writeFileSync(ref, 'x');
    const result = await runUnit(YUNNAN, await createContext({ outDir: tempDir(), env: ENV, templatesRoot: root }), { write: true });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'E-PROFILE', file: ref, message: expect.stringContaining('不是 .docx 文件') }));
  });
});

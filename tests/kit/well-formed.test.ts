/** Issue 10: every generated DOCX/XLSX is well-formed XML; characters XML 1.0 forbids are refused at load with their place. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readInputFile } from '../../src/load/read-file.js';
import { MAX_CHARACTER_DIAGNOSTICS } from '../../src/load/characters.js';
import { docToDocx } from '../../src/write/docx.js';
import { tablesToXlsx } from '../../src/write/xlsx.js';
import { writeEntryWorkbook } from '../../src/write/entry-workbook.js';
import { findForbiddenChar, stripForbiddenChars } from '../../src/model/xml-chars.js';
import { formatDiagnostic } from '../../src/run/reporter.js';
import { MINIMAL_YAML } from '../support/minimal.js';
import { ROOT, memoryIo, tempDir } from '../support/fixtures.js';
import { dumpDocx } from '../support/dump.js';
import { folderXmlErrors, officeFiles, ooxmlErrors, xmlErrors } from '../support/xml-check.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const when = new Date(Date.UTC(2024, 2, 31));
const read = (file: string, text: string) => readInputFile(file, new TextEncoder().encode(text));
const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

/** MINIMAL_YAML with narrative text full of odd but allowed characters. */
const ODD_YAML = MINIMAL_YAML.replace(/overview: .*/, 'overview: "😀🎉 𠀀𠀁𪚥 <b>&amp;</b> \\"引号\\" \'单引号\' a\\tb ]]> <![CDATA[ x"')
  .replace(/problems: .*/, "problems: '< & > \" '' 𡃁 — …　全角空格 ‎ ZWJ‍'")
  .replace(/name: 曲靖市沾益区财政局/, 'name: 曲靖市沾益区财政局<&>');

describe('the XML checker', () => {
  it('accepts well-formed XML with emoji and CJK extension B', () => {
    expect(xmlErrors('<a b="&amp;">😀𠀀\t</a>')).toEqual([]);
  });

  it('rejects a part holding U+FFFF, U+FFFE or a control character, and a broken tag', () => {
    for (const bad of ['<a>x\uFFFF</a>', '<a>\uFFFE</a>', '<a>\u0001</a>', '<a><b></a>', '<a>&</a>']) expect(xmlErrors(bad), bad).not.toEqual([]);
  });
});

describe('forbidden characters', () => {
  it('are found and stripped: C0 controls, lone surrogates, U+FFFE/U+FFFF, non-characters; not tab, emoji, ext-B', () => {
    for (const c of ['\u0000', '\u0001', '\u000B', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\uFDD0', '\u{1FFFF}', '\u{10FFFE}']) {
      expect(findForbiddenChar(`ab${c}`), escape(c)).toMatchObject({ index: 2, codePoint: c.codePointAt(0) });
      expect(stripForbiddenChars(`a${c}b${c}`)).toBe('ab');
    }
    for (const ok of ['\t\n\r', '😀', '𠀀', '\uFFFD', '\uE000', '<&>"\'']) expect(findForbiddenChar(ok), ok).toBeUndefined();
  });

  it('in YAML text are E-INPUT-CHARACTER at the character, naming it as U+XXXX', async () => {
    const r = await read('u.yaml', MINIMAL_YAML.replace('有职工67人', '有职工\uFFFF67人'));
    expect(codes(r.diagnostics)).toEqual(['E-INPUT-CHARACTER']);
    const d = r.diagnostics[0]!;
    const lineNo = MINIMAL_YAML.split('\n').findIndex((l) => l.includes('有职工67人')) + 1;
    const column = MINIMAL_YAML.split('\n')[lineNo - 1]!.indexOf('67人') + 1;
    expect(d).toMatchObject({ file: 'u.yaml', place: { line: lineNo, column }, path: ['narrative', 'overview'], actual: 'U+FFFF' });
    expect(formatDiagnostic(d)).toMatch(new RegExp(`^u\\.yaml:${lineNo}:${column}  error  E-INPUT-CHARACTER  自评情况 › 部门概况.*U\\+FFFF.*删除`));
  });

  it('written as escapes in double quotes (YAML and JSON) are found too, at the value', async () => {
    const y = await read('u.yaml', MINIMAL_YAML.replace(/conclusion: .*/, 'conclusion: "得分\\u0007为优"'));
    expect(y.diagnostics).toMatchObject([{ code: 'E-INPUT-CHARACTER', actual: 'U+0007', path: ['narrative', 'conclusion'] }]);
    expect(y.diagnostics[0]!.message).toContain('转义');
    const json = JSON.stringify({ ...parse(MINIMAL_YAML), unit: { name: '沾益\uFFFE财政局', code: '1' } }, null, 2);
    const j = await read('u.json', json);
    const line = json.split('\n').findIndex((l) => l.includes('沾益')) + 1;
    expect(j.diagnostics).toMatchObject([{ code: 'E-INPUT-CHARACTER', actual: 'U+FFFE', path: ['unit', 'name'], place: { line } }]);
  });

  it('in a key, a list item, a lone surrogate escape: each reported by path', async () => {
    const text = MINIMAL_YAML.replace("  code: '101001'", '  code: \'101001\'\n  "x\\uDC00": 1').replace(
      '- name: 财政拨款收入',
      '- name: "财政拨款\\uFDD0收入"',
    );
    const r = await read('u.yaml', text);
    expect(r.diagnostics.map((d) => [d.code, d.actual, d.path])).toEqual([
      ['E-INPUT-CHARACTER', 'U+DC00', ['unit', 'x\uDC00']],
      ['E-INPUT-CHARACTER', 'U+FDD0', ['finance', 'income', 0, 'name']],
    ]);
    expect(r.diagnostics[0]!.message).toContain('键名');
  });

  it('in a comment are harmless; many are reported up to a limit', async () => {
    expect((await read('u.yaml', `# 注释\uFFFF\n${MINIMAL_YAML}`)).diagnostics).toEqual([]);
    const many = await read('u.yaml', MINIMAL_YAML.replace('有职工67人', `有职工${'\u0001'.repeat(30)}67人`));
    expect(many.diagnostics).toHaveLength(1);
    const spread = `${MINIMAL_YAML}${Array.from({ length: 25 }, (_, i) => `extra${i}: 文字\uFFFF\n`).join('')}`;
    const r = await read('u.yaml', spread);
    expect(r.diagnostics.length).toBe(MAX_CHARACTER_DIAGNOSTICS);
    expect(new Set(r.diagnostics.map((d) => d.place?.line)).size).toBe(MAX_CHARACTER_DIAGNOSTICS);
  });

  it('in a workbook cell are E-INPUT-CHARACTER at 文件.xlsx!表!格', async () => {
    const dir = tempDir();
    const clean = await writeEntryWorkbook(parse(MINIMAL_YAML), { lists: { level1: [], level2: [] }, when });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(clean) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('单位')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(4).value === 'unit.name') row = n;
    });
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 2).value = '沾益MARK财政局';
    // Note: Excel stores a control character or non-character in sharedStrings.xml as an escape like _xFFFF_.
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    parts['xl/sharedStrings.xml'] = strToU8(strFromU8(parts['xl/sharedStrings.xml']!).replace('MARK', '_xFFFF_'));
    const file = join(dir, 'u.xlsx');
    writeFileSync(file, zipSync(parts));
    const r = await readInputFile(file, readFileSync(file));
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-CHARACTER', cell: `单位!B${row}`, actual: 'U+FFFF' }]);
    expect(formatDiagnostic(r.diagnostics[0]!)).toContain(`u.xlsx!单位!B${row}`);
  });

  it('stop the build of that unit (exit 1, no files) and are listed in docs/checks.md', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), MINIMAL_YAML.replace('有职工67人', '有职工\uFFFF67人'));
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', dir, '--out', out], io)).toBe(1);
    expect(stderr()).toContain('E-INPUT-CHARACTER');
    expect(officeFiles(out).filter((f) => !f.endsWith('汇总表.xlsx'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'docs', 'checks.md'), 'utf8')).toContain('| `E-INPUT-CHARACTER` | 错误 |');
  });
});

describe('generated files', () => {
  it('of every sample input and of a unit full of odd characters parse as XML, every part', async () => {
    const dir = tempDir();
    const out = tempDir();
    const inputs = readdirSync(join(ROOT, 'inputs')).map((f) => join(ROOT, 'inputs', f));
    writeFileSync(join(dir, 'odd.yaml'), ODD_YAML);
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', ...inputs, join(dir, 'odd.yaml'), '--out', out], io), stderr()).toBe(0);
    const files = officeFiles(out);
    expect(files.length).toBe(2 * (inputs.length + 1) + 1); // every unit's DOCX and XLSX, and 汇总表.xlsx
    expect(folderXmlErrors(out)).toEqual([]);
    // The odd text arrives verbatim in the DOCX.
    const docx = files.find((f) => f.includes('沾益区财政局_&_') && f.endsWith('.docx'));
    const text = dumpDocx(new Uint8Array(readFileSync(docx!)));
    expect(text).toContain('😀🎉 𠀀𠀁𪚥 <b>&amp;</b> "引号" \'单引号\' a\tb ]]> <![CDATA[ x');
    expect(text).toContain('曲靖市沾益区财政局<&>');
  });

  it('stay well-formed when forbidden characters reach the writers anyway (defence in depth)', async () => {
    const bad = 'a\uFFFFb\u0001c\uD800d\uFFFE';
    const docx = await docToDocx(
      {
        id: 'x',
        fileBase: 'x',
        title: `标题${bad}`,
        sections: [
          {
            orientation: 'portrait',
            blocks: [
              { type: 'title', text: bad },
              { type: 'paragraph', text: bad },
              { type: 'heading', level: 1, text: bad },
            ],
          },
        ],
      },
      when,
    );
    expect(ooxmlErrors(docx)).toEqual([]);
    const xlsx = await tablesToXlsx(
      [
        {
          id: 't',
          sheetName: '表',
          title: bad,
          columns: [1, 1],
          headerRows: 1,
          orientation: 'portrait',
          notes: [bad],
          rows: [[{ value: { kind: 'text', text: bad } }, { value: { kind: 'text', text: `${bad}2` } }]],
        },
      ],
      { title: bad, when },
    );
    expect(ooxmlErrors(xlsx)).toEqual([]);
  });
});

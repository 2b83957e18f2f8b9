/** Issue 10: narrative text from the input is data, never markup; only the templates make headings and bold. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseRuns } from '../../src/compose/runs.js';
import { plainText, protectText } from '../../src/compose/verbatim.js';
import { dumpDocx } from '../support/dump.js';
import { docxRuns } from '../support/docx-styles.js';
import { MINIMAL_YAML } from '../support/minimal.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';
import { officeFiles } from '../support/xml-check.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const TRICKY = ['# 不是标题', '## （九）也不是', '孤立的**星号', '::: table dept-funds', '{{year}}与{{narrative.overview}}'];

/** Builds one input text into a fresh folder; the DOCX bytes. */
async function buildDocx(text: string, name = 'u.yaml'): Promise<Uint8Array> {
  const dir = tempDir();
  const out = tempDir();
  writeFileSync(join(dir, name), text);
  const { io, stderr } = memoryIo(env);
  expect(await main(['build', join(dir, name), '--out', out], io), stderr()).toBe(0);
  const docx = officeFiles(out).find((f) => f.endsWith('.docx'));
  return new Uint8Array(readFileSync(docx!));
}

const runs = docxRuns;

/** The east-Asian font of the run whose text is exactly `text` (headings are 黑体/楷体, body text 仿宋). */
const fontOf = (docx: Uint8Array, text: string): string | undefined => runs(docx).find((r) => r.text === text)?.font;

const overview = (lines: readonly string[]) => MINIMAL_YAML.replace(/ {2}overview: .*/, `  overview: |\n${lines.map((l) => `    ${l}`).join('\n')}`);

describe('narrative values', () => {
  for (const layout of ['table', 'prose'] as const) {
    it(`print verbatim in the ${layout} layout: a "#" line, a stray "**", a "::: table" line, {{x}}`, async () => {
      const text = `${overview(TRICKY)}\noptions:\n  narrativeLayout: ${layout}\n`;
      const docx = await buildDocx(text);
      const dump = dumpDocx(docx);
      for (const line of TRICKY) expect(dump).toContain(line);
      expect(dump).not.toMatch(/^不是标题|^（九）也不是/m);
      if (layout === 'prose') {
        // The template's own heading is 黑体; the value's "#" lines are body paragraphs in 仿宋.
        expect(fontOf(docx, '一、部门基本情况')).toBe('黑体');
        expect(fontOf(docx, '# 不是标题')).toBe('仿宋_GB2312');
        expect(fontOf(docx, '## （九）也不是')).toBe('仿宋_GB2312');
      } else {
        expect(dump).toContain('| 一、部门基本情况');
        const at = TRICKY.map((l) => dump.indexOf(l));
        expect(at).toEqual([...at].sort((a, b) => a - b));
      }
    });
  }

  it('in ningxia keep the template bold when they hold a stray "**", and print it', async () => {
    const text = readFileSync(inputPath('hongsibu-renda-2023.yaml'), 'utf8').replace(
      / {2}background: \|\n {4}人大综合业务/,
      '  background: |\n    人大**综合业务',
    );
    const all = runs(await buildDocx(text, 'hongsibu.yaml'));
    expect(all).toContainEqual(expect.objectContaining({ text: '（一）项目背景。', bold: true }));
    const after = all.find((r) => r.text.startsWith('人大**综合业务'));
    expect(after).toMatchObject({ bold: false });
  });

  it('in ningxia still bold their own balanced **…** (the sample’s “一是**…**”), inside the value only', async () => {
    const all = runs(await buildDocx(readFileSync(inputPath('hongsibu-renda-2023.yaml'), 'utf8'), 'hongsibu.yaml'));
    expect(all).toContainEqual(expect.objectContaining({ text: '预算编制的准确性有待提高', bold: true }));
    expect(all.some((r) => r.text.includes('**'))).toBe(false);
  });

  it('that start with "#" in gansu are paragraphs, not headings', async () => {
    const text = readFileSync(inputPath('zhengning-renda-2023.yaml'), 'utf8');
    const m = /\n {2}(\w+): \|\n {4}(\S)/.exec(text.slice(text.indexOf('\nnarrative:')));
    expect(m).not.toBeNull();
    const edited = text.replace(`\n  ${m![1]}: |\n    ${m![2]}`, `\n  ${m![1]}: |\n    # 用户写的井号\n    ${m![2]}`);
    const docx = await buildDocx(edited, 'zhengning.yaml');
    const dump = dumpDocx(docx);
    expect(dump).toContain('# 用户写的井号');
    expect(dump).not.toMatch(/^用户写的井号/m);
    expect(fontOf(docx, '# 用户写的井号')).toBe('仿宋_GB2312');
  });
});

describe('protectText and parseRuns', () => {
  it('round-trip every value through plainText', () => {
    for (const s of ['# a', 'a**b', '**a**b', 'x: y', '::: table t', '***', 'a\n# b\n**c**']) expect(plainText(protectText(s))).toBe(s);
  });

  it('bold the template’s pairs across a value, and a value’s balanced pairs only within it', () => {
    expect(parseRuns(`**标题。**${protectText('正文**孤立')}`)).toEqual([{ text: '标题。', bold: true }, { text: '正文**孤立' }]);
    expect(parseRuns(`前${protectText('一是**要点**。')}`)).toEqual([{ text: '前一是' }, { text: '要点', bold: true }, { text: '。' }]);
    expect(parseRuns(protectText('**半个'))).toEqual([{ text: '**半个' }]);
  });
});

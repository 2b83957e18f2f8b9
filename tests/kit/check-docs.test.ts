/** docs/checks.md is generated from the code's catalogue and the profiles' severities, so it cannot drift. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE } from '../../src/model/check-catalogue.js';
import { CHECK_DOCS, profileCodes, profileSeverities, renderCheckDocs } from '../../src/run/check-docs.js';
import { ROOT } from '../support/fixtures.js';

describe('docs/checks.md', () => {
  it('is what `npm run docs` generates from the catalogue (run it after changing a code)', () => {
    expect(readFileSync(CHECK_DOCS, 'utf8')).toBe(renderCheckDocs(profileSeverities(join(ROOT, 'templates')), profileCodes(join(ROOT, 'src'))));
  });

  it('lists every code the source raises, each once, with a profile severity where a profile changes it', () => {
    const docs = readFileSync(CHECK_DOCS, 'utf8');
    for (const code of Object.keys(CHECK_CATALOGUE)) expect(docs.match(new RegExp(`^\\| \`${code}\` \\|`, 'gm')), code).toHaveLength(1);
    expect(docs).toMatch(/^\| `W-EXEC-LOW-UNEXPLAINED` \| 警告；sichuan：错误 \|/m);
  });

  it('names the profiles that raise a check: the task checks only yunnan, the rubric checks only sichuan', () => {
    const codes = profileCodes(join(ROOT, 'src'));
    expect(Object.keys(codes)).toEqual(['gansu', 'ningxia', 'sichuan', 'yunnan']);
    expect(codes['yunnan']!.has('W-TASK-SUM')).toBe(true);
    expect(codes['sichuan']!.has('W-TASK-SUM')).toBe(false);
    expect(codes['sichuan']!.has('W-RUBRIC-NO-TARGET')).toBe(true);
    expect(readFileSync(CHECK_DOCS, 'utf8')).toMatch(/^\| `W-TASK-SUM` \| 警告 \| yunnan \|/m);
  });

  it('marks as not implemented exactly the codes that no source file raises', () => {
    const src = join(ROOT, 'src');
    const text = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !/model[\\/](diagnostic|check-catalogue)\.ts$/.test(f))
      .map((f) => readFileSync(join(src, f), 'utf8'))
      .join('\n');
    for (const [code, e] of Object.entries(CHECK_CATALOGUE)) expect(text.includes(`'${code}'`), `${code} (${e.stage})`).toBe(e.stage !== 'none');
  });

  it('has an example for every code that is raised, and a reason for every one that is not', () => {
    for (const [code, e] of Object.entries(CHECK_CATALOGUE)) {
      expect(e.when.length, code).toBeGreaterThan(5);
      if (e.stage !== 'none') expect(e.example?.length ?? 0, code).toBeGreaterThan(5);
    }
  });
});

/**
 * Issue 13: an independent reader opens every generated DOCX. python-docx (Debian's python3-docx; .ci/run installs it)
 * loads each sample's report, walks its paragraphs, styles and tables, and every XML part of the package must parse.
 * Note: no OOXML schema validator is available from Debian or npm here, so parts are checked for well-formedness only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runUnit } from '../../src/run/pipeline.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

/** The first Python that has python-docx, or null (the test is then skipped). */
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0) ?? null;

const SCRIPT = `
import sys, zipfile, json
from xml.dom import minidom
import docx
out = []
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith('.xml') or name.endswith('.rels'):
                minidom.parseString(z.read(name))
    d = docx.Document(path)
    styled = [p.style.name for p in d.paragraphs if p.text.strip()]
    cells = sum(1 for t in d.tables for r in t.rows for c in r.cells)
    out.append({'path': path, 'paragraphs': len(styled), 'styles': sorted(set(styled)), 'tables': len(d.tables), 'cells': cells,
                'headings': [p.text for p in d.paragraphs if p.style.name.endswith('级标题')]})
print(json.dumps(out, ensure_ascii=False))
`;

const INPUTS = readdirSync(inputPath('.')).filter((f) => f.endsWith('.yaml'));

describe.skipIf(python === null)('an independent reader (python-docx)', () => {
  it.each(INPUTS)('opens the report of %s: every part parses, every text paragraph has a named style', async (input) => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath(input), ctx, { write: true });
    const docx = r.outputs.filter((o) => o.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(0);
    const [report] = JSON.parse(execFileSync(python!, ['-c', SCRIPT, ...docx], { encoding: 'utf8' })) as {
      paragraphs: number;
      styles: string[];
      tables: number;
      cells: number;
    }[];
    expect(report!.paragraphs).toBeGreaterThan(0);
    // Note: the ningxia project report is prose only; every other sample has its forms as tables.
    if (!input.startsWith('hongsibu')) expect(report!.cells).toBeGreaterThan(10 * report!.tables);
    // Note: python-docx names a paragraph without w:pStyle after the default style, "Normal".
    expect(report!.styles).not.toContain('Normal');
  });
});

/**
 * The published package as a user gets it: `npm pack` the built tree, install the tarball into an empty project,
 * then use the library (`import … from 'jixiao'`) and the bin (`npx jixiao`) there.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/fixtures.js';

const run = promisify(execFile);
// Note: the npm registry is reachable but slow; the cache usually holds every dependency already.
const NPM = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

describe('the packed tarball', () => {
  it('installs into an empty project where the API and the bin work', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    // Note: --ignore-scripts: dist/ is built by pretest; prepack would rebuild it under the other tests' feet.
    await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^jixiao-\d+\.\d+\.\d+\.tgz$/);
    const app = join(dir, 'app');
    mkdirSync(app);
    await run('npm', ['init', '-y'], { cwd: app });
    await run('npm', ['install', join(dir, tarball!), ...NPM], { cwd: app });

    const pkg = JSON.parse(readFileSync(join(app, 'node_modules', 'jixiao', 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('templates');
    // Only the built code ships: no sources, tests, source maps or outputs.
    const shipped = readdirSync(join(app, 'node_modules', 'jixiao'));
    expect(shipped).not.toContain('src');
    expect(shipped).not.toContain('tests');

    writeFileSync(
      join(app, 'use.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { checkUnit, renderUnit, PROFILES } from 'jixiao';",
        "const text = readFileSync('node_modules/jixiao/templates/yunnan/sample.yaml', 'utf8');",
        "const r = await checkUnit({ name: 'sample.yaml', text });",
        "const { documents } = await renderUnit({ name: 'sample.yaml', text });",
        'console.log(JSON.stringify({ ok: r.ok, profile: r.profile, profiles: PROFILES, docx: documents?.docx.length ?? 0 }));',
      ].join('\n'),
    );
    const used = JSON.parse((await run('node', ['use.mjs'], { cwd: app })).stdout) as { ok: boolean; profile: string; profiles: string[]; docx: number };
    expect(used).toMatchObject({ ok: true, profile: 'yunnan', profiles: ['yunnan', 'gansu', 'ningxia', 'sichuan'] });
    expect(used.docx).toBeGreaterThan(1000);

    const help = await run('npx', ['--no-install', 'jixiao', '--help'], { cwd: app });
    expect(help.stdout).toMatch(/jixiao build <inputs\.\.>/);
    // yargs is bundled into dist/cli.js; its own messages still come in Chinese from the locale files packed beside it.
    expect(help.stdout).toMatch(/^用法：jixiao <命令> \[选项\]/);
    expect(help.stdout).toMatch(/\n选项：\n/);
    const check = await run('npx', ['--no-install', 'jixiao', 'check', 'node_modules/jixiao/templates/yunnan/sample.yaml'], { cwd: app });
    expect(check.stdout + check.stderr).toMatch(/sample\.yaml/);
  });
});

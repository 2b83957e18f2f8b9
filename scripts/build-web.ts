/**
 * npm run build:web → dist/web/jixiao.html: one self-contained page (script, styles, every shipped profile folder).
 * Note: platform 'browser' makes esbuild fail on any `node:` import it is not told about; the few that the shared
 * stages import but the page never calls (file writes, worker ids, paths) go to the shims in src/web/shims/, listed
 * here one by one, so a new Node-only import in the page's code breaks this build.
 */
import { build, type Plugin } from 'esbuild';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shim = (f: string) => join(root, 'src/web/shims', f);
const SHIMS: Record<string, string> = {
  'node:path': shim('path.ts'),
  'node:url': shim('url.ts'),
  'node:worker_threads': shim('worker-threads.ts'),
  'node:fs/promises': shim('unavailable.ts'),
  'node:fs': shim('unavailable.ts'),
  'node:crypto': shim('unavailable.ts'),
  'node:module': shim('module.ts'),
  'node:zlib': shim('zlib.ts'),
  'node:assert/strict': shim('assert.ts'),
};

async function templateFiles(): Promise<Record<string, string>> {
  const dir = join(root, 'templates');
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const abs = join(name.parentPath, name.name);
    out[`/jixiao/templates/${relative(dir, abs).split('\\').join('/')}`] = await readFile(abs, 'utf8');
  }
  return out;
}

const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
const assets = { ...(await templateFiles()), '/jixiao/package.json': JSON.stringify({ name: 'jixiao', version: pkg.version }) };

const plugin: Plugin = {
  name: 'jixiao-web',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      const path = SHIMS[args.path];
      return path ? { path } : undefined;
    });
    b.onResolve({ filter: /^exceljs\/lib\/doc\/workbook\.js$/ }, () => ({ path: shim('exceljs-workbook.ts') }));
    b.onResolve({ filter: /^jixiao:assets$/ }, () => ({ path: 'assets', namespace: 'jixiao' }));
    b.onLoad({ filter: /.*/, namespace: 'jixiao' }, () => ({ contents: `export default ${JSON.stringify(assets)};`, loader: 'js' }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/web/main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: process.env['JIXIAO_WEB_DEBUG'] !== '1',
  write: false,
  charset: 'utf8',
  legalComments: 'none',
  inject: [shim('buffer-global.ts')],
  // Note: the shims give every module the same made-up location under /jixiao/, where the assets are mounted.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', 'import.meta.url': '"file:///jixiao/dist/run/context.js"' },
  plugins: [plugin],
  logLevel: 'warning',
});
// Note: `</script` inside the bundle would end the inline script early.
const script = result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
const style = await readFile(join(root, 'scripts/web-page/page.css'), 'utf8');
const page = (await readFile(join(root, 'scripts/web-page/page.html'), 'utf8'))
  .replaceAll('__VERSION__', pkg.version)
  .replace('__STYLE__', () => style)
  .replace('__SCRIPT__', () => script);
const out = join(root, 'dist/web/jixiao.html');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, page);
console.log(`${relative(root, out)}  ${(Buffer.byteLength(page) / 1024 / 1024).toFixed(2)} MB`);

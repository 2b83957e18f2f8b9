// Builds dist/ (issue 14, cold start):
// - dist/cli.js and dist/worker.js: the command line and its batch worker, each one bundled ESM file with shared
//   chunks, zod, yaml and decimal.js inside. Node 20 has no module compile cache, and resolving and loading
//   ~300 small modules (jixiao's and its packages') was the largest item of `check`'s cold start: 0.40 → 0.29 s quiet.
//   docx, exceljs, fflate and handlebars stay external and are still imported only by a command that writes, but for
//   exceljs's Workbook, which is bundled into the writers' lazily loaded chunk (below); yargs is bundled with its
//   locale files beside it.
// - dist/index.js: the library, one file with its packages external, so a caller's decimal.js and zod are the ones
//   jixiao uses (a Decimal from jixiao is an instance of the caller's Decimal).
// - the .d.ts of every module, from tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { codeHash } from './code-hash.mjs';

// Note: the sources' hash goes into the manifest's recipe (src/run/context.ts), so a changed jixiao rebuilds every unit.
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  define: { __JIXIAO_CODE__: JSON.stringify(codeHash()) },
};
const LAZY = ['docx', 'exceljs', 'fflate', 'handlebars'];
// Note: yargs is bundled too (loading it as a package, ~40 modules with cliui and string-width, took ~95 ms of every
// start). It reads its messages from locale files next to its own module, so the bundle looks for them in
// dist/yargs-locales, where they are copied below.
const LOCALES = 'yargs-locales';
const yargsLocales = {
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const wanted = "resolve(__dirname, '../../../locales')";
      if (!source.includes(wanted)) throw new Error(`yargs changed: ${args.path} no longer has ${wanted}`);
      return { contents: source.replace(wanted, `fileURLToPath(new URL('./${LOCALES}', import.meta.url))`), loader: 'js' };
    });
  },
};

// Note: exceljs's Workbook (exceljs/lib/doc/workbook.js, all the writers use) is bundled into the lazily loaded chunk
// of the XLSX writers, while the package's root (read-workbook.ts, which reads an entry workbook) stays external.
// Loading its ~270 CommonJS modules one by one took ~80 ms of a one-unit build (~18 %, cpu profile) and of every batch
// worker, one compiled chunk ~20 ms (bench/RESULTS.md, eleventh round); on Windows each module is also a file to open
// and scan. It also pins the exceljs that writes the bytes to the one jixiao was built and tested with.
const bundledWorkbook = {
  name: 'bundled-workbook',
  setup(b) {
    b.onResolve({ filter: /^exceljs\/lib\/doc\/workbook\.js$/ }, (args) => ({ path: createRequire(import.meta.url).resolve(args.path) }));
  },
};

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly'], { stdio: 'inherit' });
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/run/worker.ts' },
  outdir: 'dist',
  splitting: true,
  // Note: chunks beside the entries, so run/pool's `new URL('./worker.js', import.meta.url)` finds dist/worker.js.
  chunkNames: '[name]-[hash]',
  external: LAZY,
  plugins: [yargsLocales, bundledWorkbook],
  // Note: the bundled CommonJS packages (decimal.js's require of nothing, yargs's y18n) call `require`; ESM has none.
  banner: { js: "import { createRequire as __jixiaoRequire } from 'node:module'; const require = __jixiaoRequire(import.meta.url);" },
});
cpSync('node_modules/yargs/locales', `dist/${LOCALES}`, { recursive: true });
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist', packages: 'external' });
chmodSync('dist/cli.js', 0o755);

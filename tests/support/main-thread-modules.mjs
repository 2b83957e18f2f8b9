// Preloaded with `node --import` by the tests that look at what a CLI process loads (loaded-modules.ts): records every module the main thread resolves
// (ESM, which is how dist/ loads its chunks and docx; CommonJS through the ESM loader, as exceljs's root) in the file
// JIXIAO_MODULES_LOG, one URL a line. Worker threads preload this too but register no hook.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread)
  register(
    `data:text/javascript,${encodeURIComponent(`import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.JIXIAO_MODULES_LOG, r.url + '\\n');
  return r;
}`)}`,
  );

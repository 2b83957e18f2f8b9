/**
 * Writes src/vendor/libdeflate/wasm.ts from the npm package libdeflate (libdeflate.js): the WebAssembly of libdeflate's
 * compressor that its Emscripten glue carries inline, as base64, checked against the tarball's integrity.
 * Usage: node scripts/vendor-libdeflate.mjs   (needs the npm registry; run only to update the vendored copy)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VERSION = '0.1.0';
const INTEGRITY = 'sha512-HubE+lY04UnnaAjH32SiToef3s/JJ6yApb+QTjY/3BfSlY8AqAjcUga9NTIJZ4NzKU2sKttCefBu3T3toLXCfQ==';

const work = mkdtempSync(join(tmpdir(), 'jixiao-libdeflate-'));
try {
  const tgz = execFileSync('npm', ['pack', `libdeflate@${VERSION}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim();
  const bytes = readFileSync(join(work, tgz));
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  if (integrity !== INTEGRITY) throw new Error(`libdeflate@${VERSION}: integrity ${integrity}, expected ${INTEGRITY}`);
  execFileSync('tar', ['-xzf', tgz], { cwd: work });
  const glue = readFileSync(join(work, 'package/dist/libdeflate.wasm.mjs'), 'utf8');
  const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(glue)?.[1];
  if (!base64) throw new Error('libdeflate: no inline WebAssembly in dist/libdeflate.wasm.mjs');
  const sha = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
  writeFileSync(
    'src/vendor/libdeflate/wasm.ts',
    `/** libdeflate's compressor as WebAssembly, from npm libdeflate@${VERSION} (MIT); sha256 of the binary ${sha}. Written by scripts/vendor-libdeflate.mjs. */\n` +
      `export const LIBDEFLATE_WASM = '${base64}';\n`,
  );
  writeFileSync('src/vendor/libdeflate/LICENSE.txt', readFileSync(join(work, 'package/LICENSE.txt')));
  console.log(`src/vendor/libdeflate/wasm.ts: ${Buffer.from(base64, 'base64').length} bytes, sha256 ${sha}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The hash of the sources a build is made from: every file under src/ and package-lock.json (the dependencies'
// versions), by path and content. scripts/build.mjs bakes it into dist/ so that the manifest's recipe changes with
// the code, not only with package.json's version: after any change to jixiao, a build regenerates every unit once.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** sha256 (hex) of the sources under `root`. */
export function codeHash(root = join(import.meta.dirname, '..')) {
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
  files.push('package-lock.json');
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}

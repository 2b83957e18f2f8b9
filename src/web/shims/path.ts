/**
 * node:path for the browser build (POSIX only): the page's in-memory files live under `/jixiao/`.
 * Note: only the functions the bundled stages import; esbuild fails on any other `node:` import.
 */
const normalizeParts = (p: string): string => {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
};
export const sep = '/';
export const delimiter = ':';
export const normalize = normalizeParts;
export const join = (...parts: string[]): string => normalizeParts(parts.filter((p) => p !== '').join('/'));
export const isAbsolute = (p: string): boolean => p.startsWith('/');
export const resolve = (...parts: string[]): string => {
  let acc = '';
  for (const p of parts) acc = isAbsolute(p) ? p : `${acc}/${p}`;
  return normalizeParts(isAbsolute(acc) ? acc : `/${acc}`);
};
export const dirname = (p: string): string => {
  const n = normalizeParts(p);
  const i = n.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
};
export const basename = (p: string, ext?: string): string => {
  const b = normalizeParts(p).split('/').pop() ?? '';
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
};
export const extname = (p: string): string => {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
};
export const relative = (from: string, to: string): string => {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
};
export default { sep, delimiter, normalize, join, isAbsolute, resolve, dirname, basename, extname, relative };

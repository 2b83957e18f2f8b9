/** 通配符：命令行上的 `inputs/**\/*.yaml`、`单位?.yml`、`{a,b}/*.json` 变成匹配的路径（Node 20 没有 fs.glob）。 */
import { join, sep } from 'node:path';
import type { FileSystem } from './context.js';

/** Whether an argument is a pattern: it has `*`, `?`, `[…]` or `{…}`. */
export const isGlob = (arg: string): boolean => /[*?[{]/.test(arg);

/**
 * A glob pattern as a regular expression over `/`-separated paths: `*` and `?` stay within one segment,
 * `**` spans any number of segments (including none), `[abc]` and `{a,b}` choose.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((alt) => globToRegExp(alt).source.slice(1, -1))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A pattern's fixed leading folders and the segments from the first one with glob characters. */
function splitPattern(pattern: string): { fixed: string[]; segments: string[] } {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (segments.length > 1 && !isGlob(segments[0]!)) fixed.push(segments.shift()!);
  return { fixed, segments };
}

/** The folder a pattern's matches are under (`.` when it starts with a glob): a scan never leaves it. */
export function globBase(pattern: string): string {
  const { fixed } = splitPattern(pattern);
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

/**
 * The files and folders under the pattern's fixed leading folders that match it, sorted.
 * Hidden entries and node_modules are skipped unless the pattern names them; linked folders are not entered.
 */
export async function expandGlob(pattern: string, fs: FileSystem): Promise<string[]> {
  const { fixed, segments } = splitPattern(pattern);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const rest = segments.join('/');
  const matcher = globToRegExp(rest);
  const maxDepth = rest.includes('**') ? Infinity : segments.length;
  const wantsHidden = /(^|\/)\./.test(rest);
  const found: string[] = [];
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if ((name.startsWith('.') && !wantsHidden) || name === 'node_modules') continue;
      const path = join(dir, name);
      const relPath = rel === '' ? name : `${rel}/${name}`;
      if (matcher.test(relPath)) found.push(fixed.length === 0 ? relPath.split('/').join(sep) : path);
      // Note: lstat semantics: a symbolically linked folder is never entered, so a pattern cannot lead out of its base.
      if (depth < maxDepth && (await fs.entryKind(path, false).catch(() => undefined)) === 'directory') await walk(path, relPath, depth + 1);
    }
  };
  await walk(base, '', 1);
  return found;
}

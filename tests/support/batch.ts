/** Batch test helpers: inputs that differ by unit, running `jixiao build` in-process, listing and hashing outputs. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { memoryIo } from './fixtures.js';
import { MINIMAL_YAML } from './minimal.js';

export const ENV = { SOURCE_DATE_EPOCH: '1711843200' };

/** The minimal valid input as unit `name` with code `code`. */
export const unitYaml = (code: string, name: string): string =>
  MINIMAL_YAML.replace(/unit:\n {2}name: .*\n {2}code: .*/, `unit:\n  name: ${name}\n  code: '${code}'`);

/** Writes `<dir>/<file>` for each entry. */
export function writeUnits(dir: string, units: Record<string, string>): void {
  for (const [file, text] of Object.entries(units)) writeFileSync(join(dir, file), text);
}

/** Runs `jixiao build …` in-process; returns the exit code and what it printed. */
export async function build(args: readonly string[], env: NodeJS.ProcessEnv = ENV): Promise<{ code: number; stdout: string; stderr: string }> {
  const m = memoryIo(env);
  const code = await main(['build', ...args], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

/** Every file under `dir`, relative and sorted. */
export const listFiles = (dir: string): string[] =>
  (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

/** The units' documents under out/<year>/<code>/ (not the manifest, not 汇总表). */
export const unitDocuments = (dir: string): string[] => listFiles(dir).filter((f) => /^\d{4}[\\/].*\.(docx|xlsx)$/.test(f));

/** sha256 of every file under `dir` (except the manifest, whose paths are absolute), by relative path. */
export const hashTree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    listFiles(dir)
      .filter((f) => f !== '.jixiao-manifest.json')
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );

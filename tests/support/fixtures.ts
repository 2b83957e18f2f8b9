/** Test context: a fixed date, a temporary output folder, an in-memory CLI io. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, type RunContext } from '../../src/run/context.js';
import type { Io } from '../../src/cli.js';

/** The project root (tests/support → ../..). */
export const ROOT = join(import.meta.dirname, '..', '..');
export const inputPath = (name: string): string => join(ROOT, 'inputs', name);
export const fixturePath = (...parts: string[]): string => join(ROOT, 'tests', 'fixtures', ...parts);

const made: string[] = [];

/** A fresh temporary folder; removed after the test file by `removeTempDirs` (tests/support/setup.ts). */
export function tempDir(prefix = 'jixiao-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far: a full `npm test` made ~400 and left them all in the system's temp folder. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A run context writing into `outDir` with SOURCE_DATE_EPOCH fixed to 2024-03-31. */
export function testContext(outDir: string, opts: { strict?: boolean } = {}): Promise<RunContext> {
  return createContext({ outDir, env: { SOURCE_DATE_EPOCH: '1711843200' }, ...(opts.strict ? { strict: true } : {}) });
}

/** An io that records what the CLI prints. */
export function memoryIo(env: NodeJS.ProcessEnv = {}): { io: Io; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      out: (s) => {
        out += s;
      },
      err: (s) => {
        err += s;
      },
      env,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

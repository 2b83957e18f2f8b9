/** Builds a sample input the way `jixiao build` does, into a temporary folder, for golden tests. */
import { readFileSync } from 'node:fs';
import { runUnit, type UnitResult } from '../../src/run/pipeline.js';
import { inputPath, tempDir, testContext } from './fixtures.js';

/** What one build of inputs/<name> gives: the unit result and the bytes of its DOCX and XLSX. */
export interface Built {
  readonly result: UnitResult;
  readonly docx: Uint8Array;
  readonly xlsx: Uint8Array;
}

/** Builds inputs/<name> with the fixed test date. */
export async function buildInput(name: string): Promise<Built> {
  const result = await runUnit(inputPath(name), await testContext(tempDir()), { write: true });
  const [docx, xlsx] = result.outputs.map((o) => new Uint8Array(readFileSync(o)));
  return { result, docx: docx ?? new Uint8Array(), xlsx: xlsx ?? new Uint8Array() };
}

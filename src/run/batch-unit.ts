/** 批量中的一个单位（本线程或工作线程）：输入只读一次，算出清单用的哈希，运行，得到可在线程间传递的结果。 */
import type { RunContext } from './context.js';
import { sha256 } from './output-files.js';
import { batchUnitOptions, readInput, runUnitBytes, unreadableInput } from './pipeline.js';
import { internalFailure, toOutcome, type UnitOutcome } from './unit-outcome.js';

/**
 * Runs one unit of a batch: its input is read once, and the outcome carries the sha256 of the bytes it was built from,
 * which the manifest records (a file edited while the batch runs is recorded as it was read, never as a later version).
 * A unit whose run throws is a bug, reported as E-INTERNAL.
 */
export async function runBatchUnit(file: string, ctx: RunContext, write: boolean): Promise<UnitOutcome> {
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readInput(ctx, file);
    } catch (e) {
      return toOutcome(unreadableInput(file, e), ctx.outDir, write);
    }
    const r = await runUnitBytes(file, bytes, ctx, batchUnitOptions(ctx, write));
    return { ...toOutcome(r, ctx.outDir, write), inputHash: sha256(bytes) };
  } catch (e) {
    return internalFailure(file, e);
  }
}

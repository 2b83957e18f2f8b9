/** 内存：一批单位生成完、写汇总表之前做一次完整的垃圾回收，让单位留下的垃圾先让出内存（issue 14）。 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Batches of fewer units than this leave too little garbage to be worth a collection. */
export const MIN_UNITS_FOR_COLLECTION = 100;

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection now. Note: V8 lets a busy heap grow to several times its live size between
 * collections; the 汇总表 of 1,000 units (~94,000 exceljs cells) would otherwise be built on top of the garbage of the
 * last units and raise the peak by ~65 MB (326 against 294 MiB with --jobs 1, bench/RESULTS.md). The function is
 * V8's own `gc`, reached as jest does (the flag, then a fresh context, whose global gets it).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

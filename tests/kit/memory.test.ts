/** src/run/memory.ts: collectGarbage, run before a large batch's 汇总表, really frees what nothing refers to; a host's own heap growth is kept. */
import { describe, expect, it } from 'vitest';
import { collectGarbage, setsHeapGrowth, setsYoungGeneration } from '../../src/run/memory.js';

describe('collectGarbage', () => {
  it('frees garbage that a busy heap would otherwise keep until its next collection', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let keep: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `单位${i}` }));
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10e6);
    keep = undefined;
    collectGarbage();
    expect(keep).toBeUndefined();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2e6);
  });
});

describe('setsHeapGrowth', () => {
  it('sees a heap growth the process was started with, on its command line or in NODE_OPTIONS, and nothing else', () => {
    expect(setsHeapGrowth(['--heap-growing-percent=50'], undefined)).toBe(true);
    expect(setsHeapGrowth([], '--max-old-space-size=512 --heap_growing_percent=80')).toBe(true);
    expect(setsHeapGrowth(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
    expect(setsHeapGrowth([], undefined)).toBe(false);
  });
});

describe('setsYoungGeneration', () => {
  it('sees a semi-space size on the command line or in NODE_OPTIONS, and nothing else', () => {
    expect(setsYoungGeneration(['--max-semi-space-size=16'], undefined)).toBe(true);
    expect(setsYoungGeneration([], '--enable-source-maps --max_semi_space_size=32')).toBe(true);
    expect(setsYoungGeneration(['--max-old-space-size=512'], '--heap-growing-percent=150')).toBe(false);
    expect(setsYoungGeneration([], undefined)).toBe(false);
  });
});

/** mapLimit (src/run/map-limit.ts): results in input order, never more calls in flight than the limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/run/map-limit.js';

describe('mapLimit', () => {
  it('returns every result in input order with at most `limit` calls in flight', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (delays, limit) => {
        let running = 0;
        let most = 0;
        const out = await mapLimit(delays, limit, async (d, i) => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, d));
          running -= 1;
          return i * 10 + d;
        });
        expect(out).toEqual(delays.map((d, i) => i * 10 + d));
        // Note: every lane starts its first call at once, so the limit is reached whenever there are enough items.
        expect(most).toBe(Math.min(limit, delays.length));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects with the error of a failing call', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (x) => (x === 2 ? Promise.reject(new Error('two')) : x))).rejects.toThrow('two');
  });
});

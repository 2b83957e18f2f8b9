/** 限量并发：对每一项调用一个异步函数，同时进行的调用不超过给定数目，结果按原顺序返回。 */

/**
 * `items.map(f)` awaited, with at most `limit` calls of `f` in flight; results in input order.
 * Note: a batch reads every input and every recorded output to decide what is unchanged; all at once, the file
 * buffers of 1,000 units (~90 MB) were alive together (issue 14); libuv reads four files at a time anyway.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

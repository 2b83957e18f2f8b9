/** UTF-8 编码：把许多段文字依次编码进一个字节数组，不先拼成一个长字符串，也不先收齐所有段。 */

const encoder = new TextEncoder();

/** The UTF-8 bytes of the concatenation of `chunks` (consumed once, in order), without building the joined string. */
export function utf8Concat(chunks: Iterable<string>): Uint8Array {
  let buf = new Uint8Array(1 << 16);
  let at = 0;
  for (const chunk of chunks) {
    // Note: a UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4), so 3 × length always fits;
    // the buffer doubles, which keeps the copying linear in the output.
    if (buf.length - at < chunk.length * 3) {
      const grown = new Uint8Array(Math.max(buf.length * 2, at + chunk.length * 3));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    at += encoder.encodeInto(chunk, buf.subarray(at)).written;
  }
  return buf.subarray(0, at);
}

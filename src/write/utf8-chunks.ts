/** UTF-8 编码：把许多段文字编码进一个字节数组，不先拼成一个长字符串。 */

const encoder = new TextEncoder();

/** The UTF-8 bytes of the concatenation of `chunks`, without ever building the concatenated string. */
export function utf8Concat(chunks: readonly string[]): Uint8Array {
  // Note: a UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4 bytes), so 3 × length bounds
  // the output; we grow by doubling from a smaller guess instead, since most of the text is ASCII markup.
  let buf = new Uint8Array(Math.max(1024, chunks.reduce((n, c) => n + c.length, 0) + 64));
  let at = 0;
  for (const chunk of chunks) {
    if (buf.length - at < chunk.length * 3) {
      const grown = new Uint8Array(Math.max(buf.length * 2, at + chunk.length * 3));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    at += encoder.encodeInto(chunk, buf.subarray(at)).written;
  }
  return buf.subarray(0, at);
}

/** 输出文件名：单位名称等输入文字变成在 Windows、macOS、Linux 上都安全的文件名。 */

const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * At most this many UTF-8 bytes per segment. Note: most file systems allow 255 bytes per name; the temporary name
 * `<name>.<pid>-<thread>.<n>.tmp` written before the rename adds up to about 30.
 */
const MAX_SEGMENT_BYTES = 200;
const encoder = new TextEncoder();

/** Turns any text into one safe path segment: no separators, no "..", no reserved names, at most 80 characters and 200 bytes. */
export function safeSegment(text: string, fallback = 'unit'): string {
  let s = text.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\.+/, '').replace(/[. ]+$/, '');
  const chars = [...s].slice(0, 80);
  while (encoder.encode(chars.join('')).length > MAX_SEGMENT_BYTES) chars.pop();
  s = chars.join('').replace(/[. ]+$/, '');
  if (s === '' || /^_+$/.test(s)) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

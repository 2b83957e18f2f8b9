/** 输出文件名：单位名称等输入文字变成在 Windows、macOS、Linux 上都安全的文件名。 */

const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Turns any text into one safe path segment: no separators, no "..", no reserved names, at most 80 characters. */
export function safeSegment(text: string, fallback = 'unit'): string {
  let s = text.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\.+/, '').replace(/[. ]+$/, '');
  s = [...s].slice(0, 80).join('');
  if (s === '' || /^_+$/.test(s)) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** JSON 语法检查：找出 .json 文件中第一处不合 JSON 规范的地方，并用中文说明。 */

/** The first JSON syntax mistake in a text: where (UTF-16 offset) and what, in Chinese. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;
const THOUSANDS = '数字中不能有千分位逗号；带千分位的金额请加英文双引号，例如 "1,522.66"';

/**
 * Checks that a text is strict JSON (RFC 8259) and returns its first mistake, or undefined.
 * Note: yaml's parser reads JSON as YAML and silently accepts comments, single quotes and bare words,
 * so .json inputs are checked here first. A state machine with its own stack: deep nesting cannot overflow.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value';
  let i = 0;
  const err = (offset: number, message: string): JsonSyntaxError => ({ offset, message });
  const closer = (top: '{' | '['): string => (top === '{' ? '右花括号“}”' : '右方括号“]”');

  for (;;) {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
    const c = text[i];
    const top = stack.at(-1);
    if (expect === 'after') {
      if (top === undefined) {
        if (c === undefined) return undefined;
        return err(i, 'JSON 文件只能有一个顶层值，此处起的内容是多余的（是否多写了括号？）');
      }
      if (c === undefined) return err(i, `文件意外结束：缺少${closer(top)}`);
      if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
        WS.lastIndex = i;
        WS.exec(text);
        if (text[WS.lastIndex] === (top === '{' ? '}' : ']')) return err(i - 1, '多余的逗号：JSON 不允许在最后一项后面写逗号');
      } else return err(i, punctuation(c) ?? `缺少逗号“,”或${closer(top)}`);
    } else if (expect === 'key' || expect === 'firstKey') {
      if (expect === 'firstKey' && c === '}') {
        stack.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (c !== '"')
        return err(i, c === undefined ? '文件意外结束：缺少键名' : (punctuation(c) ?? (/\d/.test(c) ? THOUSANDS : '键名必须用英文双引号括起来，例如 "year"')));
      const bad = readString();
      if (bad) return bad;
      WS.lastIndex = i;
      WS.exec(text);
      i = WS.lastIndex;
      if (text[i] !== ':') return err(i, text[i] === '：' ? '应使用英文冒号“:”，而不是中文冒号“：”' : '键名后缺少冒号“:”');
      i++;
      expect = 'value';
    } else if (expect === 'firstValue' && c === ']') {
      stack.pop();
      i++;
      expect = 'after';
    } else if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'firstKey' : 'firstValue';
    } else {
      const bad = readScalar(c);
      if (bad) return bad;
      expect = 'after';
    }
  }

  function readScalar(c: string | undefined): JsonSyntaxError | undefined {
    if (c === undefined) return err(i, '文件意外结束：此处应有一个值');
    if (c === '"') return readString();
    NUMBER.lastIndex = i;
    if (/[-\d]/.test(c) && NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return /[\w.]/.test(text[i] ?? '') ? err(i, '数字的写法不正确（JSON 数字只能含 0-9、小数点、负号和指数）') : undefined;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i) && !/\w/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return undefined;
      }
    }
    return err(i, punctuation(c) ?? '此处应为一个值：用英文双引号括起的文字、数字、true、false、null、{ } 或 [ ]');
  }

  function readString(): JsonSyntaxError | undefined {
    const open = i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return err(open, '字符串缺少结尾的英文双引号');
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e !== '' && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return err(i, '反斜杠“\\”的用法不正确；如要写反斜杠本身，请写成“\\\\”');
        continue;
      }
      if (c === '\n' || c === '\r') return err(open, '字符串缺少结尾的英文双引号（JSON 字符串不能跨行，如需换行请写 \\n）');
      if (c < ' ') return err(i, '字符串中含有控制字符');
      i++;
    }
  }
}

/** Specific advice for characters that are common mistakes in hand-written JSON. */
function punctuation(c: string): string | undefined {
  if (c === '“' || c === '”') return '应使用英文双引号“"”，而不是中文引号';
  if (c === "'") return 'JSON 中的文字须用英文双引号“"”括起来，不能用单引号';
  if (c === '，') return '应使用英文逗号“,”，而不是中文逗号“，”';
  if (c === '：') return '应使用英文冒号“:”，而不是中文冒号“：”';
  if (c === '/' || c === '#') return 'JSON 文件中不能写注释';
  if (c === '\u3000') return '此处有全角空格，请改为半角空格';
  return undefined;
}

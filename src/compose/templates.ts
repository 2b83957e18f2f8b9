/** 模板引擎：隔离的 Handlebars 实例，严格模式、不转义、只允许内置助手，编译结果缓存。 */
import Handlebars from 'handlebars';
import { protectView } from './verbatim.js';

/** A template problem located in its file (reported as E-TEMPLATE, never as a stack trace). */
export class TemplateError extends Error {
  readonly template: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(template: string, message: string, line?: number, column?: number) {
    super(message);
    this.name = 'TemplateError';
    this.template = template;
    this.line = line;
    this.column = column;
  }
}

/**
 * Renders a named template with a view; throws TemplateError.
 * Note: the result is marked text: values from the view are protected (verbatim.ts), so pass it through
 * parseMarkup/parseRuns or plainText before it reaches a document.
 */
export type Render = (name: string, source: string, view: object) => string;

/** Creates an isolated engine: no global helpers or partials leak in or out, and prototype access stays denied. */
export function createTemplateEngine(): Render {
  const hb = Handlebars.create();
  const cache = new Map<string, HandlebarsTemplateDelegate>();
  return (name, source, view) => {
    const key = `${name}\u0000${source}`;
    try {
      let compiled = cache.get(key);
      if (!compiled) {
        compiled = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
        cache.set(key, compiled);
      }
      return compiled(protectView(view));
    } catch (e) {
      throw toTemplateError(name, e);
    }
  };
}

type HandlebarsTemplateDelegate = Handlebars.TemplateDelegate;

function toTemplateError(name: string, e: unknown): TemplateError {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  // Note: parse errors carry their position only inside the message ("Parse error on line 3:").
  const line = err.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? NaN);
  const undefinedField = /"([^"]+)" not defined/.exec(message)?.[1];
  const text = undefinedField ? `模板引用了不存在的字段“${undefinedField}”` : `模板语法错误：${message.split('\n')[0]}`;
  return new TemplateError(name, text, Number.isFinite(line) ? line : undefined, err.column);
}

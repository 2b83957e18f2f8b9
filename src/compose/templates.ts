/** 模板引擎：隔离的 Handlebars 实例，严格模式、不转义、只允许内置助手，编译结果缓存。 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { describeTemplateError } from './template-errors.js';
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
  let hb: typeof Handlebars | undefined;
  const cache = new Map<string, HandlebarsTemplateDelegate>();
  return (name, source, view) => {
    const key = `${name}\u0000${source}`;
    try {
      let compiled = cache.get(key);
      if (!compiled) {
        hb ??= loadHandlebars().create();
        compiled = hb.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
        cache.set(key, compiled);
      }
      return compiled(protectView(view));
    } catch (e) {
      throw toTemplateError(name, source, e);
    }
  };
}

type HandlebarsTemplateDelegate = Handlebars.TemplateDelegate;

/**
 * Note: Handlebars (~40 ms to load) is required on the first render, not at start-up, so that `check` and `--help`
 * never load it; it is CommonJS, so a synchronous require keeps Render synchronous.
 */
const loadHandlebars = (): typeof Handlebars => createRequire(import.meta.url)('handlebars') as typeof Handlebars;

function toTemplateError(name: string, source: string, e: unknown): TemplateError {
  const { message, place } = describeTemplateError(source, e);
  return new TemplateError(name, message, place.line, place.column);
}

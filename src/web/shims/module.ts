/** node:module for the browser build: the template engine's lazy `require('handlebars')` gets the bundled Handlebars. */
import Handlebars from 'handlebars';

export const createRequire =
  (_from: string) =>
  (id: string): unknown => {
    if (id === 'handlebars') return Handlebars;
    throw new Error(`浏览器版无法加载模块 ${id}（这是程序错误，请报告）`);
  };
